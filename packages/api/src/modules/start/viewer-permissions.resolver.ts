import { MeetingKind } from '@hub/shared';
import { Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { meetingPolicy } from '../meetings';
import { membershipPolicy } from '../network';
import { notificationPolicyCan } from '../notifications';
import { projectPolicy } from '../projects';
import { userPolicy } from '../users';
import { workingGroupPolicy } from '../working-groups';

@ObjectType({ description: 'What the viewer may do across the hub, from the modules’ policies.' })
export class ViewerPermissions {
  @Field(() => Boolean, { description: 'Create a project for their own (coordinators: any) municipality.' })
  createProject: boolean;

  @Field(() => Boolean, {
    description:
      'Choose the municipality a new project is for: its lead, or the one adopting a project (coordinators).',
  })
  chooseProjectMunicipality: boolean;

  @Field(() => Boolean, { description: 'Mark projects as network projects.' })
  setNetworkProject: boolean;

  @Field(() => Boolean, {
    description: 'Plan network and steering meetings (working-group leads: ask the group).',
  })
  createMeeting: boolean;

  @Field(() => Boolean, {
    description:
      'Open the meeting planning page: coordinators, and officers for the groups they lead (each group answers `viewerCanPlanMeeting`).',
  })
  planMeetings: boolean;

  @Field(() => Boolean)
  createWorkingGroup: boolean;

  @Field(() => Boolean, { description: 'See the people list (it carries contact data).' })
  listPeople: boolean;

  @Field(() => Boolean)
  invitePeople: boolean;

  @Field(() => Boolean, { description: 'List network memberships with open invitations and applications.' })
  listMemberships: boolean;

  @Field(() => Boolean, { description: 'Run the membership administration (invitations, applications).' })
  administerMemberships: boolean;

  @Field(() => Boolean, { description: 'Download the members-and-officers CSV.' })
  exportMemberships: boolean;

  @Field(() => Boolean, { description: 'Read participation figures across the network.' })
  readParticipation: boolean;

  @Field(() => Boolean, { description: 'Look after failed e-mail deliveries.' })
  listMailDeliveries: boolean;
}

/** "May I?" answers that belong to no particular object, so that screens never check roles. */
@Resolver()
export class ViewerPermissionsResolver {
  @Query(() => ViewerPermissions)
  viewerCan(@Ctx() ctx: Context): ViewerPermissions {
    const viewer = ctx.viewer;
    return {
      createProject: projectPolicy.can(viewer, 'create', {
        leadMunicipalityId: viewer?.municipalityId ?? null,
      }),
      chooseProjectMunicipality: projectPolicy.can(viewer, 'create', { leadMunicipalityId: null }),
      setNetworkProject: projectPolicy.can(viewer, 'setNetworkProject'),
      createMeeting: meetingPolicy.can(viewer, 'create', {
        kind: MeetingKind.NETWORK,
        groupLeadIds: [],
        groupArchived: false,
      }),
      planMeetings: meetingPolicy.can(viewer, 'plan'),
      createWorkingGroup: workingGroupPolicy.can(viewer, 'create'),
      listPeople: userPolicy.can(viewer, 'list'),
      invitePeople: userPolicy.can(viewer, 'invite'),
      listMemberships: membershipPolicy.can(viewer, 'list'),
      administerMemberships: membershipPolicy.can(viewer, 'administer'),
      exportMemberships: membershipPolicy.can(viewer, 'export'),
      readParticipation: meetingPolicy.can(viewer, 'readParticipation'),
      listMailDeliveries: notificationPolicyCan(viewer, 'listDeliveries', { deliveries: true }),
    };
  }
}
