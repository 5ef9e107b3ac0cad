import { InitiativeStatus, MunicipalityKind, OutcomeKind, ProjectCategory, Role } from '@hub/shared';
import { AgendaItem } from '../../packages/api/src/modules/meetings/meeting.entity';
import type { Municipality } from '../../packages/api/src/modules/municipalities/municipality.entity';
import type { User } from '../../packages/api/src/modules/users/user.entity';
import type { TestApp, TestClient } from '../support/app';
import { startTestApp } from '../support/app';
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
  WITHDRAW_SUPPORT,
} from '../support/initiative-operations';
import { activeMember, buildMeeting } from '../support/meeting-factories';
import { consume, notificationsOf } from '../support/notification-helpers';
import { buildProject } from '../support/project-factories';

/**
 * The whole story of a network initiative with three member municipalities: propose, support, a
 * dot-voting round with secret ballots, closing and ranking, the steering decision in a meeting,
 * the call for pilot cities, confirmation and the network project with the pilots.
 */

let t: TestApp;
let kl: Municipality;
let koblenz: Municipality;
let trier: Municipality;
let people: Record<'coordinator' | 'kl' | 'koblenz' | 'trier' | 'ministry', User>;
const as = (who: keyof typeof people): Promise<TestClient> => t.as(people[who]);

beforeAll(async () => {
  t = await startTestApp();
  kl = await municipality(t.dataSource, 'Kaiserslautern', MunicipalityKind.KREISFREIE_STADT);
  koblenz = await municipality(t.dataSource, 'Koblenz', MunicipalityKind.KREISFREIE_STADT);
  trier = await municipality(t.dataSource, 'Trier', MunicipalityKind.KREISFREIE_STADT);
  for (const m of [kl, koblenz, trier]) await activeMember(t.dataSource, m.id);
  people = {
    coordinator: await buildUser(t.dataSource, { role: Role.COORDINATOR, name: 'Kim Koordination' }),
    kl: await buildUser(t.dataSource, { municipalityId: kl.id, name: 'Alex Amann' }),
    koblenz: await buildUser(t.dataSource, { municipalityId: koblenz.id, name: 'Emine Engel' }),
    trier: await buildUser(t.dataSource, { municipalityId: trier.id, name: 'David Dahm' }),
    ministry: await buildUser(t.dataSource, { role: Role.MINISTRY }),
  };
});

afterAll(() => t.close());

const propose = async (who: keyof typeof people, title: string, extra: Record<string, unknown> = {}) => {
  const payload = await mutate(await as(who), PROPOSE, {
    title,
    problem: `Viele Kommunen haben das Problem: ${title}.`,
    goal: `Gemeinsam ${title} einführen.`,
    category: ProjectCategory.CITIZEN_SERVICES,
    ...extra,
  });
  expect(payload.userErrors).toEqual([]);
  return payload.initiative.id as string;
};

