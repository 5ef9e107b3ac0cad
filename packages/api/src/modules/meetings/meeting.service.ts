import {
  ActionItemStatus,
  InvitationResponse,
  isMeetingUrl,
  MeetingKind,
  MinutesStatus,
  meetingLimits,
  meetingTimeZone,
  OutcomeKind,
  UserStatus,
} from '@hub/shared';
import type { EntityManager } from 'typeorm';
import type { Context } from '../../graphql/context';
import { forbidden, notFound } from '../../graphql/errors';
import { maybeIdOf, toGlobalId } from '../../graphql/relay';
import { fail } from '../../graphql/user-error';
import { type DomainEventType, emitDomainEvent } from '../events';
import { enqueueMail } from '../mail/mail-delivery';
import { municipalityExists } from '../municipalities';
import { activeMemberMunicipalityIds } from '../network';
import { readableProjectIds } from '../projects';
import type { User } from '../users';
import { activeOfficersOf, peopleByIds, personExists } from '../users';
import { activeMemberIdsIn, groupLeadIdsIn, workingGroupIn } from '../working-groups';
import {
  AgendaItem,
  Meeting,
  MeetingInvitation,
  MeetingMinutes,
  MinutesRevision,
  Outcome,
  type OutcomeSnapshot,
} from './meeting.entity';
import type {
  AddAgendaItemInput,
  AddOutcomeInput,
  AgendaItemFields,
  CreateMeetingInput,
  InviteToMeetingInput,
  RecordAttendanceInput,
  SaveMinutesInput,
  UpdateActionItemInput,
  UpdateAgendaItemInput,
  UpdateMeetingInput,
} from './meeting.inputs';
import type { MeetingState } from './meeting.policy';
import { meetingPolicy } from './meeting.policy';
import { meetingStateIn } from './meeting.state';

const berlinDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: meetingTimeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Berlin, as YYYY-MM-DD. */
export function todayInBerlin(now = new Date()): string {
  return berlinDate.format(now);
}

function isRealDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** A meeting's online link as stored (blank: none), or a userError: the one validator of the field. */
function checkedOnlineUrl(value: string | null | undefined): string | null {
  const url = blankToNull(value);
  if (url && !isMeetingUrl(url)) fail('VALIDATION', 'onlineUrl must be an http(s) URL', 'onlineUrl');
  return url;
}

const blankToNull = (value: string | null | undefined): string | null =>
  value?.trim() ? value.trim() : null;

/**
 * The rules of meetings, agendas, invitations, minutes and outcomes. Every method runs inside the
 * caller's transaction, authorizes through `meetingPolicy`, and reports what the user can fix with
 * `fail(...)`, which rolls the whole mutation back.
 */
export class MeetingService {
  constructor(
    private readonly ctx: Context,
    private readonly viewer: User,
  ) {}

  /** The meeting's page in the web app, for e-mails. */
  private meetingLink(meeting: Meeting): string {
    return `${this.ctx.config.publicUrl}/sitzungen/${encodeURIComponent(toGlobalId('Meeting', meeting.id))}`;
  }

  private audit(
    m: EntityManager,
    type: DomainEventType,
    subjectType: string,
    subjectId: string,
    after?: Record<string, unknown>,
    before?: Record<string, unknown>,
  ) {
    return emitDomainEvent(m, {
      actorId: this.viewer.id,
      type,
      subjectType,
      subjectId,
      payload: after ?? null,
      before,
      requestId: this.ctx.requestId,
    });
  }

  /** The meeting, locked for the rest of the transaction; NOT_FOUND or FORBIDDEN otherwise. */
  async meetingToManage(m: EntityManager, meetingId: string): Promise<Meeting> {
    const meeting = await m
      .getRepository(Meeting)
      .findOne({ where: { id: meetingId }, lock: { mode: 'pessimistic_write' } });
    if (!meeting) throw notFound('No such meeting.');
    if (!meetingPolicy.can(this.viewer, 'manage', await meetingStateIn(m, meeting)))
      throw forbidden('Only the organiser, a lead of the group or a coordinator may do this.');
    return meeting;
  }

  private async meetingToRead(m: EntityManager, meetingId: string): Promise<Meeting> {
    const meeting = await m
      .getRepository(Meeting)
      .findOne({ where: { id: meetingId }, lock: { mode: 'pessimistic_write' } });
    if (!meeting || !meetingPolicy.can(this.viewer, 'read')) throw notFound('No such meeting.');
    return meeting;
  }

