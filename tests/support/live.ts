// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are untyped JSON here; the tests assert their shapes.
import { createSession } from '../../packages/api/src/modules/auth/session.service';
import type { User } from '../../packages/api/src/modules/users/user.entity';
import type { ApiProcess } from './api-process';
import { collect, liveClient, startApiProcess } from './api-process';
import type { TestDatabase } from './db';
import { createTestDatabase } from './db';

/** An answer over HTTP, as a second browser tab would get it. */
export interface HttpAnswer {
  data?: Record<string, any>;
  errors?: { extensions?: { code?: string } }[];
}

/**
 * The setting of the live tests: one test database and two real API processes on it, A and B, so
 * that what is written through A must reach a socket on B (LISTEN/NOTIFY across processes).
 */
export interface TwoApiProcesses {
  db: TestDatabase;
  a: ApiProcess;
  b: ApiProcess;
  /** A session token of `user`, as the sign-in would set it in the cookie. */
  session(user: User): Promise<string>;
  /** A query or mutation over HTTP to `api` with `token`'s session (CSRF header included). */
  gql(
    api: ApiProcess,
    token: string,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<HttpAnswer>;
}

/**
 * Starts the database and both processes before the file's tests (call it at the top of the file,
 * before the file's own `beforeAll`, which then finds `db` ready) and stops them after.
 */
export function useTwoApiProcesses(): TwoApiProcesses {
  const live = {
    async session(user: User) {
      return (await createSession(live.db.dataSource.manager, user.id)).token;
    },
    async gql(api: ApiProcess, token: string, query: string, variables: Record<string, unknown> = {}) {
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-csrf': '1', cookie: `hub_session=${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as HttpAnswer;
    },
  } as TwoApiProcesses;
  beforeAll(async () => {
    live.db = await createTestDatabase();
    [live.a, live.b] = await Promise.all([startApiProcess(live.db.url), startApiProcess(live.db.url)]);
  }, 180_000);
  afterAll(async () => {
    await Promise.all([live.a?.stop(), live.b?.stop()]);
    await live.db?.drop();
  });
  return live;
}

/**
 * Subscribes without a session and waits for the socket to close: the code it was closed with
 * (4403: no socket without a session) and what it received before (nothing, if it is right).
 */
export async function subscribeWithoutSession(
  api: ApiProcess,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ closedWith: number | null; received: unknown[] }> {
  let closedWith: number | null = null;
  const client = liveClient(api.url, null, {
    onClosed: (code) => {
      closedWith = code;
    },
  });
  const { collected, dispose } = collect(client, query, variables);
  const until = Date.now() + 5_000;
  while (closedWith === null && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
  dispose();
  await client.dispose();
  return { closedWith, received: collected.values };
}
