import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { EntityManager } from 'typeorm';

/** Shipped with the API (src/seed and dist/seed both sit two levels below data/). */
const DATA = path.join(__dirname, '..', '..', 'data');
export const THESAURUS_PATH = path.join(DATA, 'openthesaurus', 'synonyms-de.txt');
export const WORDS_PATH = path.join(DATA, 'openthesaurus', 'words-de.txt');
export const DOMAIN_SYNONYMS_PATH = path.join(DATA, 'search', 'domain-synonyms-de.txt');

/** A synonym term in more sets than this is too ambiguous to add ("Zug", "Bank", "Stelle"). */
const MAX_SETS_PER_SYNONYM = 6;

interface SynonymSource {
  sets: string[][];
  generic: string[];
}

function parse(text: string): SynonymSource {
  const sets: string[][] = [];
  const generic: string[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const terms = trimmed
      .replace(/^!/, '')
      .split(';')
      .map((term) => term.trim())
      .filter(Boolean);
    if (trimmed.startsWith('!')) generic.push(...terms);
    else if (terms.length >= 2) sets.push(terms);
  }
  return { sets, generic };
}

/**
 * Fills `search_word` (compound parts) and `search_synonym` (stem pairs) from the OpenThesaurus
 * subset and the project's own domain list, when their content changed since the last load, and
 * then re-indexes the projects (their vectors carry compound parts). A few seconds, once.
 */
export async function loadSearchData(
  manager: EntityManager,
): Promise<{ loaded: boolean; words?: number; synonyms?: number }> {
  const thesaurusText = readFileSync(THESAURUS_PATH, 'utf8');
  const domainText = readFileSync(DOMAIN_SYNONYMS_PATH, 'utf8');
  const wordsText = readFileSync(WORDS_PATH, 'utf8');
  const checksum = createHash('sha256')
    .update(thesaurusText)
    .update('\0')
    .update(domainText)
    .update('\0')
    .update(wordsText)
    .digest('hex');
  // Two hubs starting at once on one database load it once: the second waits here, then finds it loaded.
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('search_data'))`);
  const current: { checksum: string }[] = await manager.query('SELECT checksum FROM search_data_version');
  if (current[0]?.checksum === checksum) return { loaded: false };

  const thesaurus = parse(thesaurusText);
  const domain = parse(domainText);
  const setIds: number[] = [];
  const terms: string[] = [];
  const curated: boolean[] = [];
  [...thesaurus.sets, ...domain.sets].forEach((set, index) => {
    for (const term of set) {
      setIds.push(index);
      terms.push(term);
      curated.push(index >= thesaurus.sets.length);
    }
  });

  // Rows go in in the order of the tables' primary keys: PostgreSQL then appends to the index's last
  // page instead of looking up a page for every row (the ~300,000 rows in 2.0 s instead of
  // 2.7–3.0 s; `ON CONFLICT DO NOTHING` on the distinct words cost another 0.3 s).
  await manager.query('DELETE FROM search_word');
  await manager.query('DELETE FROM search_synonym');
  const wordList = wordsText.split('\n').filter((line) => line && !line.startsWith('#'));
  // Compound parts: single words of 3+ letters, folded like the titles they are looked up in.
  const [{ words }] = await manager.query(
    `WITH inserted AS (
       INSERT INTO search_word (word)
       SELECT DISTINCT hub_fold(term) FROM unnest($1::text[]) term
        WHERE term ~ '^[[:alpha:]]{3,}$'
        ORDER BY 1
       RETURNING 1)
     SELECT count(*)::int AS words FROM inserted`,
    [[...terms, ...wordList]],
  );
  // Synonym pairs between the stems of single-stem terms of one set; generic and ambiguous
  // (many-set) thesaurus terms are never added as synonyms.
  const [{ synonyms }] = await manager.query(
    `WITH raw AS (
       SELECT set_id, curated, tsvector_to_array(to_tsvector('public.german_unaccent', term)) AS lexemes
         FROM unnest($1::int[], $2::text[], $3::boolean[]) AS t(set_id, term, curated)
     ), stems AS (
       SELECT DISTINCT set_id, curated, lexemes[1] AS lexeme FROM raw WHERE cardinality(lexemes) = 1
     ), sizes AS (
       SELECT set_id, count(*) AS size FROM stems GROUP BY set_id
     ), generic AS (
       SELECT DISTINCT lexemes[1] AS lexeme
         FROM (SELECT tsvector_to_array(to_tsvector('public.german_unaccent', g)) AS lexemes FROM unnest($4::text[]) g) x
        WHERE cardinality(lexemes) = 1
     ), usage AS (
       SELECT lexeme, count(*) AS sets FROM stems GROUP BY lexeme
     ), inserted AS (
       INSERT INTO search_synonym (lexeme, synonym, closeness)
       SELECT a.lexeme, b.lexeme, min(CASE WHEN b.curated THEN 0 ELSE z.size END)
         FROM stems a JOIN stems b ON b.set_id = a.set_id AND b.lexeme <> a.lexeme
         JOIN usage u ON u.lexeme = b.lexeme
         JOIN sizes z ON z.set_id = a.set_id
        WHERE b.lexeme NOT IN (SELECT lexeme FROM generic)
          AND (b.curated OR u.sets <= ${MAX_SETS_PER_SYNONYM})
        GROUP BY a.lexeme, b.lexeme
        ORDER BY a.lexeme, b.lexeme
       RETURNING 1)
     SELECT count(*)::int AS synonyms FROM inserted`,
    [setIds, terms, curated, [...thesaurus.generic, ...domain.generic]],
  );
  await manager.query('DELETE FROM search_data_version');
  await manager.query('INSERT INTO search_data_version (checksum) VALUES ($1)', [checksum]);
  await reindexProjects(manager);
  return { loaded: true, words, synonyms };
}

/** Recomputes every project's search vector (it carries the compound parts of its words). */
export async function reindexProjects(manager: EntityManager): Promise<void> {
  await manager.query('UPDATE project SET search_vector = project_document(title, summary, description)');
}
