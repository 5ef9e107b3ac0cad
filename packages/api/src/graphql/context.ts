import type { Response } from 'express';
import type { DataSource, EntityManager } from 'typeorm';
import type { Config } from '../config';
import { holdingConnection } from '../db/connection-guard';
import type { AfterCommitJobs } from '../jobs/after-commit';
import type { LiveHub } from '../live/live-hub';
import type { PublicDataMemo } from '../live/public-data-memo';
import type { Logger } from '../logger';
import type { Session } from '../modules/auth/session.entity';
import type { MailDelivery } from '../modules/mail/mail-delivery';
import type { User } from '../modules/users/user.entity';
import type { Loaders } from './loaders';
import type { UserError } from './user-error';
import { UserErrors } from './user-error';

/** Everything a resolver may use for one request. */
export interface Context {
  requestId: string;
  viewer: User | null;
  session: Session | null;
  /** The raw session token from the cookie (to sign out this session). */
  sessionToken: string | null;
  ip: string;
  /** The request's User-Agent header, if any (only its coarse family is ever stored). */
  userAgent?: string | null;
  loaders: Loaders;
  dataSource: DataSource;
  config: Config;
  mail: MailDelivery;
  /** Jobs queued after every committed mutation (taking the new domain events). */
  afterCommit: AfterCommitJobs;
  log: Logger;
  /** Set or clear cookies; absent outside HTTP (e.g. subscriptions). */
  response: Response | null;
  /** The process's live updates (subscriptions); absent where none run. */
  live?: LiveHub;
  /** Results computed from public data only, kept until a write (absent when the cache is off). */
  publicMemo?: PublicDataMemo;
}

export interface MutationOutcome<T> {
  result: T | null;
  userErrors: UserError[];
}

/**
 * Runs a mutation's work in one transaction. `UserErrors` thrown inside roll it back and come
 * back as userErrors; anything else propagates. Queued e-mail is delivered after the commit.
 * The work must do all its SQL through `manager`: it holds a pool connection, and asking the pool
 * for a second one (`ctx.dataSource`, `ctx.loaders`) can wait forever when the pool is busy.
 */
export async function inTransaction<T>(
  ctx: Context,
  work: (manager: EntityManager) => Promise<T>,
): Promise<MutationOutcome<T>> {
  try {
    const result = await ctx.dataSource.transaction((manager) =>
      holdingConnection('a mutation transaction', () => work(manager)),
    );
    ctx.mail.flushSoon();
    ctx.afterCommit.queueSoon();
    return { result, userErrors: [] };
  } catch (error) {
    if (error instanceof UserErrors) return { result: null, userErrors: error.errors };
    throw error;
  }
}
