import {
  ActionItemStatus,
  MeetingKind,
  MembershipStatus,
  MunicipalityKind,
  OutcomeKind,
  PeriodKind,
  ProjectCategory,
  ProjectPhase,
  ProjectStatus,
  Role,
} from '@hub/shared';
import { AgendaItem, Outcome } from '../../packages/api/src/modules/meetings/meeting.entity';
import type { Municipality } from '../../packages/api/src/modules/municipalities/municipality.entity';
import { MembershipEvent, NetworkMembership } from '../../packages/api/src/modules/network/membership.entity';
import { ProjectFunding } from '../../packages/api/src/modules/projects/project-details.entity';
import type { User } from '../../packages/api/src/modules/users/user.entity';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser, gid, municipality } from '../support/factories';
import { buildMeeting, invite } from '../support/meeting-factories';
import { freshMunicipality } from '../support/network-factories';
import { buildProject } from '../support/project-factories';
import { addMembership, buildWorkingGroup } from '../support/working-group-factories';

/*
 * One small network whose history is written with exact instants around the ends of Q4 2025 and
 * Q1 2026, then counted by hand. Berlin midnight starting 1 January 2026 is 2025-12-31T23:00Z
 * (winter time); the one starting 1 April 2026 is 2026-03-31T22:00Z (summer time since 29 March).
 * Fixtures 30 minutes on either side of those instants are counted by Berlin time, not UTC.
 */
const at = (iso: string) => new Date(iso);
const Q1_2026 = { kind: PeriodKind.QUARTER, year: 2026, index: 1 };

let t: TestApp;
let people: Record<'coordinator' | 'officer' | 'ministry', User>;
let kaiserslautern: Municipality;
let koblenz: Municipality;
let members: Record<'a' | 'b' | 'c' | 'd', Municipality>;
let ortsgemeinde: Municipality;

async function membershipHistory(
  place: Municipality,
  steps: [MembershipStatus | null, MembershipStatus, string][],
): Promise<void> {
  const status = steps.at(-1)?.[1] as MembershipStatus;
  const membership = t.dataSource.getRepository(NetworkMembership).create({
    municipalityId: place.id,
    status,
    since: null,
  });
  await t.dataSource.getRepository(NetworkMembership).insert(membership);
  for (const [fromStatus, toStatus, when] of steps)
    await t.dataSource
      .getRepository(MembershipEvent)
      .insert({ membershipId: membership.id, fromStatus, toStatus, actorId: null, createdAt: at(when) });
}

async function actionItem(
  meetingId: string,
  agendaItemId: string,
  owner: User,
  dueDate: string,
  status: ActionItemStatus,
  completedAt: string | null,
  createdAt: string,
): Promise<void> {
  await t.dataSource.getRepository(Outcome).insert({
    meetingId,
    agendaItemId,
    kind: OutcomeKind.ACTION_ITEM,
    title: `Aufgabe fällig ${dueDate}`,
    description: '',
    ownerUserId: owner.id,
    dueDate,
    status,
    completedAt: completedAt ? at(completedAt) : null,
    createdAt: at(createdAt),
  });
}

