import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { inTransaction } from '../../graphql/context';
import { forbidden } from '../../graphql/errors';

import { idOf } from '../../graphql/relay';
import { requireViewer } from '../auth';
import { Municipality, municipalityById } from '../municipalities';
import { User, userById } from '../users';
import { WorkingGroup, workingGroupById } from '../working-groups';
import { AttendanceService } from './attendance.service';
import { Meeting, MeetingInvitation } from './meeting.entity';
import {
  InvitationPayload,
  InviteToMeetingInput,
  MeetingPayload,
  RecordAttendanceInput,
  RespondToInvitationInput,
} from './meeting.inputs';
import { invitationsByMeeting, meetingById } from './meeting.loaders';
import { upcomingMeetingsOf } from './meeting.overview';
import {
  attendanceByMunicipality,
  attendanceByWorkingGroup,
  participationCsv,
  participationXlsx,
} from './meeting.participation';
import { meetingPolicy } from './meeting.policy';
import {
  MeetingParticipation,
  MunicipalityParticipation,
  ParticipationReport,
  WorkingGroupParticipation,
} from './meeting.types';

/** The participation report and its exports: who may read them is the meeting policy's call. */
function requireParticipationReader(ctx: Context): void {
  if (!meetingPolicy.can(requireViewer(ctx), 'readParticipation')) throw forbidden();
}

function service(ctx: Context, viewer: User) {
  return new AttendanceService(ctx, viewer);
}

/** Invitations, answers, attendance and the participation report of meetings. */
@Resolver(() => Meeting)
export class MeetingAttendanceResolver {
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
    // After the commit: the count the start page shows, so it follows without asking again.
    const unansweredInvitationCount = result
      ? (await upcomingMeetingsOf(ctx.dataSource, viewer.id, 1)).unanswered
      : null;
    return { invitation: result, unansweredInvitationCount, userErrors };
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
