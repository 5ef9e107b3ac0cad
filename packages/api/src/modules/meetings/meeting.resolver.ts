import { ActionItemStatus, OutcomeKind, } from '@hub/shared';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { inTransaction } from '../../graphql/context';
import { forbidden } from '../../graphql/errors';

import { registerNodeType } from '../../graphql/node-registry';
import type { Connection } from '../../graphql/relay';
import { ConnectionType, idOf, maybeIdOf, toGlobalId } from '../../graphql/relay';
import { renderMarkdown } from '../../markdown';
import { requireViewer } from '../auth/viewer';
import { Municipality } from '../municipalities/municipality.entity';
import { municipalityById } from '../municipalities/municipality.loaders';
import { Project, readableProjectsById } from '../projects';
import { User } from '../users/user.entity';
import { userById } from '../users/user.loaders';
import { WorkingGroup, workingGroupById } from '../working-groups';
import { actionItemBoard } from './action-item.lists';
import { CalendarFeedResolver } from './calendar-feed.resolver';
import {
  AgendaItem,
  AgendaItemNotes,
  Meeting,
  MeetingInvitation,
  MeetingMinutes,
  MinutesRevision,
  Outcome,
  OutcomeSnapshot,
} from './meeting.entity';
import {
  ActionItemFilter,
  AddAgendaItemInput,
  AddOutcomeInput,
  AgendaItemPayload,
  AgendaItemRefInput,
  CreateMeetingInput,
  InvitationPayload,
  InviteToMeetingInput,
  MeetingFilter,
  MeetingPayload,
  MeetingRefInput,
  MinutesPayload,
  OutcomePayload,
  OutcomeRefInput,
  RecordAttendanceInput,
  ReorderAgendaInput,
  RespondToInvitationInput,
  SaveMinutesInput,
  UpdateActionItemInput,
  UpdateAgendaItemInput,
  UpdateMeetingInput,
} from './meeting.inputs';
import { filteredMeetings } from './meeting.lists';
import {
  agendaItemById,
  agendaItemsByMeeting,
  carriedActionItemsByMeeting,
  invitationsByMeeting,
  meetingById,
  minutesByMeeting,
  outcomeById,
  outcomesByMeeting,
  revisionsByMinutes,
} from './meeting.loaders';
import {
  attendanceByMunicipality,
  attendanceByWorkingGroup,
  participationCsv,
  participationXlsx,
} from './meeting.participation';
import { meetingPolicy } from './meeting.policy';
import { MeetingService, todayInBerlin } from './meeting.service';
import { meetingStateOf } from './meeting.state';
import {
  ActionItemPermissions,
  MeetingParticipation,
  MeetingPermissions,
  MeetingsPermissions,
  MunicipalityParticipation,
  ParticipationReport,
  WorkingGroupParticipation,
} from './meeting.types';

export const MeetingConnection = ConnectionType(Meeting);
export const OutcomeConnection = ConnectionType(Outcome);

/** Outcomes are part of the minutes: visible once published, or to those who draft and approve. */
async function canSeeOutcomes(ctx: Context, meeting: Meeting): Promise<boolean> {
  const state = await meetingStateOf(ctx, meeting);
  if (meetingPolicy.can(ctx.viewer, 'readDraftMinutes', state)) return true;
  return Boolean(state.minutes?.publishedAt) && meetingPolicy.can(ctx.viewer, 'readPublishedMinutes');
}

async function readableMeeting(ctx: Context, id: string): Promise<Meeting | null> {
  const meeting = await ctx.loaders.get(meetingById).load(id);
  return meeting && meetingPolicy.can(ctx.viewer, 'read') ? meeting : null;
}

registerNodeType('Meeting', readableMeeting);
registerNodeType('AgendaItem', async (ctx, id) => {
  const item = await ctx.loaders.get(agendaItemById).load(id);
  return item && (await readableMeeting(ctx, item.meetingId)) ? item : null;
});
registerNodeType('Outcome', async (ctx, id) => {
  const outcome = await ctx.loaders.get(outcomeById).load(id);
  const meeting = outcome && (await readableMeeting(ctx, outcome.meetingId));
  return outcome && meeting && (await canSeeOutcomes(ctx, meeting)) ? outcome : null;
});

function service(ctx: Context, viewer: User) {
  return new MeetingService(ctx, viewer);
}

