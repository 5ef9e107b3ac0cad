import type { DataSource } from 'typeorm';
import { type PreparedStatement, statementText } from '../db/prepared-statement';
import { QueryCounter } from '../db/query-counter';

interface Recorded {
  query: string;
  parameters: unknown[];
}

/**
 * Records the SQL statements (with their parameters) that the app issues while `record` runs,
 * so a benchmark can show where a request's time goes: `explain` runs each recorded read again
 * under EXPLAIN ANALYZE. Give it to createDataSource as its queryCounter.
 */
export class StatementRecorder extends QueryCounter {
  private recorded: Recorded[] | null = null;

  async record(work: () => Promise<unknown>): Promise<Recorded[]> {
    this.recorded = [];
    try {
      await work();
      return this.recorded;
    } finally {
      this.recorded = null;
    }
  }

  override logQuery(statement: string | PreparedStatement, parameters?: unknown[]): void {
    super.logQuery(statement);
    if (!this.recorded) return;
    const query = statementText(statement);
    if (/^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT)/i.test(query)) return;
    this.recorded.push({ query, parameters: parameters ?? [] });
  }
}

/** Prints each recorded read's execution time (EXPLAIN ANALYZE) and the plan of the slowest. */
export async function explainStatements(dataSource: DataSource, scenario: string, recorded: Recorded[]) {
  const timings: { ms: number; query: string; plan: string[] }[] = [];
  for (const { query, parameters } of recorded) {
    if (!/^\s*(SELECT|WITH)/i.test(query)) continue;
    const rows: { 'QUERY PLAN': string }[] = await dataSource.query(
      `EXPLAIN (ANALYZE, BUFFERS) ${query}`,
      parameters,
    );
    const plan = rows.map((row) => row['QUERY PLAN']);
    const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan.at(-1) ?? '')?.[1] ?? 0);
    timings.push({ ms, query, plan });
  }
  const total = timings.reduce((sum, t) => sum + t.ms, 0);
  console.log(
    `  ${scenario}: ${recorded.length} statements, reads ${total.toFixed(1)} ms in PostgreSQL (${timings
      .map((t) => t.ms.toFixed(1))
      .join(' + ')})`,
  );
  const slowest = [...timings].sort((a, b) => b.ms - a.ms)[0];
  if (slowest && process.env.BENCH_EXPLAIN === 'plans') {
    console.log(`    slowest: ${slowest.query.replace(/\s+/g, ' ').slice(0, 300)}`);
    for (const line of slowest.plan.slice(0, 25)) console.log(`    | ${line}`);
  }
}
