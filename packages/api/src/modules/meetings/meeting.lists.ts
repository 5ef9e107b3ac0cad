import type { DataSource } from 'typeorm';
import type { PageArgs, ParentPage, SortKey } from '../../db/paginate';
import { firstPagesByParent, paginate } from '../../db/paginate';
import type { Connection } from '../../graphql/relay';
import { idOf } from '../../graphql/relay';
import type { User } from '../users';
import { Meeting } from './meeting.entity';
import type { MeetingFilter } from './meeting.inputs';

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

/** The first page of meetings (latest first) people of each municipality are invited to: two statements. */
export function municipalitiesFirstMeetings(
  dataSource: DataSource,
  pages: readonly ParentPage[],
): Promise<(Connection<Meeting> | Error)[]> {
  const query = dataSource
    .getRepository(Meeting)
    .createQueryBuilder('m')
    .innerJoin(
      '(SELECT DISTINCT meeting_id, municipality_id FROM meeting_invitation)',
      'link',
      'link.meeting_id = m.id',
    );
  return firstPagesByParent(query, 'link.municipality_id', pages, LATEST_FIRST);
}

/** The first page of each working group's meetings, as in workingGroupMeetings: two statements. */
export function workingGroupsFirstMeetings(
  dataSource: DataSource,
  upcoming: boolean,
  pages: readonly ParentPage[],
): Promise<(Connection<Meeting> | Error)[]> {
  const query = dataSource.getRepository(Meeting).createQueryBuilder('m');
  if (!upcoming) return firstPagesByParent(query, 'm.workingGroupId', pages, LATEST_FIRST);
  query.where('m.endsAt > :now AND NOT m.cancelled', { now: new Date() });
  return firstPagesByParent(query, 'm.workingGroupId', pages, SOONEST_FIRST);
}

/** The meetings query: meetings in start order, filtered (invitedOnly: the viewer's invitations). */
export function filteredMeetings(
  dataSource: DataSource,
  viewer: User,
  filter: MeetingFilter | null,
  page: PageArgs,
): Promise<Connection<Meeting>> {
  const query = dataSource.getRepository(Meeting).createQueryBuilder('m');
  if (filter?.kind) query.andWhere('m.kind = :kind', { kind: filter.kind });
  if (filter?.workingGroupId)
    query.andWhere('m.workingGroupId = :groupId', {
      groupId: idOf(filter.workingGroupId, 'WorkingGroup', 'workingGroupId'),
    });
  if (filter?.from) query.andWhere('m.endsAt > :from', { from: filter.from });
  if (filter?.to) query.andWhere('m.startsAt < :to', { to: filter.to });
  if (filter?.invitedOnly) {
    query.andWhere(
      'EXISTS (SELECT 1 FROM meeting_invitation i WHERE i.meeting_id = m.id AND i.user_id = :viewerId)',
      { viewerId: viewer.id },
    );
  }
  return paginate(query, page, [
    { expression: 'm.startsAt', direction: 'ASC', type: 'timestamp', value: (m) => m.startsAt },
    { expression: 'm.id', direction: 'ASC', type: 'uuid', value: (m) => m.id },
  ]);
}
