import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `hub_fold()` is IMMUTABLE but called `unaccent()`, which is only STABLE: PostgreSQL does not
 * inline such a function, so every row of a scan paid a full SQL-function call (the directory
 * folded all 2,456 names for every page). Calling unaccent's C function through an IMMUTABLE
 * declaration (its dictionary is fixed, so its result is) lets the planner inline hub_fold; the
 * results are the same, so the indexes on hub_fold(…) stay valid. COST 100 keeps the planner's
 * price of a fold per row as before (it is what makes a sequential scan slow). A C function can only be
 * declared by a superuser: on a server where the hub is not one, hub_fold stays as it was.
 * The directory's default order (folded name, name, id) gets an index, so that a page of 10 reads
 * ten entries instead of folding and sorting every municipality.
 */
export class InlinableFold1796070000000 implements MigrationInterface {
  name = 'InlinableFold1796070000000';

  async up(runner: QueryRunner): Promise<void> {
    const [{ possible }] = await runner.query(
      `SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'unaccent')
              AND (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS possible`,
    );
    if (possible) {
      await runner.query(`
      CREATE OR REPLACE FUNCTION hub_unaccent(regdictionary, text) RETURNS text
      LANGUAGE c IMMUTABLE PARALLEL SAFE STRICT COST 100 AS '$libdir/unaccent', 'unaccent_dict'`);
      await runner.query(`
      CREATE OR REPLACE FUNCTION hub_fold(text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
        SELECT lower(public.hub_unaccent('public.unaccent'::regdictionary, replace($1, 'ß', 'ss')))
      $$`);
    }
    await runner.query(
      'CREATE INDEX IF NOT EXISTS municipality_folded_name ON municipality (public.hub_fold(name), name, id)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX IF EXISTS municipality_folded_name');
    const [{ present }] = await runner.query(
      `SELECT EXISTS (SELECT 1 FROM pg_proc WHERE proname = 'hub_unaccent') AS present`,
    );
    if (!present) return;
    await runner.query(`
      CREATE OR REPLACE FUNCTION hub_fold(text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
        SELECT lower(public.unaccent('public.unaccent'::regdictionary, replace($1, 'ß', 'ss')))
      $$`);
    await runner.query('DROP FUNCTION hub_unaccent(regdictionary, text)');
  }
}
