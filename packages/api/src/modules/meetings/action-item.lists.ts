import { limits, OutcomeKind, openActionItemStatuses } from '@hub/shared';
import type { DataSource } from 'typeorm';
import type { PageArgs } from '../../db/paginate';
import { paginate } from '../../db/paginate';
import type { Connection } from '../../graphql/relay';
import { idOf } from '../../graphql/relay';
import type { User } from '../users';
import { Meeting, MeetingMinutes, Outcome } from './meeting.entity';
import { type ActionItemFilter, ActionItemScope } from './meeting.inputs';
import { todayInBerlin } from './meeting.service';

/**
 * The sort value of an action item without a due date: the last day the API accepts, so no date
 * sorts after it and its cursor passes the same date check as any other.
 */
const NO_DUE_DATE = `${limits.dateTime.maxYear}-12-31`;

/**
 * The action-item board: action items of published minutes, overdue first (by due date). Without a
 * filter: the viewer's and their municipality's open ones. Two statements (page and count).
 */
export function actionItemBoard(
  dataSource: DataSource,
  viewer: User,
  filter: ActionItemFilter | null,
  page: PageArgs,
): Promise<Connection<Outcome>> {
  const scope = filter?.scope ?? ActionItemScope.MINE;
  const statuses = filter?.statuses?.length ? filter.statuses : [...openActionItemStatuses];
  const query = dataSource
    .getRepository(Outcome)
    .createQueryBuilder('o')
    .innerJoin(Meeting, 'mt', 'mt.id = o.meetingId AND mt.deletedAt IS NULL')
    .innerJoin(MeetingMinutes, 'mm', 'mm.meetingId = o.meetingId AND mm.publishedAt IS NOT NULL')
    .where('o.kind = :kind AND o.status IN (:...statuses)', { kind: OutcomeKind.ACTION_ITEM, statuses });
  const municipalityId = viewer.municipalityId ?? '00000000-0000-0000-0000-000000000000';
  if (scope === ActionItemScope.MINE) {
    query.andWhere('(o.ownerUserId = :viewerId OR o.ownerMunicipalityId = :municipalityId)', {
      viewerId: viewer.id,
      municipalityId,
    });
  } else if (scope === ActionItemScope.MY_MUNICIPALITY) {
    query.andWhere('o.ownerMunicipalityId = :municipalityId', { municipalityId });
  }
  if (filter?.workingGroupId)
    query.andWhere('mt.workingGroupId = :groupId', {
      groupId: idOf(filter.workingGroupId, 'WorkingGroup', 'workingGroupId'),
    });
  if (filter?.overdue) query.andWhere('o.dueDate < :today', { today: todayInBerlin() });
  return paginate(query, page, [
    // Never NULL (keyset comparisons with NULL drop rows): no due date sorts last.
    {
      expression: `COALESCE(o.dueDate, DATE '${NO_DUE_DATE}')`,
      direction: 'ASC',
      type: 'date',
      value: (o) => o.dueDate ?? NO_DUE_DATE,
    },
    { expression: 'o.id', direction: 'ASC', type: 'uuid', value: (o) => o.id },
  ]);
}
