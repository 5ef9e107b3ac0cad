/** The working-groups module's public face (what other modules may use). */
export { WorkingGroup } from './working-group.entity';
export { currentMembershipsByGroupId, workingGroupById } from './working-group.loaders';
export type { WorkingGroupState } from './working-group.policy';
export { workingGroupInternalReadableSql, workingGroupPolicy } from './working-group.policy';