  private checkTimes(startsAt: Date, endsAt: Date): void {
    if (endsAt.getTime() <= startsAt.getTime())
      fail('END_BEFORE_START', 'The meeting must end after it starts.', 'endsAt');
    if (endsAt.getTime() - startsAt.getTime() > meetingLimits.maxDurationHours * 3600_000) {
      fail('TOO_LONG', `A meeting may last at most ${meetingLimits.maxDurationHours} hours.`, 'endsAt');
    }
  }

  private notCancelled(meeting: Meeting): void {
    if (meeting.cancelled) fail('MEETING_CANCELLED', 'The meeting was cancelled.', 'meetingId');
  }

  private async agendaFields(m: EntityManager, fields: AgendaItemFields, field: string) {
    const presenterId = fields.presenterId ? maybeIdOf(fields.presenterId, 'User') : null;
    if (fields.presenterId && !presenterId)
      fail('VALIDATION', 'presenterId is not a valid person ID.', `${field}presenterId`);
    if (presenterId && !(await personExists(m, presenterId))) {
      fail('NOT_FOUND', 'The presenter does not exist.', `${field}presenterId`);
    }
    const projectId = fields.projectId ? maybeIdOf(fields.projectId, 'Project') : null;
    if (fields.projectId && !projectId)
      fail('VALIDATION', 'projectId is not a valid project ID.', `${field}projectId`);
    // Like an action item's projects: only what the organiser may read can be linked.
    if (projectId && !(await readableProjectIds(m, this.viewer, [projectId])).length) {
      fail('NOT_FOUND', 'The project does not exist.', `${field}projectId`);
    }
    return {
      title: fields.title.trim(),
      description: fields.description ?? '',
      presenterId,
      projectId,
      plannedMinutes: fields.plannedMinutes ?? null,
    };
  }

  async createMeeting(m: EntityManager, input: CreateMeetingInput): Promise<Meeting> {
    let workingGroupId: string | null = null;
    if (input.kind === MeetingKind.WORKING_GROUP) {
      workingGroupId = maybeIdOf(input.workingGroupId, 'WorkingGroup');
      if (!workingGroupId)
        fail('VALIDATION', 'A working-group meeting needs its working group.', 'workingGroupId');
      const group = await workingGroupIn(m, workingGroupId);
      if (!group) fail('NOT_FOUND', 'No such working group.', 'workingGroupId');
      if (group.archivedAt) fail('GROUP_ARCHIVED', 'The working group is archived.', 'workingGroupId');
    } else if (input.workingGroupId) {
      fail('VALIDATION', 'Only working-group meetings belong to a working group.', 'workingGroupId');
    }
    if (
      !meetingPolicy.can(this.viewer, 'create', {
        kind: input.kind,
        groupLeadIds: await groupLeadIdsIn(m, workingGroupId),
        // An archived group was refused above (a userError), so this is about the person.
        groupArchived: false,
      })
    )
      throw forbidden('Coordinators plan meetings; leads plan their group’s meetings.');
    if (!input.title.trim()) fail('VALIDATION', 'The title must not be empty.', 'title');
    this.checkTimes(input.startsAt, input.endsAt);
    const onlineUrl = checkedOnlineUrl(input.onlineUrl);
    const agenda = [];
    for (const [i, item] of (input.agenda ?? []).entries())
      agenda.push(await this.agendaFields(m, item, `agenda.${i}.`));

    const meeting = m.create(Meeting, {
      kind: input.kind,
      workingGroupId,
      title: input.title.trim(),
      description: input.description ?? '',
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      location: blankToNull(input.location),
      onlineUrl,
      organizerId: this.viewer.id,
    });
    await m.save(meeting);
    if (agenda.length) {
      await m.insert(
        AgendaItem,
        agenda.map((fields, i) => ({ ...fields, meetingId: meeting.id, position: i + 1 })),
      );
    }
    await this.audit(m, 'meeting.create', 'Meeting', meeting.id, {
      title: meeting.title,
      kind: meeting.kind,
      startsAt: meeting.startsAt,
    });
    return meeting;
  }

