import type { ProjectSort } from '@hub/shared';
import type { GraphQLResolveInfo } from 'graphql';
import type { DataSource, EntityMetadata, SelectQueryBuilder } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { entityFromColumns, entityFromJsonRow, entityRowJson } from '../../db/entity-from-columns';
import type { PageArgs, SortKey } from '../../db/paginate';
import { connectionOf, keysetPage } from '../../db/paginate';
import { queryPrepared } from '../../db/prepared-statement';
import { StatementTexts } from '../../db/statement-texts';
import type { Context } from '../../graphql/context';
import { connectionAsks, perSelection } from '../../graphql/look-ahead';
import type { ConnectionAnswerPlan, ProjectedAnswer } from '../../graphql/projected-connection';
import { RawJson } from '../../graphql/raw-json';
import { type Connection, encodeCursorSql } from '../../graphql/relay';
import { plainColumnFields } from '../../graphql/sql-projection';
import { municipalitiesJson, primeMunicipalities } from '../municipalities';
import { Project } from './project.entity';
import type { ProjectFilter } from './project.inputs';
import { latestStatusUpdateByProject, participantsByProject } from './project.loaders';
import { projectReadFilter } from './project.policy';
import { latestStatusUpdateFrom } from './project.projection';
import { catalogueFilterShape, catalogueQuery, catalogueSearchPlan, catalogueSort } from './project.search';
import { ProjectParticipant, ProjectStatusUpdate } from './project-details.entity';

/**
 * What an operation asks of a catalogue page: decides the columns and relations its statement
 * brings. Shared by the requests of a query text: read only.
 */
export interface CataloguePageWants {
  readonly totalCount: boolean;
  /** description, descriptionHtml, … (kilobytes per project; a card list shows none of them). */
  readonly longTexts: boolean;
  readonly leadMunicipality: boolean;
  readonly participants: boolean;
  readonly latestStatusUpdate: boolean;
  /**
   * The project columns (property names) the asked fields read, or null for every column but the
   * long texts: when a field is asked whose resolver may read any column.
   */
  readonly columns: readonly string[] | null;
}

/**
 * Project fields resolved from the relations the page brings, with the project columns they read
 * (besides the id). Any other field with a resolver of its own may read any column.
 */
const RELATION_FIELD_COLUMNS: Record<string, string[]> = {
  leadMunicipality: ['leadMunicipalityId'],
  participants: [],
  latestStatusUpdate: [],
  progressPercent: [],
};

/** The project columns the asked fields read (see `CataloguePageWants.columns`). */
function columnsAsked(asked: ReadonlySet<string>, dataSource: DataSource): string[] | null {
  const plain = plainColumnFields(dataSource, Project);
  const columns = new Set(['id']);
  for (const field of asked) {
    if (field === '__typename') continue;
    const column = plain.get(field)?.propertyName;
    const read = RELATION_FIELD_COLUMNS[field] ?? (column ? [column] : null);
    if (!read) return null;
    for (const column of read) columns.add(column);
  }
  return [...columns].sort();
}

/** Project fields whose resolvers read the long text columns besides the columns' own fields. */
const READS_LONG_TEXTS = ['publiccodeYml'];

/** What a `projects` field asks, per data source: once per document (see perSelection). */
const wantsOfSelection = perSelection(() => new WeakMap<DataSource, CataloguePageWants>());

/** Look-ahead on the `projects` field: what its operation asks of the page's projects. */
export function cataloguePageWants(info: GraphQLResolveInfo, dataSource: DataSource): CataloguePageWants {
  const byDataSource = wantsOfSelection(info);
  let wants = byDataSource.get(dataSource);
  if (!wants) {
    wants = lookAhead(info, dataSource);
    byDataSource.set(dataSource, wants);
  }
  return wants;
}

function lookAhead(info: GraphQLResolveInfo, dataSource: DataSource): CataloguePageWants {
  const { nodeFields: asked, totalCount } = connectionAsks(info);
  const longTextFields = [...longTextColumns(dataSource).map((c) => c.propertyName), ...READS_LONG_TEXTS];
  return {
    totalCount,
    longTexts: longTextFields.some((field) => asked.has(field)),
    leadMunicipality: asked.has('leadMunicipality') || asked.has('publiccodeYml'),
    // viewerCan decides with the participants.
    participants: asked.has('participants') || asked.has('viewerCan'),
    latestStatusUpdate: asked.has('latestStatusUpdate') || asked.has('progressPercent'),
    columns: columnsAsked(asked, dataSource),
  };
}

