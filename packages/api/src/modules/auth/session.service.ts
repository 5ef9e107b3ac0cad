import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { limits, UserStatus } from '@hub/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { entityFromColumns } from '../../db/entity-from-columns';
import { queryPrepared } from '../../db/prepared-statement';
import { User } from '../users';
import { Session } from './session.entity';

export const SESSION_COOKIE = 'hub_session';

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export const newToken = () => randomBytes(32).toString('base64url');

const HOUR = 3600_000;

const browsers: [RegExp, string][] = [
  [/Edg\//, 'Edge'],
  [/Firefox\//, 'Firefox'],
  [/(Chrome|Chromium|CriOS)\//, 'Chrome'],
  [/Safari\//, 'Safari'],
];
const systems: [RegExp, string][] = [
  [/Android/, 'Android'],
  [/iPhone|iPad|iOS/, 'iOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux|X11/, 'Linux'],
];

/**
 * The browser and system family of a User-Agent header ("Firefox / Linux"), nothing finer: enough
 * for a person to recognise their sessions, too coarse to fingerprint anyone (data minimisation).
 */
export function coarseClient(userAgent: string | null | undefined): string | null {
  if (!userAgent) return null;
  const browser = browsers.find(([pattern]) => pattern.test(userAgent))?.[1] ?? 'anderer Browser';
  const system = systems.find(([pattern]) => pattern.test(userAgent))?.[1] ?? 'anderes System';
  return `${browser} / ${system}`;
}

/** Creates a session for the user and returns the token for the cookie. */
export async function createSession(
  manager: EntityManager,
  userId: string,
  client: string | null = null,
): Promise<{ token: string; session: Session }> {
  const token = newToken();
  const now = new Date();
  const session = manager.create(Session, {
    id: sha256(token),
    userId,
    lastSeenAt: now,
    client,
    expiresAt: new Date(now.getTime() + limits.sessionMaxHours * HOUR),
  });
  await manager.insert(Session, session);
  return { token, session };
}

/**
 * Finds the live session and its active user for a cookie token; refreshes `lastSeenAt` at most
 * every five minutes so that reads rarely write.
 */
export async function resumeSession(
  dataSource: DataSource,
  token: string,
): Promise<{ session: Session; user: User } | null> {
  const id = sha256(token);
  const [row]: Record<string, unknown>[] = await queryPrepared(dataSource, liveSessionStatement(dataSource), [
    id,
    limits.sessionIdleHours,
    UserStatus.ACTIVE,
  ]);
  if (!row) return null;
  const session = entityFromColumns(dataSource, Session, row, 's_');
  const user = entityFromColumns(dataSource, User, row, 'u_');
  session.user = user;
  if (Date.now() - session.lastSeenAt.getTime() > 5 * 60_000) {
    await dataSource.getRepository(Session).update(id, { lastSeenAt: new Date() });
  }
  return { session, user };
}

/**
 * The statement that finds a live session with its active user ($1 the session id, $2 the idle
 * hours, $3 the active status), with the columns of both (`s_…`, `u_…`): every signed-in request
 * sends it, so its text is built once per data source instead of by a query builder per request.
 */
const liveSessionStatements = new WeakMap<DataSource, string>();
function liveSessionStatement(dataSource: DataSource): string {
  let statement = liveSessionStatements.get(dataSource);
  if (!statement) {
    const columns = (target: typeof Session | typeof User) =>
      dataSource
        .getMetadata(target)
        .columns.filter((column) => column.isSelect)
        .map((column) => column.databaseName);
    const session = columns(Session);
    const user = columns(User);
    const select = [
      ...session.map((name) => `s."${name}" AS "s_${name}"`),
      ...user.map((name) => `u."${name}" AS "u_${name}"`),
    ].join(', ');
    statement = `SELECT ${select} FROM "${dataSource.getMetadata(Session).tablePath}" s
        JOIN "${dataSource.getMetadata(User).tablePath}" u ON u.id = s.user_id
        WHERE s.id = $1 AND s.expires_at > now() AND s.last_seen_at > now() - make_interval(hours => $2)
          AND u.status = $3`;
    liveSessionStatements.set(dataSource, statement);
  }
  return statement;
}

export async function endSession(manager: EntityManager, token: string): Promise<void> {
  await manager.delete(Session, { id: sha256(token) });
}

/** Ends every session of the user (sign-out everywhere, deactivation, password reset). */
export async function endAllSessions(manager: EntityManager, userId: string): Promise<void> {
  await manager.delete(Session, { userId });
}

/** A cookie's value from the Cookie header, or null. */
export function readCookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** The session cookie's token and, when it is live, its session and user: GraphQL and plain routes alike. */
export async function sessionFromRequest(
  dataSource: DataSource,
  req: IncomingMessage,
): Promise<{ token: string | null; resumed: { session: Session; user: User } | null }> {
  const token = readCookie(req.headers.cookie, SESSION_COOKIE);
  return { token, resumed: token ? await resumeSession(dataSource, token) : null };
}