  async updateMeeting(m: EntityManager, input: UpdateMeetingInput, meetingId: string): Promise<Meeting> {
    const meeting = await this.meetingToManage(m, meetingId);
    this.notCancelled(meeting);
    const before = {
      title: meeting.title,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      location: meeting.location,
      onlineUrl: meeting.onlineUrl,
    };
    if (input.title !== undefined && input.title !== null) {
      if (!input.title.trim()) fail('VALIDATION', 'The title must not be empty.', 'title');
      meeting.title = input.title.trim();
    }
    if (input.description !== undefined && input.description !== null)
      meeting.description = input.description;
    if (input.startsAt) meeting.startsAt = input.startsAt;
    if (input.endsAt) meeting.endsAt = input.endsAt;
    if (input.location !== undefined && input.location !== null)
      meeting.location = blankToNull(input.location);
    if (input.onlineUrl !== undefined && input.onlineUrl !== null) {
      meeting.onlineUrl = checkedOnlineUrl(input.onlineUrl);
    }
    this.checkTimes(meeting.startsAt, meeting.endsAt);
    meeting.sequence += 1;
    await m.save(meeting);
    await this.audit(
      m,
      'meeting.update',
      'Meeting',
      meeting.id,
      {
        title: meeting.title,
        startsAt: meeting.startsAt,
        endsAt: meeting.endsAt,
        location: meeting.location,
        onlineUrl: meeting.onlineUrl,
      },
      before,
    );
    return meeting;
  }

  async cancelMeeting(m: EntityManager, meetingId: string): Promise<Meeting> {
    const meeting = await this.meetingToManage(m, meetingId);
    this.notCancelled(meeting);
    meeting.cancelled = true;
    meeting.sequence += 1;
    await m.save(meeting);
    await this.audit(m, 'meeting.cancel', 'Meeting', meeting.id, { cancelled: true });
    return meeting;
  }

  /** Removes a meeting planned by mistake; kept soft-deleted so OParl clients learn of it. */
  async deleteMeeting(m: EntityManager, meetingId: string): Promise<Meeting> {
    const meeting = await this.meetingToManage(m, meetingId);
    const minutes = await this.minutesOf(m, meeting.id);
    if (minutes?.publishedAt)
      fail('MINUTES_PUBLISHED', 'A meeting with published minutes stays; cancel it instead.', 'meetingId');
    meeting.sequence += 1;
    meeting.cancelled = true;
    await m.save(meeting);
    await m.softDelete(Meeting, meeting.id);
    await this.audit(m, 'meeting.delete', 'Meeting', meeting.id, undefined, { title: meeting.title });
    return meeting;
  }

  private async activeAgenda(m: EntityManager, meetingId: string): Promise<AgendaItem[]> {
    return m.getRepository(AgendaItem).find({ where: { meetingId }, order: { position: 'ASC' } });
  }

  async addAgendaItem(m: EntityManager, input: AddAgendaItemInput, meetingId: string): Promise<AgendaItem> {
    const meeting = await this.meetingToManage(m, meetingId);
    this.notCancelled(meeting);
    const items = await this.activeAgenda(m, meeting.id);
    if (items.length >= meetingLimits.agendaItems.max)
      fail('TOO_MANY', `At most ${meetingLimits.agendaItems.max} agenda items.`, 'meetingId');
    const fields = await this.agendaFields(m, input, '');
    const item = m.create(AgendaItem, { ...fields, meetingId: meeting.id, position: items.length + 1 });
    await m.save(item);
    await this.audit(m, 'agenda_item.create', 'AgendaItem', item.id, {
      meetingId: meeting.id,
      title: item.title,
    });
    return item;
  }

  async updateAgendaItem(
    m: EntityManager,
    input: UpdateAgendaItemInput,
    agendaItemId: string,
  ): Promise<AgendaItem> {
    const item = await m.getRepository(AgendaItem).findOneBy({ id: agendaItemId });
    if (!item) throw notFound('No such agenda item.');
    const meeting = await this.meetingToManage(m, item.meetingId);
    this.notCancelled(meeting);
    const before = { title: item.title, plannedMinutes: item.plannedMinutes };
    Object.assign(item, await this.agendaFields(m, input, ''));
    await m.save(item);
    await this.audit(
      m,
      'agenda_item.update',
      'AgendaItem',
      item.id,
      { title: item.title, plannedMinutes: item.plannedMinutes },
      before,
    );
    return item;
  }

  async removeAgendaItem(m: EntityManager, agendaItemId: string): Promise<Meeting> {
    const item = await m.getRepository(AgendaItem).findOneBy({ id: agendaItemId });
    if (!item) throw notFound('No such agenda item.');
    const meeting = await this.meetingToManage(m, item.meetingId);
    this.notCancelled(meeting);
    if (await m.getRepository(Outcome).existsBy({ agendaItemId: item.id })) {
      fail('HAS_OUTCOMES', 'Remove the outcomes of this agenda item first.', 'agendaItemId');
    }
    await m.softDelete(AgendaItem, item.id);
    const rest = await this.activeAgenda(m, meeting.id);
    await this.renumber(
      m,
      rest.map((r) => r.id),
    );
    await this.audit(m, 'agenda_item.delete', 'AgendaItem', item.id, undefined, { title: item.title });
    return meeting;
  }