it('runs from the proposal through a round and a decision to the network project with its pilots', async () => {
  // 1. Proposal: a similar existing project is shown first.
  await buildProject(t.dataSource, {
    leadMunicipalityId: trier.id,
    title: 'Digitaler Mängelmelder',
    summary: 'Bürgerinnen melden Schäden im Straßenraum per App',
    category: ProjectCategory.CITIZEN_SERVICES,
  });
  const klClient = await as('kl');
  const proposed = await mutate(klClient, PROPOSE, {
    title: 'Mängelmelder für alle Kommunen',
    problem: 'Schäden im Straßenraum werden per Telefon gemeldet.',
    goal: 'Ein gemeinsamer digitaler Mängelmelder.',
    expectedBenefit: 'Weniger Aufwand in jeder Verwaltung.',
    category: ProjectCategory.CITIZEN_SERVICES,
    costEstimateCents: 2_500_000,
    fundingProgrammes: ['Förderprogramm Smart Cities'],
  });
  expect(proposed.userErrors).toEqual([]);
  expect(proposed.initiative.status).toBe(InitiativeStatus.PROPOSED);
  expect(proposed.similarProjects.map((s: { project: { title: string } }) => s.project.title)).toContain(
    'Digitaler Mängelmelder',
  );
  const melder = proposed.initiative.id as string;
  const kita = await propose('koblenz', 'Kita-Portal');
  const wlan = await propose('trier', 'Freies WLAN in Innenstädten');

  // Support ("Wir sind interessiert"): one per municipality; the proposer is told.
  const supported = await mutate(await as('koblenz'), SUPPORT, { initiativeId: melder });
  expect(supported.initiative).toMatchObject({ supportCount: 1, viewerSupports: true });
  expect((await mutate(await as('koblenz'), SUPPORT, { initiativeId: melder })).initiative.supportCount).toBe(
    1,
  );
  expect((await mutate(await as('trier'), SUPPORT, { initiativeId: melder })).initiative.supportCount).toBe(
    2,
  );
  expect(
    (await mutate(await as('trier'), WITHDRAW_SUPPORT, { initiativeId: melder })).initiative.supportCount,
  ).toBe(1);
  await consume(t.dataSource);
  expect((await notificationsOf(t.dataSource, people.kl.id)).map((n) => n.kind)).toContain(
    'INITIATIVE_SUPPORTED',
  );

  // 2. A dot-voting round over the three proposals.
  const coordinator = await as('coordinator');
  const opened = await mutate(coordinator, OPEN_ROUND, {
    title: 'Priorisierung Frühjahr',
    method: 'DOT_VOTING',
    pointsPerMunicipality: 10,
    deadline: new Date(Date.now() + 7 * 86400_000).toISOString(),
    quorumPercent: 50,
    initiativeIds: [melder, kita, wlan],
  });
  expect(opened.userErrors).toEqual([]);
  const roundId = opened.round.id as string;
  await consume(t.dataSource);
  for (const officer of [people.kl, people.koblenz, people.trier])
    expect((await notificationsOf(t.dataSource, officer.id)).map((n) => n.kind)).toContain(
      'INITIATIVE_ROUND_OPENED',
    );

  const vote = (client: TestClient, votes: { initiativeId: string; points: number }[]) =>
    mutate(client, CAST, { roundId, votes });
  expect(
    (
      await vote(klClient, [
        { initiativeId: melder, points: 6 },
        { initiativeId: kita, points: 4 },
      ])
    ).userErrors,
  ).toEqual([]);
  // Changeable until the deadline: the second ballot replaces the first.
  const changed = await vote(klClient, [
    { initiativeId: melder, points: 7 },
    { initiativeId: wlan, points: 3 },
  ]);
  expect(changed.userErrors).toEqual([]);
  const koblenzClient = await as('koblenz');
  await vote(koblenzClient, [
    { initiativeId: melder, points: 5 },
    { initiativeId: kita, points: 5 },
  ]);

  // Secrecy before the close: each municipality reads only its own ballot; coordinators see participation only.
  const ownView = (await klClient.gql(ROUND, { id: roundId })).data?.prioritisationRound;
  expect(ownView.viewerBallot.votes).toEqual([
    { initiativeId: melder, points: 7 },
    { initiativeId: wlan, points: 3 },
  ]);
  expect(ownView.result).toBeNull();
  expect(ownView.participation).toBeNull();
  expect(ownView.viewerCan).toEqual({ vote: true, close: false });
  const coordinatorView = (await coordinator.gql(ROUND, { id: roundId })).data?.prioritisationRound;
  expect(coordinatorView.viewerBallot).toBeNull();
  expect(coordinatorView.result).toBeNull();
  expect(coordinatorView.participation).toEqual({
    eligible: 3,
    ballots: 2,
    sharePercent: 66.7,
    quorumReached: true,
  });
  const ministryView = (await (await as('ministry')).gql(ROUND, { id: roundId })).data?.prioritisationRound;
  expect(ministryView).toMatchObject({ viewerBallot: null, result: null, participation: null });
  const trierView = (await (await as('trier')).gql(ROUND, { id: roundId })).data?.prioritisationRound;
  expect(trierView.viewerBallot).toBeNull();
  // Neither the events nor the audit trail carry what was voted.
  const [{ payloads }] = await t.dataSource.query(
    `SELECT string_agg(payload::text, ' ') AS payloads FROM domain_event WHERE type = 'initiative.ballotCast'`,
  );
  expect(payloads).not.toMatch(/points|"7"|:7/);

  // Closing ranks the proposals with the distribution; everyone signed in reads the result.
  expect((await mutate(coordinator, CLOSE_ROUND, { roundId })).userErrors).toEqual([]);
  const closedView = (await (await as('ministry')).gql(ROUND, { id: roundId })).data?.prioritisationRound;
  expect(closedView.status).toBe('CLOSED');
  expect(closedView.closedAutomatically).toBe(false);
  expect(closedView.result.participation).toEqual({ eligible: 3, ballots: 2, quorumReached: true });
  expect(
    closedView.result.entries.map((e: { rank: number; title: string; score: number; voters: number }) => [
      e.rank,
      e.title,
      e.score,
      e.voters,
    ]),
  ).toEqual([
    [1, 'Mängelmelder für alle Kommunen', 12, 2],
    [2, 'Kita-Portal', 5, 1],
    [3, 'Freies WLAN in Innenstädten', 3, 1],
  ]);
  expect(closedView.result.entries[0].distribution).toEqual([
    { value: 5, count: 1 },
    { value: 7, count: 1 },
  ]);
  expect(closedView.result.entries[1].distribution).toEqual([
    { value: 0, count: 1 },
    { value: 5, count: 1 },
  ]);
  // The CSV export of the result, with the session cookie.
  const csv = await fetch(`${t.url}${closedView.result.csvPath}`, {
    headers: { cookie: `hub_session=${(await as('ministry')).cookie('hub_session')}` },
  });
  expect(csv.status).toBe(200);
  const text = await csv.text();
  expect(text).toContain('Rang;Initiative;Punkte;Kommunen');
  expect(text).toContain('1;Mängelmelder für alle Kommunen;12;2');
  expect((await fetch(`${t.url}${closedView.result.csvPath}`)).status).toBe(404);
  await consume(t.dataSource);
  expect((await notificationsOf(t.dataSource, people.kl.id)).map((n) => n.kind)).toContain(
    'INITIATIVE_ROUND_RESULT',
  );

  // 3. The steering committee decides in a meeting: a decision outcome on the agenda.
  const meeting = await buildMeeting(t.dataSource, {
    title: 'Lenkungskreis Frühjahr',
    startsAt: new Date(Date.now() - 3600_000),
    organizerId: people.coordinator.id,
  });
  const item = await t.dataSource
    .getRepository(AgendaItem)
    .save({ meetingId: meeting.id, position: 1, title: 'Priorisierte Initiativen', description: '' });
  const outcome = await coordinator.gql(
    `mutation($input: AddOutcomeInput!) { addOutcome(input: $input) { outcome { id } userErrors { code } } }`,
    {
      input: {
        agendaItemId: gid('AgendaItem', item.id),
        kind: OutcomeKind.DECISION,
        title: 'Initiativen beschlossen',
      },
    },
  );
  expect(outcome.errors).toBeUndefined();
  const outcomeId = outcome.data?.addOutcome.outcome.id as string;
  const decided = await mutate(coordinator, DECIDE, {
    outcomeId,
    decisions: [
      { initiativeId: melder, decision: 'SELECTED', reason: 'Höchste Punktzahl, breite Unterstützung.' },
      { initiativeId: kita, decision: 'DEFERRED', reason: 'Nächstes Jahr erneut priorisieren.' },
      { initiativeId: wlan, decision: 'REJECTED', reason: 'Landesprogramm deckt das ab.' },
    ],
  });
  expect(decided.userErrors).toEqual([]);
  expect(decided.initiatives.map((i: { status: string }) => i.status)).toEqual([
    'SELECTED',
    'DEFERRED',
    'REJECTED',
  ]);
  await consume(t.dataSource);
  expect((await notificationsOf(t.dataSource, people.kl.id)).map((n) => n.kind)).toContain(
    'INITIATIVE_DECIDED',
  );
  // Supporters are told too (Koblenz supports the Mängelmelder).
  expect((await notificationsOf(t.dataSource, people.koblenz.id)).map((n) => n.kind)).toContain(
    'INITIATIVE_DECIDED',
  );

  // 4. The call for pilot cities: two municipalities apply, the coordinator confirms them.
  expect(
    (await mutate(coordinator, OPEN_CALL, { initiativeId: melder, text: 'Wer pilotiert?' })).initiative
      .status,
  ).toBe('CALL_OPEN');
  const klApplied = await mutate(klClient, APPLY, {
    initiativeId: melder,
    statement: 'Wir bringen unsere Erfahrung mit dem Bürgerportal ein.',
    canStartOn: '2027-03-01',
  });
  expect(klApplied.userErrors).toEqual([]);
  const koblenzApplied = await mutate(koblenzClient, APPLY, {
    initiativeId: melder,
    statement: 'Koblenz stellt das Team der Stabsstelle Digitalisierung.',
  });
  for (const application of [klApplied.application, koblenzApplied.application])
    expect((await mutate(coordinator, CONFIRM, { applicationId: application.id })).application.status).toBe(
      'CONFIRMED',
    );
  await consume(t.dataSource);
  expect((await notificationsOf(t.dataSource, people.koblenz.id)).map((n) => n.kind)).toContain(
    'INITIATIVE_PILOT_CONFIRMED',
  );

  // Confirming the call creates the network project with the pilots as participants, linked both ways.
  const started = await mutate(coordinator, START, { initiativeId: melder });
  expect(started.userErrors).toEqual([]);
  expect(started.initiative.status).toBe('IN_REALISATION');
  expect(started.initiative.project.isNetworkProject).toBe(true);

  const view = (await klClient.gql(INITIATIVE, { id: melder })).data?.initiative;
  expect(view.project.participants).toEqual(
    expect.arrayContaining([
      { role: 'LEAD', municipality: { id: gid('Municipality', kl.id) } },
      { role: 'PARTNER', municipality: { id: gid('Municipality', koblenz.id) } },
    ]),
  );
  expect(view.decisionMeeting).toEqual({ id: gid('Meeting', meeting.id), title: 'Lenkungskreis Frühjahr' });
  expect(view.decisionOutcome.initiatives.map((i: { id: string }) => i.id).sort()).toEqual(
    [melder, kita, wlan].sort(),
  );
  expect(view.history.map((h: { toStatus: string }) => h.toStatus)).toEqual([
    'PROPOSED',
    'IN_ROUND',
    'SELECTED',
    'CALL_OPEN',
    'IN_REALISATION',
  ]);
  expect(view.history[2]).toMatchObject({
    fromStatus: 'IN_ROUND',
    reason: 'Höchste Punktzahl, breite Unterstützung.',
    actorName: 'Kim Koordination',
  });
  expect(view.proposedByName).toBe('Alex Amann');
  expect(view.pilotApplications.map((a: { appliedByName: string }) => a.appliedByName)).toEqual([
    'Alex Amann',
    'Emine Engel',
  ]);

  // The ministry reads the initiative and the decision, but no names (DSGVO).
  const ministry = (await (await as('ministry')).gql(INITIATIVE, { id: melder })).data?.initiative;
  expect(ministry.proposedByName).toBeNull();
  expect(ministry.history.every((h: { actorName: string | null }) => h.actorName === null)).toBe(true);
  expect(
    ministry.pilotApplications.every((a: { appliedByName: string | null }) => a.appliedByName === null),
  ).toBe(true);
  expect(ministry.project.isNetworkProject).toBe(true);

  // The project counts like any other: it is in the projects list as a network project.
  const projects = await t.dataSource.query(
    `SELECT p.is_network_project, p.status FROM project p JOIN initiative i ON i.project_id = p.id
      WHERE i.title = 'Mängelmelder für alle Kommunen'`,
  );
  expect(projects).toEqual([{ is_network_project: true, status: 'PUBLISHED' }]);

  expect(
    (await mutate(coordinator, COMPLETE, { initiativeId: melder, reason: 'Im Regelbetrieb' })).initiative
      .status,
  ).toBe('COMPLETED');
  // Every change is a domain event of its own.
  const types = await t.dataSource.query(
    `SELECT DISTINCT type FROM domain_event WHERE type LIKE 'initiative.%' ORDER BY type`,
  );
  expect(types.map((r: { type: string }) => r.type)).toEqual([
    'initiative.ballotCast',
    'initiative.decide',
    'initiative.pilotApply',
    'initiative.pilotConfirm',
    'initiative.propose',
    'initiative.realisationStart',
    'initiative.roundClose',
    'initiative.roundOpen',
    'initiative.statusChange',
    'initiative.support',
    'initiative.supportWithdrawn',
  ]);
});

