import { MembershipStatus, WorkingGroupMembershipStatus } from '@hub/shared';
import { In, IsNull } from 'typeorm';
import type { Context } from '../../graphql/context';
import type { Municipality } from '../municipalities/municipality.entity';
import { municipalityById } from '../municipalities/municipality.loaders';
import { membershipByMunicipalityId } from '../network/membership.loaders';
import { membershipPolicy } from '../network/membership.policy';
import { Project } from '../projects/project.entity';
import { projectPolicy } from '../projects/project.policy';
import { isOfficer } from '../users/roles';
import { WorkingGroup, WorkingGroupMembership } from '../working-groups/working-group.entity';
import { OpenStep, OpenStepKind } from './open-step.types';

const step = (kind: OpenStepKind, municipality: Municipality | null = null): OpenStep =>
  Object.assign(new OpenStep(), { kind, municipality });

/**
 * The steps waiting for the viewer, in the order she should take them. Each is offered only when
 * the module's policy lets her take it, and is computed from the data, so it disappears once done.
 * Officers have them; other roles start from the navigation.
 */
export async function openStepsOf(ctx: Context): Promise<OpenStep[]> {
  const viewer = ctx.viewer;
  if (!isOfficer(viewer) || !viewer.municipalityId) return [];
  const municipalityId = viewer.municipalityId;
  const [municipality, membership] = await Promise.all([
    ctx.loaders.get(municipalityById).load(municipalityId) as Promise<Municipality>,
    ctx.loaders.get(membershipByMunicipalityId).load(municipalityId),
  ]);
  const steps: OpenStep[] = [];

  if (
    membership?.status === MembershipStatus.INVITED &&
    membershipPolicy.can(viewer, 'accept', { membership: membership })
  )
    steps.push(step(OpenStepKind.ANSWER_NETWORK_INVITATION, municipality));

  if (!viewer.position?.trim() || !viewer.phone?.trim()) steps.push(step(OpenStepKind.COMPLETE_PROFILE));

  // Officers ask to join groups (the working-group policy's rule); a pending request is her part done.
  const [takesPart, openGroup] = await Promise.all([
    ctx.dataSource.getRepository(WorkingGroupMembership).existsBy({
      userId: viewer.id,
      status: In([WorkingGroupMembershipStatus.ACTIVE, WorkingGroupMembershipStatus.REQUESTED]),
    }),
    ctx.dataSource.getRepository(WorkingGroup).existsBy({ archivedAt: IsNull() }),
  ]);
  if (!takesPart && openGroup) steps.push(step(OpenStepKind.JOIN_WORKING_GROUP));

  if (
    projectPolicy.can(viewer, 'create', { leadMunicipalityId: municipalityId }) &&
    !(await ctx.dataSource.getRepository(Project).existsBy({ leadMunicipalityId: municipalityId }))
  )
    steps.push(step(OpenStepKind.ADD_PROJECT, municipality));

  return steps;
}