  private async renumber(m: EntityManager, orderedIds: string[]): Promise<void> {
    if (!orderedIds.length) return;
    await m.query(
      `UPDATE agenda_item SET position = o.position, updated_at = now()
         FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, position) WHERE agenda_item.id = o.id`,
      [orderedIds],
    );
  }

  async reorderAgenda(m: EntityManager, meetingId: string, agendaItemGlobalIds: string[]): Promise<Meeting> {
    const meeting = await this.meetingToManage(m, meetingId);
    this.notCancelled(meeting);
    const items = await this.activeAgenda(m, meeting.id);
    const ids = agendaItemGlobalIds.map((gid) => maybeIdOf(gid, 'AgendaItem'));
    const current = new Set(items.map((item) => item.id));
    const complete =
      ids.length === current.size &&
      new Set(ids).size === ids.length &&
      ids.every((id) => id !== null && current.has(id));
    if (!complete) fail('VALIDATION', 'List every agenda item of the meeting exactly once.', 'agendaItemIds');
    await this.renumber(m, ids as string[]);
    await this.audit(m, 'agenda.reorder', 'Meeting', meeting.id, { order: ids });
    return meeting;
  }

  async invite(m: EntityManager, input: InviteToMeetingInput, meetingId: string): Promise<Meeting> {
    const meeting = await this.meetingToManage(m, meetingId);
    this.notCancelled(meeting);
    const userIds = new Set<string>();
    for (const [i, gid] of (input.userIds ?? []).entries()) {
      const id = maybeIdOf(gid, 'User');
      if (!id) fail('VALIDATION', 'Not a valid person ID.', `userIds.${i}`);
      userIds.add(id);
    }
    if (input.workingGroupMembers) {
      if (!meeting.workingGroupId)
        fail('VALIDATION', 'This meeting belongs to no working group.', 'workingGroupMembers');
      for (const userId of await activeMemberIdsIn(m, meeting.workingGroupId)) userIds.add(userId);
    }
    if (input.allMemberMunicipalities) {
      const officers = await activeOfficersOf(m, await activeMemberMunicipalityIds(m));
      for (const officer of officers) userIds.add(officer.id);
    }
    if (!userIds.size)
      fail('VALIDATION', 'Name at least one person, the group or the member municipalities.', 'userIds');
    const people = await peopleByIds(m, [...userIds], [UserStatus.ACTIVE, UserStatus.INVITED]);
    if (people.length !== userIds.size)
      fail('NOT_FOUND', 'Some of these people do not exist or are deactivated.', 'userIds');
    const inserted = await m
      .createQueryBuilder()
      .insert()
      .into(MeetingInvitation)
      .values(
        people.map((person) => ({
          meetingId: meeting.id,
          userId: person.id,
          municipalityId: person.municipalityId,
        })),
      )
      .orIgnore()
      .returning(['userId'])
      .execute();
    const newIds = new Set((inserted.raw as { user_id: string }[]).map((row) => row.user_id));
    for (const person of people.filter((p) => newIds.has(p.id))) {
      await enqueueMail(m, {
        to: person.email,
        kind: 'meeting.invitation',
        subject: `Einladung: ${meeting.title}`,
        body: `Sie sind eingeladen: ${meeting.title}\n${this.meetingLink(meeting)}`,
      });
    }
    await this.audit(m, 'meeting.invite', 'Meeting', meeting.id, { invited: [...newIds] });
    return meeting;
  }

  async respond(
    m: EntityManager,
    meetingId: string,
    response: InvitationResponse,
  ): Promise<MeetingInvitation> {
    const meeting = await this.meetingToRead(m, meetingId);
    if (meeting.cancelled)
      fail('MEETING_CANCELLED', 'The meeting was cancelled; there is nothing to answer.', 'meetingId');
    if (meeting.endsAt.getTime() < Date.now()) fail('MEETING_PAST', 'The meeting is over.', 'meetingId');
    if (response === InvitationResponse.PENDING) fail('VALIDATION', 'Answer YES, NO or MAYBE.', 'response');
    const invitation = await m
      .getRepository(MeetingInvitation)
      .findOneBy({ meetingId: meeting.id, userId: this.viewer.id });
    if (!invitation) fail('NOT_INVITED', 'You are not invited to this meeting.', 'meetingId');
    if (!meetingPolicy.can(this.viewer, 'respond', { invitation })) throw forbidden();
    invitation.response = response;
    invitation.respondedAt = new Date();
    await m.save(invitation);
    await this.audit(m, 'meeting.respond', 'MeetingInvitation', invitation.id, { response });
    return invitation;
  }

