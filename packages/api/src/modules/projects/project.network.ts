import { type ProjectCategory, ProjectPhase, projectLimits } from '@hub/shared';
import type { EntityManager } from 'typeorm';
import type { Context } from '../../graphql/context';
import { toGlobalId } from '../../graphql/relay';
import type { User } from '../users';
import type { Project } from './project.entity';
import { CreateProjectInput } from './project.inputs';
import { ProjectService } from './project.service';

/** What another module (initiatives) knows when the network starts a project in its pilot cities. */
export interface NetworkProjectDraft {
  title: string;
  summary: string;
  description: string;
  category: ProjectCategory;
  leadMunicipalityId: string;
  partnerMunicipalityIds: string[];
}

/**
 * Creates a published network project (flag set, phase PILOT) with the lead and the partners as
 * participants, through the same rules, audit and events as `createProject`: from then on its
 * status updates, costs and adoptions count in dashboards and reports like any project's.
 */
export function createNetworkProject(
  ctx: Context,
  manager: EntityManager,
  viewer: User,
  draft: NetworkProjectDraft,
): Promise<Project> {
  const input = Object.assign(new CreateProjectInput(), {
    title: draft.title.slice(0, projectLimits.title.maxLength),
    summary: draft.summary.slice(0, projectLimits.summary.maxLength),
    description: draft.description,
    category: draft.category,
    phase: ProjectPhase.PILOT,
    leadMunicipalityId: toGlobalId('Municipality', draft.leadMunicipalityId),
    partnerMunicipalityIds: draft.partnerMunicipalityIds.map((id) => toGlobalId('Municipality', id)),
    isNetworkProject: true,
    publish: true,
  });
  return new ProjectService(ctx).create(manager, viewer, input);
}
