import type { Context } from '../../graphql/context';
import { projectCountLedBy } from '../projects';
import { officersByMunicipalityId } from '../users';
import { activeGroupIdsByMunicipalityId } from '../working-groups';
import { ProfileCheck, ProfileCheckKind } from './dashboard.types';

const check = (kind: ProfileCheckKind, done: boolean) => Object.assign(new ProfileCheck(), { kind, done });

/**
 * How complete the municipality's presence in the hub is: a contact person with function and phone,
 * projects, working-group participation, and current status updates (`staleProjects` running
 * projects without one). Each check is computed from the owning module's data.
 */
export async function profileChecksOf(
  ctx: Context,
  municipalityId: string,
  staleProjects: number,
): Promise<ProfileCheck[]> {
  const [officers, groupIds, projects] = await Promise.all([
    ctx.loaders.get(officersByMunicipalityId).load(municipalityId),
    ctx.loaders.get(activeGroupIdsByMunicipalityId).load(municipalityId),
    projectCountLedBy(ctx.dataSource, municipalityId),
  ]);
  return [
    check(
      ProfileCheckKind.CONTACT_PERSON,
      officers.some((o) => Boolean(o.position?.trim() && o.phone?.trim())),
    ),
    check(ProfileCheckKind.PROJECTS, projects > 0),
    check(ProfileCheckKind.WORKING_GROUP, groupIds.length > 0),
    check(ProfileCheckKind.CURRENT_STATUS, projects > 0 && staleProjects === 0),
  ];
}