  async recordAttendance(
    m: EntityManager,
    input: RecordAttendanceInput,
    meetingId: string,
  ): Promise<Meeting> {
    const meeting = await this.meetingToManage(m, meetingId);
    this.notCancelled(meeting);
    if (meeting.startsAt.getTime() > Date.now())
      fail('MEETING_NOT_STARTED', 'Attendance is recorded once the meeting has started.', 'meetingId');
    const entries = input.entries.map((entry, i) => {
      const userId = maybeIdOf(entry.userId, 'User');
      if (!userId) fail('VALIDATION', 'Not a valid person ID.', `entries.${i}.userId`);
      return { userId, attended: entry.attended };
    });
    // One row per person: a second entry would make the upsert touch the same row twice.
    const listed = new Set<string>();
    entries.forEach(({ userId }, i) => {
      if (listed.has(userId))
        fail('VALIDATION', 'Each person may be listed only once.', `entries.${i}.userId`);
      listed.add(userId);
    });
    const people = await peopleByIds(m, [...listed]);
    if (people.length !== listed.size) fail('NOT_FOUND', 'Some of these people do not exist.', 'entries');
    const municipalityOf = new Map(people.map((p) => [p.id, p.municipalityId]));
    // People who came without an invitation are added, so the figures stay complete.
    await m
      .createQueryBuilder()
      .insert()
      .into(MeetingInvitation)
      .values(
        entries.map((e) => ({
          meetingId: meeting.id,
          userId: e.userId,
          municipalityId: municipalityOf.get(e.userId) ?? null,
          attended: e.attended,
        })),
      )
      .orUpdate(['attended', 'updated_at'], ['meeting_id', 'user_id'])
      .execute();
    await this.audit(m, 'meeting.attendance', 'Meeting', meeting.id, { entries });
    return meeting;
  }

  // ---- minutes ----

  private async minutesOf(m: EntityManager, meetingId: string): Promise<MeetingMinutes | null> {
    return m
      .getRepository(MeetingMinutes)
      .findOne({ where: { meetingId }, lock: { mode: 'pessimistic_write' } });
  }

  private editable(minutes: MeetingMinutes | null): void {
    if (minutes?.status === MinutesStatus.PUBLISHED) {
      fail(
        'MINUTES_PUBLISHED',
        'Published minutes cannot be edited; start a correction (a new revision) instead.',
        'meetingId',
      );
    }
    if (minutes && minutes.status !== MinutesStatus.DRAFT) {
      fail(
        'MINUTES_LOCKED',
        'The minutes are submitted; they can be edited again once sent back to draft.',
        'meetingId',
      );
    }
  }

  async saveMinutes(m: EntityManager, input: SaveMinutesInput, meetingId: string): Promise<MeetingMinutes> {
    const meeting = await this.meetingToManage(m, meetingId);
    this.notCancelled(meeting);
    let minutes = await this.minutesOf(m, meeting.id);
    this.editable(minutes);
    const agenda = new Set((await this.activeAgenda(m, meeting.id)).map((item) => item.id));
    const itemNotes = (input.itemNotes ?? []).map((entry, i) => {
      const agendaItemId = maybeIdOf(entry.agendaItemId, 'AgendaItem');
      if (!agendaItemId || !agenda.has(agendaItemId))
        fail('VALIDATION', 'Not an agenda item of this meeting.', `itemNotes.${i}.agendaItemId`);
      return { agendaItemId, notes: entry.notes };
    });
    if (new Set(itemNotes.map((n) => n.agendaItemId)).size !== itemNotes.length) {
      fail('VALIDATION', 'Notes for an agenda item may appear once.', 'itemNotes');
    }
    minutes ??= m.create(MeetingMinutes, { meetingId: meeting.id, status: MinutesStatus.DRAFT, revision: 1 });
    minutes.body = input.body;
    minutes.itemNotes = itemNotes.filter((n) => n.notes.trim() !== '');
    minutes.draftedById = this.viewer.id;
    await m.save(minutes);
    await this.audit(m, 'minutes.save', 'MeetingMinutes', minutes.id, {
      revision: minutes.revision,
      length: input.body.length,
    });
    return minutes;
  }

