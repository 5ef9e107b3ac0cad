import 'reflect-metadata';
import {
  notPersonalColumns,
  personalDataRegistry,
  referenceDataTables,
  retentionRules,
  runRegistrySql,
} from '../../packages/api/src/modules/privacy';
import { createTestDatabase, type TestDatabase } from '../support/db';

/**
 * The personal-data registry against the database catalogue: a table that references a person
 * and has no entry (or an entry that misses one of its person columns) fails here, so the export
 * and erasure cannot forget it.
 */
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

interface ColumnRow {
  table_name: string;
  column_name: string;
  data_type: string;
}

/** Columns that name a person by ID: foreign keys to app_user, and ID columns named like one. */
async function personIdColumns(): Promise<string[]> {
  const foreignKeys = (await db.dataSource.query(
    `SELECT cl.relname AS table_name, a.attname AS column_name
     FROM pg_constraint c
     JOIN pg_class cl ON cl.oid = c.conrelid
     JOIN pg_namespace n ON n.oid = cl.relnamespace AND n.nspname = current_schema()
     JOIN LATERAL unnest(c.conkey) AS k(attnum) ON true
     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
     WHERE c.contype = 'f' AND c.confrelid = 'app_user'::regclass`,
  )) as ColumnRow[];
  const named = (await db.dataSource.query(
    `SELECT table_name, column_name, data_type FROM information_schema.columns
     WHERE table_schema = current_schema() AND data_type = 'uuid'
       AND column_name ~ '(^|_)(user|actor|author|owner|person|presenter|organizer|recipient|mentioned)(_user)?_id$|_by_id$'`,
  )) as ColumnRow[];
  return [...new Set([...foreignKeys, ...named].map((c) => `${c.table_name}.${c.column_name}`))].sort();
}

/** Text columns whose names suggest personal data: e-mail, name, phone, recipient. */
async function personalTextColumns(): Promise<string[]> {
  const rows = (await db.dataSource.query(
    `SELECT table_name, column_name, data_type FROM information_schema.columns
     WHERE table_schema = current_schema() AND data_type IN ('text', 'character varying')
       AND column_name ~ '(^|_)(e_?mail|name|phone|mobile|recipient|first_name|last_name)(_|$)'`,
  )) as ColumnRow[];
  return rows.map((c) => `${c.table_name}.${c.column_name}`).sort();
}

const declared = new Set(
  personalDataRegistry.flatMap((entry) =>
    [...entry.personColumns, ...(entry.personalFields ?? [])].map((column) => `${entry.table}.${column}`),
  ),
);

describe('the personal-data registry covers the database', () => {
  it('every column naming a person by ID is declared by its table’s entry', async () => {
    const columns = await personIdColumns();
    expect(columns.length).toBeGreaterThan(20);
    const uncovered = columns.filter((c) => !declared.has(c) && !(c in notPersonalColumns));
    expect(uncovered).toEqual([]);
  });

  it('every e-mail, name or phone column is declared (or explained as not personal)', async () => {
    const columns = await personalTextColumns();
    expect(columns).toContain('app_user.email');
    const uncovered = columns.filter((c) => !declared.has(c) && !(c in notPersonalColumns));
    expect(uncovered).toEqual([]);
  });

  it('the audit and event tables are covered, their personal keys included', () => {
    for (const table of ['audit_event', 'domain_event', 'app_user', 'session'])
      expect(personalDataRegistry.map((e) => e.table)).toContain(table);
  });

  it('every declared table and column exists (no stale entries) and names a known retention rule', async () => {
    const existing = new Set(
      (
        (await db.dataSource.query(
          `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()`,
        )) as ColumnRow[]
      ).map((c) => `${c.table_name}.${c.column_name}`),
    );
    expect([...declared].filter((c) => !existing.has(c))).toEqual([]);
    const tables = new Set([...existing].map((c) => c.split('.')[0]));
    expect(Object.keys(referenceDataTables).filter((table) => !tables.has(table))).toEqual([]);
    const ruleKeys = new Set(retentionRules.map((r) => r.key));
    expect(personalDataRegistry.filter((e) => !ruleKeys.has(e.retention)).map((e) => e.table)).toEqual([]);
    expect(new Set(personalDataRegistry.map((e) => e.table)).size).toBe(personalDataRegistry.length);
  });

  it('every export statement runs and every erasure statement is valid SQL on the real schema', async () => {
    const subject = { id: '00000000-0000-0000-0000-000000000000', email: 'nobody@example.org' };
    await db.dataSource
      .transaction(async (m) => {
        for (const entry of personalDataRegistry) {
          await expect(runRegistrySql(m, entry.exportSql, subject)).resolves.toEqual([]);
          if (entry.erasure.kind !== 'custom' && entry.erasure.sql)
            await runRegistrySql(m, entry.erasure.sql, subject);
        }
        throw new RollbackMarker();
      })
      .catch((error) => {
        if (!(error instanceof RollbackMarker)) throw error;
      });
  });
});

class RollbackMarker extends Error {}