/** Queries and mutations of meetings, and the fields of a meeting that depend on the viewer. */
/** The participation report and its exports: who may read them is the meeting policy's call. */
function requireParticipationReader(ctx: Context): void {
  if (!meetingPolicy.can(requireViewer(ctx), 'readParticipation')) throw forbidden();
}

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

  @Query(() => OutcomeConnection, {
    description:
      'Action items of published minutes, overdue first (by due date). Defaults: the viewer’s and their municipality’s open ones.',
  })
  async actionItems(
    @Ctx() ctx: Context,
    @Arg('filter', () => ActionItemFilter, { nullable: true }) filter: ActionItemFilter | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<Outcome>> {
    const viewer = requireViewer(ctx);
    return actionItemBoard(ctx.dataSource, viewer, filter, { first, after });
  }

  @Query(() => MeetingsPermissions, { description: 'What the viewer may do across meetings.' })
  meetingsViewerCan(@Ctx() ctx: Context): MeetingsPermissions {
    return Object.assign(new MeetingsPermissions(), {
      readParticipation: meetingPolicy.can(ctx.viewer, 'readParticipation'),
    });
  }

  @Query(() => ParticipationReport, {
    description: 'Attendance per municipality and per working group (coordinators and the ministry).',
  })
  async meetingParticipation(
    @Ctx() ctx: Context,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
  ): Promise<ParticipationReport> {
    requireParticipationReader(ctx);
    const [municipalities, groups] = await Promise.all([
      attendanceByMunicipality(ctx.dataSource, from, to),
      attendanceByWorkingGroup(ctx.dataSource, from, to),
    ]);
    const [municipalityRows, groupRows] = await Promise.all([
      ctx.loaders.get(municipalityById).loadMany(municipalities.map((r) => r.id)),
      ctx.loaders.get(workingGroupById).loadMany(groups.map((r) => r.id)),
    ]);
    return {
      byMunicipality: municipalities.map((row, i) =>
        Object.assign(new MunicipalityParticipation(), {
          municipality: municipalityRows[i] as Municipality,
          meetingsInvited: row.invited,
          meetingsAttended: row.attended,
          attendances: row.attendances,
        }),
      ),
      byWorkingGroup: groups.map((row, i) =>
        Object.assign(new WorkingGroupParticipation(), {
          workingGroup: groupRows[i] as WorkingGroup,
          meetings: row.meetings,
          invitations: row.invitations,
          attendances: row.attendances,
        }),
      ),
    };
  }

  @Query(() => String, {
    description:
      'Attendance per municipality in a period as CSV for German Excel (coordinators and the ministry).',
  })
  meetingParticipationCsv(
    @Ctx() ctx: Context,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
  ): Promise<string> {
    requireParticipationReader(ctx);
    return participationCsv(ctx.dataSource, from, to);
  }

  @Query(() => String, {
    description:
      'Attendance per municipality in a period as an XLSX workbook, base64-encoded (coordinators and the ministry).',
  })
  meetingParticipationXlsx(
    @Ctx() ctx: Context,
    @Arg('from', () => Date) from: Date,
    @Arg('to', () => Date) to: Date,
  ): Promise<string> {
    requireParticipationReader(ctx);
    return participationXlsx(ctx.dataSource, from, to);
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

  @Mutation(() => MeetingPayload, {
    description: 'Invites people, the working group’s members or every member municipality’s officers.',
  })
  async inviteToMeeting(
    @Arg('input', () => InviteToMeetingInput) input: InviteToMeetingInput,
    @Ctx() ctx: Context,
  ): Promise<MeetingPayload> {
    const viewer = requireViewer(ctx);
    const meetingId = idOf(input.meetingId, 'Meeting', 'meetingId');
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      service(ctx, viewer).invite(m, input, meetingId),
    );
    return { meeting: result, userErrors };
  }

  @Mutation(() => InvitationPayload, { description: 'The invited person answers YES, NO or MAYBE.' })
  async respondToInvitation(
    @Arg('input', () => RespondToInvitationInput) input: RespondToInvitationInput,
    @Ctx() ctx: Context,
  ): Promise<InvitationPayload> {
    const viewer = requireViewer(ctx);
    const meetingId = idOf(input.meetingId, 'Meeting', 'meetingId');
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      service(ctx, viewer).respond(m, meetingId, input.response),
    );
    return { invitation: result, userErrors };
  }

  @Mutation(() => MeetingPayload, {
    description: 'The organiser records who attended, after the meeting started.',
  })
  async recordAttendance(
    @Arg('input', () => RecordAttendanceInput) input: RecordAttendanceInput,
    @Ctx() ctx: Context,
  ): Promise<MeetingPayload> {
    const viewer = requireViewer(ctx);
    const meetingId = idOf(input.meetingId, 'Meeting', 'meetingId');
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      service(ctx, viewer).recordAttendance(m, input, meetingId),
    );
    return { meeting: result, userErrors };
  }

  @Mutation(() => MinutesPayload, { description: 'Creates or edits the draft minutes.' })
  async saveMinutes(
    @Arg('input', () => SaveMinutesInput) input: SaveMinutesInput,
    @Ctx() ctx: Context,
  ): Promise<MinutesPayload> {
    const viewer = requireViewer(ctx);
    const meetingId = idOf(input.meetingId, 'Meeting', 'meetingId');
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      service(ctx, viewer).saveMinutes(m, input, meetingId),
    );
    return { minutes: result, userErrors };
  }

  @Mutation(() => MinutesPayload, { description: 'DRAFT → SUBMITTED, by the organiser.' })
  async submitMinutes(
    @Arg('input', () => MeetingRefInput) input: MeetingRefInput,
    @Ctx() ctx: Context,
  ): Promise<MinutesPayload> {
    return this.step(ctx, input, (s, m, id) => s.submitMinutes(m, id));
  }

  @Mutation(() => MinutesPayload, { description: 'SUBMITTED → DRAFT: sent back for changes.' })
  async returnMinutesToDraft(
    @Arg('input', () => MeetingRefInput) input: MeetingRefInput,
    @Ctx() ctx: Context,
  ): Promise<MinutesPayload> {
    return this.step(ctx, input, (s, m, id) => s.returnMinutesToDraft(m, id));
  }

  @Mutation(() => MinutesPayload, {
    description: 'SUBMITTED → APPROVED, by a coordinator or a lead other than the submitter.',
  })
  async approveMinutes(
    @Arg('input', () => MeetingRefInput) input: MeetingRefInput,
    @Ctx() ctx: Context,
  ): Promise<MinutesPayload> {
    return this.step(ctx, input, (s, m, id) => s.approveMinutes(m, id));
  }

  @Mutation(() => MinutesPayload, { description: 'APPROVED → PUBLISHED; attendees are notified.' })
  async publishMinutes(
    @Arg('input', () => MeetingRefInput) input: MeetingRefInput,
    @Ctx() ctx: Context,
  ): Promise<MinutesPayload> {
    return this.step(ctx, input, (s, m, id) => s.publishMinutes(m, id));
  }

  @Mutation(() => MinutesPayload, {
    description: 'PUBLISHED → DRAFT of the next revision; published revisions stay readable.',
  })
  async startMinutesCorrection(
    @Arg('input', () => MeetingRefInput) input: MeetingRefInput,
    @Ctx() ctx: Context,
  ): Promise<MinutesPayload> {
    return this.step(ctx, input, (s, m, id) => s.startCorrection(m, id));
  }

  @Mutation(() => OutcomePayload, {
    description: 'A decision, action item or information on an agenda item (while the minutes are a draft).',
  })
  async addOutcome(
    @Arg('input', () => AddOutcomeInput) input: AddOutcomeInput,
    @Ctx() ctx: Context,
  ): Promise<OutcomePayload> {
    const viewer = requireViewer(ctx);
    const itemId = idOf(input.agendaItemId, 'AgendaItem', 'agendaItemId');
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      service(ctx, viewer).addOutcome(m, input, itemId),
    );
    return { outcome: result, userErrors };
  }

  @Mutation(() => MeetingPayload)
  async removeOutcome(
    @Arg('input', () => OutcomeRefInput) input: OutcomeRefInput,
    @Ctx() ctx: Context,
  ): Promise<MeetingPayload> {
    const viewer = requireViewer(ctx);
    const outcomeId = idOf(input.outcomeId, 'Outcome', 'outcomeId');
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      service(ctx, viewer).removeOutcome(m, outcomeId),
    );
    return { meeting: result, userErrors };
  }

  @Mutation(() => OutcomePayload, { description: 'The owner (or the organiser) moves an action item along.' })
  async updateActionItem(
    @Arg('input', () => UpdateActionItemInput) input: UpdateActionItemInput,
    @Ctx() ctx: Context,
  ): Promise<OutcomePayload> {
    const viewer = requireViewer(ctx);
    const outcomeId = idOf(input.actionItemId, 'Outcome', 'actionItemId');
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      service(ctx, viewer).updateActionItem(m, input, outcomeId),
    );
    return { outcome: result, userErrors };
  }

  private async step(
    ctx: Context,
    input: MeetingRefInput,
    run: (
      s: MeetingService,
      m: Parameters<MeetingService['submitMinutes']>[0],
      meetingId: string,
    ) => Promise<MeetingMinutes>,
  ): Promise<MinutesPayload> {
    const viewer = requireViewer(ctx);
    const meetingId = idOf(input.meetingId, 'Meeting', 'meetingId');
    const { result, userErrors } = await inTransaction(ctx, (m) => run(service(ctx, viewer), m, meetingId));
    return { minutes: result, userErrors };
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

  @FieldResolver(() => [Outcome], {
    description:
      'The agenda section "Offene Aufgaben": open action items of earlier meetings of the same group (or kind), until done.',
  })
  openActionItems(@Root() meeting: Meeting, @Ctx() ctx: Context): Promise<Outcome[]> {
    return ctx.loaders.get(carriedActionItemsByMeeting).load(meeting);
  }

  @FieldResolver(() => [MeetingInvitation], {
    nullable: true,
    description: 'Null for viewers who may not see who is invited (the ministry).',
  })
  async invitations(@Root() meeting: Meeting, @Ctx() ctx: Context): Promise<MeetingInvitation[] | null> {
    if (!meetingPolicy.can(ctx.viewer, 'readInvitations')) return null;
    return ctx.loaders.get(invitationsByMeeting).load(meeting.id);
  }

  @FieldResolver(() => MeetingInvitation, { nullable: true, description: 'The viewer’s own invitation.' })
  async viewerInvitation(@Root() meeting: Meeting, @Ctx() ctx: Context): Promise<MeetingInvitation | null> {
    if (!ctx.viewer) return null;
    const invitations = await ctx.loaders.get(invitationsByMeeting).load(meeting.id);
    return invitations.find((i) => i.userId === ctx.viewer?.id) ?? null;
  }

  @FieldResolver(() => MeetingParticipation)
  async participation(@Root() meeting: Meeting, @Ctx() ctx: Context): Promise<MeetingParticipation> {
    const invitations = await ctx.loaders.get(invitationsByMeeting).load(meeting.id);
    const count = (response: string) => invitations.filter((i) => i.response === response).length;
    const present = invitations.filter((i) => i.attended);
    return Object.assign(new MeetingParticipation(), {
      invited: invitations.length,
      yes: count('YES'),
      no: count('NO'),
      maybe: count('MAYBE'),
      pending: count('PENDING'),
      attended: present.length,
      attendingMunicipalities: new Set(present.map((i) => i.municipalityId).filter(Boolean)).size,
    });
  }

  @FieldResolver(() => MeetingMinutes, {
    nullable: true,
    description: 'The working copy: for those who draft and approve.',
  })
  async minutes(@Root() meeting: Meeting, @Ctx() ctx: Context): Promise<MeetingMinutes | null> {
    if (!meetingPolicy.can(ctx.viewer, 'readDraftMinutes', await meetingStateOf(ctx, meeting))) return null;
    return ctx.loaders.get(minutesByMeeting).load(meeting.id);
  }

  @FieldResolver(() => MinutesRevision, {
    nullable: true,
    description: 'The latest published revision of the minutes.',
  })
  async publishedMinutes(@Root() meeting: Meeting, @Ctx() ctx: Context): Promise<MinutesRevision | null> {
    const revisions = await this.minutesRevisions(meeting, ctx);
    return revisions.at(-1) ?? null;
  }

  @FieldResolver(() => [MinutesRevision], { description: 'Every published revision, oldest first.' })
  async minutesRevisions(@Root() meeting: Meeting, @Ctx() ctx: Context): Promise<MinutesRevision[]> {
    if (!meetingPolicy.can(ctx.viewer, 'readPublishedMinutes')) return [];
    const minutes = await ctx.loaders.get(minutesByMeeting).load(meeting.id);
    return minutes?.publishedAt ? ctx.loaders.get(revisionsByMinutes).load(minutes.id) : [];
  }

  @FieldResolver(() => [Outcome], {
    description: 'Decisions, action items and information; visible with the minutes.',
  })
  async outcomes(@Root() meeting: Meeting, @Ctx() ctx: Context): Promise<Outcome[]> {
    if (!(await canSeeOutcomes(ctx, meeting))) return [];
    return ctx.loaders.get(outcomesByMeeting).load(meeting.id);
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

@Resolver(() => MeetingInvitation)
export class MeetingInvitationResolver {
  @FieldResolver(() => User, { nullable: true })
  user(@Root() invitation: MeetingInvitation, @Ctx() ctx: Context): Promise<User | null> {
    return ctx.loaders.get(userById).load(invitation.userId);
  }

  @FieldResolver(() => Municipality, { nullable: true })
  municipality(
    @Root() invitation: MeetingInvitation,
    @Ctx() ctx: Context,
  ): Promise<Municipality | null> | null {
    return invitation.municipalityId
      ? ctx.loaders.get(municipalityById).load(invitation.municipalityId)
      : null;
  }

  @FieldResolver(() => Meeting, { nullable: true })
  meeting(@Root() invitation: MeetingInvitation, @Ctx() ctx: Context): Promise<Meeting | null> {
    return ctx.loaders.get(meetingById).load(invitation.meetingId);
  }
}

@Resolver(() => AgendaItemNotes)
export class AgendaItemNotesResolver {
  @FieldResolver(() => AgendaItem, { nullable: true })
  agendaItem(@Root() notes: AgendaItemNotes, @Ctx() ctx: Context): Promise<AgendaItem | null> {
    return ctx.loaders.get(agendaItemById).load(notes.agendaItemId);
  }

  @FieldResolver(() => ID)
  agendaItemId(@Root() notes: AgendaItemNotes): string {
    return toGlobalId('AgendaItem', notes.agendaItemId);
  }

  @FieldResolver(() => String, { description: 'The notes rendered from Markdown and sanitised.' })
  html(@Root() notes: AgendaItemNotes): string {
    return renderMarkdown(notes.notes);
  }
}

@Resolver(() => MeetingMinutes)
export class MeetingMinutesResolver {
  @FieldResolver(() => String, { description: 'The body rendered from Markdown and sanitised.' })
  html(@Root() minutes: MeetingMinutes): string {
    return renderMarkdown(minutes.body);
  }

  @FieldResolver(() => [AgendaItemNotes])
  itemNotes(@Root() minutes: MeetingMinutes): AgendaItemNotes[] {
    return minutes.itemNotes;
  }

  @FieldResolver(() => User, { nullable: true })
  submittedBy(@Root() minutes: MeetingMinutes, @Ctx() ctx: Context): Promise<User | null> | null {
    return minutes.submittedById ? ctx.loaders.get(userById).load(minutes.submittedById) : null;
  }

  @FieldResolver(() => User, { nullable: true })
  approvedBy(@Root() minutes: MeetingMinutes, @Ctx() ctx: Context): Promise<User | null> | null {
    return minutes.approvedById ? ctx.loaders.get(userById).load(minutes.approvedById) : null;
  }
}

@Resolver(() => MinutesRevision)
export class MinutesRevisionResolver {
  @FieldResolver(() => String, { description: 'The body rendered from Markdown and sanitised.' })
  html(@Root() revision: MinutesRevision): string {
    return renderMarkdown(revision.body);
  }

  @FieldResolver(() => [AgendaItemNotes])
  itemNotes(@Root() revision: MinutesRevision): AgendaItemNotes[] {
    return revision.itemNotes;
  }

  @FieldResolver(() => User, { nullable: true })
  publishedBy(@Root() revision: MinutesRevision, @Ctx() ctx: Context): Promise<User | null> | null {
    return revision.publishedById ? ctx.loaders.get(userById).load(revision.publishedById) : null;
  }

  @FieldResolver(() => [OutcomeSnapshot], { description: 'The outcomes as they stood at publication.' })
  outcomes(@Root() revision: MinutesRevision): OutcomeSnapshot[] {
    return revision.outcomes ?? [];
  }
}

@Resolver(() => OutcomeSnapshot)
export class OutcomeSnapshotResolver {
  @FieldResolver(() => ID, { description: 'The live Outcome this was copied from (it may be gone).' })
  outcomeId(@Root() snapshot: OutcomeSnapshot): string {
    return toGlobalId('Outcome', snapshot.outcomeId);
  }

  @FieldResolver(() => ID)
  agendaItemId(@Root() snapshot: OutcomeSnapshot): string {
    return toGlobalId('AgendaItem', snapshot.agendaItemId);
  }

  @FieldResolver(() => User, { nullable: true })
  ownerUser(@Root() snapshot: OutcomeSnapshot, @Ctx() ctx: Context): Promise<User | null> | null {
    return snapshot.ownerUserId ? ctx.loaders.get(userById).load(snapshot.ownerUserId) : null;
  }

  @FieldResolver(() => Municipality, { nullable: true })
  ownerMunicipality(
    @Root() snapshot: OutcomeSnapshot,
    @Ctx() ctx: Context,
  ): Promise<Municipality | null> | null {
    return snapshot.ownerMunicipalityId
      ? ctx.loaders.get(municipalityById).load(snapshot.ownerMunicipalityId)
      : null;
  }

  @FieldResolver(() => [Project], { description: 'The linked projects the viewer may read.' })
  projects(@Root() snapshot: OutcomeSnapshot, @Ctx() ctx: Context): Promise<Project[]> {
    return readableProjectsById(ctx, snapshot.projectIds);
  }
}

@Resolver(() => Outcome)
export class OutcomeResolver {
  @FieldResolver(() => Meeting, { nullable: true })
  meeting(@Root() outcome: Outcome, @Ctx() ctx: Context): Promise<Meeting | null> {
    return ctx.loaders.get(meetingById).load(outcome.meetingId);
  }

  @FieldResolver(() => AgendaItem, { nullable: true })
  agendaItem(@Root() outcome: Outcome, @Ctx() ctx: Context): Promise<AgendaItem | null> {
    return ctx.loaders.get(agendaItemById).load(outcome.agendaItemId);
  }

  @FieldResolver(() => User, { nullable: true })
  ownerUser(@Root() outcome: Outcome, @Ctx() ctx: Context): Promise<User | null> | null {
    return outcome.ownerUserId ? ctx.loaders.get(userById).load(outcome.ownerUserId) : null;
  }

  @FieldResolver(() => Municipality, { nullable: true })
  ownerMunicipality(@Root() outcome: Outcome, @Ctx() ctx: Context): Promise<Municipality | null> | null {
    return outcome.ownerMunicipalityId
      ? ctx.loaders.get(municipalityById).load(outcome.ownerMunicipalityId)
      : null;
  }

  @FieldResolver(() => [ID], { description: 'Linked Projects.' })
  projectIds(@Root() outcome: Outcome): string[] {
    return outcome.projectIds.map((id) => toGlobalId('Project', id));
  }

  @FieldResolver(() => [Project], { description: 'The linked projects the viewer may read.' })
  projects(@Root() outcome: Outcome, @Ctx() ctx: Context): Promise<Project[]> {
    return readableProjectsById(ctx, outcome.projectIds);
  }

  @FieldResolver(() => Boolean, { description: 'An open action item past its due date (Berlin).' })
  overdue(@Root() outcome: Outcome): boolean {
    const open = outcome.status === ActionItemStatus.OPEN || outcome.status === ActionItemStatus.IN_PROGRESS;
    return open && outcome.dueDate !== null && outcome.dueDate < todayInBerlin();
  }

  @FieldResolver(() => ActionItemPermissions)
  async viewerCan(@Root() outcome: Outcome, @Ctx() ctx: Context): Promise<ActionItemPermissions> {
    const meeting = await ctx.loaders.get(meetingById).load(outcome.meetingId);
    const update =
      outcome.kind === OutcomeKind.ACTION_ITEM &&
      meeting !== null &&
      meetingPolicy.can(ctx.viewer, 'updateActionItem', {
        ...(await meetingStateOf(ctx, meeting)),
        item: outcome,
      });
    return Object.assign(new ActionItemPermissions(), { update });
  }
}

/** Resolvers of this module, for graphql/schema.ts. */
export const meetingResolvers = [
  MeetingResolver,
  AgendaItemResolver,
  MeetingInvitationResolver,
  AgendaItemNotesResolver,
  MeetingMinutesResolver,
  MinutesRevisionResolver,
  OutcomeResolver,
  OutcomeSnapshotResolver,
  CalendarFeedResolver,
] as const;