/** Project columns of type text (description, …): kilobytes per project, selected only when asked for. */
function longTextColumns(dataSource: DataSource): ColumnMetadata[] {
  return dataSource
    .getMetadata(Project)
    .columns.filter((column) => column.isSelect && column.type === 'text');
}

/**
 * One catalogue page in one statement: the page of projects (the viewer's read filter and the
 * filter of `catalogueQuery`, keyset-paginated like `searchProjects`), its total count and the
 * relations the operation asks for (participants and latest status update per project; the lead
 * and participating municipalities with their districts once for the page), as plain rows and
 * JSON. The relations prime the request's loaders, so the field resolvers send no statement.
 */
export async function cataloguePage(
  ctx: Context,
  filter: ProjectFilter | null,
  sort: ProjectSort | null,
  args: PageArgs,
  wants: CataloguePageWants,
): Promise<Connection<Project>> {
  const { dataSource } = ctx;
  const page = await pageRows(ctx, filter, sort, args, wants, 'entities', (query, visible, keys) =>
    pageSql(dataSource, query, visible, keys, wants),
  );
  primeMunicipalities(dataSource, ctx.loaders, (page.raws[0]?.municipalities ?? null) as unknown[][] | null);
  const rows = page.raws.map((raw) => {
    const project = entityFromColumns(dataSource, Project, raw);
    primeRelations(ctx, project, raw, wants);
    return { node: project, raw };
  });
  return connectionOf(rows, { first: page.first, after: args.after }, page.keys, await page.totalCount());
}

/**
 * A catalogue page answered by PostgreSQL (see graphql/projected-connection.ts): the same page,
 * read filter and order as `cataloguePage`, its edges (each project's answer and cursor) built as
 * JSON by the statement (`plan.edgesSql`), the cursors as `connectionOf` writes them.
 */
export async function catalogueAnswer(
  ctx: Context,
  filter: ProjectFilter | null,
  sort: ProjectSort | null,
  args: PageArgs,
  plan: ConnectionAnswerPlan,
): Promise<ProjectedAnswer> {
  const { dataSource } = ctx;
  const wants = plan.totalCount ? ANSWER_WANTS_COUNTED : ANSWER_WANTS;
  const page = await pageRows(ctx, filter, sort, args, wants, plan.key, (query, visible, keys, first) =>
    answerSql(dataSource, query, visible, keys, first, wants, plan),
  );
  // One row: the page's edges as JSON text (written into the response as it is), its cursors and size.
  const [row] = page.raws as unknown as AnsweredPage[];
  return plan.answer({
    totalCount: await page.totalCount(),
    pageInfo: {
      hasNextPage: row.page_rows > page.first,
      hasPreviousPage: Boolean(args.after),
      startCursor: row.start_cursor,
      endCursor: row.end_cursor,
    },
    edges: Array.from({ length: plan.edgeLists }, (_, i) => new RawJson(row[`edges_${i}`])),
  });
}

/** The row of `answerSql`. */
interface AnsweredPage {
  page_rows: number;
  total_count: number | null;
  start_cursor: string | null;
  end_cursor: string | null;
  [edges: `edges_${number}`]: string;
}

/** What an answered page selects of the projects: the id and the sort keys (its answers are JSON). */
const ANSWER_WANTS: CataloguePageWants = {
  totalCount: false,
  longTexts: false,
  leadMunicipality: false,
  participants: false,
  latestStatusUpdate: false,
  columns: ['id'],
};
const ANSWER_WANTS_COUNTED: CataloguePageWants = { ...ANSWER_WANTS, totalCount: true };

interface PageRows {
  raws: Record<string, unknown>[];
  keys: SortKey<Project>[];
  first: number;
  /** The total count: from the rows, or counted on its own past the last project. */
  totalCount(): Promise<number>;
}

/**
 * The rows of one catalogue page in one statement: the page of projects (the viewer's read filter
 * and the filter of `catalogueQuery`, keyset-paginated like `searchProjects`) with its total count,
 * and what `sqlOf` (named by `variant` in the statement cache) builds around it.
 */
