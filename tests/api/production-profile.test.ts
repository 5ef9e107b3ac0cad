import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { profileFromArgs } from '../../packages/api/src/profile';
import type { TestDatabase } from '../support/db';
import { createTestDatabase } from '../support/db';

const root = path.join(__dirname, '../..');
const scripts = (file: string): Record<string, string> =>
  JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')).scripts;

describe('the profile a script runs in', () => {
  it('pnpm start runs the API with --production, pnpm dev with --development', () => {
    // The root script checks the build, then starts the API with --production (scripts/start.mjs).
    expect(scripts('package.json').start).toBe('node scripts/start.mjs');
    // From the API's bundle when there is one, else from its files (packages/api/scripts/build.mjs).
    const start = fs.readFileSync(path.join(root, 'scripts/start.mjs'), 'utf8');
    expect(start).toContain("[fs.existsSync(path.join(root, bundle)) ? bundle : API, '--production']");
    expect(start).toContain("const bundle = 'packages/api/dist/main.bundle.js'");
    expect(start).toContain("const API = 'packages/api/dist/main.js'");
    expect(scripts('packages/api/package.json').start).toBe('node dist/main.js --production');
    expect(scripts('package.json').dev).toBe('pnpm --filter @hub/api dev');
    expect(scripts('packages/api/package.json').dev).toBe('tsx watch src/main.ts --development');
  });

  it('takes the flag over NODE_ENV, and NODE_ENV without a flag', () => {
    expect(profileFromArgs(['--production'], undefined)).toBe('production');
    expect(profileFromArgs(['--production'], 'development')).toBe('production');
    expect(profileFromArgs(['--development'], 'production')).toBe('development');
    expect(profileFromArgs([], 'production')).toBe('production');
    expect(profileFromArgs([], undefined)).toBeUndefined();
  });
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the API process started with --production (what pnpm start runs)', () => {
  let db: TestDatabase;
  let child: ChildProcess;
  let url: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const { NODE_ENV: _inherited, ...env } = process.env;
    child = spawn(
      path.join(root, 'packages/api/node_modules/.bin/tsx'),
      [path.join(root, 'packages/api/src/main.ts'), '--production'],
      {
        env: {
          ...env,
          DATABASE_URL: db.url,
          PORT: String(port),
          HOST: '127.0.0.1',
          DEMO: 'false',
          LOG_LEVEL: 'silent',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`API did not start:\n${output}`)), 50_000);
      const listen = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('hub: http')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', listen);
      child.stderr?.on('data', listen);
      child.once('exit', (code) => reject(new Error(`API exited with ${code}:\n${output}`)));
    });
  }, 60_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await db?.drop();
  });

  const gql = async (query: string) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-csrf': '1' },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as {
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    };
  };

  it('refuses introspection to anonymous clients', async () => {
    const result = await gql('{ __schema { queryType { name } } }');
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('gives no field suggestions and no stack traces', async () => {
    const result = await gql('{ viewr { id } }');
    expect(result.errors?.length).toBeGreaterThan(0);
    const text = JSON.stringify(result);
    expect(text).not.toMatch(/Did you mean|viewer/);
    expect(text).not.toMatch(/stacktrace|\.ts:\d+/);
  });

  // Last: it stops the process the tests above use.
  it('stops at once and cleanly on SIGTERM (Apollo raced main.ts with its own signal handler, and the stop hung until the force exit after 15 s)', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const started = Date.now();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