beforeAll(async () => {
  t = await startTestApp();
  kaiserslautern = await municipality(t.dataSource, 'Kaiserslautern', MunicipalityKind.KREISFREIE_STADT);
  koblenz = await municipality(t.dataSource, 'Koblenz', MunicipalityKind.KREISFREIE_STADT);
  people = {
    coordinator: await buildUser(t.dataSource, { role: Role.COORDINATOR }),
    officer: await buildUser(t.dataSource, { municipalityId: kaiserslautern.id }),
    ministry: await buildUser(t.dataSource, { role: Role.MINISTRY }),
  };
  members = {
    a: await freshMunicipality(t.dataSource),
    b: await freshMunicipality(t.dataSource),
    c: await freshMunicipality(t.dataSource),
    d: await freshMunicipality(t.dataSource),
  };
  ortsgemeinde = await freshMunicipality(t.dataSource);
  const { INVITED, APPLIED, ACTIVE, LEFT } = MembershipStatus;
  // a: joined in Q4 2025. b: joined 00:30 on 1 January, Berlin time (still 31 December in UTC).
  // c: a member since June 2025 who left at 23:59 on 31 March, Berlin time. d: joined 00:30 on 1 April.
  await membershipHistory(members.a, [
    [null, INVITED, '2025-10-05T10:00:00Z'],
    [INVITED, ACTIVE, '2025-11-01T10:00:00Z'],
  ]);
  await membershipHistory(members.b, [
    [null, APPLIED, '2025-12-20T10:00:00Z'],
    [APPLIED, ACTIVE, '2025-12-31T23:30:00Z'],
  ]);
  await membershipHistory(members.c, [
    [null, INVITED, '2025-05-01T10:00:00Z'],
    [INVITED, ACTIVE, '2025-06-01T10:00:00Z'],
    [ACTIVE, LEFT, '2026-03-31T21:59:00Z'],
  ]);
  await membershipHistory(members.d, [
    [null, INVITED, '2026-03-01T10:00:00Z'],
    [INVITED, ACTIVE, '2026-03-31T22:30:00Z'],
  ]);

  // Projects. p1: published in Q4 as an idea, a pilot from a status update of 1 February.
  const p1 = await buildProject(t.dataSource, {
    leadMunicipalityId: kaiserslautern.id,
    category: ProjectCategory.ADMINISTRATION,
    phase: ProjectPhase.IDEA,
    publishedAt: at('2025-11-10T09:00:00Z'),
    createdAt: at('2025-11-10T09:00:00Z'),
    costs: [{ amountCents: 100_000 }, { amountCents: 20_000, recurrence: 'YEARLY' as never }],
    statusUpdates: [{ reportedOn: '2026-02-01', progressPercent: 40, phase: ProjectPhase.PILOT }],
  });
  await t.dataSource.getRepository(ProjectFunding).insert({
    projectId: p1.id,
    position: 0,
    programme: 'Förderprogramm',
    amountCents: 50_000,
    sharePercent: 40,
    currency: 'EUR',
  });
  // p2: published 23:30 on 31 March Berlin time (in Q1); p3: 00:30 on 1 April (not in Q1).
  await buildProject(t.dataSource, {
    leadMunicipalityId: ortsgemeinde.id,
    category: ProjectCategory.MOBILITY,
    phase: ProjectPhase.CONCEPT,
    publishedAt: at('2026-03-31T21:30:00Z'),
    createdAt: at('2026-03-01T09:00:00Z'),
  });
  await buildProject(t.dataSource, {
    leadMunicipalityId: ortsgemeinde.id,
    category: ProjectCategory.MOBILITY,
    phase: ProjectPhase.CONCEPT,
    publishedAt: at('2026-03-31T22:30:00Z'),
    createdAt: at('2026-03-01T09:00:00Z'),
    costs: [{ amountCents: 500_000 }],
  });
  // A draft never counts.
  await buildProject(t.dataSource, {
    leadMunicipalityId: kaiserslautern.id,
    status: ProjectStatus.DRAFT,
    publishedAt: null,
    createdAt: at('2025-12-01T09:00:00Z'),
  });
  // p5: in rollout since 2025; moved on today, which must not rewrite the past.
  const p5 = await buildProject(t.dataSource, {
    leadMunicipalityId: kaiserslautern.id,
    category: ProjectCategory.ADMINISTRATION,
    phase: ProjectPhase.ROLLOUT,
    publishedAt: at('2025-05-01T09:00:00Z'),
    createdAt: at('2025-05-01T09:00:00Z'),
  });
  await t.dataSource.query(`UPDATE project SET phase = 'OPERATIONAL' WHERE id = $1`, [p5.id]);
  // An adoption of p5 (a draft) on 15 February with an estimated saving of 10,000 €.
  await buildProject(t.dataSource, {
    leadMunicipalityId: koblenz.id,
    status: ProjectStatus.DRAFT,
    publishedAt: null,
    originProjectId: p5.id,
    estimatedSavingCents: 1_000_000,
    createdAt: at('2026-02-15T09:00:00Z'),
  });

  // Meetings. m1: 23:00–23:30 on 31 March Berlin time; m3 starts 00:30 on 1 April; m4 cancelled.
  const group = await buildWorkingGroup(t.dataSource, { createdAt: at('2025-10-01T09:00:00Z') });
  const archived = await buildWorkingGroup(t.dataSource, {
    createdAt: at('2025-11-01T09:00:00Z'),
    archivedAt: at('2026-02-01T09:00:00Z'),
  });
  const attendees = [
    await buildUser(t.dataSource, { municipalityId: kaiserslautern.id }),
    await buildUser(t.dataSource, { municipalityId: koblenz.id }),
    await buildUser(t.dataSource, { municipalityId: koblenz.id }),
  ];
  const m1 = await buildMeeting(t.dataSource, {
    startsAt: at('2026-03-31T21:00:00Z'),
    endsAt: at('2026-03-31T21:30:00Z'),
  });
  await invite(t.dataSource, m1, attendees);
  await t.dataSource.query(`UPDATE meeting_invitation SET attended = (user_id <> $2) WHERE meeting_id = $1`, [
    m1.id,
    attendees[2].id,
  ]);
  const m2 = await buildMeeting(t.dataSource, {
    kind: MeetingKind.WORKING_GROUP,
    workingGroupId: group.id,
    startsAt: at('2026-01-15T14:00:00Z'),
    endsAt: at('2026-01-15T16:00:00Z'),
  });
  await invite(t.dataSource, m2, [attendees[0]]);
  await buildMeeting(t.dataSource, {
    startsAt: at('2026-03-31T22:30:00Z'),
    endsAt: at('2026-03-31T23:30:00Z'),
  });
  await buildMeeting(t.dataSource, {
    startsAt: at('2026-02-01T10:00:00Z'),
    endsAt: at('2026-02-01T11:00:00Z'),
    cancelled: true,
  });
  const q4Meeting = await buildMeeting(t.dataSource, {
    startsAt: at('2025-12-01T10:00:00Z'),
    endsAt: at('2025-12-01T11:00:00Z'),
  });

  // Action items.
  const agenda = async (meetingId: string) => {
    const item = t.dataSource
      .getRepository(AgendaItem)
      .create({ meetingId, position: 1, title: 'Aufgaben', notes: '' } as Partial<AgendaItem>);
    await t.dataSource.getRepository(AgendaItem).insert(item);
    return item.id;
  };
  const m2Item = await agenda(m2.id);
  const q4Item = await agenda(q4Meeting.id);
  const owner = attendees[0];
  const { DONE, OPEN, DROPPED } = ActionItemStatus;
  // Due 10 Feb, done 00:30 on 11 Feb Berlin time (still 10 Feb in UTC): late.
  await actionItem(m2.id, m2Item, owner, '2026-02-10', DONE, '2026-02-10T23:30:00Z', '2026-01-15T15:00:00Z');
  await actionItem(m2.id, m2Item, owner, '2026-03-15', DONE, '2026-03-14T10:00:00Z', '2026-01-15T15:00:00Z');
  await actionItem(m2.id, m2Item, owner, '2026-03-20', OPEN, null, '2026-01-15T15:00:00Z');
  await actionItem(m2.id, m2Item, owner, '2026-05-01', OPEN, null, '2026-01-15T15:00:00Z');
  await actionItem(m2.id, m2Item, owner, '2026-03-01', DROPPED, null, '2026-01-15T15:00:00Z');
  // Due in Q4 and done on 5 January: overdue at the end of Q4, not at the end of Q1.
  await actionItem(
    q4Meeting.id,
    q4Item,
    owner,
    '2025-12-20',
    DONE,
    '2026-01-05T10:00:00Z',
    '2025-12-01T10:30:00Z',
  );
  // An open item created after the period (today): not overdue at its end.
  await actionItem(m2.id, m2Item, owner, '2026-03-25', OPEN, null, new Date().toISOString());

  // Working-group memberships: joined in Q4; joined and left in Q1; joined 00:30 on 1 April.
  await addMembership(t.dataSource, group, attendees[0], { joinedAt: at('2025-10-02T09:00:00Z') });
  await addMembership(t.dataSource, group, attendees[1], {
    joinedAt: at('2026-01-10T09:00:00Z'),
    endedAt: at('2026-03-01T09:00:00Z'),
    status: 'LEFT' as never,
  });
  await addMembership(t.dataSource, archived, attendees[2], { joinedAt: at('2026-03-31T22:30:00Z') });
});
afterAll(() => t.close());

