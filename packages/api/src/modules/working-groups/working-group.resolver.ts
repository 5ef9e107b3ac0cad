import { WorkingGroupMembershipStatus, WorkingGroupRole } from '@hub/shared';
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../graphql/context';
import { inTransaction } from '../../graphql/context';
import { unauthenticated } from '../../graphql/errors';
import { registerNodeType } from '../../graphql/node-registry';
import type { Connection } from '../../graphql/relay';
import { ConnectionType, idOf } from '../../graphql/relay';
import { requireViewer } from '../auth';
import { User, userById } from '../users';
import { WorkingGroup, WorkingGroupMembership, WorkingGroupMembershipEvent } from './working-group.entity';
import {
  CreateWorkingGroupInput,
  RequestToJoinWorkingGroupInput,
  UpdateWorkingGroupInput,
  WorkingGroupFilter,
  WorkingGroupIdInput,
  WorkingGroupMembershipIdInput,
  WorkingGroupMembershipPayload,
  WorkingGroupPayload,
} from './working-group.inputs';
import {
  activeMemberCountByGroupId,
  currentMembershipsByGroupId,
  membershipEventsByGroupId,
  workingGroupById,
  workingGroupMembershipById,
  workingGroupMembershipEventById,
} from './working-group.loaders';
import type { WorkingGroupState } from './working-group.policy';
import { viewerMembershipOf, workingGroupPolicy } from './working-group.policy';
import { findWorkingGroups, WorkingGroupService } from './working-group.service';

export const WorkingGroupConnection = ConnectionType(WorkingGroup);

/** A group with its current memberships, through the request's loaders. */
async function stateOf(ctx: Context, group: WorkingGroup): Promise<WorkingGroupState> {
  return { group, current: await ctx.loaders.get(currentMembershipsByGroupId).load(group.id) };
}

async function stateById(ctx: Context, groupId: string): Promise<WorkingGroupState | null> {
  const group = await ctx.loaders.get(workingGroupById).load(groupId);
  return group ? stateOf(ctx, group) : null;
}

registerNodeType('WorkingGroup', async (ctx, id) =>
  workingGroupPolicy.can(ctx.viewer, 'read') ? ctx.loaders.get(workingGroupById).load(id) : null,
);

registerNodeType('WorkingGroupMembership', async (ctx, id) => {
  if (!workingGroupPolicy.can(ctx.viewer, 'read')) return null;
  const membership = await ctx.loaders.get(workingGroupMembershipById).load(id);
  const state = membership && (await stateById(ctx, membership.workingGroupId));
  return membership &&
    state &&
    workingGroupPolicy.can(ctx.viewer, 'readMembership', { membership: membership, state: state })
    ? membership
    : null;
});

registerNodeType('WorkingGroupMembershipEvent', async (ctx, id) => {
  if (!workingGroupPolicy.can(ctx.viewer, 'read')) return null;
  const event = await ctx.loaders.get(workingGroupMembershipEventById).load(id);
  const state = event && (await stateById(ctx, event.workingGroupId));
  return event && state && workingGroupPolicy.can(ctx.viewer, 'manage', state) ? event : null;
});

@ObjectType({ description: 'What the viewer may do with a working group.' })
export class WorkingGroupPermissions {
  @Field(() => Boolean)
  requestToJoin: boolean;

  @Field(() => Boolean, {
    description: 'Leave the group, or withdraw an open request. False for the last lead.',
  })
  leave: boolean;

  @Field(() => Boolean, {
    description: 'Accept and decline requests, appoint and demote leads, remove members.',
  })
  manageMembers: boolean;

  @Field(() => Boolean)
  appointLead: boolean;

  @Field(() => Boolean)
  archive: boolean;

  @Field(() => Boolean)
  edit: boolean;
}

