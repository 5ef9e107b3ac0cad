import { ActionItemStatus, OutcomeKind } from '@hub/shared';
import type { EntityManager } from 'typeorm';
import { forbidden, notFound } from '../../graphql/errors';
import { maybeIdOf } from '../../graphql/relay';
import { fail } from '../../graphql/user-error';
import { municipalityExists } from '../municipalities';
import { readableProjectIds } from '../projects';
import { personExists } from '../users';
import { AgendaItem, Meeting, Outcome } from './meeting.entity';
import type { AddOutcomeInput, UpdateActionItemInput } from './meeting.inputs';
import { meetingPolicy } from './meeting.policy';
import { isRealDate, MeetingServiceBase, todayInBerlin } from './meeting.service';
import { meetingStateIn } from './meeting.state';

/** Outcomes of a meeting's agenda items: decisions, information and action items with owner and due date. */
export class OutcomeService extends MeetingServiceBase {
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
