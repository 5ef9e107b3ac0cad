import {
  ProjectCategory,
  ProjectPhase,
  ProjectSort,
  ProjectStatus,
  projectCategoryLabelsDe,
  projectLimits,
  projectPhaseLabelsDe,
  projectStatusLabelsDe,
  reusableProjectPhases,
} from '@hub/shared';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { PageArgs, ParentPage, SortKey } from '../../db/paginate';
import { firstPagesByParent, paginate } from '../../db/paginate';
import { queryPrepared } from '../../db/prepared-statement';
import { StatementTexts } from '../../db/statement-texts';
import { type ExportTable, toCsv, toXlsxBase64 } from '../../exports/spreadsheet';
import type { Connection } from '../../graphql/relay';
import { maybeIdOf, toGlobalId } from '../../graphql/relay';
import type { SqlFilter } from '../../policy/policy';
import type { SearchPlan } from '../../text-search/search-terms';
import { relevanceSql, searchPlan } from '../../text-search/search-terms';
import { municipalitiesJson } from '../municipalities';
import type { User } from '../users';
import { COST_TOTALS_SQL } from './project.costs';
import { Project } from './project.entity';
import type { ProjectFilter } from './project.inputs';
import { onlyReadableProjects, unpublishedProjectReadFilter } from './project.policy';

type Dimension = 'categories' | 'phases' | 'districtIds' | 'openSource' | 'hasCosts' | 'reusable';

/** Full text and exact title-part matches below this many: the fuzzy title match joins in. */
const FUZZY_WHEN_FEWER_THAN = 5;

// The stored, trigger-maintained vector against the expanded search terms (any of them).
const fullTextMatch = (alias: string) =>
  `(:anyTerm)::tsquery IS NOT NULL AND ${alias}.search_vector @@ (:anyTerm)::tsquery`;
// The folded search text as a LIKE pattern with its wildcards escaped; 4+ characters, else too noisy.
const titlePartMatch = (alias: string) =>
  `(length(hub_fold(:search)) >= 4 AND ${alias}.search_title LIKE '%' || replace(replace(replace(hub_fold(:search), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%')`;
/**
 * The catalogue's search condition on `project p`, one statement whatever the branch:
 *  - any of the search terms (the words, their compound parts and synonyms, see search-terms.ts)
 *    in the stored vector (GIN index), or the accent-folded search text as a part of the folded
 *    title (`LIKE`, trigram GIN index);
 *  - the trigram word similarity (catches typos like "Maengelmelder") only when those find fewer
 *    than `fuzzyBelow` projects: an InitPlan decides once, and the semi-join lets the planner use
 *    the trigram index (`search_title %> …`). Evaluated for every row, the similarity cost ~7 µs a
 *    row, 70 ms per facet statement on 10,000 projects, for words the cheap branches already find.
 */
const SEARCH_MATCH = `(
  ${fullTextMatch('p')} OR ${titlePartMatch('p')}
  OR p.id IN (
    SELECT fz.id FROM project fz
     WHERE hub_fold(:search) <% fz.search_title
       AND (SELECT count(*) FROM (
             SELECT 1 FROM project fp WHERE ${fullTextMatch('fp')} OR ${titlePartMatch('fp')} LIMIT :fuzzyBelow
           ) found) < :fuzzyBelow)
)`;

/** The expanded terms of the filter's search text, if it has one. */
export async function catalogueSearchPlan(
  source: DataSource | EntityManager,
  filter: ProjectFilter | null | undefined,
): Promise<SearchPlan | null> {
  const search = filter?.search?.trim();
  return search ? searchPlan(source, search) : null;
}

const DIMENSIONS: Dimension[] = ['categories', 'phases', 'districtIds', 'openSource', 'hasCosts', 'reusable'];

/** A filter condition on `project p` with its parameters. */
interface Condition {
  sql: string;
  parameters: Record<string, unknown>;
}

/** The district of the lead municipality, joined as `dm` by the queries that need it. */
const DISTRICT_JOIN = 'dm.id = p.lead_municipality_id';
const HAS_COSTS = 'EXISTS (SELECT 1 FROM project_cost hc WHERE hc.project_id = p.id)';
const REUSABLE = `p.phase IN ('${reusableProjectPhases.join("','")}')`;