/** Queries and mutations of working groups; thin: authorize, call the service, shape the payload. */
@Resolver(() => WorkingGroup)
export class WorkingGroupResolver {
  @Query(() => WorkingGroupConnection, {
    description: 'Working groups by name; open ones unless filter.archived.',
  })
  async workingGroups(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => WorkingGroupFilter, { nullable: true }) filter: WorkingGroupFilter | null,
  ): Promise<Connection<WorkingGroup>> {
    if (!workingGroupPolicy.can(ctx.viewer, 'read')) throw unauthenticated();
    const memberMunicipalityId = filter?.memberMunicipalityId
      ? idOf(filter.memberMunicipalityId, 'Municipality', 'filter.memberMunicipalityId')
      : null;
    return findWorkingGroups(
      ctx,
      { archived: filter?.archived ?? false, search: filter?.search?.trim() || null, memberMunicipalityId },
      { first, after },
    );
  }

  @Query(() => WorkingGroup, { nullable: true, description: 'Null when there is no such group.' })
  async workingGroup(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<WorkingGroup | null> {
    if (!workingGroupPolicy.can(ctx.viewer, 'read')) throw unauthenticated();
    return ctx.loaders.get(workingGroupById).load(idOf(id, 'WorkingGroup'));
  }

  @Mutation(() => WorkingGroupPayload, { description: 'Coordinators set up a working group.' })
  async createWorkingGroup(
    @Arg('input', () => CreateWorkingGroupInput) input: CreateWorkingGroupInput,
    @Ctx() ctx: Context,
  ): Promise<WorkingGroupPayload> {
    const viewer = requireViewer(ctx);
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      new WorkingGroupService(ctx).create(m, viewer, input),
    );
    return { workingGroup: result, userErrors };
  }

  @Mutation(() => WorkingGroupPayload, {
    description: 'Coordinators and leads edit name, topic, description and goals.',
  })
  async updateWorkingGroup(
    @Arg('input', () => UpdateWorkingGroupInput) input: UpdateWorkingGroupInput,
    @Ctx() ctx: Context,
  ): Promise<WorkingGroupPayload> {
    const viewer = requireViewer(ctx);
    const groupId = idOf(input.id, 'WorkingGroup');
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      new WorkingGroupService(ctx).update(m, viewer, groupId, input),
    );
    return { workingGroup: result, userErrors };
  }

  @Mutation(() => WorkingGroupPayload, {
    description: 'Coordinators archive a group; open requests are declined.',
  })
  async archiveWorkingGroup(
    @Arg('input', () => WorkingGroupIdInput) input: WorkingGroupIdInput,
    @Ctx() ctx: Context,
  ): Promise<WorkingGroupPayload> {
    const viewer = requireViewer(ctx);
    const groupId = idOf(input.workingGroupId, 'WorkingGroup', 'workingGroupId');
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      new WorkingGroupService(ctx).archive(m, viewer, groupId),
    );
    return { workingGroup: result, userErrors };
  }

  @Mutation(() => WorkingGroupMembershipPayload, {
    description: 'Officers ask to join; a lead accepts or declines.',
  })
  async requestToJoinWorkingGroup(
    @Arg('input', () => RequestToJoinWorkingGroupInput) input: RequestToJoinWorkingGroupInput,
    @Ctx() ctx: Context,
  ): Promise<WorkingGroupMembershipPayload> {
    const viewer = requireViewer(ctx);
    const groupId = idOf(input.workingGroupId, 'WorkingGroup', 'workingGroupId');
    return membershipPayload(ctx, (service, m) =>
      service.requestToJoin(m, viewer, groupId, input.note ?? null),
    );
  }

  @Mutation(() => WorkingGroupMembershipPayload, {
    description: 'The viewer leaves the group or withdraws their request.',
  })
  async leaveWorkingGroup(
    @Arg('input', () => WorkingGroupIdInput) input: WorkingGroupIdInput,
    @Ctx() ctx: Context,
  ): Promise<WorkingGroupMembershipPayload> {
    const viewer = requireViewer(ctx);
    const groupId = idOf(input.workingGroupId, 'WorkingGroup', 'workingGroupId');
    return membershipPayload(ctx, (service, m) => service.leave(m, viewer, groupId));
  }

  @Mutation(() => WorkingGroupMembershipPayload)
  async acceptWorkingGroupRequest(
    @Arg('input', () => WorkingGroupMembershipIdInput) input: WorkingGroupMembershipIdInput,
    @Ctx() ctx: Context,
  ): Promise<WorkingGroupMembershipPayload> {
    return manageMembership(ctx, input, (service, m, viewer, id) => service.accept(m, viewer, id));
  }

  @Mutation(() => WorkingGroupMembershipPayload)
  async declineWorkingGroupRequest(
    @Arg('input', () => WorkingGroupMembershipIdInput) input: WorkingGroupMembershipIdInput,
    @Ctx() ctx: Context,
  ): Promise<WorkingGroupMembershipPayload> {
    return manageMembership(ctx, input, (service, m, viewer, id) => service.decline(m, viewer, id));
  }

  @Mutation(() => WorkingGroupMembershipPayload, {
    description: 'Makes an active member a lead of the group.',
  })
  async appointWorkingGroupLead(
    @Arg('input', () => WorkingGroupMembershipIdInput) input: WorkingGroupMembershipIdInput,
    @Ctx() ctx: Context,
  ): Promise<WorkingGroupMembershipPayload> {
    return manageMembership(ctx, input, (service, m, viewer, id) => service.appointLead(m, viewer, id));
  }

  @Mutation(() => WorkingGroupMembershipPayload, {
    description: 'Makes a lead a plain member again; not the last lead.',
  })
  async demoteWorkingGroupLead(
    @Arg('input', () => WorkingGroupMembershipIdInput) input: WorkingGroupMembershipIdInput,
    @Ctx() ctx: Context,
  ): Promise<WorkingGroupMembershipPayload> {
    return manageMembership(ctx, input, (service, m, viewer, id) => service.demoteLead(m, viewer, id));
  }

  @Mutation(() => WorkingGroupMembershipPayload, { description: 'Removes a member; not the last lead.' })
  async removeWorkingGroupMember(
    @Arg('input', () => WorkingGroupMembershipIdInput) input: WorkingGroupMembershipIdInput,
    @Ctx() ctx: Context,
  ): Promise<WorkingGroupMembershipPayload> {
    return manageMembership(ctx, input, (service, m, viewer, id) => service.remove(m, viewer, id));
  }

  @FieldResolver(() => Boolean)
  archived(@Root() group: WorkingGroup): boolean {
    return group.archivedAt !== null;
  }

  @FieldResolver(() => Int, { description: 'Active members, leads included.' })
  memberCount(@Root() group: WorkingGroup, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.get(activeMemberCountByGroupId).load(group.id);
  }

  @FieldResolver(() => [WorkingGroupMembership], { description: 'Active leads, by name.' })
  async leads(@Root() group: WorkingGroup, @Ctx() ctx: Context): Promise<WorkingGroupMembership[]> {
    const { current } = await stateOf(ctx, group);
    return current.filter(
      (m) => m.status === WorkingGroupMembershipStatus.ACTIVE && m.role === WorkingGroupRole.LEAD,
    );
  }

  @FieldResolver(() => [WorkingGroupMembership], {
    description: 'Active members, leads first, then by name.',
  })
  async members(@Root() group: WorkingGroup, @Ctx() ctx: Context): Promise<WorkingGroupMembership[]> {
    const { current } = await stateOf(ctx, group);
    return current.filter((m) => m.status === WorkingGroupMembershipStatus.ACTIVE);
  }

  @FieldResolver(() => [WorkingGroupMembership], {
    nullable: true,
    description: 'Open requests to join; null unless the viewer is a lead or coordinator.',
  })
  async pendingRequests(
    @Root() group: WorkingGroup,
    @Ctx() ctx: Context,
  ): Promise<WorkingGroupMembership[] | null> {
    const state = await stateOf(ctx, group);
    if (!workingGroupPolicy.can(ctx.viewer, 'manage', state)) return null;
    return state.current.filter((m) => m.status === WorkingGroupMembershipStatus.REQUESTED);
  }

  @FieldResolver(() => WorkingGroupMembership, {
    nullable: true,
    description: 'The viewer’s current membership or open request; null when none.',
  })
  async viewerMembership(
    @Root() group: WorkingGroup,
    @Ctx() ctx: Context,
  ): Promise<WorkingGroupMembership | null> {
    return viewerMembershipOf(ctx.viewer, await stateOf(ctx, group));
  }

  @FieldResolver(() => [WorkingGroupMembershipEvent], {
    nullable: true,
    description: 'Every membership change, oldest first; null unless the viewer is a lead or coordinator.',
  })
  async membershipHistory(
    @Root() group: WorkingGroup,
    @Ctx() ctx: Context,
  ): Promise<WorkingGroupMembershipEvent[] | null> {
    const state = await stateOf(ctx, group);
    if (!workingGroupPolicy.can(ctx.viewer, 'manage', state)) return null;
    return ctx.loaders.get(membershipEventsByGroupId).load(group.id);
  }

  @FieldResolver(() => WorkingGroupPermissions, { description: 'What the viewer may do with this group.' })
  async viewerCan(@Root() group: WorkingGroup, @Ctx() ctx: Context): Promise<WorkingGroupPermissions> {
    const state = await stateOf(ctx, group);
    const viewer = ctx.viewer;
    const manageMembers = workingGroupPolicy.can(viewer, 'manageMembers', state);
    return {
      requestToJoin: workingGroupPolicy.can(viewer, 'requestToJoin', state),
      leave: workingGroupPolicy.can(viewer, 'leave', state),
      manageMembers,
      appointLead: manageMembers,
      archive: workingGroupPolicy.can(viewer, 'archive', state),
      edit: workingGroupPolicy.can(viewer, 'edit', state),
    };
  }
}

