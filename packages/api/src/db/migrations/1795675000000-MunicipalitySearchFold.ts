import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One folded spelling for the directory's name search: `hub_search_fold` folds like `hub_fold`
 * (case, accents, ß → ss, ü → u) and then also the transcriptions ae/oe/ue → a/o/u, so that
 * "Bruchmühlbach", "bruchmuhlbach" and "bruchmuehlbach" are the same text. The search then needs
 * one condition instead of one per spelling, and that condition is answered by one trigram index
 * (with two, the planner preferred a sequential scan). PL/pgSQL, so that it is not inlined and its
 * COST stands: unaccent() per row is what makes a sequential scan slow, and the planner should know.
 * `public.` because index builds run with a restricted search_path. Like municipality_name_trgm,
 * the index is not declared on the entity, and TypeORM leaves expression indexes alone.
 */
export class MunicipalitySearchFold1795675000000 implements MigrationInterface {
  name = 'MunicipalitySearchFold1795675000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE OR REPLACE FUNCTION hub_search_fold(text) RETURNS text
      LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE STRICT COST 1000 AS $$
      BEGIN
        RETURN replace(replace(replace(public.hub_fold($1), 'ae', 'a'), 'oe', 'o'), 'ue', 'u');
      END
      $$`);
    const trgm = await runner.query(`SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'`);
    if (!trgm.length) return;
    await runner.query(
      'CREATE INDEX IF NOT EXISTS municipality_search_name_trgm ON municipality USING gin (hub_search_fold(name) gin_trgm_ops)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX IF EXISTS municipality_search_name_trgm');
    await runner.query('DROP FUNCTION IF EXISTS hub_search_fold(text)');
  }
}
