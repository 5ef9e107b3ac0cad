/**
 * `pnpm bench load`: concurrent clients on a mix of reads and writes (sign-ins with right and
 * wrong passwords, profile changes, reset requests, /readyz) for a fixed time, against the API
 * started as production runs it (NODE_ENV=production, demo data, its own process, loopback only).
 * Prints requests per second, p50/p99 overall and per kind, errors, answers refused by the rate
 * limits, and the API's memory (RSS, heap) before and after.
 *   BENCH_CLIENTS (default 16) concurrent clients, BENCH_SECONDS (default 20) of load.
 *   DATABASE_URL=postgres://… a scratch database on that server; otherwise a temporary embedded one.
 */
import 'reflect-metadata';
import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import path from 'node:path';
import { Role, UserStatus } from '@hub/shared';
import { createDataSource } from '../db/data-source';
import { hashPassword } from '../modules/auth/password';
import { Municipality } from '../modules/municipalities/municipality.entity';
import { User } from '../modules/users/user.entity';
import { percentile, runIfMain, withScratchDatabase } from './harness';

const PASSWORD = 'Last-Test-Passwort-2026';
const USERS_PER_CLIENT = 4;

const QUERIES = {
  viewer: '{ viewer { id name role municipality { name } } }',
  catalogue: `query { projects(first: 20) { totalCount edges { node { id title category phase
    leadMunicipality { name } latestStatusUpdate { progressPercent } } } } }`,
  directory: `query { municipalities(first: 50) { totalCount edges { node { id name population
    district { name } networkMember officerCount } } } }`,
  people: 'query { people(first: 20) { totalCount edges { node { id name email municipality { name } } } } }',
  signIn: `mutation($input: SignInInput!) { signIn(input: $input) { viewer { id } userErrors { code } } }`,
  updateProfile: `mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { user { id phone } userErrors { code } } }`,
  setLocale: 'mutation($l: Locale!) { setLocale(input: { locale: $l }) { userErrors { code } } }',
  requestReset:
    'mutation($e: String!) { requestPasswordReset(input: { email: $e }) { userErrors { code } } }',
};

type Outcome = 'ok' | 'rate-limited' | 'error';

interface BenchClient {
  ip: string;
  users: { email: string; session: string }[];
  random: () => number;
}

interface Kind {
  name: string;
  weight: number;
  send: (client: BenchClient, base: string) => Promise<Outcome>;
}

/** A small deterministic generator, so that runs send the same mix. */
function generator(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

const pick = <T>(client: BenchClient, items: readonly T[]): T =>
  items[Math.floor(client.random() * items.length)];
const randomIp = (client: BenchClient) =>
  `10.${100 + Math.floor(client.random() * 100)}.${Math.floor(client.random() * 250)}.${1 + Math.floor(client.random() * 250)}`;

async function graphql(
  base: string,
  query: string,
  variables: Record<string, unknown>,
  options: { session?: string; ip: string },
): Promise<{
  status: number;
  body: {
    data?: Record<string, { userErrors?: { code: string }[] }>;
    errors?: { extensions?: { code?: string } }[];
  };
}> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-hub-csrf': '1',
    'x-forwarded-for': options.ip,
  };
  if (options.session) headers.cookie = `hub_session=${options.session}`;
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(30_000),
  });
  return { status: response.status, body: (await response.json()) as never };
}

/** Rate-limit refusals are the API working as meant; anything else unexpected is an error. */
function outcomeOf(answer: Awaited<ReturnType<typeof graphql>>, expectedUserError?: string): Outcome {
  const code = answer.body.errors?.[0]?.extensions?.code;
  if (code === 'RATE_LIMITED') return 'rate-limited';
  if (answer.status >= 400 || code) return 'error';
  const userErrors = Object.values(answer.body.data ?? {}).flatMap((payload) => payload?.userErrors ?? []);
  if (expectedUserError) return userErrors.some((e) => e.code === expectedUserError) ? 'ok' : 'error';
  return userErrors.length ? 'error' : 'ok';
}

const read =
  (query: string, anonymous = false) =>
  async (client: BenchClient, base: string): Promise<Outcome> =>
    outcomeOf(
      await graphql(
        base,
        query,
        {},
        { session: anonymous ? undefined : pick(client, client.users).session, ip: client.ip },
      ),
    );

