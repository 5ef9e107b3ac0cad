import { MunicipalityKind, ProjectCategory, Role } from '@hub/shared';
import type { User } from '../../packages/api/src/modules/users/user.entity';
import { collect, liveClient } from '../support/api-process';
import { buildUser, municipality } from '../support/factories';
import { CAST, CLOSE_ROUND, OPEN_ROUND, PROPOSE } from '../support/initiative-operations';
import { subscribeWithoutSession, useTwoApiProcesses } from '../support/live';
import { activeMember } from '../support/meeting-factories';

/**
 * Coordinators follow a prioritisation round's participation live: a ballot cast through API
 * process A reaches the coordinator's subscription on process B, and so does the closing; the
 * officers who vote cannot follow it (the ballots stay secret until the round closes).
 */

const ROUND_CHANGED = `subscription($roundId: ID!) {
  roundChanged(roundId: $roundId) { id status participation { ballots eligible quorumReached } }
}`;
interface RoundChanged {
  roundChanged: {
    status: string;
    participation: { ballots: number; eligible: number; quorumReached: boolean } | null;
  };
}

const live = useTwoApiProcesses();
const { session, gql } = live;
let coordinator: User;
let officers: User[];
let roundId: string;
let initiativeId: string;
let initiativeIds: string[];

/** A mutation over HTTP through `api`; returns its payload and fails on top-level errors. */
async function mutateThrough(
  api: typeof live.a,
  user: User,
  query: string,
  input: Record<string, unknown>,
): Promise<any> {
  const answer = await gql(api, await session(user), query, { input });
  expect(answer.errors).toBeUndefined();
  const payload = Object.values(answer.data ?? {})[0];
  expect(payload.userErrors).toEqual([]);
  return payload;
}

beforeAll(async () => {
  const { dataSource } = live.db;
  coordinator = await buildUser(dataSource, { role: Role.COORDINATOR });
  officers = [];
  for (const name of ['Kaiserslautern', 'Koblenz', 'Trier', 'Mainz']) {
    const place = await municipality(dataSource, name, MunicipalityKind.KREISFREIE_STADT);
    await activeMember(dataSource, place.id);
    officers.push(await buildUser(dataSource, { municipalityId: place.id }));
  }
  initiativeIds = [];
  for (const title of ['Gemeinsamer Mängelmelder', 'Kita-Portal', 'Freies WLAN', 'Open-Data-Portal']) {
    const proposed = await mutateThrough(live.a, officers[0], PROPOSE, {
      title,
      problem: `Viele Kommunen brauchen: ${title}.`,
      goal: `Gemeinsam ${title} einführen.`,
      category: ProjectCategory.CITIZEN_SERVICES,
    });
    initiativeIds.push(proposed.initiative.id);
  }
  initiativeId = initiativeIds[0];
  const opened = await mutateThrough(live.a, coordinator, OPEN_ROUND, {
    title: 'Priorisierung Frühjahr',
    method: 'DOT_VOTING',
    pointsPerMunicipality: 10,
    deadline: new Date(Date.now() + 7 * 86400_000).toISOString(),
    quorumPercent: 50,
    initiativeIds: initiativeIds.slice(0, 2),
  });
  roundId = opened.round.id;
});

it('sends the participation at once, then each ballot cast through process A and the closing to process B', async () => {
  const client = liveClient(live.b.url, await session(coordinator));
  const { collected, dispose } = collect<RoundChanged>(client, ROUND_CHANGED, { roundId });
  try {
    await collected.until('the round now', (values) => values.length === 1);
    expect(collected.values[0].roundChanged).toEqual({
      id: roundId,
      status: 'OPEN',
      participation: { ballots: 0, eligible: 4, quorumReached: false },
    });

    const vote = (officer: User) =>
      mutateThrough(live.a, officer, CAST, { roundId, votes: [{ initiativeId, points: 10 }] });
    await vote(officers[0]);
    await collected.until('the first ballot', (values) =>
      values.some((v) => v.roundChanged.participation?.ballots === 1),
    );
    await vote(officers[1]);
    await collected.until('the quorum reached', (values) =>
      values.some((v) => v.roundChanged.participation?.quorumReached),
    );
    // A changed ballot is no new voice.
    await vote(officers[1]);

    await mutateThrough(live.a, coordinator, CLOSE_ROUND, { roundId });
    await collected.until('the closing', (values) => values.some((v) => v.roundChanged.status === 'CLOSED'));
    const last = collected.values[collected.values.length - 1].roundChanged;
    expect(last).toEqual({
      id: roundId,
      status: 'CLOSED',
      participation: { ballots: 2, eligible: 4, quorumReached: true },
    });
  } finally {
    dispose();
    await client.dispose();
  }
});

it('lets no officer follow an open round, nobody without a session, and refuses a forged round ID', async () => {
  const opened = await mutateThrough(live.a, coordinator, OPEN_ROUND, {
    title: 'Priorisierung Herbst',
    method: 'DOT_VOTING',
    pointsPerMunicipality: 10,
    deadline: new Date(Date.now() + 7 * 86400_000).toISOString(),
    quorumPercent: 50,
    initiativeIds: initiativeIds.slice(2),
  });
  const openRound = opened.round.id as string;
  for (const [who, variables, code] of [
    ['officer', { roundId: openRound }, 'NOT_FOUND'],
    ['coordinator', { roundId: 'UHJvamVjdDpub3BlCg' }, 'BAD_USER_INPUT'],
  ] as const) {
    const client = liveClient(live.b.url, await session(who === 'officer' ? officers[2] : coordinator));
    const { collected, dispose } = collect<RoundChanged>(client, ROUND_CHANGED, variables);
    try {
      await collected.until('the refusal', () => collected.errors.length > 0);
      expect({ who, values: collected.values, errors: collected.errors }).toEqual({
        who,
        values: [],
        errors: [expect.objectContaining({ extensions: expect.objectContaining({ code }) })],
      });
    } finally {
      dispose();
      await client.dispose();
    }
  }
  const anonymous = await subscribeWithoutSession(live.b, ROUND_CHANGED, { roundId: openRound });
  expect(anonymous).toEqual({ closedWith: 4403, received: [] });
});