  private async transition(
    m: EntityManager,
    meetingId: string,
    from: MinutesStatus,
    authorize: (state: MeetingState) => void,
  ): Promise<{ meeting: Meeting; minutes: MeetingMinutes }> {
    const meeting = await this.meetingToRead(m, meetingId);
    const minutes = await this.minutesOf(m, meeting.id);
    if (!minutes) fail('NO_MINUTES', 'There are no minutes yet.', 'meetingId');
    authorize(await meetingStateIn(m, meeting, minutes));
    if (minutes.status !== from) {
      fail(
        'INVALID_TRANSITION',
        `The minutes are ${minutes.status}; this step needs them ${from}.`,
        'meetingId',
      );
    }
    return { meeting, minutes };
  }

  async submitMinutes(m: EntityManager, meetingId: string): Promise<MeetingMinutes> {
    const { minutes } = await this.transition(m, meetingId, MinutesStatus.DRAFT, (state) => {
      if (!meetingPolicy.can(this.viewer, 'draftMinutes', state))
        throw forbidden('The organiser submits the minutes.');
    });
    if (!minutes.body.trim() && minutes.itemNotes.length === 0)
      fail('VALIDATION', 'Write the minutes before submitting them.', 'body');
    Object.assign(minutes, {
      status: MinutesStatus.SUBMITTED,
      submittedById: this.viewer.id,
      submittedAt: new Date(),
    });
    await m.save(minutes);
    await this.audit(m, 'minutes.submit', 'MeetingMinutes', minutes.id, { status: minutes.status });
    return minutes;
  }

  /** A second person sends submitted minutes back to draft. */
  async returnMinutesToDraft(m: EntityManager, meetingId: string): Promise<MeetingMinutes> {
    const { minutes } = await this.transition(m, meetingId, MinutesStatus.SUBMITTED, (state) => {
      if (
        !meetingPolicy.can(this.viewer, 'approveFor', state) &&
        !meetingPolicy.can(this.viewer, 'manage', state)
      )
        throw forbidden();
    });
    Object.assign(minutes, { status: MinutesStatus.DRAFT, submittedById: null, submittedAt: null });
    await m.save(minutes);
    await this.audit(m, 'minutes.return', 'MeetingMinutes', minutes.id, { status: minutes.status });
    return minutes;
  }

  async approveMinutes(m: EntityManager, meetingId: string): Promise<MeetingMinutes> {
    const { minutes } = await this.transition(m, meetingId, MinutesStatus.SUBMITTED, (state) => {
      if (!meetingPolicy.can(this.viewer, 'approveFor', state))
        throw forbidden('A coordinator or a lead of the group approves the minutes.');
      if (
        state.minutes?.status === MinutesStatus.SUBMITTED &&
        !meetingPolicy.can(this.viewer, 'approveMinutes', state)
      ) {
        fail(
          'OWN_SUBMISSION',
          'Minutes must be approved by someone other than the person who submitted them.',
          'meetingId',
        );
      }
    });
    Object.assign(minutes, {
      status: MinutesStatus.APPROVED,
      approvedById: this.viewer.id,
      approvedAt: new Date(),
    });
    await m.save(minutes);
    await this.audit(m, 'minutes.approve', 'MeetingMinutes', minutes.id, { status: minutes.status });
    return minutes;
  }

  /** The meeting's outcomes as they stand now, in agenda order, for a published revision. */
  private async outcomeSnapshots(m: EntityManager, meetingId: string): Promise<OutcomeSnapshot[]> {
    const [items, outcomes] = await Promise.all([
      m.getRepository(AgendaItem).findBy({ meetingId }),
      m.getRepository(Outcome).find({ where: { meetingId }, order: { createdAt: 'ASC', id: 'ASC' } }),
    ]);
    const itemsById = new Map(items.map((item) => [item.id, item]));
    return outcomes
      .map((o) => {
        const item = itemsById.get(o.agendaItemId);
        return {
          outcomeId: o.id,
          agendaItemId: o.agendaItemId,
          agendaItemTitle: item?.title ?? '',
          agendaItemPosition: item?.position ?? 0,
          kind: o.kind,
          title: o.title,
          description: o.description,
          ownerUserId: o.ownerUserId,
          ownerMunicipalityId: o.ownerMunicipalityId,
          dueDate: o.dueDate,
          status: o.status,
          projectIds: o.projectIds,
        };
      })
      .sort((a, b) => a.agendaItemPosition - b.agendaItemPosition);
  }