/** Where the district and "has costs" of a project are read: the live tables, or a facet row (`p`). */
interface DimensionColumns {
  district: string;
  hasCosts: string;
}
const LIVE_COLUMNS: DimensionColumns = { district: 'dm.district_id', hasCosts: HAS_COSTS };
const FACET_ROW_COLUMNS: DimensionColumns = { district: 'p.district_id', hasCosts: 'p.has_costs' };

/** The filter's condition per facet dimension (null where the filter leaves the dimension open). */
function dimensionConditions(
  f: ProjectFilter,
  columns: DimensionColumns = LIVE_COLUMNS,
): Record<Dimension, Condition | null> {
  const districtIds = (f.districtIds ?? [])
    .map((id) => maybeIdOf(id, 'Municipality'))
    .filter((id): id is string => id !== null);
  return {
    categories: f.categories?.length
      ? { sql: 'p.category IN (:...categories)', parameters: { categories: f.categories } }
      : null,
    phases: f.phases?.length ? { sql: 'p.phase IN (:...phases)', parameters: { phases: f.phases } } : null,
    districtIds: f.districtIds?.length
      ? { sql: `${columns.district} = ANY(:districtIds)`, parameters: { districtIds } }
      : null,
    openSource:
      typeof f.openSource === 'boolean'
        ? { sql: 'p.solution_open_source = :openSource', parameters: { openSource: f.openSource } }
        : null,
    hasCosts:
      typeof f.hasCosts === 'boolean'
        ? { sql: `${f.hasCosts ? '' : 'NOT '}${columns.hasCosts}`, parameters: {} }
        : null,
    reusable:
      typeof f.reusable === 'boolean'
        ? { sql: `${f.reusable ? '' : 'NOT '}${REUSABLE}`, parameters: {} }
        : null,
  };
}

/**
 * The catalogue's query: the viewer's visible projects matching the filter. `dimensions: 'open'`
 * leaves the facet dimensions out (projectFacets applies them per facet); the lead municipality
 * is joined as `dm` whenever the district filter needs it.
 */
export function catalogueQuery(
  source: DataSource | EntityManager,
  viewer: User | null,
  filter: ProjectFilter | null | undefined,
  plan: SearchPlan | null,
  dimensions: 'applied' | 'open' = 'applied',
  /** The viewer's read filter (`projectReadFilter`), or a narrower one (the facets' unpublished projects). */
  readable?: SqlFilter,
): SelectQueryBuilder<Project> {
  const projects = source.getRepository(Project).createQueryBuilder('p');
  const query = readable
    ? projects.andWhere(readable.sql, readable.params)
    : onlyReadableProjects(projects, viewer);
  const f = filter ?? {};
  const search = f.search?.trim();
  if (search) {
    query.andWhere(SEARCH_MATCH, {
      search,
      anyTerm: plan?.anyTerm ?? null,
      fuzzyBelow: FUZZY_WHEN_FEWER_THAN,
    });
  }
  const conditions = dimensionConditions(f);
  if (dimensions === 'applied') {
    if (conditions.districtIds) query.innerJoin('municipality', 'dm', DISTRICT_JOIN);
    for (const condition of Object.values(conditions))
      if (condition) query.andWhere(condition.sql, condition.parameters);
  }
  if (f.status) query.andWhere('p.status = :status', { status: f.status });
  if (f.municipalityId) {
    const memberId = maybeIdOf(f.municipalityId, 'Municipality') ?? '00000000-0000-0000-0000-000000000000';
    // Two index lookups (led, taken part in) instead of an OR that scans every project twice.
    query.andWhere(
      `p.id IN (SELECT lp.id FROM project lp WHERE lp.lead_municipality_id = :memberId
                UNION SELECT mp.project_id FROM project_participant mp WHERE mp.municipality_id = :memberId)`,
      { memberId },
    );
  }
  return query;
}

/**
 * What of a filter shapes the catalogue's statements besides parameter values: which fields are
 * set, list lengths (`IN (:...list)` expands per item), booleans by value (`hasCosts: false` reads
 * `NOT EXISTS`) and the status by value (the facets count published projects from their cells).
 */
