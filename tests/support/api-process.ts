import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

const ROOT = path.resolve(__dirname, '..', '..');
const MAIN = path.join(ROOT, 'packages', 'api', 'src', 'main.ts');
const TSX = require.resolve('tsx', { paths: [path.join(ROOT, 'packages', 'api')] });

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** An API process of its own (src/main.ts through tsx) on a database shared with others. */
export interface ApiProcess {
  url: string;
  port: number;
  output(): string;
  stop(): Promise<void>;
}

/** An API process just spawned (src/main.ts through tsx): its output so far and its end. */
export interface SpawnedApi {
  child: ChildProcess;
  port: number;
  url: string;
  output(): string;
  exited: Promise<number | null>;
}

/**
 * Spawns the real API against `databaseUrl` on a free port without waiting for it; `profile` is its
 * flag, `ipc` opens the channel `pnpm start` talks to it over.
 */
export async function spawnApiProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
  options: { profile?: '--development' | '--production'; ipc?: boolean } = {},
): Promise<SpawnedApi> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', TSX, MAIN, options.profile ?? '--development'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: databaseUrl,
        DEMO: 'false',
        LOG_LEVEL: 'warn',
        DB_POOL_SIZE: '4',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe', ...(options.ipc ? (['ipc'] as const) : [])],
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
  return { child, port, url: `http://127.0.0.1:${port}`, output: () => output, exited };
}

/** Starts the real API (as `pnpm dev` would, without watching) against `databaseUrl` and waits for /readyz. */
export async function startApiProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<ApiProcess> {
  const { child, port, url, output, exited: ended } = await spawnApiProcess(databaseUrl, env);
  let exitCode: number | null | undefined;
  const exited = ended.then((code) => {
    exitCode = code;
  });
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exitCode !== undefined) throw new Error(`the API process exited (${exitCode}):\n${output()}`);
    const response = await fetch(`${url}/readyz`).catch(() => null);
    if (response?.status === 200) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the API process did not get ready:\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    port,
    output,
    async stop() {
      if (exitCode !== undefined) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** A graphql-ws client on `baseUrl`'s /graphql, sending the session cookie like a browser. */
export function liveClient(
  baseUrl: string,
  sessionToken: string | null,
  options: { retryAttempts?: number; onClosed?: (code: number, reason: string) => void } = {},
): Client {
  const headers: Record<string, string> = sessionToken ? { cookie: `hub_session=${sessionToken}` } : {};
  class CookieWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  return createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: CookieWebSocket,
    retryAttempts: options.retryAttempts ?? 0,
    lazy: false,
    // A refused or closed socket is asserted through `onClosed`, not printed.
    onNonLazyError: () => undefined,
    on: {
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        options.onClosed?.(code, String(reason));
      },
    },
  });
}

/** Collects what a subscription sends, for assertions that wait. */
export class Collected<T> {
  readonly values: T[] = [];
  errors: unknown[] = [];
  completed = false;

  async until(what: string, check: (values: T[]) => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check(this.values)) {
      if (Date.now() > deadline)
        throw new Error(
          `timed out waiting for ${what}; got ${JSON.stringify(this.values)} ${JSON.stringify(this.errors)}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/** Subscribes and collects until disposed. */
export function collect<T>(client: Client, query: string, variables: Record<string, unknown>) {
  const collected = new Collected<T>();
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        if (value.errors) collected.errors.push(...value.errors);
        if (value.data) collected.values.push(value.data as T);
      },
      error: (error) => collected.errors.push(error),
      complete: () => {
        collected.completed = true;
      },
    },
  );
  return { collected, dispose };
}
