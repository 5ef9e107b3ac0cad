import type { ProjectSort } from '@hub/shared';
import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';
import type { DataSource } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { entityFromColumns } from '../../db/entity-from-columns';
import type { PageArgs } from '../../db/paginate';
import { connectionOf, keysetPage } from '../../db/paginate';
import type { Context } from '../../graphql/context';
import type { Connection } from '../../graphql/relay';
import { municipalityWithDistrictJson, primeMunicipalityWithDistrict } from '../municipalities';
import { Project } from './project.entity';
import type { ProjectFilter } from './project.inputs';
import { latestStatusUpdateByProject, participantsByProject } from './project.loaders';
import { catalogueQuery, catalogueSearchPlan, catalogueSort } from './project.search';
import { ProjectParticipant, ProjectStatusUpdate } from './project-details.entity';

/** What an operation asks of a catalogue page: decides the columns and relations its statement brings. */
export interface CataloguePageWants {
  totalCount: boolean;
  /** description, descriptionHtml, … (kilobytes per project; a card list shows none of them). */
  longTexts: boolean;
  leadMunicipality: boolean;
  participants: boolean;
  latestStatusUpdate: boolean;
}

/** Project fields whose resolvers read the long text columns besides the columns' own fields. */
const READS_LONG_TEXTS = ['publiccodeYml'];

/** The fields named `name` below the given fields, over all aliases and fragments. */
function fieldsNamed(parents: readonly ResolveTree[], name: string): ResolveTree[] {
  return parents.flatMap((parent) =>
    Object.values(parent.fieldsByTypeName).flatMap((fields) =>
      Object.values(fields).filter((field) => field.name === name),
    ),
  );
}

/** Look-ahead on the `projects` field: what its operation asks of the page's projects. */
export function cataloguePageWants(info: GraphQLResolveInfo, dataSource: DataSource): CataloguePageWants {
  const connection = parseResolveInfo(info) as ResolveTree;
  const nodes = fieldsNamed(fieldsNamed([connection], 'edges'), 'node');
  const asked = new Set(
    nodes.flatMap((node) =>
      Object.values(node.fieldsByTypeName).flatMap((fields) => Object.values(fields).map((f) => f.name)),
    ),
  );
  const longTextFields = [...longTextColumns(dataSource).map((c) => c.propertyName), ...READS_LONG_TEXTS];
  return {
    totalCount: fieldsNamed([connection], 'totalCount').length > 0,
    longTexts: longTextFields.some((field) => asked.has(field)),
    leadMunicipality: asked.has('leadMunicipality') || asked.has('publiccodeYml'),
    // viewerCan decides with the participants.
    participants: asked.has('participants') || asked.has('viewerCan'),
    latestStatusUpdate: asked.has('latestStatusUpdate') || asked.has('progressPercent'),
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
 * relations the operation asks for (lead municipality, participants with their municipalities,
 * latest status update) as JSON, read as plain rows. The relations prime the request's loaders,
 * so the field resolvers that follow send no statement of their own.
 */
export async function cataloguePage(
  ctx: Context,
  filter: ProjectFilter | null,
  sort: ProjectSort | null,
  args: PageArgs,
  wants: CataloguePageWants,
): Promise<Connection<Project>> {
  const { dataSource } = ctx;
  const plan = await catalogueSearchPlan(dataSource, filter);
  const { keys, parameters } = catalogueSort(plan, sort);
  const query = catalogueQuery(dataSource, ctx.viewer, filter, plan).setParameters(parameters);
  const visible = query.clone().select('1');
  const long = wants.longTexts ? [] : longTextColumns(dataSource);
  const columns = dataSource
    .getMetadata(Project)
    .columns.filter((column) => column.isSelect && !long.includes(column));
  query.select([]);
  for (const column of columns) query.addSelect(`p.${column.databaseName}`, column.databaseName);
  const { page, first } = keysetPage(query, args, keys);
  if (wants.totalCount)
    page.addSelect(`(SELECT count(*)::int FROM (${visible.getQuery()}) visible)`, 'total_count');
  if (wants.leadMunicipality)
    page.addSelect(municipalityWithDistrictJson('p.lead_municipality_id'), 'lead_municipality');
  if (wants.participants)
    page.addSelect(
      `(SELECT COALESCE(json_agg(json_build_array(to_json(pp), ${municipalityWithDistrictJson('pp.municipality_id')})
          ORDER BY pp.created_at), '[]') FROM project_participant pp WHERE pp.project_id = p.id)`,
      'participants',
    );
  if (wants.latestStatusUpdate)
    page.addSelect(
      `(SELECT to_json(u) FROM project_status_update u WHERE u.project_id = p.id
         ORDER BY u.reported_on DESC, u.created_at DESC LIMIT 1)`,
      'latest_status_update',
    );
  const raws: Record<string, unknown>[] = await page.getRawMany();
  const rows = raws.map((raw) => {
    const project = entityFromColumns(dataSource, Project, raw);
    primeRelations(ctx, project, raw, wants);
    return { node: project, raw };
  });
  return connectionOf(rows, { first, after: args.after }, keys, Number(raws[0]?.total_count ?? 0));
}

function primeRelations(
  ctx: Context,
  project: Project,
  raw: Record<string, unknown>,
  wants: CataloguePageWants,
): void {
  const { dataSource, loaders } = ctx;
  if (wants.leadMunicipality)
    primeMunicipalityWithDistrict(dataSource, loaders, raw.lead_municipality as never);
  if (wants.participants) {
    const participants = (raw.participants as [Record<string, unknown>, never][]).map(
      ([participant, municipality]) => {
        primeMunicipalityWithDistrict(dataSource, loaders, municipality);
        return entityFromColumns(dataSource, ProjectParticipant, participant);
      },
    );
    loaders.get(participantsByProject).prime(project.id, participants);
  }
  if (wants.latestStatusUpdate) {
    const update = raw.latest_status_update as Record<string, unknown> | null;
    loaders
      .get(latestStatusUpdateByProject)
      .prime(project.id, update ? entityFromColumns(dataSource, ProjectStatusUpdate, update) : null);
  }
}
