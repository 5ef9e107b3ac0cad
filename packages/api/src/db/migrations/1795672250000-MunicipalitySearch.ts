import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fuzzy, accent- and case-insensitive name search over the municipality directory
 * (`hub_fold(name) % hub_fold($1)`, `ILIKE`, `word_similarity`). Needs pg_trgm, which the
 * Extensions migration installs where the server ships it; without it search falls back to a
 * sequential scan over ~2,500 rows, which is still fast. The index is not declared on the entity
 * (TypeORM cannot express an expression index); it ignores expression indexes when it compares
 * the entities with the database, so `generate-migration --check` does not try to drop it.
 */
export class MunicipalitySearch1795672250000 implements MigrationInterface {
  name = 'MunicipalitySearch1795672250000';

  async up(runner: QueryRunner): Promise<void> {
    const trgm = await runner.query(`SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'`);
    if (!trgm.length) return;
    await runner.query(
      'CREATE INDEX IF NOT EXISTS municipality_name_trgm ON municipality USING gin (hub_fold(name) gin_trgm_ops)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX IF EXISTS municipality_name_trgm');
  }
}
