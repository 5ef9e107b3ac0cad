/**
 * `pnpm bench reset-timing`: does answering requestPasswordReset take longer for addresses that
 * have an account? Sends known and unknown addresses alternately (each from an address of its own
 * and to a distinct account, so the rate limits stay out of the way) through the real HTTP server
 * in its production profile, and prints both latency distributions and how often "the slower
 * answer is the known address" would guess right (50 % means the timing tells nothing).
 *   BENCH_ITERATIONS (default 300) pairs after 30 warm-up pairs.
 */
import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { Role, UserStatus } from '@hub/shared';
import { loadConfig } from '../config';
import { createDataSource } from '../db/data-source';
import { logger } from '../logger';
import { Municipality } from '../modules/municipalities/municipality.entity';
import { User } from '../modules/users/user.entity';
import { createApp } from '../server/app';
import { prepareDatabase } from '../server/bootstrap';
import { percentile, runIfMain, withScratchDatabase } from './harness';

const WARM_UP = 30;
const REQUEST =
  'mutation($e: String!) { requestPasswordReset(input: { email: $e }) { userErrors { code } } }';

export async function run(): Promise<{ knownP50: number; unknownP50: number; guessRate: number }> {
  const pairs = Number(process.env.BENCH_ITERATIONS ?? 300);
  const log = logger.child({}, { level: 'warn' });
  return withScratchDatabase('reset_timing', async (databaseUrl) => {
    const dataSource = createDataSource({ url: databaseUrl });
    await dataSource.initialize();
    const config = {
      ...loadConfig({ NODE_ENV: 'production' } as NodeJS.ProcessEnv),
      databaseUrl,
      webDist: '/nonexistent',
      trustProxy: true,
    };
    const app = await createApp({ config, dataSource, log });
    try {
      await prepareDatabase(dataSource, { demo: false, log });
      const place = await dataSource.getRepository(Municipality).findOneByOrFail({ name: 'Mainz' });
      const total = WARM_UP + pairs;
      const known = Array.from({ length: total }, (_, i) => `konto-${i}@timing.bench`);
      await dataSource.getRepository(User).insert(
        known.map((email, i) => ({
          email,
          name: `Konto ${i}`,
          role: Role.OFFICER,
          municipalityId: place.id,
          status: UserStatus.ACTIVE,
        })),
      );
      await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
      const endpoint = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/graphql`;
      let ip = 0;
      const timed = async (email: string): Promise<number> => {
        ip++;
        const started = process.hrtime.bigint();
        const response = await fetch(endpoint, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-hub-csrf': '1',
            'x-forwarded-for': `10.${(ip >> 16) & 255}.${(ip >> 8) & 255}.${ip & 255}`,
          },
          body: JSON.stringify({ query: REQUEST, variables: { e: email } }),
        });
        const body = (await response.json()) as { errors?: unknown };
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        if (body.errors) throw new Error(`reset request failed: ${JSON.stringify(body.errors)}`);
        // Let the mail composed after the answer finish, as it would between an attacker's probes.
        await app.mail.idle();
        return ms;
      };
      const knownTimes: number[] = [];
      const unknownTimes: number[] = [];
      let slowerIsKnown = 0;
      for (let i = 0; i < total; i++) {
        // Alternate the order, so that neither kind always goes first.
        const unknownEmail = `niemand-${i}@timing.bench`;
        const [k, u] =
          i % 2
            ? [await timed(known[i]), await timed(unknownEmail)]
            : (([u1, k1]) => [k1, u1])([await timed(unknownEmail), await timed(known[i])]);
        if (i < WARM_UP) continue;
        knownTimes.push(k);
        unknownTimes.push(u);
        if (k > u) slowerIsKnown++;
      }
      knownTimes.sort((a, b) => a - b);
      unknownTimes.sort((a, b) => a - b);
      const result = {
        knownP50: percentile(knownTimes, 50),
        unknownP50: percentile(unknownTimes, 50),
        guessRate: Math.round((slowerIsKnown / pairs) * 1000) / 10,
      };
      console.log(
        `known address    p50 ${result.knownP50} ms  p99 ${percentile(knownTimes, 99)} ms  (${pairs} requests)`,
      );
      console.log(
        `unknown address  p50 ${result.unknownP50} ms  p99 ${percentile(unknownTimes, 99)} ms  (${pairs} requests)`,
      );
      console.log(`"the slower answer is the known address" is right in ${result.guessRate} % of pairs`);
      return result;
    } finally {
      await app.stop();
      await dataSource.destroy();
    }
  });
}

runIfMain(module, run);
