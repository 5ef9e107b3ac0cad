import { ProjectStatus } from '@hub/shared';
import type { DataSource, EntityManager } from 'typeorm';
import type { Context } from '../../graphql/context';
import type { Actor } from '../../policy/policy';
import { Project } from './project.entity';
import { participantsByProject, projectById } from './project.loaders';
import { onlyReadableProjects, projectPolicy } from './project.policy';

/** The project if the viewer may read it, else null; participants come from the request's loader. */
export async function readableProject(ctx: Context, project: Project | null): Promise<Project | null> {
  if (!project) return null;
  // Published projects need no participants to decide: saves a statement on public pages.
  const participants =
    project.status === ProjectStatus.PUBLISHED
      ? []
      : await ctx.loaders.get(participantsByProject).load(project.id);
  return projectPolicy.can(ctx.viewer, 'read', { project, participants }) ? project : null;
}

/** Those of the projects the viewer may read, in the order given. */
export async function readableProjects(
  ctx: Context,
  projects: readonly (Project | null)[],
): Promise<Project[]> {
  const checked = await Promise.all(projects.map((p) => readableProject(ctx, p)));
  return checked.filter((p): p is Project => p !== null);
}

/** The projects with these IDs that exist and the viewer may read, in the order asked. */
export async function readableProjectsById(ctx: Context, ids: readonly string[]): Promise<Project[]> {
  return readableProjects(ctx, await Promise.all(ids.map((id) => ctx.loaders.get(projectById).load(id))));
}

/** Inside a transaction: the IDs among `ids` of projects that exist and the actor may read (one statement). */
export async function readableProjectIds(
  manager: EntityManager,
  actor: Actor,
  ids: readonly string[],
): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await onlyReadableProjects(
    manager.getRepository(Project).createQueryBuilder('p').select('p.id', 'id'),
    actor,
  )
    .andWhere('p.id = ANY(:ids)', { ids: [...ids] })
    .getRawMany<{ id: string }>();
  return rows.map((row) => row.id);
}

/** Whether the municipality leads any project (in any status). */
export function leadsAProject(source: DataSource | EntityManager, municipalityId: string): Promise<boolean> {
  return source.getRepository(Project).existsBy({ leadMunicipalityId: municipalityId });
}