const KINDS: Kind[] = [
  { name: 'read viewer', weight: 10, send: read(QUERIES.viewer) },
  { name: 'read project catalogue', weight: 12, send: read(QUERIES.catalogue) },
  { name: 'read project catalogue (anonymous)', weight: 8, send: read(QUERIES.catalogue, true) },
  { name: 'read municipality directory', weight: 10, send: read(QUERIES.directory) },
  { name: 'read people', weight: 10, send: read(QUERIES.people) },
  {
    name: 'sign-in, right password',
    weight: 8,
    send: async (client, base) =>
      outcomeOf(
        await graphql(
          base,
          QUERIES.signIn,
          { input: { email: pick(client, client.users).email, password: PASSWORD } },
          { ip: client.ip },
        ),
      ),
  },
  {
    name: 'sign-in, wrong password',
    weight: 4,
    // Unknown addresses from scattered addresses: the bench's own accounts must not lock.
    send: async (client, base) =>
      outcomeOf(
        await graphql(
          base,
          QUERIES.signIn,
          {
            input: {
              email: `niemand-${Math.floor(client.random() * 1e6)}@load.bench`,
              password: 'falsch-falsch',
            },
          },
          { ip: randomIp(client) },
        ),
        'INVALID_CREDENTIALS',
      ),
  },
  {
    name: 'write updateProfile (phone)',
    weight: 12,
    send: async (client, base) =>
      outcomeOf(
        await graphql(
          base,
          QUERIES.updateProfile,
          { input: { phone: `0631 ${Math.floor(client.random() * 1e6)}` } },
          { session: pick(client, client.users).session, ip: client.ip },
        ),
      ),
  },
  {
    name: 'write setLocale',
    weight: 8,
    send: async (client, base) =>
      outcomeOf(
        await graphql(
          base,
          QUERIES.setLocale,
          { l: pick(client, ['DE', 'EN']) },
          { session: pick(client, client.users).session, ip: client.ip },
        ),
      ),
  },
  {
    name: 'write requestPasswordReset',
    weight: 4,
    send: async (client, base) => {
      const email = client.random() < 0.5 ? pick(client, client.users).email : 'unbekannt@load.bench';
      return outcomeOf(await graphql(base, QUERIES.requestReset, { e: email }, { ip: randomIp(client) }));
    },
  },
  {
    name: 'GET /readyz',
    weight: 4,
    send: async (_client, base) =>
      (await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(30_000) })).status === 200
        ? 'ok'
        : 'error',
  },
];

