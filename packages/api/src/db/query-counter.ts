import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger as TypeOrmLogger } from 'typeorm';

interface Tally {
  statements: string[];
}

/**
 * A TypeORM logger that counts the SQL statements issued within `measure()`, so that tests can
 * assert a request costs a fixed number of statements whatever the page size.
 */
export class QueryCounter implements TypeOrmLogger {
  private readonly storage = new AsyncLocalStorage<Tally>();

  async measure<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
    const tally: Tally = { statements: [] };
    const result = await this.storage.run(tally, work);
    return { result, statements: tally.statements };
  }

  logQuery(query: string): void {
    const tally = this.storage.getStore();
    if (!tally) return;
    // Transaction control is not work done for the request's data.
    if (/^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT)/i.test(query)) return;
    tally.statements.push(query);
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
