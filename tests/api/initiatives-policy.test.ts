import { MunicipalityKind, OutcomeKind, ProjectCategory } from '@hub/shared';
import { initiativePolicy } from '../../packages/api/src/modules/initiatives/initiative.policy';
import { AgendaItem, Outcome } from '../../packages/api/src/modules/meetings/meeting.entity';
import type { User } from '../../packages/api/src/modules/users/user.entity';
import type { GraphQLResult, TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { type Actors, buildActors, expectMatrix, type MatrixRole } from '../support/authorization';
import { buildUser, gid, municipality } from '../support/factories';
import {
  APPLY,
  CAST,
  CLOSE_ROUND,
  COMPLETE,
  CONFIRM,
  DECIDE,
  INITIATIVE,
  mutate,
  OPEN_CALL,
  OPEN_ROUND,
  PROPOSE,
  ROUND,
  START,
  SUPPORT,
  UPDATE,
  WITHDRAW_SUPPORT,
} from '../support/initiative-operations';
import { activeMember, buildMeeting } from '../support/meeting-factories';

/**
 * Who may do what with network initiatives, per actor: the public, the ministry, an officer of a
 * member municipality (Kaiserslautern), an officer of a municipality that is not a member (Mainz)
 * and a coordinator; every mutation and the reads that differ.
 */

let t: TestApp;
let actors: Actors;
let coordinator: User;
let secondMember: User;

beforeAll(async () => {
  t = await startTestApp();
  const kl = await municipality(t.dataSource, 'Kaiserslautern', MunicipalityKind.KREISFREIE_STADT);
  const trier = await municipality(t.dataSource, 'Trier', MunicipalityKind.KREISFREIE_STADT);
  await activeMember(t.dataSource, kl.id);
  await activeMember(t.dataSource, trier.id);
  actors = await buildActors(t.dataSource, kl.id);
  coordinator = actors.coordinator as User;
  secondMember = await buildUser(t.dataSource, { municipalityId: trier.id });
});

afterAll(() => t.close());

/** What a mutation answered: 'ok', the top-level error code, or the first userError code. */
function outcomeOf(result: GraphQLResult): string {
  if (result.errors?.length) return result.errors[0].extensions?.code ?? 'ERROR';
  const payload = Object.values(result.data ?? {})[0] as { userErrors: { code: string }[] };
  return payload.userErrors[0]?.code ?? 'ok';
}

async function send(actor: User | null, query: string, input: Record<string, unknown>): Promise<string> {
  const client = actor ? await t.as(actor) : t.client();
  return outcomeOf(await client.gql(query, { input }));
}

let counter = 0;
async function proposal(by: User = secondMember): Promise<string> {
  const payload = await mutate(await t.as(by), PROPOSE, {
    title: `Vorschlag ${++counter}`,
    problem: 'Ein Problem vieler Kommunen.',
    goal: 'Ein gemeinsames Ziel.',
    category: ProjectCategory.ADMINISTRATION,
  });
  return payload.initiative.id;
}

async function openRound(ids: string[], method = 'DOT_VOTING'): Promise<string> {
  const payload = await mutate(await t.as(coordinator), OPEN_ROUND, {
    title: `Runde ${++counter}`,
    method,
    deadline: new Date(Date.now() + 86400_000).toISOString(),
    initiativeIds: ids,
  });
  expect(payload.userErrors).toEqual([]);
  return payload.round.id;
}

async function decisionOutcome(): Promise<string> {
  const meeting = await buildMeeting(t.dataSource, { organizerId: coordinator.id });
  const item = await t.dataSource
    .getRepository(AgendaItem)
    .save({ meetingId: meeting.id, position: 1, title: 'Initiativen', description: '' });
  const outcome = await t.dataSource.getRepository(Outcome).save({
    meetingId: meeting.id,
    agendaItemId: item.id,
    kind: OutcomeKind.DECISION,
    title: 'Beschluss',
    description: '',
  });
  return gid('Outcome', outcome.id);
}

/** An initiative moved on as far as `stage` through the API, by the coordinator and Trier. */
async function initiativeAt(stage: 'selected' | 'callOpen' | 'applied' | 'confirmed' | 'inRealisation') {
  const [a, b] = [await proposal(), await proposal()];
  const roundId = await openRound([a, b]);
  await mutate(await t.as(coordinator), CLOSE_ROUND, { roundId });
  await mutate(await t.as(coordinator), DECIDE, {
    outcomeId: await decisionOutcome(),
    decisions: [{ initiativeId: a, decision: 'SELECTED', reason: 'Gewählt.' }],
  });
  if (stage === 'selected') return { id: a };
  await mutate(await t.as(coordinator), OPEN_CALL, { initiativeId: a });
  if (stage === 'callOpen') return { id: a };
  const applied = await mutate(await t.as(secondMember), APPLY, {
    initiativeId: a,
    statement: 'Trier bringt ein erfahrenes Team mit.',
  });
  if (stage === 'applied') return { id: a, applicationId: applied.application.id };
  await mutate(await t.as(coordinator), CONFIRM, { applicationId: applied.application.id });
  if (stage === 'confirmed') return { id: a, applicationId: applied.application.id };
  await mutate(await t.as(coordinator), START, { initiativeId: a });
  return { id: a };
}

describe('mutations, per actor', () => {
  const DENIED = {
    public: 'UNAUTHENTICATED',
    ministry: 'FORBIDDEN',
    ownOfficer: 'FORBIDDEN',
    otherOfficer: 'FORBIDDEN',
  };

  it('proposeInitiative: officers of member municipalities and coordinators', async () => {
    await expectMatrix(
      actors,
      (actor) =>
        send(actor, PROPOSE, { title: 'Neue Idee', problem: 'Problem', goal: 'Ziel', category: 'MOBILITY' }),
      {
        public: 'UNAUTHENTICATED',
        ministry: 'FORBIDDEN',
        ownOfficer: 'ok',
        otherOfficer: 'NOT_NETWORK_MEMBER',
        coordinator: 'ok',
      },
    );
  });

  it('updateInitiative: the proposer and coordinators, while proposed', async () => {
    const id = await proposal(actors.ownOfficer as User);
    await expectMatrix(actors, (actor) => send(actor, UPDATE, { id, title: 'Geänderter Titel' }), {
      public: 'UNAUTHENTICATED',
      ministry: 'FORBIDDEN',
      ownOfficer: 'ok',
      otherOfficer: 'FORBIDDEN',
      coordinator: 'ok',
    });
  });

  it('supportInitiative and withdrawInitiativeSupport: officers of member municipalities', async () => {
    const id = await proposal();
    const expected = {
      public: 'UNAUTHENTICATED',
      ministry: 'FORBIDDEN',
      ownOfficer: 'ok',
      otherOfficer: 'NOT_NETWORK_MEMBER',
      coordinator: 'FORBIDDEN',
    };
    await expectMatrix(actors, (actor) => send(actor, SUPPORT, { initiativeId: id }), expected);
    await expectMatrix(actors, (actor) => send(actor, WITHDRAW_SUPPORT, { initiativeId: id }), expected);
  });

  it('openPrioritisationRound and closePrioritisationRound: coordinators', async () => {
    const ids = [await proposal(), await proposal()];
    const input = {
      title: 'Runde',
      method: 'DOT_VOTING',
      deadline: new Date(Date.now() + 86400_000),
      initiativeIds: ids,
    };
    await expectMatrix(actors, (actor) => send(actor, OPEN_ROUND, input), { ...DENIED, coordinator: 'ok' });
    const roundId = await openRound([await proposal(), await proposal()]);
    await expectMatrix(actors, (actor) => send(actor, CLOSE_ROUND, { roundId }), {
      ...DENIED,
      coordinator: 'ok',
    });
  });

  it('castRoundBallot: officers of member municipalities, for their own municipality', async () => {
    const [a, b] = [await proposal(), await proposal()];
    const roundId = await openRound([a, b]);
    await expectMatrix(
      actors,
      (actor) => send(actor, CAST, { roundId, votes: [{ initiativeId: a, points: 3 }] }),
      {
        public: 'UNAUTHENTICATED',
        ministry: 'FORBIDDEN',
        ownOfficer: 'ok',
        otherOfficer: 'NOT_NETWORK_MEMBER',
        coordinator: 'FORBIDDEN',
      },
    );
  });

  it('decideInitiatives, openPilotCall, confirmPilot, startInitiativeRealisation, completeInitiative: coordinators', async () => {
    const [a, b] = [await proposal(), await proposal()];
    const roundId = await openRound([a, b]);
    await mutate(await t.as(coordinator), CLOSE_ROUND, { roundId });
    const outcomeId = await decisionOutcome();
    await expectMatrix(
      actors,
      (actor) =>
        send(actor, DECIDE, {
          outcomeId,
          decisions: [{ initiativeId: a, decision: 'SELECTED', reason: 'Ja.' }],
        }),
      { ...DENIED, coordinator: 'ok' },
    );
    await expectMatrix(actors, (actor) => send(actor, OPEN_CALL, { initiativeId: a }), {
      ...DENIED,
      coordinator: 'ok',
    });
    const { applicationId } = await initiativeAt('applied');
    await expectMatrix(actors, (actor) => send(actor, CONFIRM, { applicationId }), {
      ...DENIED,
      coordinator: 'ok',
    });
    const confirmed = await initiativeAt('confirmed');
    await expectMatrix(actors, (actor) => send(actor, START, { initiativeId: confirmed.id }), {
      ...DENIED,
      coordinator: 'ok',
    });
    await expectMatrix(actors, (actor) => send(actor, COMPLETE, { initiativeId: confirmed.id }), {
      ...DENIED,
      coordinator: 'ok',
    });
  });

  it('applyAsPilot: officers of member municipalities, while the call is open', async () => {
    const { id } = await initiativeAt('callOpen');
    await expectMatrix(
      actors,
      (actor) =>
        send(actor, APPLY, { initiativeId: id, statement: 'Wir bringen ein Team und Erfahrung mit.' }),
      {
        public: 'UNAUTHENTICATED',
        ministry: 'FORBIDDEN',
        ownOfficer: 'ok',
        otherOfficer: 'NOT_NETWORK_MEMBER',
        coordinator: 'FORBIDDEN',
      },
    );
  });
});

describe('reads, per actor', () => {
  it('lists initiatives for signed-in people only; names for network members only', async () => {
    const id = await proposal();
    await expectMatrix(
      actors,
      async (actor) => {
        const client = actor ? await t.as(actor) : t.client();
        const result = await client.gql(INITIATIVE, { id });
        return result.errors ? result.errors[0].extensions?.code : result.data?.initiative.proposedByName;
      },
      {
        public: 'UNAUTHENTICATED',
        ministry: null,
        ownOfficer: secondMember.name,
        otherOfficer: secondMember.name,
        coordinator: secondMember.name,
      },
    );
  });

  it('keeps ballots secret until the close and shows participation live to coordinators only', async () => {
    const [a, b] = [await proposal(), await proposal()];
    const roundId = await openRound([a, b]);
    await mutate(await t.as(actors.ownOfficer as User), CAST, {
      roundId,
      votes: [{ initiativeId: a, points: 4 }],
    });
    const view = async (actor: User | null) => {
      const client = actor ? await t.as(actor) : t.client();
      const result = await client.gql(ROUND, { id: roundId });
      if (result.errors) return result.errors[0].extensions?.code;
      const round = result.data?.prioritisationRound;
      return {
        ballot: round.viewerBallot !== null,
        participation: round.participation?.ballots ?? null,
        result: round.result !== null,
      };
    };
    await expectMatrix(actors, view, {
      public: 'UNAUTHENTICATED',
      ministry: { ballot: false, participation: null, result: false },
      ownOfficer: { ballot: true, participation: null, result: false },
      otherOfficer: { ballot: false, participation: null, result: false },
      coordinator: { ballot: false, participation: 1, result: false },
    });
    await mutate(await t.as(coordinator), CLOSE_ROUND, { roundId });
    await expectMatrix(actors, view, {
      public: 'UNAUTHENTICATED',
      ministry: { ballot: false, participation: 1, result: true },
      ownOfficer: { ballot: true, participation: 1, result: true },
      otherOfficer: { ballot: false, participation: 1, result: true },
      coordinator: { ballot: false, participation: 1, result: true },
    });
  });

  it('tells each actor what it may do (viewerCanProposeInitiative, viewerCan)', async () => {
    const id = await proposal();
    await expectMatrix<MatrixRole, string | (boolean | undefined)[]>(
      actors,
      async (actor) => {
        const client = actor ? await t.as(actor) : t.client();
        const result = await client.gql(
          `query($id: ID!) { viewerCanProposeInitiative viewerCanOpenPrioritisationRound
          initiative(id: $id) { viewerCan { support decide } } }`,
          { id },
        );
        if (result.errors) return result.errors[0].extensions?.code;
        return [
          result.data?.viewerCanProposeInitiative,
          result.data?.viewerCanOpenPrioritisationRound,
          result.data?.initiative.viewerCan.support,
          result.data?.initiative.viewerCan.decide,
        ];
      },
      {
        public: 'UNAUTHENTICATED',
        ministry: [false, false, false, false],
        ownOfficer: [true, false, true, false],
        otherOfficer: [false, false, false, false],
        coordinator: [true, true, false, true],
      },
    );
  });

  it('the policy answers the same without the API (pure rules)', async () => {
    const member = (role: MatrixRole) => role === 'ownOfficer';
    await expectMatrix(
      actors,
      (actor, role) => initiativePolicy.can(actor, 'propose', { actorIsMember: member(role) }),
      { public: false, ministry: false, ownOfficer: true, otherOfficer: false, coordinator: true },
    );
    const round = { status: 'OPEN' as never, deadline: new Date(Date.now() - 1000) };
    await expectMatrix(
      actors,
      (actor, role) => initiativePolicy.can(actor, 'vote', { round, actorIsMember: member(role) }),
      { public: false, ministry: false, ownOfficer: false, otherOfficer: false, coordinator: false },
    );
    await expectMatrix(actors, (actor) => initiativePolicy.can(actor, 'readPersonalData'), {
      public: false,
      ministry: false,
      ownOfficer: true,
      otherOfficer: true,
      coordinator: true,
    });
  });
});