  async publishMinutes(m: EntityManager, meetingId: string): Promise<MeetingMinutes> {
    const { meeting, minutes } = await this.transition(m, meetingId, MinutesStatus.APPROVED, (state) => {
      if (!meetingPolicy.can(this.viewer, 'publishMinutes', state))
        throw forbidden('A coordinator or a lead of the group publishes the minutes.');
    });
    const now = new Date();
    Object.assign(minutes, { status: MinutesStatus.PUBLISHED, publishedAt: now });
    await m.save(minutes);
    await m.insert(MinutesRevision, {
      minutesId: minutes.id,
      meetingId: meeting.id,
      revision: minutes.revision,
      body: minutes.body,
      itemNotes: minutes.itemNotes,
      outcomes: await this.outcomeSnapshots(m, meeting.id),
      submittedById: minutes.submittedById,
      approvedById: minutes.approvedById,
      publishedById: this.viewer.id,
      publishedAt: now,
    });
    const attendedIds = await m
      .getRepository(MeetingInvitation)
      .find({ select: { userId: true }, where: { meetingId: meeting.id, attended: true } });
    const attendees = await peopleByIds(
      m,
      attendedIds.map((row) => row.userId),
      [UserStatus.ACTIVE],
    );
    const correction = minutes.revision > 1 ? ' (Korrektur / correction)' : '';
    for (const person of attendees) {
      await enqueueMail(m, {
        to: person.email,
        kind: 'meeting.minutes_published',
        subject: `Protokoll veröffentlicht${correction}: ${meeting.title}`,
        body: `Das Protokoll von „${meeting.title}“ ist veröffentlicht / The minutes are published:\n${this.meetingLink(meeting)}`,
      });
    }
    await this.audit(m, 'minutes.publish', 'MeetingMinutes', minutes.id, {
      revision: minutes.revision,
      notified: attendees.length,
    });
    return minutes;
  }

  /** Published minutes stay as they are; a correction is worked out as the next revision. */
  async startCorrection(m: EntityManager, meetingId: string): Promise<MeetingMinutes> {
    const { minutes } = await this.transition(m, meetingId, MinutesStatus.PUBLISHED, (state) => {
      if (!meetingPolicy.can(this.viewer, 'draftMinutes', state)) throw forbidden();
    });
    Object.assign(minutes, {
      status: MinutesStatus.DRAFT,
      revision: minutes.revision + 1,
      submittedById: null,
      submittedAt: null,
      approvedById: null,
      approvedAt: null,
    });
    await m.save(minutes);
    await this.audit(m, 'minutes.correct', 'MeetingMinutes', minutes.id, { revision: minutes.revision });
    return minutes;
  }

  // ---- outcomes and action items ----

  private checkDueDate(dueDate: string | null | undefined, field: string): string {
    if (!dueDate) fail('DUE_DATE_REQUIRED', 'An action item needs a due date.', field);
    if (!isRealDate(dueDate)) fail('VALIDATION', 'dueDate must be a date (YYYY-MM-DD).', field);
    if (dueDate < todayInBerlin()) fail('DUE_DATE_IN_PAST', 'The due date must not lie in the past.', field);
    return dueDate;
  }

