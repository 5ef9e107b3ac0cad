// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are untyped JSON here, read field by field as a user would.
import { Role } from '@hub/shared';
import { User } from '../../packages/api/src/modules/users/user.entity';
import { seedDemo } from '../../packages/api/src/seed/demo';
import { seedDemoInitiatives } from '../../packages/api/src/seed/demo-initiatives';
import { demoDate } from '../../packages/api/src/seed/demo-projects';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.dataSource.transaction((m) => seedDemo(m));
});
afterAll(() => t.close());

const DAY = 86_400_000;
const asDemoUser = async (email: string) =>
  t.as(await t.dataSource.getRepository(User).findOneByOrFail({ email }));

describe('the demo network', () => {
  it('has more than 50 members that joined over about two years, and an open application and invitation', async () => {
    const [row] = await t.dataSource.query(
      `SELECT count(*)::int AS members, min(since) AS first, max(since) AS last FROM network_membership WHERE status = 'ACTIVE'`,
    );
    expect(row.members).toBeGreaterThan(50);
    const yearsAgo = (date: Date) => (Date.now() - date.getTime()) / (365 * DAY);
    expect(yearsAgo(row.first)).toBeGreaterThan(1.8);
    expect(yearsAgo(row.first)).toBeLessThan(2.3);
    expect(yearsAgo(row.last)).toBeLessThan(0.25);
    const pending = await t.dataSource.query(
      `SELECT status::text FROM network_membership WHERE status IN ('APPLIED', 'INVITED') ORDER BY status::text`,
    );
    expect(pending.map((p: any) => p.status)).toEqual(['APPLIED', 'INVITED']);
  });

  it('shows every project of the founding event, marked as demo, with histories and dated adoptions', async () => {
    const projects: { title: string; is_demo: boolean; phases: number; adopted: number }[] =
      await t.dataSource.query(
        `SELECT p.title, p.is_demo, count(DISTINCT u.phase)::int AS phases, p.adoption_count AS adopted
         FROM project p LEFT JOIN project_status_update u ON u.project_id = p.id GROUP BY p.id`,
      );
    expect(projects.length).toBeGreaterThanOrEqual(40);
    expect(projects.every((p) => p.is_demo && p.title.startsWith('Demo: '))).toBe(true);
    const titles = projects.map((p) => p.title).join('\n');
    for (const shown of [
      'Smarte Lichtmasten',
      'Digitale Dörfer',
      'E-Scooter',
      'VR-Zeitreise',
      'Ausweis-Terminal',
      'Bürgerportal Cochem-Zell',
      'Westpfalz Wiki',
      'herzlich digital',
      'MoGlI',
      'Digitale Kita',
      'Kita-Portal',
      'Notfallsimulation',
      'Social Wall',
      'Park-App',
    ])
      expect(titles).toContain(shown);
    expect(projects.filter((p) => p.phases >= 2).length).toBeGreaterThanOrEqual(20);
    const [adoptions] = await t.dataSource.query(
      `SELECT count(*)::int AS n, count(DISTINCT pp.created_at::date)::int AS dates
         FROM project_participant pp WHERE pp.role = 'ADOPTER'`,
    );
    expect(adoptions.n).toBeGreaterThanOrEqual(12);
    expect(adoptions.dates).toBeGreaterThanOrEqual(10);
  });

  it('dates move with the seeding day, keeping day and month order', () => {
    const now = new Date('2027-03-15T10:00:00Z');
    expect(demoDate('2025-12-01', now)).toBe('2027-03-01');
    expect(demoDate('2025-01-31', now)).toBe('2026-04-30');
  });

  it("gives Kaiserslautern's officer overdue action items and an open invitation on her start page", async () => {
    const officer = await asDemoUser('digital@kaiserslautern.demo');
    const result = await officer.gql(`{ officerDashboard {
      overdueActionItemCount actionItems { title overdue }
      unansweredInvitationCount upcomingMeetings { title viewerInvitation { response } }
      staleProjectCount workingGroupActivity { type } adoptedProjectsLikeOurs { title } } }`);
    expect(result.errors).toBeUndefined();
    const board = result.data?.officerDashboard;
    expect(board.overdueActionItemCount).toBeGreaterThanOrEqual(2);
    expect(board.actionItems[0]).toEqual({
      title: 'Leihbedingungen für MoGlI an die Netzwerkkommunen schicken',
      overdue: true,
    });
    expect(board.unansweredInvitationCount).toBeGreaterThanOrEqual(1);
    expect(board.upcomingMeetings.map((m: any) => m.viewerInvitation.response)).toContain('PENDING');
    expect(board.workingGroupActivity.length).toBeGreaterThan(0);
    expect(board.adoptedProjectsLikeOurs.length).toBeGreaterThan(0);
  });

  it('gives the coordinators work waiting and two years of activity, and the ministry figures', async () => {
    const coordinator = await asDemoUser('koordination@kl.digital.demo');
    const work = await coordinator.gql(`{ coordinatorDashboard {
      applicationCount joinRequestCount minutesAwaitingApprovalCount unansweredInvitationCount
      networkActivity { type occurredAt } } }`);
    expect(work.errors).toBeUndefined();
    const board = work.data?.coordinatorDashboard;
    expect(board).toMatchObject({
      applicationCount: 1,
      joinRequestCount: 1,
      minutesAwaitingApprovalCount: 1,
    });
    expect(board.networkActivity.length).toBeGreaterThan(5);
    const [{ oldest }] = await t.dataSource.query(`SELECT min(occurred_at) AS oldest FROM domain_event`);
    expect((Date.now() - oldest.getTime()) / DAY).toBeGreaterThan(600);

    const ministry = await asDemoUser('ministerium@mdi.rlp.demo');
    const figures = await ministry.gql(
      '{ ministryDashboard { projectCount projectsByPhase { phase count } investment { oneOffCents fundingCents } } }',
    );
    expect(figures.errors).toBeUndefined();
    expect(figures.data?.ministryDashboard.projectCount).toBeGreaterThanOrEqual(40);
    expect(figures.data?.ministryDashboard.projectsByPhase.length).toBeGreaterThanOrEqual(5);
    expect(figures.data?.ministryDashboard.investment.fundingCents).toBeGreaterThan(0);
    expect((await t.dataSource.getRepository(User).findBy({ isDemo: true, role: Role.OFFICER })).length).toBe(
      10,
    );
  });
});