export function catalogueFilterShape(filter: ProjectFilter | null | undefined): unknown[] {
  return Object.entries(filter ?? {})
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([name, value]) => [
      name,
      Array.isArray(value) ? value.length : typeof value === 'boolean' || name === 'status' ? value : '?',
    ])
    .sort(([a], [b]) => String(a).localeCompare(String(b)));
}

const SORTS: Record<Exclude<ProjectSort, ProjectSort.RELEVANCE>, SortKey<Project>[]> = {
  [ProjectSort.NEWEST]: [
    { expression: 'p.createdAt', direction: 'DESC', type: 'timestamp', value: (p) => p.createdAt },
    { expression: 'p.id', direction: 'DESC', type: 'uuid', value: (p) => p.id },
  ],
  [ProjectSort.RECENTLY_UPDATED]: [
    { expression: 'p.updatedAt', direction: 'DESC', type: 'timestamp', value: (p) => p.updatedAt },
    { expression: 'p.id', direction: 'DESC', type: 'uuid', value: (p) => p.id },
  ],
  [ProjectSort.MOST_ADOPTED]: [
    { expression: 'p.adoptionCount', direction: 'DESC', type: 'integer', value: (p) => p.adoptionCount },
    { expression: 'p.createdAt', direction: 'DESC', type: 'timestamp', value: (p) => p.createdAt },
    { expression: 'p.id', direction: 'DESC', type: 'uuid', value: (p) => p.id },
  ],
};

/**
 * Relevance first (an integer in 1/10,000, so that cursors compare exactly), then the newest:
 * the whole search text folded into the title counts as much as a rare word.
 */
function relevanceSort(plan: SearchPlan): { keys: SortKey<Project>[]; parameters: Record<string, string> } {
  const parameters: Record<string, string> = {};
  const sql = relevanceSql('p.search_vector', plan, (value) => {
    const name = `relevance${Object.keys(parameters).length}`;
    parameters[name] = value;
    return `(:${name})`;
  });
  const expression = `CAST(round((${sql} + CASE WHEN ${titlePartMatch('p')} THEN 2 ELSE 0 END) * 10000) AS integer)`;
  return {
    parameters,
    keys: [
      {
        expression,
        direction: 'DESC',
        type: 'integer',
        value: (_p, raw) => raw?.relevance,
        alias: 'relevance',
      },
      ...SORTS[ProjectSort.NEWEST],
    ],
  };
}

/**
 * The catalogue's order: with a search text the default is relevance; without one, relevance
 * falls back to the newest. Computed keys come with their parameters.
 */
export function catalogueSort(
  plan: SearchPlan | null,
  sort: ProjectSort | null,
): { keys: SortKey<Project>[]; parameters: Record<string, string> } {
  const wanted = sort ?? (plan ? ProjectSort.RELEVANCE : ProjectSort.NEWEST);
  if (wanted === ProjectSort.RELEVANCE && plan) return relevanceSort(plan);
  return {
    keys: SORTS[wanted === ProjectSort.RELEVANCE ? ProjectSort.NEWEST : wanted],
    parameters: {},
  };
}

/**
 * One catalogue page of whole entities: two statements (page and count) whatever the page size,
 * plus the search terms (cached). The GraphQL catalogue reads its pages with `cataloguePage`.
 */
export async function searchProjects(
  dataSource: DataSource,
  viewer: User | null,
  filter: ProjectFilter | null | undefined,
  sort: ProjectSort | null,
  page: PageArgs,
): Promise<Connection<Project>> {
  const plan = await catalogueSearchPlan(dataSource, filter);
  const { keys, parameters } = catalogueSort(plan, sort);
  return paginate(catalogueQuery(dataSource, viewer, filter, plan).setParameters(parameters), page, keys);
}

export interface FacetCounts {
  categories: { value: string; count: number }[];
  phases: { value: string; count: number }[];
  districts: { districtId: string; count: number }[];
  openSource: { value: string; count: number }[];
  hasCosts: { value: string; count: number }[];
  reusable: { value: string; count: number }[];
  /** The districts counted, as `municipalitiesJson` rows (to prime the request's loader with). */
  districtRows: unknown[][] | null;
}

