/*
 * The users module's public face: people, their roles and who may see what of them. Other
 * modules use these instead of the app_user table.
 */

export {
  type AccountSecurity,
  accountSecurity,
  type InvitationRequest,
  registerAccountSecurity,
} from './account-security';
export { municipalityForRole } from './officer-municipality';
export { activeOfficersOf, peopleByIds, personExists } from './people.queries';
export { isCoordinator, isMinistry, isNetworkMember, isOfficer } from './roles';
export { activeOfficerIds, activeRecipients, activeUserIdsWithRole, displayNames } from './user.audience';
export { User } from './user.entity';
export { officerCountColumn, officersByMunicipalityId, userById } from './user.loaders';
export { userPolicy } from './user.policy';
export { PeopleService } from './user.service';
