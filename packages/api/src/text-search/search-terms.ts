import type { DataSource, EntityManager } from 'typeorm';

/**
 * What a search text is expanded to before it meets the project vectors (see the
 * SearchSynonymsCompounds migration):
 *  - `exact`: the stems of its own words (German Snowball after the stop words and unaccent);
 *  - `part`: the stems of the parts of its compounds ("Friedhofsverwaltung" → friedhof, verwalt);
 *  - `synonym`: stems of the OpenThesaurus and domain synonyms of both ("Glasfaser" → breitband).
 * Each term weighs its kind times its rarity (inverse document frequency over all projects), so
 * documents matching more and rarer words rank higher and a synonym counts less than the word.
 */
export type SearchTermKind = 'exact' | 'part' | 'synonym';

export const SEARCH_TERM_WEIGHTS: Record<SearchTermKind, number> = { exact: 1, part: 0.7, synonym: 0.4 };

export interface SearchTerm {
  lexeme: string;
  kind: SearchTermKind;
  /** Kind weight × inverse document frequency; 0 when no project contains it. */
  weight: number;
}

export interface SearchPlan {
  terms: SearchTerm[];
  /**
   * The terms a document must contain one of, ORed as tsquery text: the uncommon ones, or all
   * when every term is common (null: the text has no word any project contains).
   */
  anyTerm: string | null;
}

/** Synonyms added per word, closest first: the thesaurus has sets of 20+ terms, most far off. */
const SYNONYMS_PER_WORD = 6;
/**
 * A term in more than this share of the projects (and more than COMMON_MIN of them) is common:
 * it still adds to the relevance of a document, but does not make one match on its own when the
 * text has rarer terms (like Elasticsearch's common-terms cutoff). Otherwise "Bürger" or
 * "Verwaltung" would pull half the catalogue into every ranked search and similar-projects hint.
 */
const COMMON_SHARE = 0.1;
const COMMON_MIN = 100;
/** Longer texts (a pasted description) are cut: the first words say what it is about. */
const MAX_TEXT = 400;

const PLAN_SQL = `
  WITH exact AS (
    SELECT DISTINCT unnest(tsvector_to_array(to_tsvector('public.german_unaccent', $1))) AS lexeme
  ), parts AS (
    SELECT unnest(tsvector_to_array(to_tsvector('public.german_unaccent', hub_compound_text($1)))) AS lexeme
    EXCEPT SELECT lexeme FROM exact
  ), synonyms AS (
    SELECT s.synonym AS lexeme
      FROM (SELECT lexeme FROM exact UNION SELECT lexeme FROM parts) source
     CROSS JOIN LATERAL (
       SELECT synonym FROM search_synonym WHERE search_synonym.lexeme = source.lexeme
        ORDER BY closeness, synonym LIMIT ${SYNONYMS_PER_WORD}) s
    EXCEPT SELECT lexeme FROM exact
    EXCEPT SELECT lexeme FROM parts
  ), terms AS (
    SELECT lexeme, 'exact' AS kind FROM exact
    UNION ALL SELECT lexeme, 'part' FROM parts
    UNION ALL SELECT lexeme, 'synonym' FROM synonyms
  )
  SELECT t.lexeme, t.kind,
         (SELECT count(*) FROM project x WHERE x.search_vector @@ quote_literal(t.lexeme)::tsquery)::int AS df,
         (SELECT count(*) FROM project)::int AS total
    FROM terms t`;

/** A tsquery text for one lexeme, optionally restricted to weights (e.g. 'A'). */
export function lexemeQuery(lexeme: string, weights = ''): string {
  return `'${lexeme.replace(/'/g, "''")}'${weights ? `:${weights}` : ''}`;
}

const CACHE_MS = 60_000;
const CACHE_SIZE = 500;
const cache = new Map<string, { at: number; plan: SearchPlan }>();

/**
 * The expanded terms of a search text: one statement, then cached for a minute per text (the
 * document frequencies move slowly; a form typing the same title asks again and again).
 */
export async function searchPlan(source: DataSource | EntityManager, text: string): Promise<SearchPlan> {
  const key = text.trim().slice(0, MAX_TEXT);
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.plan;
  const rows: { lexeme: string; kind: SearchTermKind; df: number; total: number }[] = await source.query(
    PLAN_SQL,
    [key],
  );
  const found = rows.filter((row) => row.df > 0);
  const terms = found.map((row) => ({
    lexeme: row.lexeme,
    kind: row.kind,
    weight: SEARCH_TERM_WEIGHTS[row.kind] * Math.log(1 + row.total / row.df),
  }));
  const common = (row: { df: number; total: number }) =>
    row.df > Math.max(COMMON_MIN, COMMON_SHARE * row.total);
  const matching = found.some((row) => !common(row)) ? found.filter((row) => !common(row)) : found;
  const plan: SearchPlan = {
    terms,
    anyTerm: matching.length ? matching.map((row) => lexemeQuery(row.lexeme)).join(' | ') : null,
  };
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, { at: Date.now(), plan });
  return plan;
}

/** Forgets cached plans (tests that change the projects between searches). */
export function clearSearchPlanCache(): void {
  cache.clear();
}

/**
 * SQL for the relevance of a vector column to the plan: per term its weight times 1 in the title,
 * 0.7 in the summary (or a part of a title compound), 0.4 further down. `bind` turns a value into
 * a placeholder of the caller's query (named or positional).
 */
export function relevanceSql(vector: string, plan: SearchPlan, bind: (value: string) => string): string {
  const parts = plan.terms.map(
    (term) =>
      `CASE WHEN ${vector} @@ ${bind(lexemeQuery(term.lexeme, 'A'))}::tsquery THEN ${term.weight.toFixed(4)}` +
      ` WHEN ${vector} @@ ${bind(lexemeQuery(term.lexeme, 'B'))}::tsquery THEN ${(term.weight * 0.7).toFixed(4)}` +
      ` WHEN ${vector} @@ ${bind(lexemeQuery(term.lexeme))}::tsquery THEN ${(term.weight * 0.4).toFixed(4)} ELSE 0 END`,
  );
  return parts.length ? `(${parts.join(' + ')})` : '0';
}