/** A facet row's columns, from `project p` joined with its lead municipality `dm`. */
const LIVE_FACET_ROW = `p.category AS category, p.phase AS phase, dm.district_id AS district_id,
  p.solution_open_source AS solution_open_source, ${HAS_COSTS} AS has_costs, 1 AS projects`;

/**
 * Which facets a facet row counts for (its `scope`): every facet (`all`), only the Landkreis facet
 * (`district`: rows without the other dimensions) or only the others (`others`: rows without the
 * Landkreis).
 */
type FacetScope = 'all' | 'district' | 'others';

const cellRows = (table: string, scope: FacetScope, columns = 'c.district_id') =>
  `SELECT c.category, c.phase, ${columns} AS district_id, c.solution_open_source, c.has_costs, c.projects, '${scope}' AS scope FROM ${table} c`;

/**
 * The published projects' facet rows from the maintained counts (triggers, migrations
 * ProjectFacetCells and ProjectFacetRollups; everyone may read published projects). The cells by
 * every dimension are a few thousand, nearly one per project; without a Landkreis filter the other
 * facets read the cells without the Landkreis (a few hundred), and without any other filter the
 * Landkreis facet reads the count per Landkreis (a few dozen).
 */
function publishedCellRows(conditions: Record<Dimension, Condition | null>): string {
  if (conditions.districtIds) return cellRows('project_facet_cell', 'all');
  const othersFiltered = DIMENSIONS.some((d) => d !== 'districtIds' && conditions[d]);
  const districtRows = othersFiltered
    ? cellRows('project_facet_cell', 'district')
    : `SELECT NULL::project_category AS category, NULL::project_phase AS phase, c.district_id,
              NULL::boolean AS solution_open_source, NULL::boolean AS has_costs, c.projects, 'district' AS scope
         FROM project_facet_district c`;
  return `${cellRows('project_facet_cell_all_districts', 'others', 'NULL::uuid')} UNION ALL ${districtRows}`;
}

/**
 * The rows projectFacets groups (`category, phase, district_id, solution_open_source, has_costs,
 * projects, scope`): without a search text or a member filter, the published projects come
 * counted (publishedCellRows) and only the unpublished ones the viewer may read are counted live
 * (none for the public); otherwise every matching project live. Their text is built when asked
 * (not for a shape whose statement is cached: see projectFacets); their parameters at once.
 */
function facetRows(
  dataSource: DataSource,
  viewer: User | null,
  filter: ProjectFilter | null | undefined,
  plan: SearchPlan | null,
): { sql: () => string; parameters: Record<string, unknown> } {
  const liveRows = (readable?: SqlFilter) => {
    const live = catalogueQuery(dataSource, viewer, filter, plan, 'open', readable)
      .leftJoin('municipality', 'dm', DISTRICT_JOIN)
      .select(LIVE_FACET_ROW)
      .addSelect("'all'", 'scope');
    return { sql: () => live.getQuery(), parameters: live.getParameters() };
  };
  if (filter?.search?.trim() || filter?.municipalityId) return liveRows();
  const parts: (() => string)[] = [];
  let parameters: Record<string, unknown> = {};
  const unpublished = unpublishedProjectReadFilter(viewer);
  if (unpublished && filter?.status !== ProjectStatus.PUBLISHED) {
    const live = liveRows(unpublished);
    parts.push(live.sql);
    parameters = live.parameters;
  }
  if (!filter?.status || filter.status === ProjectStatus.PUBLISHED)
    parts.push(() => publishedCellRows(dimensionConditions(filter ?? {}, FACET_ROW_COLUMNS)));
  // A viewer who may read no unpublished project, filtering by an unpublished status: nothing.
  if (!parts.length) parts.push(() => `${cellRows('project_facet_cell', 'all')} WHERE FALSE`);
  return { sql: () => parts.map((part) => part()).join(' UNION ALL '), parameters };
}

/** Facet statements by shape (see projectFacets). */
const facetTexts = new StatementTexts();

