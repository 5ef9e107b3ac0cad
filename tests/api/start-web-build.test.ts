// A fresh clone's `pnpm start` (scripts/start.mjs) starts the API while the web app still builds:
// the API prepares the database meanwhile and opens its port only when start.mjs reports the web
// build done over the IPC channel; a failed web build ends the start with a clear message.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../support/api-process';
import type { TestDatabase } from '../support/db';
import { createTestDatabase } from '../support/db';

const root = path.join(__dirname, '../..');

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

async function startPending(db: TestDatabase): Promise<Started> {
  const port = await freePort();
  const { NODE_ENV: _inherited, ...env } = process.env;
  const child = spawn(
    process.execPath,
    [
      '--import',
      require.resolve('tsx', { paths: [path.join(root, 'packages/api')] }),
      'packages/api/src/main.ts',
      '--production',
    ],
    {
      cwd: root,
      env: {
        ...env,
        DATABASE_URL: db.url,
        PORT: String(port),
        HOST: '127.0.0.1',
        DEMO: 'false',
        LOG_LEVEL: 'info',
        HUB_WEB_BUILD: 'pending',
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, url: `http://127.0.0.1:${port}`, output: () => output, exited };
}

async function until(what: string, check: () => boolean, timeoutMs = 50_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const answers = (url: string) =>
  fetch(`${url}/readyz`)
    .then((response) => response.status)
    .catch(() => null);

describe('the API started while the web app builds', () => {
  let db: TestDatabase;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await db?.drop();
  });

  it('prepares the database, waits for the report and then opens its port', async () => {
    const started = await startPending(db);
    children.push(started.child);
    // The report may come at any moment, even before the API listens for it: here, at once.
    await until('the database to be prepared', () =>
      started.output().includes('the port opens when the web app is built'),
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await answers(started.url)).toBeNull();
    expect(started.child.exitCode).toBeNull();

    started.child.send({ webBuild: 'done' });
    await until('the port', () => started.output().includes('hub: http'));
    expect(await answers(started.url)).toBe(200);

    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
  }, 60_000);

  it('gets a report sent before it listens for one', async () => {
    const started = await startPending(db);
    children.push(started.child);
    started.child.send({ webBuild: 'done' });
    await until('the port', () => started.output().includes('hub: http'));
    expect(await answers(started.url)).toBe(200);
    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
  }, 60_000);

  it('ends with a clear message when the web build failed', async () => {
    const started = await startPending(db);
    children.push(started.child);
    started.child.send({ webBuild: 'failed' });
    expect(await started.exited).toBe(1);
    expect(started.output()).toContain('The hub could not start: the web app did not build');
  }, 60_000);
});
