import { ActionItemStatus, OutcomeKind } from '@hub/shared';
import DataLoader from 'dataloader';
import type { ParentPage } from '../../db/paginate';
import type { LoaderFactory } from '../../graphql/loaders';
import { byIdLoader, groupedLoader, partitionedLoader } from '../../graphql/loaders';
import type { Connection } from '../../graphql/relay';
import {
  AgendaItem,
  Meeting,
  MeetingInvitation,
  MeetingMinutes,
  MinutesRevision,
  Outcome,
} from './meeting.entity';
import { municipalitiesFirstMeetings, workingGroupsFirstMeetings } from './meeting.lists';

export const meetingById = byIdLoader(Meeting);
export const agendaItemById = byIdLoader(AgendaItem);
export const outcomeById = byIdLoader(Outcome);
export const minutesById = byIdLoader(MeetingMinutes);

export const agendaItemsByMeeting = groupedLoader(
  AgendaItem,
  'meetingId',
  (row) => row.meetingId,
  'position',
);
export const invitationsByMeeting = groupedLoader(
  MeetingInvitation,
  'meetingId',
  (row) => row.meetingId,
  'createdAt',
);
export const outcomesByMeeting = groupedLoader(Outcome, 'meetingId', (row) => row.meetingId, 'createdAt');
export const revisionsByMinutes = groupedLoader(
  MinutesRevision,
  'minutesId',
  (row) => row.minutesId,
  'revision',
);

/** The minutes of each meeting, or null while none were started. */
export const minutesByMeeting: LoaderFactory<string, MeetingMinutes | null> = (dataSource) =>
  new DataLoader(async (meetingIds) => {
    const rows = await dataSource
      .getRepository(MeetingMinutes)
      .createQueryBuilder('m')
      .where('m.meetingId = ANY(:ids)', { ids: [...meetingIds] })
      .getMany();
    const byMeeting = new Map(rows.map((row) => [row.meetingId, row]));
    return meetingIds.map((id) => byMeeting.get(id) ?? null);
  });

/**
 * The open action items that carry over into each meeting: those of earlier meetings of the same
 * group (or, without a group, of the same kind) whose minutes were published, until done or
 * dropped. One statement per batch of meetings.
 */
export const carriedActionItemsByMeeting: LoaderFactory<Meeting, Outcome[]> = (dataSource) =>
  new DataLoader(
    async (meetings) => {
      const rows = await dataSource
        .getRepository(Outcome)
        .createQueryBuilder('o')
        .innerJoin(Meeting, 'src', 'src.id = o.meetingId')
        .innerJoin(MeetingMinutes, 'mm', 'mm.meetingId = o.meetingId AND mm.publishedAt IS NOT NULL')
        .innerJoin(
          Meeting,
          'target',
          // Raw column names: TypeORM does not rewrite properties around IS NOT DISTINCT FROM.
          'target.id = ANY(:ids) AND target.kind = src.kind AND target.starts_at > src.starts_at ' +
            'AND target.working_group_id IS NOT DISTINCT FROM src.working_group_id',
          { ids: meetings.map((m) => m.id) },
        )
        .addSelect('target.id', 'target_id')
        .where('o.kind = :kind AND o.status IN (:...open)', {
          kind: OutcomeKind.ACTION_ITEM,
          open: [ActionItemStatus.OPEN, ActionItemStatus.IN_PROGRESS],
        })
        .andWhere('src.deletedAt IS NULL')
        .orderBy('o.dueDate', 'ASC')
        .addOrderBy('o.id', 'ASC')
        .getRawAndEntities();
      const byTarget = new Map<string, Outcome[]>();
      rows.raw.forEach((raw: { target_id: string; o_id: string }) => {
        const outcome = rows.entities.find((entity) => entity.id === raw.o_id);
        if (!outcome) return;
        const list = byTarget.get(raw.target_id) ?? [];
        if (!list.includes(outcome)) list.push(outcome);
        byTarget.set(raw.target_id, list);
      });
      return meetings.map((m) => byTarget.get(m.id) ?? []);
    },
    { cacheKeyFn: (meeting) => meeting.id },
  );

/** A first page of a working group's meetings: all of them, or the upcoming ones. */
export interface GroupMeetingsPage extends ParentPage {
  upcoming: boolean;
}

/** The first page of meetings of each municipality's people: two statements per batch. */
export const firstMeetingsByMunicipality = partitionedLoader<ParentPage, Connection<Meeting>>(
  () => 'all',
  (key) => `${key.parentId}:${key.first ?? ''}`,
  municipalitiesFirstMeetings,
);

/** The first page of each working group's meetings: two statements per batch (and list kind). */
export const firstMeetingsByWorkingGroup = partitionedLoader<GroupMeetingsPage, Connection<Meeting>>(
  (key) => String(key.upcoming),
  (key) => `${key.upcoming}:${key.parentId}:${key.first ?? ''}`,
  (dataSource, keys) => workingGroupsFirstMeetings(dataSource, keys[0].upcoming, keys),
);