/**
 * The facets' statement over the facet rows, with named parameters: a grouping set per dimension,
 * and per dimension a sum filtered by the other dimensions' conditions; the counted districts'
 * names come along as JSON on the first row, so they need no further round.
 */
function facetSql(
  dataSource: DataSource,
  rowsSql: string,
  conditions: Record<Dimension, Condition | null>,
): string {
  const expressions: Record<Dimension, string> = {
    categories: 'p.category::text',
    phases: 'p.phase::text',
    districtIds: 'p.district_id::text',
    openSource: 'p.solution_open_source::text',
    hasCosts: 'p.has_costs::text',
    reusable: `(${REUSABLE})::text`,
  };
  const query = dataSource
    .createQueryBuilder()
    .from(`(${rowsSql})`, 'p')
    .select(`GROUPING(${DIMENSIONS.map((d) => expressions[d]).join(', ')})`, 'grouping');
  for (const [i, dimension] of DIMENSIONS.entries()) {
    const others = DIMENSIONS.filter((d) => d !== dimension)
      .map((d) => conditions[d])
      .filter((c): c is Condition => c !== null);
    const scope = `p.scope <> '${dimension === 'districtIds' ? 'others' : 'district'}'`;
    query.addSelect(expressions[dimension], `value${i}`);
    query.addSelect(
      `SUM(p.projects) FILTER (WHERE ${[scope, ...others.map((c) => c.sql)].join(' AND ')})`,
      `count${i}`,
    );
  }
  query.groupBy(`GROUPING SETS (${DIMENSIONS.map((d) => `(${expressions[d]})`).join(', ')})`);
  const districtColumn = `value${DIMENSIONS.indexOf('districtIds')}`;
  return `WITH facets AS (${query.getQuery()}) SELECT facets.*, CASE WHEN row_number() OVER () = 1 THEN ${municipalitiesJson(
    dataSource,
    `SELECT "${districtColumn}"::uuid FROM facets WHERE "${districtColumn}" IS NOT NULL`,
  )} END AS district_rows FROM facets`;
}

/**
 * Facet counts for the filter: each dimension is counted under all the other filters (so the
 * options of a dimension stay selectable). One statement, one pass over the facet rows (see
 * facetRows): a grouping set per dimension, and per dimension a sum filtered by the other
 * dimensions' conditions.
 */
export async function projectFacets(
  dataSource: DataSource,
  viewer: User | null,
  filter: ProjectFilter | null | undefined,
): Promise<FacetCounts> {
  const plan = await catalogueSearchPlan(dataSource, filter);
  const conditions = dimensionConditions(filter ?? {}, FACET_ROW_COLUMNS);
  const rows = facetRows(dataSource, viewer, filter, plan);
  const parameters = { ...rows.parameters };
  for (const condition of Object.values(conditions))
    if (condition) Object.assign(parameters, condition.parameters);
  // The viewer's read rule for unpublished projects and the filter's shape decide the text, unless a
  // search's terms shape it (see pageShape): then it is built for the request.
  const shape = plan
    ? null
    : JSON.stringify([unpublishedProjectReadFilter(viewer)?.sql ?? null, catalogueFilterShape(filter)]);
  const sql = facetTexts.of(shape, () => facetSql(dataSource, rows.sql(), conditions));
  const [text, values] = dataSource.driver.escapeQueryWithParameters(sql, parameters);
  // Without a search the text repeats: prepared.
  const raw: Record<string, unknown>[] = plan
    ? await dataSource.query(text, values)
    : await queryPrepared(dataSource, text, values);
  const counts = new Map<Dimension, { value: string; count: number }[]>(DIMENSIONS.map((d) => [d, []]));
  for (const row of raw) {
    // GROUPING() sets the bit of every dimension that the row's grouping set leaves out.
    const bits = Number(row.grouping);
    const i = DIMENSIONS.findIndex((_, j) => (bits & (1 << (DIMENSIONS.length - 1 - j))) === 0);
    const count = Number(row[`count${i}`] ?? 0);
    if (i < 0 || count === 0) continue;
    const value = row[`value${i}`];
    counts.get(DIMENSIONS[i])?.push({ value: value === null ? 'unknown' : String(value), count });
  }
  const sorted = (dimension: Dimension) =>
    (counts.get(dimension) ?? []).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return {
    categories: sorted('categories'),
    phases: sorted('phases'),
    districts: sorted('districtIds')
      .filter((d) => d.value !== 'unknown')
      .map((d) => ({ districtId: d.value, count: d.count })),
    openSource: sorted('openSource'),
    hasCosts: sorted('hasCosts'),
    reusable: sorted('reusable'),
    districtRows: (raw.find((row) => row.district_rows)?.district_rows ?? null) as unknown[][] | null,
  };
}

