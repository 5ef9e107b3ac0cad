import { UserStatus } from '@hub/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { IsNull } from 'typeorm';
import { newToken, sha256 } from '../auth';
import { emitDomainEvent } from '../events';
import { User } from '../users';
import { CalendarFeed, Meeting, MeetingInvitation } from './meeting.entity';

/** How far back the personal feed reaches. */
const FEED_HISTORY_DAYS = 365;

/** Creates a new secret feed for the person; earlier feeds stop working. Returns the token once. */
export async function createCalendarFeed(m: EntityManager, user: User, requestId: string): Promise<string> {
  await m.update(CalendarFeed, { userId: user.id, revokedAt: IsNull() }, { revokedAt: new Date() });
  const token = newToken();
  const feed = await m.save(m.create(CalendarFeed, { userId: user.id, tokenHash: sha256(token) }));
  await emitDomainEvent(m, {
    actorId: user.id,
    type: 'calendar_feed.create',
    subjectType: 'CalendarFeed',
    subjectId: feed.id,
    payload: null,
    requestId,
  });
  return token;
}

/** Revokes every feed of the person; returns how many were active. */
export async function revokeCalendarFeeds(m: EntityManager, user: User, requestId: string): Promise<number> {
  const result = await m.update(
    CalendarFeed,
    { userId: user.id, revokedAt: IsNull() },
    { revokedAt: new Date() },
  );
  await emitDomainEvent(m, {
    actorId: user.id,
    type: 'calendar_feed.revoke',
    subjectType: 'CalendarFeed',
    subjectId: null,
    payload: null,
    requestId,
  });
  return result.affected ?? 0;
}

/** The active person behind a feed token, or null when the token is unknown or revoked. */
export async function feedOwner(dataSource: DataSource, token: string): Promise<User | null> {
  return dataSource
    .getRepository(User)
    .createQueryBuilder('u')
    .innerJoin(CalendarFeed, 'f', 'f.userId = u.id AND f.revokedAt IS NULL AND f.tokenHash = :hash', {
      hash: sha256(token),
    })
    .where('u.status = :active', { active: UserStatus.ACTIVE })
    .getOne();
}

/** Meetings the person is invited to or organises, cancelled ones included (so clients drop them). */
export async function meetingsForFeed(dataSource: DataSource, userId: string): Promise<Meeting[]> {
  return dataSource
    .getRepository(Meeting)
    .createQueryBuilder('m')
    .where(
      `(m.organizerId = :userId OR EXISTS (SELECT 1 FROM ${dataSource.getMetadata(MeetingInvitation).tableName} i WHERE i.meeting_id = m.id AND i.user_id = :userId))`,
      { userId },
    )
    .andWhere(`m.endsAt > now() - make_interval(days => :days)`, { days: FEED_HISTORY_DAYS })
    .orderBy('m.startsAt', 'ASC')
    .getMany();
}
