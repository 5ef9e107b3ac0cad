import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import type { NonEmptyArray } from 'type-graphql';
import { buildSchema } from 'type-graphql';
import { authAccountSecurity } from '../modules/auth';
import { AuthResolver } from '../modules/auth/auth.resolver';
import { dashboardResolvers } from '../modules/dashboard';
import { DiscussionLiveResolver } from '../modules/discussions/discussion.live';
import { discussionResolvers } from '../modules/discussions/discussion.resolver';
import {
  InitiativeResolver,
  OutcomeInitiativesResolver,
  PilotApplicationResolver,
} from '../modules/initiatives/initiative.resolver';
import { RoundLiveResolver } from '../modules/initiatives/round.live';
import { PrioritisationRoundResolver } from '../modules/initiatives/round.resolver';
import {
  MunicipalityMeetingsResolver,
  WorkingGroupMeetingsResolver,
} from '../modules/meetings/meeting.links.resolver';
import { meetingResolvers } from '../modules/meetings/resolvers';
import { MunicipalityResolver } from '../modules/municipalities/municipality.resolver';
import {
  DistrictStatisticsResolver,
  MemberLocationResolver,
  MembershipEventResolver,
  NetworkMembershipResolver,
} from '../modules/network/membership.resolver';
import { MunicipalityMembershipResolver } from '../modules/network/municipality-membership.links.resolver';
import { NotificationLiveResolver } from '../modules/notifications/notification.live';
import { NotificationResolver } from '../modules/notifications/notification.resolver';
import { privacyResolvers } from '../modules/privacy';
import {
  MunicipalityProjectsResolver,
  WorkingGroupProjectsResolver,
} from '../modules/projects/project.links.resolver';
import { ProjectResolver } from '../modules/projects/project.resolver';
import { ProgressReportResolver } from '../modules/reports';
import { SearchResolver } from '../modules/search/search.resolver';
import { OpenStepsResolver } from '../modules/start/open-steps.resolver';
import { ViewerPermissionsResolver } from '../modules/start/viewer-permissions.resolver';
import { registerAccountSecurity } from '../modules/users';
import { MunicipalityOfficersResolver } from '../modules/users/user.links.resolver';
import { UserResolver } from '../modules/users/user.resolver';
import { MunicipalityWorkingGroupsResolver } from '../modules/working-groups/working-group.links.resolver';
import {
  WorkingGroupMembershipEventResolver,
  WorkingGroupMembershipResolver,
  WorkingGroupResolver,
} from '../modules/working-groups/working-group.resolver';
import { NodeResolver } from './node.resolver';
import { DateTimeScalar } from './scalars';

/** Every resolver of the API; each module adds its own. */
// biome-ignore lint/complexity/noBannedTypes: type-graphql takes resolver classes as Function.
export const resolvers: NonEmptyArray<Function> = [
  NodeResolver,
  ...meetingResolvers,
  AuthResolver,
  UserResolver,
  MunicipalityResolver,
  MunicipalityMembershipResolver,
  MunicipalityOfficersResolver,
  ViewerPermissionsResolver,
  ProjectResolver,
  NetworkMembershipResolver,
  MembershipEventResolver,
  DistrictStatisticsResolver,
  MemberLocationResolver,
  WorkingGroupResolver,
  WorkingGroupMembershipResolver,
  WorkingGroupMembershipEventResolver,
  MunicipalityProjectsResolver,
  WorkingGroupProjectsResolver,
  MunicipalityMeetingsResolver,
  WorkingGroupMeetingsResolver,
  MunicipalityWorkingGroupsResolver,
  OpenStepsResolver,
  SearchResolver,
  ...discussionResolvers,
  DiscussionLiveResolver,
  NotificationResolver,
  NotificationLiveResolver,
  ...privacyResolvers,
  ProgressReportResolver,
  ...dashboardResolvers,
  InitiativeResolver,
  PilotApplicationResolver,
  OutcomeInitiativesResolver,
  PrioritisationRoundResolver,
  RoundLiveResolver,
];

// People are administered in the users module; passwords, sessions and invitations are auth's.
registerAccountSecurity(authAccountSecurity);

let built: Promise<GraphQLSchema> | null = null;

/** The schema, built once per process. */
export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers,
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    // Subscriptions bring their own streams (`subscribe`, fed by live/ over LISTEN/NOTIFY);
    // type-graphql insists on a pub/sub anyway, and this one refuses to be used.
    pubSub: {
      publish() {
        throw new Error('Publish through live/ (LISTEN/NOTIFY), not type-graphql pub/sub.');
      },
      subscribe() {
        throw new Error('Subscriptions return their own stream (the subscribe option).');
      },
    },
  });
  return built;
}