async function membershipPayload(
  ctx: Context,
  work: (
    service: WorkingGroupService,
    manager: import('typeorm').EntityManager,
  ) => Promise<WorkingGroupMembership>,
): Promise<WorkingGroupMembershipPayload> {
  const { result, userErrors } = await inTransaction(ctx, (m) => work(new WorkingGroupService(ctx), m));
  const workingGroup = result ? await ctx.loaders.get(workingGroupById).load(result.workingGroupId) : null;
  return { membership: result, workingGroup, userErrors };
}

function manageMembership(
  ctx: Context,
  input: WorkingGroupMembershipIdInput,
  work: (
    service: WorkingGroupService,
    manager: import('typeorm').EntityManager,
    viewer: User,
    membershipId: string,
  ) => Promise<WorkingGroupMembership>,
): Promise<WorkingGroupMembershipPayload> {
  const viewer = requireViewer(ctx);
  const membershipId = idOf(input.membershipId, 'WorkingGroupMembership', 'membershipId');
  return membershipPayload(ctx, (service, m) => work(service, m, viewer, membershipId));
}

/** A membership's person and group, through loaders. */
@Resolver(() => WorkingGroupMembership)
export class WorkingGroupMembershipResolver {
  @FieldResolver(() => User)
  async user(@Root() membership: WorkingGroupMembership, @Ctx() ctx: Context): Promise<User | null> {
    return ctx.loaders.get(userById).load(membership.userId);
  }