describe('the demo initiatives', () => {
  const ROUNDS = `{ prioritisationRounds(first: 2) { edges { node {
    title status method deadline closedAutomatically viewerCan { vote close }
    participation { ballots eligible quorumReached }
    result { participation { ballots quorumReached } entries { rank title score voters } }
    initiatives { id status } } } } }`;
  const INITIATIVE = `query($id: ID!) { initiative(id: $id) { title status decision decisionReason
    decisionMeeting { title kind } supporters { name } history { toStatus reason }
    pilotApplications { status municipality { name } }
    project { title isNetworkProject participants { role municipality { name } } } } }`;

  it('has a past dot-voting round with a quorum, ranked, decided in the steering committee, whose selected initiative has pilots and its network project', async () => {
    const ministry = await asDemoUser('ministerium@mdi.rlp.demo');
    const answer = await ministry.gql(ROUNDS);
    expect(answer.errors).toBeUndefined();
    const rounds = answer.data?.prioritisationRounds.edges.map((e: any) => e.node);
    const past = rounds.find((r: any) => r.status === 'CLOSED');
    expect(past).toMatchObject({ method: 'DOT_VOTING', closedAutomatically: true });
    expect(new Date(past.deadline).getTime()).toBeLessThan(Date.now());
    expect(past.result.participation).toEqual({ ballots: 10, quorumReached: true });
    const ranked = past.result.entries;
    expect(ranked.map((e: any) => e.rank)).toEqual([1, 2, 3, 4]);
    expect(ranked[0].title).toBe('Demo: Gemeinsamer Mängelmelder für Rheinland-Pfalz');
    expect(ranked[0].score).toBeGreaterThan(ranked[1].score);

    const decided = [];
    for (const { id } of past.initiatives) {
      const read = await ministry.gql(INITIATIVE, { id });
      expect(read.errors).toBeUndefined();
      decided.push(read.data?.initiative);
    }
    expect(decided.map((i: any) => i.decision).sort()).toEqual([
      'DEFERRED',
      'DEFERRED',
      'REJECTED',
      'SELECTED',
    ]);
    for (const initiative of decided) {
      expect(initiative.decisionReason.length).toBeGreaterThan(20);
      expect(initiative.decisionMeeting).toEqual({
        title: 'Lenkungskreis: Auswahl der Netzwerkinitiativen (Demo)',
        kind: 'STEERING',
      });
    }
    const selected = decided.find((i: any) => i.decision === 'SELECTED');
    expect(selected.status).toBe('IN_REALISATION');
    expect(selected.supporters.length).toBeGreaterThanOrEqual(3);
    expect(selected.history.map((h: any) => h.toStatus)).toEqual([
      'PROPOSED',
      'IN_ROUND',
      'SELECTED',
      'CALL_OPEN',
      'IN_REALISATION',
    ]);
    const confirmed = selected.pilotApplications.filter((a: any) => a.status === 'CONFIRMED');
    expect(confirmed.map((a: any) => a.municipality.name).sort()).toEqual(['Koblenz', 'Trier']);
    expect(selected.pilotApplications.length).toBeGreaterThan(confirmed.length);
    expect(selected.project).toMatchObject({ title: selected.title, isNetworkProject: true });
    expect(selected.project.participants.map((p: any) => `${p.role} ${p.municipality.name}`).sort()).toEqual([
      'LEAD Trier',
      'PARTNER Koblenz',
    ]);
  });

  it('has an open rating round with a deadline ahead that some municipalities, not yet Kaiserslautern, have rated', async () => {
    const coordinator = await asDemoUser('koordination@kl.digital.demo');
    const open = (await coordinator.gql(ROUNDS)).data?.prioritisationRounds.edges
      .map((e: any) => e.node)
      .find((r: any) => r.status === 'OPEN');
    expect(open).toMatchObject({ method: 'RATING', result: null, viewerCan: { close: true } });
    expect(new Date(open.deadline).getTime()).toBeGreaterThan(Date.now() + 5 * DAY);
    expect(open.participation.ballots).toBe(5);
    expect(open.initiatives.every((i: any) => i.status === 'IN_ROUND')).toBe(true);

    const officer = await asDemoUser('digital@kaiserslautern.demo');
    const mine = (await officer.gql(ROUNDS)).data?.prioritisationRounds.edges
      .map((e: any) => e.node)
      .find((r: any) => r.status === 'OPEN');
    expect(mine.viewerCan.vote).toBe(true);
  });

  it('writes its history only as demo events (nobody is notified) and seeds once', async () => {
    const [row] = await t.dataSource.query(
      `SELECT count(*)::int AS events, count(*) FILTER (WHERE payload->>'demo' = 'true')::int AS demo,
              count(*) FILTER (WHERE occurred_at > now())::int AS ahead
         FROM domain_event WHERE subject_type IN ('Initiative', 'PrioritisationRound')`,
    );
    expect(row.events).toBeGreaterThan(40);
    expect(row).toMatchObject({ demo: row.events, ahead: 0 });
    const count = async () =>
      (await t.dataSource.query('SELECT count(*)::int AS n FROM initiative'))[0].n as number;
    const before = await count();
    expect(await t.dataSource.transaction((m) => seedDemo(m))).toEqual([]);
    await t.dataSource.transaction((m) => seedDemoInitiatives(m, 'ignored', new Date()));
    expect(await count()).toBe(before);
  });
});
