import type { DataSource } from 'typeorm';
import type { PageArgs, SortKey } from '../../db/paginate';
import { paginate } from '../../db/paginate';
import type { Connection } from '../../graphql/relay';
import { Meeting } from './meeting.entity';

const LATEST_FIRST: SortKey<Meeting>[] = [
  { expression: 'm.startsAt', direction: 'DESC', type: 'timestamp', value: (m) => m.startsAt },
  { expression: 'm.id', direction: 'DESC', type: 'uuid', value: (m) => m.id },
];
const SOONEST_FIRST: SortKey<Meeting>[] = [
  { expression: 'm.startsAt', direction: 'ASC', type: 'timestamp', value: (m) => m.startsAt },
  { expression: 'm.id', direction: 'ASC', type: 'uuid', value: (m) => m.id },
];

/** Meetings people of the municipality are invited to, latest first: two statements (page and count). */
export function municipalityMeetings(
  dataSource: DataSource,
  municipalityId: string,
  page: PageArgs,
): Promise<Connection<Meeting>> {
  const query = dataSource
    .getRepository(Meeting)
    .createQueryBuilder('m')
    .where(
      'EXISTS (SELECT 1 FROM meeting_invitation i WHERE i.meeting_id = m.id AND i.municipality_id = :municipalityId)',
      { municipalityId },
    );
  return paginate(query, page, LATEST_FIRST);
}

/**
 * A working group's meetings: upcoming ones (not over, not cancelled) soonest first, or all of them
 * latest first. Two statements (page and count).
 */
export function workingGroupMeetings(
  dataSource: DataSource,
  workingGroupId: string,
  upcoming: boolean,
  page: PageArgs,
): Promise<Connection<Meeting>> {
  const query = dataSource
    .getRepository(Meeting)
    .createQueryBuilder('m')
    .where('m.workingGroupId = :workingGroupId', { workingGroupId });
  if (!upcoming) return paginate(query, page, LATEST_FIRST);
  query.andWhere('m.endsAt > :now AND NOT m.cancelled', { now: new Date() });
  return paginate(query, page, SOONEST_FIRST);
}