async function pageRows(
  ctx: Context,
  filter: ProjectFilter | null,
  sort: ProjectSort | null,
  args: PageArgs,
  wants: CataloguePageWants,
  variant: string,
  sqlOf: (
    page: SelectQueryBuilder<Project>,
    visible: SelectQueryBuilder<Project>,
    keys: SortKey<Project>[],
    first: number,
  ) => string,
): Promise<PageRows> {
  const { dataSource } = ctx;
  const plan = await catalogueSearchPlan(dataSource, filter);
  const { keys, parameters } = catalogueSort(plan, sort);
  const query = catalogueQuery(dataSource, ctx.viewer, filter, plan).setParameters(parameters);
  const visible = query.clone().select('1');
  query.select([]);
  for (const column of pageColumns(dataSource, wants, keys))
    query.addSelect(`p.${column.databaseName}`, column.databaseName);
  const { page, first } = keysetPage(query, args, keys);
  // The builders give the parameters; the text comes from the cache when a page of the same shape was built.
  const shape = pageShape(ctx, filter, sort, { first, after: args.after }, wants, variant);
  const sql = pageTexts.of(shape, () => sqlOf(page, visible, keys, first));
  const [text, values] = dataSource.driver.escapeQueryWithParameters(sql, page.getParameters());
  // A page of a cached shape repeats its text: prepared, PostgreSQL parses and plans it once per connection.
  const raws: Record<string, unknown>[] =
    shape === null ? await dataSource.query(text, values) : await queryPrepared(dataSource, text, values);
  // Past the last project (a cursor at the end) no row brings the count: counted on its own then.
  const counted = raws[0]?.total_count;
  const totalCount = async () =>
    (counted !== null && counted !== undefined) || !args.after || !wants.totalCount
      ? Number(counted ?? 0)
      : visible.getCount();
  return { raws, keys, first, totalCount };
}

/** The project columns a page selects: those the asked fields and the sort keys read, or all but the long texts. */
function pageColumns(
  dataSource: DataSource,
  wants: CataloguePageWants,
  keys: SortKey<Project>[],
): ColumnMetadata[] {
  const metadata = dataSource.getMetadata(Project);
  const selectable = metadata.columns.filter((column) => column.isSelect);
  if (!wants.columns) {
    const long = wants.longTexts ? [] : longTextColumns(dataSource);
    return selectable.filter((column) => !long.includes(column));
  }
  const wanted = new Set(wants.columns);
  for (const key of keys) if (!key.alias) wanted.add(key.expression.replace(/^p\./, ''));
  return selectable.filter((column) => wanted.has(column.propertyName));
}

/** Page statements by shape (see pageShape). */
const pageTexts = new StatementTexts();

/**
 * What decides the text of a page's statement besides the parameter values: the viewer's read
 * filter, the filter's shape (catalogueFilterShape), sort, page size, cursor or not, and what the
 * operation asks (its columns and relations, or the SQL of its answers). Null with a search text:
 * its terms shape the relevance expression.
 */
function pageShape(
  ctx: Context,
  filter: ProjectFilter | null,
  sort: ProjectSort | null,
  page: { first: number; after?: string | null },
  wants: CataloguePageWants,
  variant: string,
): string | null {
  if (filter?.search?.trim()) return null;
  return JSON.stringify([
    projectReadFilter(ctx.viewer).sql,
    catalogueFilterShape(filter),
    sort,
    page.first,
    Boolean(page.after),
    wants,
    variant,
  ]);
}

/** The page's statement with named parameters: the page with its count and relations, then the municipalities. */
function pageSql(
  dataSource: DataSource,
  page: SelectQueryBuilder<Project>,
  visible: SelectQueryBuilder<Project>,
  keys: SortKey<Project>[],
  wants: CataloguePageWants,
): string {
  const metadata = dataSource.getMetadata(Project);
  if (wants.totalCount)
    page.addSelect(`(SELECT count(*)::int FROM (${visible.getQuery()}) visible)`, 'total_count');
  if (wants.participants)
    page.addSelect(
      `(SELECT COALESCE(json_agg(${entityRowJson(dataSource, ProjectParticipant, 'pp')} ORDER BY pp.created_at, pp.id), '[]')
          FROM project_participant pp WHERE pp.project_id = p.id)`,
      'participants',
    );
  if (wants.latestStatusUpdate)
    page.addSelect(
      `(SELECT ${entityRowJson(dataSource, ProjectStatusUpdate, 'u')} FROM ${latestStatusUpdateFrom('p', 'u')})`,
      'latest_status_update',
    );
  const municipalityIds = [
    ...(wants.leadMunicipality ? ['SELECT lead_municipality_id FROM page'] : []),
    ...(wants.participants
      ? ['SELECT mp.municipality_id FROM project_participant mp WHERE mp.project_id IN (SELECT id FROM page)']
      : []),
  ];
  const order = pageOrder(metadata, keys);
  const municipalities = municipalityIds.length
    ? `CASE WHEN row_number() OVER (ORDER BY ${order}) = 1
         THEN ${municipalitiesJson(dataSource, municipalityIds.join(' UNION '))} END`
    : 'NULL';
  return `WITH page AS (${page.getQuery()}) SELECT page.*, ${municipalities} AS municipalities FROM page ORDER BY ${order}`;
}

