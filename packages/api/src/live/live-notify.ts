import type { EntityManager } from 'typeorm';

/** The PostgreSQL channel of live changes; every API process listens on it. */
export const LIVE_CHANNEL = 'hub_live';

/** The channel every committed write of public data is announced on (migration PublicDataChangeNotify). */
export const PUBLIC_DATA_CHANNEL = 'hub_public_data';

/** The channel the `session` table's trigger announces ended sessions on. */
export const SESSION_END_CHANNEL = 'hub_session_end';

/**
 * Announces a change on `topic` to every API process, from inside the change's transaction:
 * PostgreSQL delivers the notification only when (and if) the transaction commits, and in
 * commit order. Subscribers then read what changed from the database, so the payload stays small.
 */
export async function notifyLive(manager: EntityManager, topic: string): Promise<void> {
  await manager.query('SELECT pg_notify($1, $2)', [LIVE_CHANNEL, topic]);
}

/** Announces changes on several topics at once (one statement), from inside the change's transaction. */
export async function notifyLiveTopics(manager: EntityManager, topics: string[]): Promise<void> {
  if (!topics.length) return;
  await manager.query('SELECT pg_notify($1, topic) FROM unnest($2::text[]) AS topic', [LIVE_CHANNEL, topics]);
}
