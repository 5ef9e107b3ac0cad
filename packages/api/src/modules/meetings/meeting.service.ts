import { isMeetingUrl, MeetingKind, MinutesStatus, meetingLimits, meetingTimeZone } from '@hub/shared';
import type { EntityManager } from 'typeorm';
import type { Context } from '../../graphql/context';
import { forbidden, notFound } from '../../graphql/errors';
import { maybeIdOf, toGlobalId } from '../../graphql/relay';
import { fail } from '../../graphql/user-error';
import { type DomainEventType, emitDomainEvent } from '../events';
import { readableProjectIds } from '../projects';
import type { User } from '../users';
import { personExists } from '../users';
import { groupLeadIdsIn, workingGroupIn } from '../working-groups';
import { AgendaItem, Meeting, MeetingMinutes, Outcome } from './meeting.entity';
import type {
  AddAgendaItemInput,
  AgendaItemFields,
  CreateMeetingInput,
  UpdateAgendaItemInput,
  UpdateMeetingInput,
} from './meeting.inputs';
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

export function isRealDate(value: string): boolean {
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
 * What the services of meetings (meetings & agenda here; attendance, minutes and outcomes in their
 * own files) share. Every method runs inside the caller's transaction, authorizes through
 * `meetingPolicy`, and reports what the user can fix with `fail(...)`, which rolls the whole
 * mutation back.
 */
export abstract class MeetingServiceBase {
  constructor(
    protected readonly ctx: Context,
    protected readonly viewer: User,
  ) {}

  /** The meeting's page in the web app, for e-mails. */
  protected meetingLink(meeting: Meeting): string {
    return `${this.ctx.config.publicUrl}/sitzungen/${encodeURIComponent(toGlobalId('Meeting', meeting.id))}`;
  }

  protected audit(
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

  protected async meetingToRead(m: EntityManager, meetingId: string): Promise<Meeting> {
    const meeting = await m
      .getRepository(Meeting)
      .findOne({ where: { id: meetingId }, lock: { mode: 'pessimistic_write' } });
    if (!meeting || !meetingPolicy.can(this.viewer, 'read')) throw notFound('No such meeting.');
    return meeting;
  }

  protected notCancelled(meeting: Meeting): void {
    if (meeting.cancelled) fail('MEETING_CANCELLED', 'The meeting was cancelled.', 'meetingId');
  }

  protected async activeAgenda(m: EntityManager, meetingId: string): Promise<AgendaItem[]> {
    return m.getRepository(AgendaItem).find({ where: { meetingId }, order: { position: 'ASC' } });
  }

  protected async minutesOf(m: EntityManager, meetingId: string): Promise<MeetingMinutes | null> {
    return m
      .getRepository(MeetingMinutes)
      .findOne({ where: { meetingId }, lock: { mode: 'pessimistic_write' } });
  }

  protected editable(minutes: MeetingMinutes | null): void {
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
}

/** Meetings and their agendas: planning, changing, cancelling, deleting; agenda items and their order. */
export class MeetingService extends MeetingServiceBase {
  private checkTimes(startsAt: Date, endsAt: Date): void {
    if (endsAt.getTime() <= startsAt.getTime())
      fail('END_BEFORE_START', 'The meeting must end after it starts.', 'endsAt');
    if (endsAt.getTime() - startsAt.getTime() > meetingLimits.maxDurationHours * 3600_000) {
      fail('TOO_LONG', `A meeting may last at most ${meetingLimits.maxDurationHours} hours.`, 'endsAt');
    }
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

  // ---- minutes ----

  // ---- outcomes and action items ----
}
