import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Synonyms and German compounds for the project search (issue 15).
 *
 * - Stop words before accents: `german_unaccent` mapped `unaccent, german_stem`, so "für" became
 *   "fur" before the stop-word list (which spells "für") was consulted, and "für"/"über" were
 *   indexed as `fur`/`uber`. A `german_stop` simple dictionary (German stop words, passes every
 *   other word on) now comes first.
 * - `search_word`: folded words (`hub_fold`) a compound may be made of; `search_synonym`: pairs of
 *   stems (`german_unaccent`) of one synonym set, `closeness` 0 for the curated domain list, else the
 *   size of the smallest set they share (smaller sets are tighter). Both filled at startup from
 *   data/openthesaurus and data/search (see src/seed/search-data.ts), no entities.
 * - `hub_compound_parts(compound)`: the folded parts of a compound ("friedhofsverwaltungssoftware" →
 *   friedhof, verwaltung, software): the split into the fewest known words, allowing the linking
 *   elements -s-, -n-, -es-, -en- between parts and an inflection ending after the last; known
 *   words under 12 letters are not split.
 *   `hub_compound_text(text)`: the parts of every word of 8+ letters (and of those parts), space-separated.
 * - `project_document` adds the parts of title (weight B) and summary (weight C) to the vector.
 */