  async addOutcome(m: EntityManager, input: AddOutcomeInput, agendaItemId: string): Promise<Outcome> {
    const item = await m.getRepository(AgendaItem).findOneBy({ id: agendaItemId });
    if (!item) throw notFound('No such agenda item.');
    const meeting = await this.meetingToManage(m, item.meetingId);
    this.notCancelled(meeting);
    this.editable(await this.minutesOf(m, meeting.id));
    if (!input.title.trim()) fail('VALIDATION', 'The title must not be empty.', 'title');
    const outcome = m.create(Outcome, {
      meetingId: meeting.id,
      agendaItemId: item.id,
      kind: input.kind,
      title: input.title.trim(),
      description: input.description ?? '',
      createdById: this.viewer.id,
    });
    if (input.kind === OutcomeKind.ACTION_ITEM) {
      const ownerUserId = input.ownerUserId ? maybeIdOf(input.ownerUserId, 'User') : null;
      const ownerMunicipalityId = input.ownerMunicipalityId
        ? maybeIdOf(input.ownerMunicipalityId, 'Municipality')
        : null;
      if (input.ownerUserId && !ownerUserId) fail('VALIDATION', 'Not a valid person ID.', 'ownerUserId');
      if (input.ownerMunicipalityId && !ownerMunicipalityId)
        fail('VALIDATION', 'Not a valid municipality ID.', 'ownerMunicipalityId');
      if (!ownerUserId && !ownerMunicipalityId)
        fail('OWNER_REQUIRED', 'An action item needs an owner: a person or a municipality.', 'ownerUserId');
      if (ownerUserId && !(await personExists(m, ownerUserId)))
        fail('NOT_FOUND', 'No such person.', 'ownerUserId');
      if (ownerMunicipalityId && !(await municipalityExists(m, ownerMunicipalityId))) {
        fail('NOT_FOUND', 'No such municipality.', 'ownerMunicipalityId');
      }
      const uniqueProjectIds = await this.checkedProjectIds(m, input.projectIds ?? []);
      Object.assign(outcome, {
        ownerUserId,
        ownerMunicipalityId,
        dueDate: this.checkDueDate(input.dueDate, 'dueDate'),
        status: ActionItemStatus.OPEN,
        projectIds: uniqueProjectIds,
      });
    } else if (input.ownerUserId || input.ownerMunicipalityId || input.dueDate || input.projectIds?.length) {
      fail('VALIDATION', 'Only action items have an owner, a due date and projects.', 'kind');
    }
    await m.save(outcome);
    await this.audit(m, 'outcome.create', 'Outcome', outcome.id, {
      kind: outcome.kind,
      title: outcome.title,
      dueDate: outcome.dueDate,
    });
    return outcome;
  }

  async removeOutcome(m: EntityManager, outcomeId: string): Promise<Meeting> {
    const outcome = await m.getRepository(Outcome).findOneBy({ id: outcomeId });
    if (!outcome) throw notFound('No such outcome.');
    const meeting = await this.meetingToManage(m, outcome.meetingId);
    this.editable(await this.minutesOf(m, meeting.id));
    await m.delete(Outcome, outcome.id);
    await this.audit(m, 'outcome.delete', 'Outcome', outcome.id, undefined, {
      kind: outcome.kind,
      title: outcome.title,
    });
    return meeting;
  }

  /** Linked projects of an action item: valid IDs of projects that exist and the viewer may read. */
  private async checkedProjectIds(m: EntityManager, globalIds: string[]): Promise<string[]> {
    const ids = globalIds.map((gid, i) => {
      const id = maybeIdOf(gid, 'Project');
      if (!id) fail('VALIDATION', 'Not a valid project ID.', `projectIds.${i}`);
      return id;
    });
    const unique = [...new Set(ids)];
    if (!unique.length) return [];
    if ((await readableProjectIds(m, this.viewer, unique)).length !== unique.length)
      fail('NOT_FOUND', 'Some of these projects do not exist.', 'projectIds');
    return unique;
  }

  /** Owners and organisers move an action item along (its status, its due date, its projects). */
  async updateActionItem(
    m: EntityManager,
    input: UpdateActionItemInput,
    outcomeId: string,
  ): Promise<Outcome> {
    const item = await m
      .getRepository(Outcome)
      .findOne({ where: { id: outcomeId }, lock: { mode: 'pessimistic_write' } });
    if (!item || item.kind !== OutcomeKind.ACTION_ITEM) throw notFound('No such action item.');
    const meeting = await m.getRepository(Meeting).findOneByOrFail({ id: item.meetingId });
    if (!meetingPolicy.can(this.viewer, 'updateActionItem', { ...(await meetingStateIn(m, meeting)), item }))
      throw forbidden('Only the owner or the organiser may update this action item.');
    const before = { status: item.status, dueDate: item.dueDate, projectIds: item.projectIds };
    if (input.projectIds) item.projectIds = await this.checkedProjectIds(m, input.projectIds);
    if (input.dueDate && input.dueDate !== item.dueDate)
      item.dueDate = this.checkDueDate(input.dueDate, 'dueDate');
    if (input.status && input.status !== item.status) {
      item.status = input.status;
      const finished = input.status === ActionItemStatus.DONE || input.status === ActionItemStatus.DROPPED;
      item.completedAt = finished ? new Date() : null;
    }
    await m.save(item);
    await this.audit(
      m,
      'action_item.update',
      'Outcome',
      item.id,
      { status: item.status, dueDate: item.dueDate, projectIds: item.projectIds },
      before,
    );
    return item;
  }
}
