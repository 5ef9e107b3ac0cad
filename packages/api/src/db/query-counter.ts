import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { type PreparedStatement, statementText } from './prepared-statement';

interface Tally {
  statements: string[];
}

/**
 * A TypeORM logger that counts the SQL statements issued within `measure()`, so that tests can
 * assert a request costs a fixed number of statements whatever the page size.
 */
export class QueryCounter implements TypeOrmLogger {
  private readonly storage = new AsyncLocalStorage<Tally>();

  private readonly byRequest = new Map<string, string[]>();

  async measure<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
    const tally: Tally = { statements: [] };
    const result = await this.storage.run(tally, work);
    return { result, statements: tally.statements };
  }

  /** Runs an HTTP request's handling with its own tally, readable afterwards by request id. */
  track(requestId: string, next: () => void): void {
    const tally: Tally = { statements: [] };
    this.byRequest.set(requestId, tally.statements);
    if (this.byRequest.size > 1000) this.byRequest.delete(this.byRequest.keys().next().value as string);
    this.storage.run(tally, next);
  }

  statementsOf(requestId: string): string[] {
    return this.byRequest.get(requestId) ?? [];
  }

  logQuery(query: string | PreparedStatement): void {
    const tally = this.storage.getStore();
    if (!tally) return;
    const text = statementText(query);
    // Transaction control is not work done for the request's data.
    if (/^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT)/i.test(text)) return;
    tally.statements.push(text);
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