/** Candidates per stage of similarProjects. */
const CANDIDATES = 50;

export interface SimilarRow {
  id: string;
  score: number;
  textRank: number;
  titleSimilarity: number;
  sameCategory: boolean;
}

/** Relevance at which the text part of the similarity score reaches one half. */
const HALF_RELEVANCE = 8;

/**
 * Published projects similar to a new one, best first. Ranking:
 *  - full text: the words of title and summary, their compound parts and synonyms (see
 *    search-terms.ts), ORed: candidates by ts_rank, then scored by relevance (kind × rarity ×
 *    field of each matching term), squashed into [0, 1) as rel / (rel + HALF_RELEVANCE);
 *  - plus trigram similarity of the accent-folded titles (catches typos and shared word parts,
 *    e.g. "Kita-Portal" / "Kitaportal");
 *  - times 1.25 within the same category.
 */
export async function similarProjects(
  dataSource: DataSource | EntityManager,
  input: {
    title: string;
    summary?: string | null;
    category?: ProjectCategory | null;
    excludeId?: string | null;
    first?: number | null;
  },
): Promise<SimilarRow[]> {
  const title = input.title.trim().slice(0, projectLimits.title.maxLength);
  const summary = (input.summary ?? '').trim().slice(0, projectLimits.summary.maxLength);
  if (title.length < 3 && summary.length < 3) return [];
  const limit = Math.min(
    Math.max(input.first ?? projectLimits.similar.default, 1),
    projectLimits.similar.max,
  );
  const plan = await searchPlan(dataSource, `${title} ${summary}`);
  const values: unknown[] = [title, plan.anyTerm, input.category ?? null, input.excludeId ?? null, limit];
  const relevance = relevanceSql('p.search_vector', plan, (value) => {
    values.push(value);
    return `$${values.length}`;
  });
  // Two cheap stages pick at most 2 × CANDIDATES rows (best by text rank, best by title
  // similarity); only those get the full score. ts_rank, not ts_rank_cd: cover density costs
  // three times as much per row and changed nothing in the tests' rankings.
  const rows: {
    id: string;
    score: number;
    text_rank: number;
    title_similarity: number;
    same_category: boolean;
  }[] = await dataSource.query(
    `WITH q AS (
         SELECT $2::tsquery AS words, hub_fold($1) AS folded_title
       ), text_hits AS (
         SELECT p.id FROM project p, q
          WHERE q.words IS NOT NULL AND p.search_vector @@ q.words AND p.status = 'PUBLISHED' AND ($4::uuid IS NULL OR p.id <> $4::uuid)
          ORDER BY ts_rank(p.search_vector, q.words) DESC LIMIT ${CANDIDATES}
       ), title_hits AS (
         SELECT p.id FROM project p, q
          WHERE p.search_title % q.folded_title AND p.status = 'PUBLISHED' AND ($4::uuid IS NULL OR p.id <> $4::uuid)
          ORDER BY similarity(p.search_title, q.folded_title) DESC LIMIT ${CANDIDATES}
       ), candidates AS (
         SELECT p.id, p.category,
                ${relevance} AS relevance,
                similarity(p.search_title, q.folded_title) AS title_similarity
           FROM project p, q
          WHERE p.id IN (SELECT id FROM text_hits UNION SELECT id FROM title_hits)
       ), scored AS (
         SELECT id, category, relevance / (relevance + ${HALF_RELEVANCE}) AS text_rank, title_similarity FROM candidates
       )
       SELECT id, text_rank, title_similarity, (category::text = $3) AS same_category,
              (text_rank + title_similarity) * CASE WHEN category::text = $3 THEN 1.25 ELSE 1 END AS score
         FROM scored
        ORDER BY score DESC, id
        LIMIT $5`,
    values,
  );
  return rows.map((row) => ({
    id: row.id,
    score: Number(row.score),
    textRank: Number(row.text_rank),
    titleSimilarity: Number(row.title_similarity),
    sameCategory: Boolean(row.same_category),
  }));
}

