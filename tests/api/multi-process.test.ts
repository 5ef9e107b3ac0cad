import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import path from 'node:path';
import { Role } from '@hub/shared';
import type { TestDatabase } from '../support/db';
import { createTestDatabase } from '../support/db';
import { buildUser } from '../support/factories';

/**
 * Two API processes, started as production starts them, on one database: what one process
 * learns (a session, a change, a sign-out) the other knows at once, because it lives in PostgreSQL.
 */
const PASSWORD = 'Zwei-Prozesse-2026';
const api = path.join(__dirname, '../../packages/api');

async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface ApiProcess {
  url: string;
  child: ChildProcess;
}

async function startApi(databaseUrl: string): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', '--production'], {
    cwd: api,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) return { url, child };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the API did not become ready');
}

async function gql(
  target: ApiProcess,
  query: string,
  variables: Record<string, unknown> = {},
  cookie?: string,
): Promise<{ body: { data?: Record<string, any>; errors?: unknown[] }; cookie: string | undefined }> {
  const response = await fetch(`${target.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-csrf': '1', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const session = response.headers
    .getSetCookie()
    .find((line) => line.startsWith('hub_session='))
    ?.split(';')[0];
  return { body: (await response.json()) as never, cookie: session };
}

let db: TestDatabase;
let a: ApiProcess;
let b: ApiProcess;
let email: string;
let name: string;

beforeAll(async () => {
  db = await createTestDatabase();
  ({ email, name } = await buildUser(db.dataSource, { role: Role.OFFICER, password: PASSWORD }));
  [a, b] = await Promise.all([startApi(db.url), startApi(db.url)]);
}, 180_000);

afterAll(async () => {
  for (const target of [a, b]) {
    if (target?.child.exitCode === null) {
      target.child.kill('SIGTERM');
      await once(target.child, 'exit');
    }
  }
  await db?.drop();
});

describe('two API processes on one database', () => {
  it('share sessions, writes and sign-outs', async () => {
    const signIn = await gql(
      a,
      'mutation($input: SignInInput!) { signIn(input: $input) { viewer { name } userErrors { code } } }',
      { input: { email, password: PASSWORD } },
    );
    expect(signIn.body.data?.signIn.viewer.name).toBe(name);
    const cookie = signIn.cookie;
    expect(cookie).toBeDefined();

    // Signed in on A, known on B.
    const viewerOnB = await gql(b, '{ viewer { name } }', {}, cookie);
    expect(viewerOnB.body.data?.viewer.name).toBe(name);

    // Written on B, read on A (and the other way round).
    const created = await gql(
      b,
      'mutation($input: CreateProjectInput!) { createProject(input: $input) { project { id title } userErrors { code } } }',
      { input: { title: 'Zwei Prozesse, ein Projekt', category: 'ADMINISTRATION' } },
      cookie,
    );
    expect(created.body.data?.createProject.userErrors).toEqual([]);
    const id = created.body.data?.createProject.project.id;
    const readOnA = await gql(a, 'query($id: ID!) { project(id: $id) { title } }', { id }, cookie);
    expect(readOnA.body.data?.project.title).toBe('Zwei Prozesse, ein Projekt');

    const updated = await gql(
      a,
      'mutation($input: UpdateProjectInput!) { updateProject(input: $input) { userErrors { code } } }',
      { input: { id, title: 'Zwei Prozesse, geändert' } },
      cookie,
    );
    expect(updated.body.data?.updateProject.userErrors).toEqual([]);
    const readOnB = await gql(b, 'query($id: ID!) { project(id: $id) { title } }', { id }, cookie);
    expect(readOnB.body.data?.project.title).toBe('Zwei Prozesse, geändert');

    // Signed out on B: the session is gone on A too.
    await gql(b, 'mutation { signOut { success } }', {}, cookie);
    const afterSignOut = await gql(a, '{ viewer { name } }', {}, cookie);
    expect(afterSignOut.body.data?.viewer).toBeNull();
  }, 60_000);
});