it('ranks a rating round by the mean of the four criteria', async () => {
  const a = await propose('kl', 'Digitale Bauakte');
  const b = await propose('trier', 'Online-Terminvergabe');
  const coordinator = await as('coordinator');
  const { round } = await mutate(coordinator, OPEN_ROUND, {
    title: 'Bewertungsrunde',
    method: 'RATING',
    deadline: new Date(Date.now() + 86400_000).toISOString(),
    initiativeIds: [a, b],
  });
  const rate = (initiativeId: string, n: number) => ({
    initiativeId,
    benefit: n,
    feasibility: n,
    transferability: n,
    urgency: Math.max(1, n - 1),
  });
  await mutate(await as('kl'), CAST, { roundId: round.id, votes: [rate(a, 4), rate(b, 2)] });
  await mutate(await as('trier'), CAST, { roundId: round.id, votes: [rate(a, 5), rate(b, 3)] });
  await mutate(coordinator, CLOSE_ROUND, { roundId: round.id });
  const result = (await (await as('koblenz')).gql(ROUND, { id: round.id })).data?.prioritisationRound.result;
  expect(result.entries.map((e: { title: string; score: number }) => [e.title, e.score])).toEqual([
    ['Digitale Bauakte', 4.25],
    ['Online-Terminvergabe', 2.25],
  ]);
  expect(result.entries[0].criteria).toEqual({
    benefit: 4.5,
    feasibility: 4.5,
    transferability: 4.5,
    urgency: 3.5,
  });
  expect(result.entries[0].distribution).toEqual([
    { value: 4, count: 1 },
    { value: 5, count: 1 },
  ]);
});