export interface NetworkFigures {
  mostReusedIds: string[];
  adoptionsByCategory: { value: string; count: number }[];
  adoptionCount: number;
  estimatedSavingsCents: number;
}

/** Reuse across the network: most adopted published projects, adoptions per category, savings. */
export async function networkFigures(dataSource: DataSource): Promise<NetworkFigures> {
  const [mostReused, byCategory, totals] = await Promise.all([
    dataSource.query(
      `SELECT id FROM project WHERE status = 'PUBLISHED' AND adoption_count > 0 ORDER BY adoption_count DESC, created_at DESC LIMIT 5`,
    ),
    dataSource.query(
      `SELECT o.category::text AS value, COUNT(*)::int AS count
         FROM project a JOIN project o ON o.id = a.origin_project_id
        GROUP BY o.category ORDER BY count DESC`,
    ),
    dataSource.query(
      `SELECT COUNT(*)::int AS count, COALESCE(SUM(estimated_saving_cents), 0)::bigint AS savings
         FROM project WHERE origin_project_id IS NOT NULL`,
    ),
  ]);
  return {
    mostReusedIds: mostReused.map((row: { id: string }) => row.id),
    adoptionsByCategory: byCategory,
    adoptionCount: totals[0].count,
    estimatedSavingsCents: Number(totals[0].savings),
  };
}

/** One row of the catalogue export: a project with its cost and funding totals. */
interface CatalogueRow {
  id: string;
  title: string;
  category: ProjectCategory;
  phase: ProjectPhase;
  status: ProjectStatus;
  lead: string | null;
  district: string | null;
  product: string | null;
  open_source: boolean | null;
  licence: string | null;
  repository: string | null;
  adoptions: number;
  updated_on: string;
  one_off: string;
  yearly: string;
  funding: string;
}

/** The catalogue's columns, for the CSV and the XLSX alike: no personal data. */
const catalogueTable: ExportTable<CatalogueRow> = {
  sheetName: 'Projekte',
  columns: [
    { header: 'ID', kind: 'text', width: 14, value: (r) => toGlobalId('Project', r.id) },
    { header: 'Titel', kind: 'text', width: 40, value: (r) => r.title },
    { header: 'Kategorie', kind: 'text', width: 22, value: (r) => projectCategoryLabelsDe[r.category] },
    { header: 'Phase', kind: 'text', width: 14, value: (r) => projectPhaseLabelsDe[r.phase] },
    { header: 'Status', kind: 'text', width: 15, value: (r) => projectStatusLabelsDe[r.status] },
    { header: 'Federführende Kommune', kind: 'text', width: 28, value: (r) => r.lead },
    { header: 'Landkreis', kind: 'text', width: 24, value: (r) => r.district },
    { header: 'Produkt', kind: 'text', width: 24, value: (r) => r.product },
    {
      header: 'Open Source',
      kind: 'text',
      width: 12,
      value: (r) => (r.open_source === null ? '' : r.open_source ? 'ja' : 'nein'),
    },
    { header: 'Lizenz', kind: 'text', width: 14, value: (r) => r.licence },
    { header: 'Repository', kind: 'text', width: 30, value: (r) => r.repository },
    { header: 'Einmalige Kosten (EUR)', kind: 'euroCents', width: 18, value: (r) => Number(r.one_off) },
    {
      header: 'Laufende Kosten pro Jahr (EUR)',
      kind: 'euroCents',
      width: 18,
      value: (r) => Number(r.yearly),
    },
    { header: 'Förderung (EUR)', kind: 'euroCents', width: 18, value: (r) => Number(r.funding) },
    { header: 'Nachnutzungen', kind: 'integer', width: 14, value: (r) => r.adoptions },
    { header: 'Zuletzt geändert', kind: 'date', width: 14, value: (r) => r.updated_on },
  ],
};

