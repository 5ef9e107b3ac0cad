/*
 * The working-groups module's public face: what other modules may use. Its tables and the rest of
 * this folder are the module's own business.
 */

export { workingGroupAudience, workingGroupMembershipSummary } from './working-group.audience';
export type { WorkingGroupMembership } from './working-group.entity';
export { WorkingGroup } from './working-group.entity';
export { workingGroupFigures } from './working-group.figures';
export {
  activeGroupIdsByMunicipalityId,
  activeMemberIdsIn,
  anOpenGroupExists,
  currentMembershipsByGroupId,
  groupLeadIds,
  groupLeadIdsIn,
  takesPartInAGroup,
  workingGroupById,
  workingGroupIn,
} from './working-group.loaders';
export { activeGroupIdsOfUser, activeGroupIdsOfUserSql, pendingJoinRequests } from './working-group.overview';
export type { WorkingGroupState } from './working-group.policy';
export {
  workingGroupInternalReadableSql,
  workingGroupPolicy,
  workingGroupReadFilter,
} from './working-group.policy';