/**
 * The page's answer in one row (AnsweredPage): per `edges` key of the plan its edges' JSON (each
 * project's answer on `project p`, each cursor as `connectionOf` writes it), in the page's order,
 * its first and last cursor and its rows (`page_rows`: one more than `first` when a next page exists).
 */
function answerSql(
  dataSource: DataSource,
  page: SelectQueryBuilder<Project>,
  visible: SelectQueryBuilder<Project>,
  keys: SortKey<Project>[],
  first: number,
  wants: CataloguePageWants,
  plan: ConnectionAnswerPlan,
): string {
  const metadata = dataSource.getMetadata(Project);
  if (wants.totalCount)
    page.addSelect(`(SELECT count(*)::int FROM (${visible.getQuery()}) visible)`, 'total_count');
  const order = pageOrder(metadata, keys);
  const cursor = encodeCursorSql(
    keys.map((key) => ({ sql: `page."${pageColumnOf(metadata, key)}"`, type: key.type })),
  );
  const edges = plan
    .edgesSql('numbered.cursor')
    .map(
      (edge, i) =>
        `, COALESCE(json_agg(${edge} ORDER BY numbered.n) FILTER (WHERE numbered.n <= ${first}), '[]')::text AS edges_${i}`,
    )
    .join('');
  return `WITH page AS (${page.getQuery()}),
    numbered AS (
      SELECT page.*, row_number() OVER (ORDER BY ${order}) AS n, count(*) OVER () AS page_rows, ${cursor} AS cursor
        FROM page
    )
    SELECT count(*)::int AS page_rows, ${wants.totalCount ? 'max(numbered.total_count)' : 'NULL::int'} AS total_count,
           min(numbered.cursor) FILTER (WHERE numbered.n = 1 AND numbered.n <= ${first}) AS start_cursor,
           min(numbered.cursor) FILTER (WHERE numbered.n = LEAST(numbered.page_rows, ${first})) AS end_cursor
           ${edges}
      FROM numbered JOIN project p ON p.id = numbered.id`;
}

/** The page's order again (the sort keys on its columns): a query on the page need not keep it. */
function pageOrder(metadata: EntityMetadata, keys: SortKey<Project>[]): string {
  return keys.map((key) => `page."${pageColumnOf(metadata, key)}" ${key.direction}`).join(', ');
}

/** The page's column of a sort key: its alias, or the column of its `p.property` expression. */
function pageColumnOf(metadata: EntityMetadata, key: SortKey<Project>): string {
  if (key.alias) return key.alias;
  const column = metadata.findColumnWithPropertyPath(key.expression.replace(/^p\./, ''));
  if (!column) throw new Error(`cataloguePage: the sort key ${key.expression} is no column of the page`);
  return column.databaseName;
}

function primeRelations(
  ctx: Context,
  project: Project,
  raw: Record<string, unknown>,
  wants: CataloguePageWants,
): void {
  const { dataSource, loaders } = ctx;
  if (wants.participants) {
    const participants = (raw.participants as unknown[][]).map((row) =>
      entityFromJsonRow(dataSource, ProjectParticipant, row),
    );
    loaders.prime(participantsByProject, project.id, participants);
  }
  if (wants.latestStatusUpdate) {
    const update = raw.latest_status_update as unknown[] | null;
    loaders.prime(
      latestStatusUpdateByProject,
      project.id,
      update ? entityFromJsonRow(dataSource, ProjectStatusUpdate, update) : null,
    );
  }
}