  @FieldResolver(() => WorkingGroup)
  async workingGroup(
    @Root() membership: WorkingGroupMembership,
    @Ctx() ctx: Context,
  ): Promise<WorkingGroup | null> {
    return ctx.loaders.get(workingGroupById).load(membership.workingGroupId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The note sent with the request: for the person and managers.',
  })
  async requestNote(@Root() membership: WorkingGroupMembership, @Ctx() ctx: Context): Promise<string | null> {
    if (!membership.requestNote) return null;
    if (ctx.viewer?.id === membership.userId) return membership.requestNote;
    const state = await stateById(ctx, membership.workingGroupId);
    return state && workingGroupPolicy.can(ctx.viewer, 'manage', state) ? membership.requestNote : null;
  }
}

/** The person who made a membership change, and the membership concerned. */
@Resolver(() => WorkingGroupMembershipEvent)
export class WorkingGroupMembershipEventResolver {
  @FieldResolver(() => User, {
    nullable: true,
    description: 'Null for the system, or once the person is erased.',
  })
  async actor(@Root() event: WorkingGroupMembershipEvent, @Ctx() ctx: Context): Promise<User | null> {
    return event.actorId ? ctx.loaders.get(userById).load(event.actorId) : null;
  }

  @FieldResolver(() => WorkingGroupMembership)
  async membership(
    @Root() event: WorkingGroupMembershipEvent,
    @Ctx() ctx: Context,
  ): Promise<WorkingGroupMembership | null> {
    return ctx.loaders.get(workingGroupMembershipById).load(event.membershipId);
  }
}