it('finds initiatives by every word of the search in title, problem or goal, folded like the other lists', async () => {
  const trees = await propose('kl', 'Straßenbäume bewässern', {
    problem: 'Sommerhitze schadet den Bäumen in der Innenstadt.',
    goal: 'Bodenfeuchtesensoren melden, wann gegossen werden muss.',
  });
  const other = await propose('trier', 'Gemeinsame Kita-Anmeldung');
  const LIST = `query($search: String) { initiatives(first: 20, filter: { search: $search }) {
    totalCount edges { node { id } } } }`;
  const officer = await as('koblenz');
  const found = async (search: string) => {
    const answer = await officer.gql(LIST, { search });
    expect(answer.errors).toBeUndefined();
    return answer.data?.initiatives.edges.map((e: { node: { id: string } }) => e.node.id) as string[];
  };
  for (const search of ['strassenbaume', 'STRASSENBAEUME', 'Straßenbäume', 'bewasser', '  baume   gegossen '])
    expect(await found(search)).toEqual([trees]);
  expect(await found('Straßenbäume Kita')).toEqual([]);
  const kita = await found('kita');
  expect(kita).toContain(other);
  expect(kita).not.toContain(trees);
  // LIKE's wildcards are searched as they are, not as patterns.
  expect(await found('%')).toEqual([]);
  expect(await found('_')).toEqual([]);
  // The search costs no more statements than the list without it.
  const plain = await officer.gql(LIST, {});
  const searched = await officer.gql(LIST, { search: 'baume gegossen' });
  expect(searched.statements.length).toBe(plain.statements.length);

  const tooLong = await officer.gql(LIST, { search: 'x'.repeat(201) });
  expect(tooLong.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
});
