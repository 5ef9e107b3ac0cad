import { MembershipStatus } from '@hub/shared';
import type { Context } from '../../graphql/context';
import type { Municipality } from '../municipalities';
import { municipalityById } from '../municipalities';
import { membershipByMunicipalityId, membershipPolicy } from '../network';
import { leadsAProject, projectPolicy } from '../projects';
import { isOfficer } from '../users';
import { anOpenGroupExists, takesPartInAGroup } from '../working-groups';
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
    takesPartInAGroup(ctx.dataSource, viewer.id),
    anOpenGroupExists(ctx.dataSource),
  ]);
  if (!takesPart && openGroup) steps.push(step(OpenStepKind.JOIN_WORKING_GROUP));

  if (
    projectPolicy.can(viewer, 'create', { leadMunicipalityId: municipalityId }) &&
    !(await leadsAProject(ctx.dataSource, municipalityId))
  )
    steps.push(step(OpenStepKind.ADD_PROJECT, municipality));

  return steps;
}
