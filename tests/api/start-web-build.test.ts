// A fresh clone's `pnpm start` (scripts/start.mjs) starts the API while the web app still builds:
// the API prepares the database meanwhile and opens its port only when start.mjs reports the web
// build done over the IPC channel; a failed web build ends the start with a clear message.
import type { ChildProcess } from 'node:child_process';
import { type SpawnedApi, spawnApiProcess } from '../support/api-process';
import type { TestDatabase } from '../support/db';
import { createTestDatabase } from '../support/db';
import { until } from '../support/until';

const answers = (url: string) =>
  fetch(`${url}/readyz`)
    .then((response) => response.status)
    .catch(() => null);

/** The port opens and answers; SIGTERM then stops the API cleanly. */
async function opensAndStops(started: SpawnedApi): Promise<void> {
  await until('the port', () => started.output().includes('hub: http'));
  expect(await answers(started.url)).toBe(200);
  started.child.kill('SIGTERM');
  expect(await started.exited).toBe(0);
}

describe('the API started while the web app builds', () => {
  let db: TestDatabase;
  const children: ChildProcess[] = [];

  /** The API as start.mjs starts it before the web build is done (stopped after the tests if need be). */
  async function startPending(): Promise<SpawnedApi> {
    const started = await spawnApiProcess(
      db.url,
      { LOG_LEVEL: 'info', HUB_WEB_BUILD: 'pending' },
      { profile: '--production', ipc: true },
    );
    children.push(started.child);
    return started;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    await db?.drop();
  });

  it('prepares the database, waits for the report and then opens its port', async () => {
    const started = await startPending();
    // No port while the database is prepared and the report has not come.
    await until('the database to be prepared', () =>
      started.output().includes('the port opens when the web app is built'),
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await answers(started.url)).toBeNull();
    expect(started.child.exitCode).toBeNull();

    started.child.send({ webBuild: 'done' });
    await opensAndStops(started);
  }, 60_000);

  it('gets a report sent before it listens for one', async () => {
    const started = await startPending();
    // The report may come at any moment, even before the API listens for it: here, at once.
    started.child.send({ webBuild: 'done' });
    await opensAndStops(started);
  }, 60_000);

  it('reports that the hub is up once its port answers (start.mjs builds the bundle only then)', async () => {
    const started = await spawnApiProcess(
      db.url,
      { LOG_LEVEL: 'info' },
      { profile: '--production', ipc: true },
    );
    children.push(started.child);
    const messages: unknown[] = [];
    let statusWhenUp: number | null = null;
    started.child.on('message', (message) => {
      messages.push(message);
      void answers(started.url).then((status) => {
        statusWhenUp ??= status;
      });
    });
    await until('the report', () => statusWhenUp !== null);
    expect(messages).toEqual([{ hub: 'up' }]);
    expect(statusWhenUp).toBe(200);
    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
  }, 60_000);

  it('ends with a clear message when the web build failed', async () => {
    const started = await startPending();
    started.child.send({ webBuild: 'failed' });
    expect(await started.exited).toBe(1);
    expect(started.output()).toContain('The hub could not start: the web app did not build');
  }, 60_000);
});