/** The catalogue (with the filter) rows the viewer may read: one statement, no personal data. */
async function catalogueRows(
  dataSource: DataSource,
  viewer: User | null,
  filter: ProjectFilter | null | undefined,
): Promise<CatalogueRow[]> {
  const plan = await catalogueSearchPlan(dataSource, filter);
  return catalogueQuery(dataSource, viewer, filter, plan)
    .leftJoin('municipality', 'm', 'm.id = p.lead_municipality_id')
    .leftJoin('municipality', 'd', 'd.id = m.district_id')
    .select([
      'p.id AS id',
      'p.title AS title',
      'p.category AS category',
      'p.phase AS phase',
      'p.status AS status',
      'm.name AS lead',
      'd.name AS district',
      'p.solution_product AS product',
      'p.solution_open_source AS open_source',
      'p.solution_licence AS licence',
      'p.solution_repository_url AS repository',
      'p.adoption_count AS adoptions',
    ])
    .addSelect(`to_char(p.updated_at AT TIME ZONE 'Europe/Berlin', 'YYYY-MM-DD')`, 'updated_on')
    .addSelect(COST_TOTALS_SQL.oneOffCents, 'one_off')
    .addSelect(COST_TOTALS_SQL.yearlyCents, 'yearly')
    .addSelect(COST_TOTALS_SQL.fundingCents, 'funding')
    .orderBy('p.title', 'ASC')
    .limit(10_000)
    .getRawMany();
}

/** The catalogue (with the filter) as CSV for German Excel. */
export async function catalogueCsv(
  dataSource: DataSource,
  viewer: User | null,
  filter: ProjectFilter | null | undefined,
): Promise<string> {
  return toCsv(catalogueTable, await catalogueRows(dataSource, viewer, filter));
}

/** The catalogue (with the filter) as an XLSX workbook (base64), costs and funding as euro numbers. */
export async function catalogueXlsx(
  dataSource: DataSource,
  viewer: User | null,
  filter: ProjectFilter | null | undefined,
): Promise<string> {
  return toXlsxBase64(catalogueTable, await catalogueRows(dataSource, viewer, filter));
}

/** A working group's projects the viewer may read, newest first: two statements (page and count). */
export function workingGroupProjects(
  dataSource: DataSource,
  viewer: User | null,
  workingGroupId: string,
  page: PageArgs,
): Promise<Connection<Project>> {
  const query = onlyReadableProjects(
    dataSource.getRepository(Project).createQueryBuilder('p'),
    viewer,
  ).andWhere('p.workingGroupId = :workingGroupId', { workingGroupId });
  return paginate(query, page, SORTS[ProjectSort.NEWEST]);
}

/**
 * The first page of projects (newest first) the viewer may read of each municipality, led or taken
 * part in: the catalogue's `municipalityId` filter for many municipalities, two statements.
 */
export function municipalitiesFirstProjects(
  dataSource: DataSource,
  viewer: User | null,
  pages: readonly ParentPage[],
): Promise<(Connection<Project> | Error)[]> {
  // The (municipality, project) pairs as a derived table, so the parents' IDs reach its indexes.
  const query = onlyReadableProjects(
    dataSource.getRepository(Project).createQueryBuilder('p'),
    viewer,
  ).innerJoin(
    `(SELECT lead_municipality_id AS municipality_id, id AS project_id FROM project
      UNION SELECT municipality_id, project_id FROM project_participant)`,
    'link',
    'link.project_id = p.id',
  );
  return firstPagesByParent(query, 'link.municipality_id', pages, SORTS[ProjectSort.NEWEST]);
}

/** The first page of each working group's projects the viewer may read (newest first): two statements. */
export function workingGroupsFirstProjects(
  dataSource: DataSource,
  viewer: User | null,
  pages: readonly ParentPage[],
): Promise<(Connection<Project> | Error)[]> {
  const query = onlyReadableProjects(dataSource.getRepository(Project).createQueryBuilder('p'), viewer);
  return firstPagesByParent(query, 'p.workingGroupId', pages, SORTS[ProjectSort.NEWEST]);
}
