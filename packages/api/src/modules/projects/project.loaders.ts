import DataLoader from 'dataloader';
import type { ParentPage } from '../../db/paginate';
import type { LoaderFactory } from '../../graphql/loaders';
import { byIdLoader, groupedLoader, partitionedLoader } from '../../graphql/loaders';
import type { Connection } from '../../graphql/relay';
import type { User } from '../users';
import { COST_TOTALS_SQL } from './project.costs';
import { Project } from './project.entity';
import { municipalitiesFirstProjects, workingGroupsFirstProjects } from './project.search';
import {
  ProjectContact,
  ProjectCost,
  ProjectFunding,
  ProjectMilestone,
  ProjectParticipant,
  ProjectStatusUpdate,
} from './project-details.entity';

export const projectById = byIdLoader(Project);

export const participantsByProject = groupedLoader(
  ProjectParticipant,
  'projectId',
  (p) => p.projectId,
  'createdAt',
);
export const costsByProject = groupedLoader(ProjectCost, 'projectId', (c) => c.projectId, 'position');
export const fundingByProject = groupedLoader(ProjectFunding, 'projectId', (f) => f.projectId, 'position');
export const milestoneById = byIdLoader(ProjectMilestone);
export const milestonesByProject = groupedLoader(
  ProjectMilestone,
  'projectId',
  (m) => m.projectId,
  'position',
);
export const contactsByProject = groupedLoader(ProjectContact, 'projectId', (c) => c.projectId, 'position');
export const adoptionsByOrigin = groupedLoader(
  Project,
  'originProjectId',
  (p) => p.originProjectId as string,
  'createdAt',
);

/** The status history of each project, newest first. */
export const statusUpdatesByProject: LoaderFactory<string, ProjectStatusUpdate[]> = (dataSource) =>
  new DataLoader(async (ids) => {
    const rows = await dataSource
      .getRepository(ProjectStatusUpdate)
      .createQueryBuilder('u')
      .where('u.projectId = ANY(:ids)', { ids: [...ids] })
      .orderBy('u.reportedOn', 'DESC')
      .addOrderBy('u.createdAt', 'DESC')
      .getMany();
    return ids.map((id) => rows.filter((row) => row.projectId === id));
  });

/** The latest status update of each project: one DISTINCT ON statement per batch. */
export const latestStatusUpdateByProject: LoaderFactory<string, ProjectStatusUpdate | null> = (dataSource) =>
  new DataLoader(async (ids) => {
    const rows = await dataSource
      .getRepository(ProjectStatusUpdate)
      .createQueryBuilder('u')
      .distinctOn(['u.projectId'])
      .where('u.projectId = ANY(:ids)', { ids: [...ids] })
      .orderBy('u.projectId')
      .addOrderBy('u.reportedOn', 'DESC')
      .addOrderBy('u.createdAt', 'DESC')
      .getMany();
    const byProject = new Map(rows.map((row) => [row.projectId, row]));
    return ids.map((id) => byProject.get(id) ?? null);
  });

export interface CostTotals {
  oneOffCents: number;
  yearlyCents: number;
  fundingCents: number;
  lineItems: number;
}

/** Cost and funding totals of each project, summed in SQL. */
export const costTotalsByProject: LoaderFactory<string, CostTotals> = (dataSource) =>
  new DataLoader(async (ids) => {
    const rows: { project_id: string; one_off: string; yearly: string; funding: string; items: number }[] =
      await dataSource.query(
        `SELECT p.id AS project_id, ${COST_TOTALS_SQL.oneOffCents} AS one_off, ${COST_TOTALS_SQL.yearlyCents} AS yearly,
                ${COST_TOTALS_SQL.fundingCents} AS funding, ${COST_TOTALS_SQL.lineItems} AS items
           FROM project p WHERE p.id = ANY($1)`,
        [[...ids]],
      );
    const byProject = new Map(rows.map((row) => [row.project_id, row]));
    return ids.map((id) => {
      const row = byProject.get(id);
      return {
        oneOffCents: Number(row?.one_off ?? 0),
        yearlyCents: Number(row?.yearly ?? 0),
        fundingCents: Number(row?.funding ?? 0),
        lineItems: row?.items ?? 0,
      };
    });
  });

/** The origin chain of each project (its origin, the origin's origin, …), nearest first. */
export const lineageByProject: LoaderFactory<string, string[]> = (dataSource) =>
  new DataLoader(async (ids) => {
    const rows: { start_id: string; origin_id: string; depth: number }[] = await dataSource.query(
      `WITH RECURSIVE chain(start_id, origin_id, depth) AS (
         SELECT p.id, p.origin_project_id, 1 FROM project p WHERE p.id = ANY($1) AND p.origin_project_id IS NOT NULL
         UNION ALL
         SELECT c.start_id, o.origin_project_id, c.depth + 1
           FROM chain c JOIN project o ON o.id = c.origin_id
          WHERE o.origin_project_id IS NOT NULL AND c.depth < 50
       )
       SELECT start_id, origin_id, depth FROM chain ORDER BY start_id, depth`,
      [[...ids]],
    );
    return ids.map((id) => rows.filter((row) => row.start_id === id).map((row) => row.origin_id));
  });

export const statusUpdateById = byIdLoader(ProjectStatusUpdate);

/** A first page of a parent's projects, as the viewer may read them. */
export interface ViewerParentPage extends ParentPage {
  viewer: User | null;
}

const viewerBatch = (key: ViewerParentPage) => key.viewer?.id ?? 'anonymous';
const pageCacheKey = (key: ViewerParentPage) => `${viewerBatch(key)}:${key.parentId}:${key.first ?? ''}`;

/** The first page of each municipality's projects (led or taken part in): two statements per batch. */
export const firstProjectsByMunicipality = partitionedLoader<ViewerParentPage, Connection<Project>>(
  viewerBatch,
  pageCacheKey,
  (dataSource, keys) => municipalitiesFirstProjects(dataSource, keys[0].viewer, keys),
);

/** The first page of each working group's projects: two statements per batch. */
export const firstProjectsByWorkingGroup = partitionedLoader<ViewerParentPage, Connection<Project>>(
  viewerBatch,
  pageCacheKey,
  (dataSource, keys) => workingGroupsFirstProjects(dataSource, keys[0].viewer, keys),
);
