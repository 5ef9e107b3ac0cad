import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { inTransaction } from '../../graphql/context';

import { registerNodeType } from '../../graphql/node-registry';
import type { Connection } from '../../graphql/relay';
import { idOf, maybeIdOf, toGlobalId } from '../../graphql/relay';
import { requireViewer } from '../auth';
import { Project, readableProjectsById } from '../projects';
import { User, userById } from '../users';
import { WorkingGroup, workingGroupById } from '../working-groups';
import { canSeeOutcomes, MeetingConnection, readableMeeting } from './meeting.access';
import { AgendaItem, Meeting, Outcome } from './meeting.entity';
import {
  AddAgendaItemInput,
  AgendaItemPayload,
  AgendaItemRefInput,
  CreateMeetingInput,
  MeetingFilter,
  MeetingPayload,
  MeetingRefInput,
  ReorderAgendaInput,
  UpdateAgendaItemInput,
  UpdateMeetingInput,
} from './meeting.inputs';
import { filteredMeetings } from './meeting.lists';
import {
  agendaItemById,
  agendaItemsByMeeting,
  invitationsByMeeting,
  meetingById,
  outcomesByMeeting,
} from './meeting.loaders';
import { meetingPolicy } from './meeting.policy';
import { MeetingService } from './meeting.service';
import { meetingStateOf } from './meeting.state';
import { MeetingPermissions } from './meeting.types';

registerNodeType('Meeting', readableMeeting);
registerNodeType('AgendaItem', async (ctx, id) => {
  const item = await ctx.loaders.get(agendaItemById).load(id);
  return item && (await readableMeeting(ctx, item.meetingId)) ? item : null;
});

/** Meetings and their agendas: queries, mutations and the fields of a meeting that depend on the viewer. */
@Resolver(() => Meeting)
export class MeetingResolver {
  @Query(() => Meeting, { nullable: true })
  async meeting(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Meeting | null> {
    requireViewer(ctx);
    const meetingId = maybeIdOf(id, 'Meeting');
    return meetingId ? readableMeeting(ctx, meetingId) : null;
  }

  @Query(() => MeetingConnection, { description: 'Meetings in start order.' })
  async meetings(
    @Ctx() ctx: Context,
    @Arg('filter', () => MeetingFilter, { nullable: true }) filter: MeetingFilter | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<Meeting>> {
    const viewer = requireViewer(ctx);
    return filteredMeetings(ctx.dataSource, viewer, filter, { first, after });
  }

  // ---- mutations ----

  @Mutation(() => MeetingPayload, {
    description: 'Coordinators plan any meeting; leads their group’s meetings.',
  })
  async createMeeting(
    @Arg('input', () => CreateMeetingInput) input: CreateMeetingInput,
    @Ctx() ctx: Context,
  ): Promise<MeetingPayload> {
    const viewer = requireViewer(ctx);
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      service(ctx, viewer).createMeeting(m, input),
    );
    return { meeting: result, userErrors };
  }

  @Mutation(() => MeetingPayload)
  async updateMeeting(
    @Arg('input', () => UpdateMeetingInput) input: UpdateMeetingInput,
    @Ctx() ctx: Context,
  ): Promise<MeetingPayload> {
    const viewer = requireViewer(ctx);
    const meetingId = idOf(input.meetingId, 'Meeting', 'meetingId');
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      service(ctx, viewer).updateMeeting(m, input, meetingId),
    );
    return { meeting: result, userErrors };
  }