export class SearchSynonymsCompounds1795676000000 implements MigrationInterface {
  name = 'SearchSynonymsCompounds1795676000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TEXT SEARCH DICTIONARY german_stop (TEMPLATE = pg_catalog.simple, STOPWORDS = german, ACCEPT = false)`,
    );
    const unaccent = await runner.query(`SELECT 1 FROM pg_extension WHERE extname = 'unaccent'`);
    await runner.query(
      `ALTER TEXT SEARCH CONFIGURATION german_unaccent ALTER MAPPING FOR hword, hword_part, word WITH german_stop, ${unaccent.length ? 'public.unaccent, ' : ''}german_stem`,
    );
    await runner.query('CREATE TABLE search_word (word text PRIMARY KEY)');
    await runner.query(
      'CREATE TABLE search_synonym (lexeme text NOT NULL, synonym text NOT NULL, closeness int NOT NULL, PRIMARY KEY (lexeme, synonym))',
    );
    await runner.query('CREATE TABLE search_data_version (checksum text NOT NULL)');
    await runner.query(`
      CREATE FUNCTION hub_compound_parts(compound text) RETURNS text[]
      LANGUAGE plpgsql STABLE PARALLEL SAFE STRICT AS $$
      DECLARE
        n int := length(compound);
        reach int[];      -- fewest parts covering word[1..i], at index i (0-based)
        part_start int[]; -- where the last part ending at i starts (-1: i is after a linking element)
        link_from int[];  -- for a position after a linking element: the part end before it
        seg record;
        link text;
        pos int;
        best int := NULL;
        best_end int;
        parts text[] := '{}';
      BEGIN
        IF n < 8 OR n > 60 THEN RETURN '{}'; END IF;
        -- A known word under 12 letters stays whole: "Software" is not "soft" + "ware".
        IF n < 12 AND EXISTS (SELECT 1 FROM public.search_word WHERE search_word.word = compound) THEN
          RETURN '{}';
        END IF;
        reach := array_fill(1000, ARRAY[n + 1], ARRAY[0]);
        part_start := array_fill(-1, ARRAY[n + 1], ARRAY[0]);
        link_from := array_fill(-1, ARRAY[n + 1], ARRAY[0]);
        reach[0] := 0;
        FOR seg IN
          SELECT s.st, s.st + s.len AS en
            FROM (SELECT st, len FROM generate_series(0, n - 3) st, generate_series(3, 24) len
                   WHERE st + len <= n AND NOT (st = 0 AND len = n)) s
            JOIN public.search_word w ON w.word = substr(compound, s.st + 1, s.len)
           ORDER BY s.st, s.len DESC
        LOOP
          IF reach[seg.st] < 1000 AND reach[seg.st] + 1 < reach[seg.en] THEN
            reach[seg.en] := reach[seg.st] + 1;
            part_start[seg.en] := seg.st;
            FOREACH link IN ARRAY ARRAY['s', 'n', 'es', 'en'] LOOP
              pos := seg.en + length(link);
              IF pos < n AND substr(compound, seg.en + 1, length(link)) = link AND reach[seg.en] < reach[pos] THEN
                reach[pos] := reach[seg.en];
                part_start[pos] := -1;
                link_from[pos] := seg.en;
              END IF;
            END LOOP;
          END IF;
        END LOOP;
        -- The last part may carry an inflection ending ("…verwaltungen", "…systems").
        FOREACH link IN ARRAY ARRAY['', 's', 'n', 'e', 'en', 'es', 'er', 'ern'] LOOP
          pos := n - length(link);
          IF substr(compound, pos + 1) = link AND part_start[pos] >= 0 AND reach[pos] >= 2
             AND (best IS NULL OR reach[pos] < best) THEN
            best := reach[pos];
            best_end := pos;
          END IF;
        END LOOP;
        IF best IS NULL THEN RETURN '{}'; END IF;
        pos := best_end;
        WHILE pos > 0 LOOP
          IF part_start[pos] = -1 THEN
            pos := link_from[pos];
          ELSE
            parts := substr(compound, part_start[pos] + 1, pos - part_start[pos]) || parts;
            pos := part_start[pos];
          END IF;
        END LOOP;
        RETURN parts;
      END
      $$`);
    // Parts that are compounds themselves are split once more ("Bürgerbeteiligungsplattform" →
    // bürgerbeteiligung, plattform → bürger, beteiligung).
    await runner.query(`
      CREATE FUNCTION hub_compound_text(value text) RETURNS text
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT coalesce(string_agg(part || ' ' || array_to_string(public.hub_compound_parts(part), ' '), ' '), '')
          FROM (SELECT DISTINCT w FROM regexp_split_to_table(public.hub_fold(coalesce(value, '')), '[^a-z]+') w
                 WHERE length(w) >= 8) words,
               unnest(public.hub_compound_parts(w)) part
      $$`);
    await runner.query(`
      CREATE OR REPLACE FUNCTION project_document(title text, summary text, description text) RETURNS tsvector
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT setweight(to_tsvector('public.german_unaccent'::regconfig, coalesce(title, '')), 'A')
            || setweight(to_tsvector('public.german_unaccent'::regconfig, public.hub_compound_text(title)), 'B')
            || setweight(to_tsvector('public.german_unaccent'::regconfig, coalesce(summary, '')), 'B')
            || setweight(to_tsvector('public.german_unaccent'::regconfig, public.hub_compound_text(summary)), 'C')
            || setweight(to_tsvector('public.german_unaccent'::regconfig, coalesce(description, '')), 'C')
      $$`);
    await runner.query('UPDATE project SET search_vector = project_document(title, summary, description)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE OR REPLACE FUNCTION project_document(title text, summary text, description text) RETURNS tsvector
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT setweight(to_tsvector('public.german_unaccent'::regconfig, coalesce(title, '')), 'A')
            || setweight(to_tsvector('public.german_unaccent'::regconfig, coalesce(summary, '')), 'B')
            || setweight(to_tsvector('public.german_unaccent'::regconfig, coalesce(description, '')), 'C')
      $$`);
    await runner.query('DROP FUNCTION IF EXISTS hub_compound_text(text)');
    await runner.query('DROP FUNCTION IF EXISTS hub_compound_parts(text)');
    await runner.query('DROP TABLE IF EXISTS search_data_version, search_synonym, search_word');
    const unaccent = await runner.query(`SELECT 1 FROM pg_extension WHERE extname = 'unaccent'`);
    await runner.query(
      `ALTER TEXT SEARCH CONFIGURATION german_unaccent ALTER MAPPING FOR hword, hword_part, word WITH ${unaccent.length ? 'public.unaccent, ' : ''}german_stem`,
    );
    await runner.query('DROP TEXT SEARCH DICTIONARY IF EXISTS german_stop');
  }
}