function chooseKind(random: () => number): Kind {
  const total = KINDS.reduce((sum, kind) => sum + kind.weight, 0);
  let point = random() * total;
  for (const kind of KINDS) {
    point -= kind.weight;
    if (point < 0) return kind;
  }
  return KINDS[KINDS.length - 1];
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function waitUntilReady(base: string, api: ChildProcess): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (api.exitCode !== null) throw new Error(`the API exited with ${api.exitCode} while starting`);
    const ready = await fetch(`${base}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the API did not become ready within 3 minutes');
}

interface Memory {
  rss: number;
  heapUsed: number;
  heapTotal: number;
}

function memoryOf(api: ChildProcess, settled: boolean): Promise<Memory> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the API did not report its memory')), 10_000);
    api.once('message', (message: { memory: Memory }) => {
      clearTimeout(timer);
      resolve(message.memory);
    });
    api.send(settled ? 'settled-memory' : 'memory');
  });
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

export interface LoadResult {
  clients: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  rateLimited: number;
  memoryBefore: Memory;
  memoryAfter: Memory;
  peakRss: number;
}

export async function run(): Promise<LoadResult> {
  const clientCount = Number(process.env.BENCH_CLIENTS ?? 16);
  const seconds = Number(process.env.BENCH_SECONDS ?? 20);
  return withScratchDatabase('load', async (databaseUrl) => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const api = fork(path.join(__dirname, 'api-process.ts'), [], {
      execArgv: ['--import', 'tsx', '--expose-gc'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DATABASE_URL: databaseUrl,
        HOST: '127.0.0.1',
        PORT: String(port),
        PUBLIC_URL: base,
        DEMO: 'true',
        // As behind the load balancer: each client has its own address.
        TRUST_PROXY: 'true',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const exited = once(api, 'exit');
    try {
      await waitUntilReady(base, api);

      // The bench's own accounts, each client with a few, sharing one (slow) password hash.
      const dataSource = createDataSource({ url: databaseUrl, limits: { poolSize: 2 } });
      await dataSource.initialize();
      const emails: string[] = [];
      try {
        const kaiserslautern = await dataSource
          .getRepository(Municipality)
          .findOneByOrFail({ name: 'Kaiserslautern' });
        const passwordHash = await hashPassword(PASSWORD);
        for (let i = 0; i < clientCount * USERS_PER_CLIENT; i++) emails.push(`last-${i}@load.bench`);
        await dataSource.getRepository(User).insert(
          emails.map((email, i) => ({
            email,
            name: `Lasttest ${i}`,
            role: Role.OFFICER,
            municipalityId: kaiserslautern.id,
            status: UserStatus.ACTIVE,
            passwordHash,
          })),
        );
      } finally {
        await dataSource.destroy();
      }

      const clients: BenchClient[] = [];
      for (let c = 0; c < clientCount; c++) {
        const ip = `10.77.${c % 250}.${1 + Math.floor(c / 250)}`;
        const users: BenchClient['users'] = [];
        for (const email of emails.slice(c * USERS_PER_CLIENT, (c + 1) * USERS_PER_CLIENT)) {
          const response = await fetch(`${base}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-hub-csrf': '1', 'x-forwarded-for': ip },
            body: JSON.stringify({
              query: QUERIES.signIn,
              variables: { input: { email, password: PASSWORD } },
            }),
          });
          const cookie = response.headers.getSetCookie().find((line) => line.startsWith('hub_session='));
          if (!cookie) throw new Error(`could not sign in ${email}`);
          users.push({ email, session: cookie.split(';')[0].slice('hub_session='.length) });
        }
        clients.push({ ip, users, random: generator(c + 1) });
      }

      const memoryBefore = await memoryOf(api, true);
      let peakRss = memoryBefore.rss;
      const sampler = setInterval(() => {
        memoryOf(api, false).then(
          (memory) => {
            peakRss = Math.max(peakRss, memory.rss);
          },
          () => undefined,
        );
      }, 1000);

      const timings = new Map<string, number[]>(KINDS.map((kind) => [kind.name, []]));
      const counts = new Map<string, Record<Outcome, number>>(
        KINDS.map((kind) => [kind.name, { ok: 0, 'rate-limited': 0, error: 0 }]),
      );
      const firstErrors: string[] = [];
      const started = Date.now();
      const deadline = started + seconds * 1000;
      await Promise.all(
        clients.map(async (client) => {
          while (Date.now() < deadline) {
            const kind = chooseKind(client.random);
            const sent = process.hrtime.bigint();
            let outcome: Outcome;
            try {
              outcome = await kind.send(client, base);
            } catch (error) {
              outcome = 'error';
              if (firstErrors.length < 5) firstErrors.push(`${kind.name}: ${(error as Error).message}`);
            }
            timings.get(kind.name)?.push(Number(process.hrtime.bigint() - sent) / 1e6);
            const tally = counts.get(kind.name);
            if (tally) tally[outcome]++;
          }
        }),
      );
      const elapsed = (Date.now() - started) / 1000;
      clearInterval(sampler);
      const memoryAfter = await memoryOf(api, true);

      const all = [...timings.values()].flat().sort((a, b) => a - b);
      const totals = [...counts.values()].reduce(
        (sum, tally) => ({
          ok: sum.ok + tally.ok,
          'rate-limited': sum['rate-limited'] + tally['rate-limited'],
          error: sum.error + tally.error,
        }),
        { ok: 0, 'rate-limited': 0, error: 0 },
      );
      const result: LoadResult = {
        clients: clientCount,
        seconds: Math.round(elapsed * 10) / 10,
        requests: all.length,
        requestsPerSecond: Math.round(all.length / elapsed),
        p50: percentile(all, 50),
        p99: percentile(all, 99),
        errors: totals.error,
        rateLimited: totals['rate-limited'],
        memoryBefore,
        memoryAfter,
        peakRss,
      };

      console.log(
        `${clientCount} clients for ${result.seconds} s against the production profile (pool ${process.env.DB_POOL_SIZE ?? 10})`,
      );
      console.log(
        `${result.requests} requests, ${result.requestsPerSecond} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ` +
          `errors ${result.errors}, refused by rate limits ${result.rateLimited}`,
      );
      for (const kind of KINDS) {
        const sorted = (timings.get(kind.name) ?? []).sort((a, b) => a - b);
        const tally = counts.get(kind.name) ?? { ok: 0, 'rate-limited': 0, error: 0 };
        console.log(
          `  ${kind.name.padEnd(36)} ${String(sorted.length).padStart(6)}  p50 ${String(percentile(sorted, 50)).padStart(7)} ms  p99 ${String(percentile(sorted, 99)).padStart(7)} ms  errors ${tally.error}  rate-limited ${tally['rate-limited']}`,
        );
      }
      for (const line of firstErrors) console.log(`  first errors: ${line}`);
      console.log(
        `API memory (after a full GC): before RSS ${mib(memoryBefore.rss)}, heap ${mib(memoryBefore.heapUsed)} of ${mib(memoryBefore.heapTotal)}; ` +
          `after RSS ${mib(memoryAfter.rss)}, heap ${mib(memoryAfter.heapUsed)} of ${mib(memoryAfter.heapTotal)}; peak RSS during the run ${mib(peakRss)}`,
      );
      return result;
    } finally {
      if (api.exitCode === null) api.kill('SIGTERM');
      await exited;
    }
  });
}

runIfMain(module, run);