const FIGURES = `query Figures($period: PeriodInput!) {
  networkFigures(period: $period) {
    current { ...F }
    previous { ...F }
  }
}
fragment F on NetworkFigures {
  period { kind year index startsOn endsOn label }
  memberCount membersJoined membersLeft populationCovered statePopulation populationShare
  projectCount projectsPublished
  projectsByPhase { phase count } projectsByCategory { category count }
  projectsByDistrict { districtId name count }
  adoptionCount adoptionsInPeriod estimatedSavingCents savingsInPeriodCents
  oneOffCostCents yearlyCostCents fundingCents
  meetingsHeld networkMeetingsHeld workingGroupMeetingsHeld steeringMeetingsHeld
  invitations attendanceRecorded attendances attendanceRate attendingMunicipalities
  actionItemsDue actionItemsDoneOnTime actionItemsDoneLate actionItemsOverdue
  workingGroupsActive workingGroupsMet workingGroupMemberships workingGroupMembersJoined
}`;

const nonZero = (list: { count: number }[], key: 'phase' | 'category' | 'name') =>
  Object.fromEntries(
    list.filter((e) => e.count > 0).map((e) => [(e as unknown as Record<string, string>)[key], e.count]),
  );

describe('networkFigures', () => {
  it('counts Q1 2026 and Q4 2025 by Berlin time, from history', async () => {
    const client = await t.as(people.coordinator);
    const result = await client.gql(FIGURES, { period: Q1_2026 });
    expect(result.errors).toBeUndefined();
    const { current, previous } = result.data!.networkFigures;

    expect(current.period).toEqual({
      kind: 'QUARTER',
      year: 2026,
      index: 1,
      startsOn: '2026-01-01',
      endsOn: '2026-03-31',
      label: 'Q1 2026',
    });
    expect(previous.period.label).toBe('Q4 2025');

    // Members: a and b at the end of Q1 (c left, d joined after); a and c at the end of Q4.
    expect([current.memberCount, current.membersJoined, current.membersLeft]).toEqual([2, 1, 1]);
    expect([previous.memberCount, previous.membersJoined, previous.membersLeft]).toEqual([2, 1, 0]);
    const population = (m: Municipality) => m.population ?? 0;
    expect(current.populationCovered).toBe(population(members.a) + population(members.b));
    expect(previous.populationCovered).toBe(population(members.a) + population(members.c));
    expect(current.statePopulation).toBeGreaterThan(4_000_000);
    expect(current.populationShare).toBeCloseTo(current.populationCovered / current.statePopulation, 10);

    // Projects: p1 (pilot since 1 Feb), p2 (published 23:30 on 31 March), p5 (rollout then).
    expect([current.projectCount, current.projectsPublished]).toEqual([3, 1]);
    expect(nonZero(current.projectsByPhase, 'phase')).toEqual({ PILOT: 1, CONCEPT: 1, ROLLOUT: 1 });
    expect(nonZero(current.projectsByCategory, 'category')).toEqual({ ADMINISTRATION: 2, MOBILITY: 1 });
    expect(current.projectsByPhase).toHaveLength(7);
    const district = await t.dataSource.query('SELECT name FROM municipality WHERE id = $1', [
      ortsgemeinde.districtId,
    ]);
    expect(nonZero(current.projectsByDistrict, 'name')).toEqual({ Kaiserslautern: 2, [district[0].name]: 1 });
    expect(current.projectsByDistrict[0].districtId).toBe(gid('Municipality', kaiserslautern.id));
    expect([previous.projectCount, previous.projectsPublished]).toEqual([2, 1]);
    expect(nonZero(previous.projectsByPhase, 'phase')).toEqual({ IDEA: 1, ROLLOUT: 1 });

    // Adoptions and money.
    expect([current.adoptionCount, current.adoptionsInPeriod]).toEqual([1, 1]);
    expect([current.estimatedSavingCents, current.savingsInPeriodCents]).toEqual([1_000_000, 1_000_000]);
    expect([previous.adoptionCount, previous.estimatedSavingCents]).toEqual([0, 0]);
    expect([current.oneOffCostCents, current.yearlyCostCents, current.fundingCents]).toEqual([
      100_000, 20_000, 50_000,
    ]);
    expect([previous.oneOffCostCents, previous.fundingCents]).toEqual([100_000, 50_000]);

    // Meetings: m1 (23:00 on 31 March) and the group's m2; not m3 (1 April) nor the cancelled one.
    expect([
      current.meetingsHeld,
      current.networkMeetingsHeld,
      current.workingGroupMeetingsHeld,
      current.steeringMeetingsHeld,
    ]).toEqual([2, 1, 1, 0]);
    expect([current.invitations, current.attendanceRecorded, current.attendances]).toEqual([4, 3, 2]);
    expect(current.attendanceRate).toBeCloseTo(2 / 3, 10);
    expect(current.attendingMunicipalities).toBe(2);
    expect([previous.meetingsHeld, previous.attendanceRate]).toEqual([1, null]);

    // Action items due in Q1: one on time, one late by Berlin time, one overdue.
    expect([
      current.actionItemsDue,
      current.actionItemsDoneOnTime,
      current.actionItemsDoneLate,
      current.actionItemsOverdue,
    ]).toEqual([4, 1, 1, 1]);
    expect([previous.actionItemsDue, previous.actionItemsDoneOnTime, previous.actionItemsOverdue]).toEqual([
      1, 0, 1,
    ]);

    // Working groups: the archived one counts in Q4 only.
    expect([
      current.workingGroupsActive,
      current.workingGroupsMet,
      current.workingGroupMemberships,
      current.workingGroupMembersJoined,
    ]).toEqual([1, 1, 1, 1]);
    expect([
      previous.workingGroupsActive,
      previous.workingGroupMemberships,
      previous.workingGroupMembersJoined,
    ]).toEqual([2, 1, 1]);
  });

  it('keeps the past when a project changes phase today, and shows the change now', async () => {
    const client = await t.as(people.ministry);
    const now = await client.gql(
      `{ networkFigureSeries(quarters: 1) { period { label } projectsByPhase { phase count } } }`,
    );
    expect(now.errors).toBeUndefined();
    const [quarter] = now.data!.networkFigureSeries;
    const operational = quarter.projectsByPhase.find((p: { phase: string }) => p.phase === 'OPERATIONAL');
    // p5 is operational now; p3 is the concept published on 1 April.
    expect(operational.count).toBe(1);
  });

  it('gives a series per quarter, oldest first, equal to the single periods', async () => {
    const client = await t.as(people.officer);
    const result = await client.gql(
      `query S($last: PeriodInput) { networkFigureSeries(last: $last, quarters: 3) {
         period { label } memberCount projectCount meetingsHeld actionItemsOverdue } }`,
      { last: Q1_2026 },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.networkFigureSeries).toEqual([
      {
        period: { label: 'Q3 2025' },
        memberCount: 1,
        projectCount: 1,
        meetingsHeld: 0,
        actionItemsOverdue: 0,
      },
      {
        period: { label: 'Q4 2025' },
        memberCount: 2,
        projectCount: 2,
        meetingsHeld: 1,
        actionItemsOverdue: 1,
      },
      {
        period: { label: 'Q1 2026' },
        memberCount: 2,
        projectCount: 3,
        meetingsHeld: 2,
        actionItemsOverdue: 1,
      },
    ]);
  });

  it('counts half-years and years too', async () => {
    const client = await t.as(people.coordinator);
    const result = await client.gql(FIGURES, { period: { kind: 'YEAR', year: 2025, index: 1 } });
    const { current, previous } = result.data!.networkFigures;
    expect(current.period).toMatchObject({ startsOn: '2025-01-01', endsOn: '2025-12-31', label: '2025' });
    expect(previous.period.label).toBe('2024');
    // a and c at the end of 2025 (b joined 00:30 on 1 January 2026, Berlin time).
    expect([current.memberCount, current.membersJoined]).toEqual([2, 2]);
    const half = await client.gql(FIGURES, { period: { kind: 'HALF_YEAR', year: 2026, index: 1 } });
    expect(half.data?.networkFigures.current.period.endsOn).toBe('2026-06-30');
    expect(half.data?.networkFigures.previous.period.label).toBe('2. Halbjahr 2025');
  });

  it('answers a period that does not exist with BAD_USER_INPUT', async () => {
    const client = await t.as(people.coordinator);
    for (const period of [
      { kind: 'QUARTER', year: 2026, index: 5 },
      { kind: 'HALF_YEAR', year: 2026, index: 0 },
      { kind: 'YEAR', year: 1800, index: 1 },
    ]) {
      const result = await client.gql(FIGURES, { period });
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    const series = await client.gql('{ networkFigureSeries(quarters: 500) { memberCount } }');
    expect(series.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['anonymous', 'UNAUTHENTICATED'],
    ['ministry', null],
    ['officer', null],
    ['coordinator', null],
  ] as const)('is read by %s: %s', async (actor, code) => {
    const client = actor === 'anonymous' ? t.client() : await t.as(people[actor]);
    const result = await client.gql(FIGURES, { period: Q1_2026 });
    expect(result.errors?.[0].extensions?.code ?? null).toBe(code);
    if (!code) expect(result.data?.networkFigures.current.memberCount).toBe(2);
  });

  it("keeps each phase row's interval right when status updates arrive out of order", async () => {
    const project = await buildProject(t.dataSource, {
      leadMunicipalityId: kaiserslautern.id,
      publishedAt: at('2024-01-01T09:00:00Z'),
      createdAt: at('2024-06-01T09:00:00Z'),
    });
    for (const [reportedOn, phase] of [
      ['2024-09-01', 'ROLLOUT'],
      ['2024-03-01', 'CONCEPT'],
      ['2024-07-01', 'PILOT'],
      ['2024-07-01', 'ROLLOUT'],
      ['2023-12-01', 'IDEA'],
    ])
      await t.dataSource.query(
        `INSERT INTO project_status_update (project_id, reported_on, phase, progress_percent, text)
         VALUES ($1, $2, $3, 10, 'x')`,
        [project.id, reportedOn, phase],
      );
    const rows = await t.dataSource.query(
      `SELECT c.valid_from IS NOT DISTINCT FROM w.valid_from AND c.valid_to IS NOT DISTINCT FROM w.valid_to AS same
         FROM project_phase_change c
         JOIN (SELECT id, CASE WHEN row_number() OVER o = 1 THEN '-infinity'::timestamptz ELSE effective_at END AS valid_from,
                      lead(effective_at) OVER o AS valid_to
                 FROM project_phase_change WINDOW o AS (PARTITION BY project_id ORDER BY effective_at, id)) w USING (id)`,
    );
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.every((r: { same: boolean }) => r.same)).toBe(true);
  });

  it('costs a fixed number of statements, however long the series', async () => {
    const client = await t.as(people.coordinator);
    const two = await client.gql('{ networkFigureSeries(quarters: 2) { memberCount projectCount } }');
    const forty = await client.gql('{ networkFigureSeries(quarters: 40) { memberCount projectCount } }');
    expect(forty.errors).toBeUndefined();
    expect(forty.statements.length).toBe(two.statements.length);
  });
});
