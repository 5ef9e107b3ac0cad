import { MinutesStatus } from '@hub/shared';
import type { EntityManager } from 'typeorm';
import { forbidden } from '../../graphql/errors';
import { maybeIdOf } from '../../graphql/relay';
import { fail } from '../../graphql/user-error';
import {
  AgendaItem,
  Meeting,
  MeetingInvitation,
  MeetingMinutes,
  MinutesRevision,
  Outcome,
  type OutcomeSnapshot,
} from './meeting.entity';
import type { SaveMinutesInput } from './meeting.inputs';
import type { MeetingState } from './meeting.policy';
import { meetingPolicy } from './meeting.policy';
import { MeetingServiceBase } from './meeting.service';
import { meetingStateIn } from './meeting.state';

/** The minutes of a meeting: drafting, submitting, approval by a second person, publication and corrections. */
export class MinutesService extends MeetingServiceBase {
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
    // The invitees hear of it from the notifications module (in the app, by e-mail as each chose).
    const invitees = await m.countBy(MeetingInvitation, { meetingId: meeting.id });
    await this.audit(m, 'minutes.publish', 'MeetingMinutes', minutes.id, {
      revision: minutes.revision,
      notified: invitees,
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
}
