import type { MigrationInterface, QueryRunner } from 'typeorm';

/** German search needs unaccent and pg_trgm; both ship with PostgreSQL's contrib modules. */
export class Extensions1764000000000 implements MigrationInterface {
  name = 'Extensions1764000000000';

  async up(runner: QueryRunner): Promise<void> {
    const available = await runner.query(
      `SELECT name FROM pg_available_extensions WHERE name IN ('unaccent', 'pg_trgm')`,
    );
    const names = new Set(available.map((row: { name: string }) => row.name));
    if (names.has('unaccent')) await runner.query('CREATE EXTENSION IF NOT EXISTS unaccent');
    if (names.has('pg_trgm')) await runner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    // unaccent() is only STABLE; an IMMUTABLE wrapper with a fixed dictionary can back indexes.
    // Umlauts and ß are folded the German way (ü → ue) and plainly (ü → u), both words are kept.
    const unaccent = names.has('unaccent') ? `public.unaccent('public.unaccent'::regdictionary, $1)` : '$1';
    await runner.query(`
      CREATE OR REPLACE FUNCTION hub_fold(text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
        SELECT lower(${unaccent.replace('$1', "replace($1, 'ß', 'ss')")})
      $$`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP FUNCTION IF EXISTS hub_fold(text)');
  }
}