  @Mutation(() => MeetingPayload, { description: 'Calendars receive the cancellation (STATUS:CANCELLED).' })
  async cancelMeeting(
    @Arg('input', () => MeetingRefInput) input: MeetingRefInput,
    @Ctx() ctx: Context,
  ): Promise<MeetingPayload> {
    const viewer = requireViewer(ctx);
    const meetingId = idOf(input.meetingId, 'Meeting', 'meetingId');
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      service(ctx, viewer).cancelMeeting(m, meetingId),
    );
    return { meeting: result, userErrors };
  }

  @Mutation(() => MeetingPayload, {
    description: 'Removes a meeting planned by mistake (not once its minutes are published).',
  })
  async deleteMeeting(
    @Arg('input', () => MeetingRefInput) input: MeetingRefInput,
    @Ctx() ctx: Context,
  ): Promise<MeetingPayload> {
    const viewer = requireViewer(ctx);
    const meetingId = idOf(input.meetingId, 'Meeting', 'meetingId');
    const { userErrors } = await inTransaction(ctx, (m) => service(ctx, viewer).deleteMeeting(m, meetingId));
    return { meeting: null, userErrors };
  }

  @Mutation(() => AgendaItemPayload)
  async addAgendaItem(
    @Arg('input', () => AddAgendaItemInput) input: AddAgendaItemInput,
    @Ctx() ctx: Context,
  ): Promise<AgendaItemPayload> {
    const viewer = requireViewer(ctx);
    const meetingId = idOf(input.meetingId, 'Meeting', 'meetingId');
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      service(ctx, viewer).addAgendaItem(m, input, meetingId),
    );
    return {
      agendaItem: result,
      meeting: result ? await ctx.loaders.get(meetingById).load(result.meetingId) : null,
      userErrors,
    };
  }

  @Mutation(() => AgendaItemPayload)
  async updateAgendaItem(
    @Arg('input', () => UpdateAgendaItemInput) input: UpdateAgendaItemInput,
    @Ctx() ctx: Context,
  ): Promise<AgendaItemPayload> {
    const viewer = requireViewer(ctx);
    const itemId = idOf(input.agendaItemId, 'AgendaItem', 'agendaItemId');
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      service(ctx, viewer).updateAgendaItem(m, input, itemId),
    );
    return {
      agendaItem: result,
      meeting: result ? await ctx.loaders.get(meetingById).load(result.meetingId) : null,
      userErrors,
    };
  }

  @Mutation(() => AgendaItemPayload)
  async removeAgendaItem(
    @Arg('input', () => AgendaItemRefInput) input: AgendaItemRefInput,
    @Ctx() ctx: Context,
  ): Promise<AgendaItemPayload> {
    const viewer = requireViewer(ctx);
    const itemId = idOf(input.agendaItemId, 'AgendaItem', 'agendaItemId');
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      service(ctx, viewer).removeAgendaItem(m, itemId),
    );
    return { agendaItem: null, meeting: result, userErrors };
  }

  @Mutation(() => MeetingPayload)
  async reorderAgenda(
    @Arg('input', () => ReorderAgendaInput) input: ReorderAgendaInput,
    @Ctx() ctx: Context,
  ): Promise<MeetingPayload> {
    const viewer = requireViewer(ctx);
    const meetingId = idOf(input.meetingId, 'Meeting', 'meetingId');
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      service(ctx, viewer).reorderAgenda(m, meetingId, input.agendaItemIds),
    );
    return { meeting: result, userErrors };
  }

  // ---- fields ----

  @FieldResolver(() => WorkingGroup, { nullable: true })
  workingGroup(@Root() meeting: Meeting, @Ctx() ctx: Context): Promise<WorkingGroup | null> | null {
    return meeting.workingGroupId ? ctx.loaders.get(workingGroupById).load(meeting.workingGroupId) : null;
  }

  @FieldResolver(() => User, { nullable: true })
  organizer(@Root() meeting: Meeting, @Ctx() ctx: Context): Promise<User | null> | null {
    return meeting.organizerId ? ctx.loaders.get(userById).load(meeting.organizerId) : null;
  }

  @FieldResolver(() => [AgendaItem])
  agendaItems(@Root() meeting: Meeting, @Ctx() ctx: Context): Promise<AgendaItem[]> {
    return ctx.loaders.get(agendaItemsByMeeting).load(meeting.id);
  }

  @FieldResolver(() => String, { description: 'Path of the iCalendar file of this meeting.' })
  calendarPath(@Root() meeting: Meeting): string {
    return `/calendar/meetings/${meeting.id}.ics`;
  }

  @FieldResolver(() => MeetingPermissions, { description: 'What the viewer may do with this meeting now.' })
  async viewerCan(@Root() meeting: Meeting, @Ctx() ctx: Context): Promise<MeetingPermissions> {
    const [state, invitations] = await Promise.all([
      meetingStateOf(ctx, meeting),
      ctx.loaders.get(invitationsByMeeting).load(meeting.id),
    ]);
    const viewer = ctx.viewer;
    const invitation = invitations.find((i) => i.userId === viewer?.id) ?? null;
    return Object.assign(new MeetingPermissions(), {
      manage: meetingPolicy.can(viewer, 'manageNow', state),
      respond: meetingPolicy.can(viewer, 'respondNow', { meeting, invitation }),
      editMinutes: meetingPolicy.can(viewer, 'editMinutesNow', state),
      submitMinutes: meetingPolicy.can(viewer, 'submitMinutesNow', state),
      approveMinutes: meetingPolicy.can(viewer, 'approveMinutesNow', state),
      publishMinutes: meetingPolicy.can(viewer, 'publishMinutesNow', state),
      correctMinutes: meetingPolicy.can(viewer, 'correctMinutesNow', state),
    });
  }
}

@Resolver(() => AgendaItem)
export class AgendaItemResolver {
  @FieldResolver(() => User, { nullable: true })
  presenter(@Root() item: AgendaItem, @Ctx() ctx: Context): Promise<User | null> | null {
    return item.presenterId ? ctx.loaders.get(userById).load(item.presenterId) : null;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The linked Project.' })
  projectId(@Root() item: AgendaItem): string | null {
    return item.projectId ? toGlobalId('Project', item.projectId) : null;
  }

  @FieldResolver(() => Project, {
    nullable: true,
    description: 'The linked project, if the viewer may read it.',
  })
  async project(@Root() item: AgendaItem, @Ctx() ctx: Context): Promise<Project | null> {
    return item.projectId ? ((await readableProjectsById(ctx, [item.projectId]))[0] ?? null) : null;
  }

  @FieldResolver(() => [Outcome], { description: 'Visible with the minutes.' })
  async outcomes(@Root() item: AgendaItem, @Ctx() ctx: Context): Promise<Outcome[]> {
    const meeting = await ctx.loaders.get(meetingById).load(item.meetingId);
    if (!meeting || !(await canSeeOutcomes(ctx, meeting))) return [];
    const outcomes = await ctx.loaders.get(outcomesByMeeting).load(item.meetingId);
    return outcomes.filter((o) => o.agendaItemId === item.id);
  }
}

/** Resolvers of this module, for graphql/schema.ts. */

function service(ctx: Context, viewer: User) {
  return new MeetingService(ctx, viewer);
}
