/*
 * The network module's public face: memberships of municipalities in the network. Other modules
 * use these instead of the network_membership table.
 */
export { NetworkMembership } from './membership.entity';
export { membershipFigures } from './membership.figures';
export { membershipByMunicipalityId } from './membership.loaders';
export { pendingApplicationCount } from './membership.overview';
export { membershipPolicy, membershipReadFilter, visibleStatuses } from './membership.policy';
export { activeMemberMunicipalityIds, isActiveMember } from './membership.service';
