// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are untyped JSON here, read field by field as a user would.
import { MembershipStatus, Role } from '@hub/shared';
import { AuditEvent } from '../../packages/api/src/modules/audit/audit-event.entity';
import { MembershipEvent, NetworkMembership } from '../../packages/api/src/modules/network/membership.entity';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser, gid, municipality } from '../support/factories';
import { buildMembership, freshMunicipality, officerOf } from '../support/network-factories';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const MEMBERSHIP_FIELDS = `membership { id status since answerBy municipality { name }
  history { fromStatus toStatus note actor { name } }
  viewerCan { accept decline suspend reactivate end } } userErrors { field code message }`;
const mutation = (name: string, input: string) =>
  `mutation($input: ${input}!) { ${name}(input: $input) { ${MEMBERSHIP_FIELDS} } }`;
const INVITE = mutation('inviteMunicipality', 'StartMembershipInput');
const APPLY = mutation('applyForMembership', 'StartMembershipInput');
const ACCEPT = mutation('acceptMembership', 'ChangeMembershipInput');
const DECLINE = mutation('declineMembership', 'ChangeMembershipInput');
const SUSPEND = mutation('suspendMembership', 'ChangeMembershipInput');
const REACTIVATE = mutation('reactivateMembership', 'ChangeMembershipInput');
const END = mutation('endMembership', 'ChangeMembershipInput');

const coordinator = () => buildUser(t.dataSource, { role: Role.COORDINATOR, name: 'Kim Koordinatorin' });

describe('membership workflow', () => {
  it('a coordinator invites, the municipality’s officer accepts; every step is in the history', async () => {
    const place = await freshMunicipality(t.dataSource);
    const kim = await coordinator();
    const officer = await officerOf(t.dataSource, place, { name: 'Olga Ortmann' });
    const invited = await (await t.as(kim)).gql(INVITE, {
      input: { municipalityId: gid('Municipality', place.id), note: 'Willkommen!' },
    });
    expect(invited.data?.inviteMunicipality.userErrors).toEqual([]);
    const membership = invited.data?.inviteMunicipality.membership;
    // The municipality must answer the invitation; the coordinator who sent it may only withdraw it.
    expect(membership).toMatchObject({
      status: 'INVITED',
      since: null,
      answerBy: 'MUNICIPALITY',
      municipality: { name: place.name },
      viewerCan: { accept: false, decline: true },
    });

    const accepted = await (await t.as(officer)).gql(ACCEPT, { input: { membershipId: membership.id } });
    expect(accepted.data?.acceptMembership.userErrors).toEqual([]);
    expect(accepted.data?.acceptMembership.membership).toMatchObject({ status: 'ACTIVE', answerBy: null });
    expect(accepted.data?.acceptMembership.membership.since).toBeTruthy();
    expect(accepted.data?.acceptMembership.membership.history).toEqual([
      { fromStatus: null, toStatus: 'INVITED', note: 'Willkommen!', actor: { name: 'Kim Koordinatorin' } },
      { fromStatus: 'INVITED', toStatus: 'ACTIVE', note: null, actor: { name: 'Olga Ortmann' } },
    ]);
    const stored = await t.dataSource
      .getRepository(NetworkMembership)
      .findOneByOrFail({ municipalityId: place.id });
    const audit = await t.dataSource
      .getRepository(AuditEvent)
      .findBy({ entityType: 'NetworkMembership', entityId: stored.id });
    expect(audit.map((a) => a.actorId).sort()).toEqual([kim.id, officer.id].sort());
  });

  it('an officer of a non-member applies, the coordinator accepts', async () => {
    const place = await freshMunicipality(t.dataSource);
    const officer = await officerOf(t.dataSource, place);
    const applied = await (await t.as(officer)).gql(APPLY, {
      input: { municipalityId: gid('Municipality', place.id) },
    });
    expect(applied.data?.applyForMembership.membership).toMatchObject({
      status: 'APPLIED',
      answerBy: 'COORDINATORS',
      viewerCan: { accept: false, decline: false },
    });
    const id = applied.data?.applyForMembership.membership.id;
    const kimClient = await t.as(await coordinator());
    const own = await (await t.as(officer)).gql(ACCEPT, { input: { membershipId: id } });
    expect(own.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const accepted = await kimClient.gql(ACCEPT, { input: { membershipId: id, note: 'Gerne' } });
    expect(accepted.data?.acceptMembership.membership.status).toBe('ACTIVE');
  });

  it('the coordinator declines, suspends, reactivates and ends; a new invitation reuses the membership', async () => {
    const place = await freshMunicipality(t.dataSource);
    const kim = await t.as(await coordinator());
    const municipalityId = gid('Municipality', place.id);
    const invited = await kim.gql(INVITE, { input: { municipalityId } });
    const id = invited.data?.inviteMunicipality.membership.id;
    expect(
      (await kim.gql(DECLINE, { input: { membershipId: id } })).data?.declineMembership.membership.status,
    ).toBe('DECLINED');
    const again = await kim.gql(INVITE, { input: { municipalityId } });
    expect(again.data?.inviteMunicipality.membership.id).toBe(id);
    // The coordinator who invited cannot accept for the municipality; its officer does.
    const forThem = await kim.gql(ACCEPT, { input: { membershipId: id } });
    expect(forThem.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const officer = await t.as(await officerOf(t.dataSource, place));
    const accepted = (await officer.gql(ACCEPT, { input: { membershipId: id } })).data?.acceptMembership
      .membership;
    expect(accepted.status).toBe('ACTIVE');
    const since = accepted.since;
    expect(since).toBeTruthy();
    expect(
      (await kim.gql(SUSPEND, { input: { membershipId: id } })).data?.suspendMembership.membership.status,
    ).toBe('SUSPENDED');
    const reactivated = (await kim.gql(REACTIVATE, { input: { membershipId: id } })).data
      ?.reactivateMembership.membership;
    // History keeps the original date: "Mitglied seit" is the acceptance, not the reactivation.
    expect(reactivated).toMatchObject({ status: 'ACTIVE', since });
    const ended = await kim.gql(END, { input: { membershipId: id, note: 'Austritt zum Jahresende' } });
    expect(ended.data?.endMembership.membership.status).toBe('LEFT');
    expect(ended.data?.endMembership.membership.history.map((e: { toStatus: string }) => e.toStatus)).toEqual(
      ['INVITED', 'DECLINED', 'INVITED', 'ACTIVE', 'SUSPENDED', 'ACTIVE', 'LEFT'],
    );
    const stored = await t.dataSource
      .getRepository(NetworkMembership)
      .findOneByOrFail({ municipalityId: place.id });
    const audits = await t.dataSource
      .getRepository(AuditEvent)
      .countBy({ entityType: 'NetworkMembership', entityId: stored.id });
    expect(audits).toBe(7);
  });
});

describe('bad input', () => {
  it('refuses a second membership for a member and a second invitation, and writes nothing', async () => {
    const place = await freshMunicipality(t.dataSource);
    await buildMembership(t.dataSource, place, MembershipStatus.ACTIVE);
    const kim = await t.as(await coordinator());
    const second = await kim.gql(INVITE, { input: { municipalityId: gid('Municipality', place.id) } });
    expect(second.data?.inviteMunicipality).toMatchObject({
      membership: null,
      userErrors: [{ field: 'municipalityId', code: 'ALREADY_MEMBER' }],
    });
    const pendingPlace = await freshMunicipality(t.dataSource);
    await buildMembership(t.dataSource, pendingPlace, MembershipStatus.INVITED);
    const officer = await officerOf(t.dataSource, pendingPlace);
    const apply = await (await t.as(officer)).gql(APPLY, {
      input: { municipalityId: gid('Municipality', pendingPlace.id) },
    });
    expect(apply.data?.applyForMembership.userErrors[0].code).toBe('MEMBERSHIP_PENDING');
    const events = await t.dataSource.getRepository(MembershipEvent).countBy({
      membershipId: (
        await t.dataSource.getRepository(NetworkMembership).findOneByOrFail({ municipalityId: place.id })
      ).id,
    });
    expect(events).toBe(2);
  });

  it('answers unknown IDs with NOT_FOUND userErrors and foreign or malformed IDs with BAD_USER_INPUT', async () => {
    const kim = await t.as(await coordinator());
    const unknownMunicipality = await kim.gql(INVITE, {
      input: { municipalityId: gid('Municipality', '00000000-0000-4000-8000-000000000000') },
    });
    expect(unknownMunicipality.data?.inviteMunicipality.userErrors).toEqual([
      expect.objectContaining({ field: 'municipalityId', code: 'NOT_FOUND' }),
    ]);
    const unknownMembership = await kim.gql(SUSPEND, {
      input: { membershipId: gid('NetworkMembership', '00000000-0000-4000-8000-000000000000') },
    });
    expect(unknownMembership.data?.suspendMembership.userErrors[0].code).toBe('NOT_FOUND');
    const someone = await buildUser(t.dataSource);
    const foreign = await kim.gql(INVITE, { input: { municipalityId: gid('User', someone.id) } });
    expect(foreign.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'municipalityId' });
    const garbage = await kim.gql(SUSPEND, { input: { membershipId: 'garbage' } });
    expect(garbage.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const longNote = await kim.gql(INVITE, {
      input: {
        municipalityId: gid('Municipality', (await freshMunicipality(t.dataSource)).id),
        note: 'x'.repeat(1001),
      },
    });
    expect(longNote.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a change that does not fit the status with INVALID_TRANSITION', async () => {
    const place = await freshMunicipality(t.dataSource);
    const membership = await buildMembership(t.dataSource, place, MembershipStatus.LEFT);
    const kim = await t.as(await coordinator());
    const result = await kim.gql(SUSPEND, {
      input: { membershipId: gid('NetworkMembership', membership.id) },
    });
    expect(result.data?.suspendMembership.userErrors[0]).toMatchObject({
      code: 'INVALID_TRANSITION',
      field: 'membershipId',
    });
    const accept = await kim.gql(ACCEPT, {
      input: { membershipId: gid('NetworkMembership', membership.id) },
    });
    expect(accept.data?.acceptMembership.userErrors[0].code).toBe('INVALID_TRANSITION');
  });
});

describe('the membership list', () => {
  it('lists open invitations and applications first, and filters by status', async () => {
    const applied = await freshMunicipality(t.dataSource);
    await buildMembership(t.dataSource, applied, MembershipStatus.APPLIED);
    const kim = await t.as(await coordinator());
    const LIST = `query($filter: MembershipFilter) { networkMemberships(first: 100, filter: $filter) {
      totalCount edges { node { status municipality { name } } } } }`;
    const all = await kim.gql(LIST);
    const statuses = all.data?.networkMemberships.edges.map((e: any) => e.node.status) as string[];
    expect(statuses.indexOf('APPLIED')).toBeLessThan(
      statuses.indexOf('ACTIVE') === -1 ? Infinity : statuses.indexOf('ACTIVE'),
    );
    const open = await kim.gql(LIST, { filter: { statuses: ['APPLIED'] } });
    expect(open.data?.networkMemberships.edges.map((e: any) => e.node.municipality.name)).toContain(
      applied.name,
    );
    expect(open.data?.networkMemberships.edges.every((e: any) => e.node.status === 'APPLIED')).toBe(true);
  });
});

describe('performance of the lists', () => {
  it('lists memberships with history and actors in the same number of statements for 5 and 50', async () => {
    const kim = await t.as(await coordinator());
    const LIST = `query($first: Int) { networkMemberships(first: $first) { edges { node { status
      municipality { name district { name } officerCount }
      history { toStatus actor { name municipality { name } } } } } } }`;
    for (let i = 0; i < 6; i++)
      await buildMembership(
        t.dataSource,
        await freshMunicipality(t.dataSource),
        MembershipStatus.ACTIVE,
        await coordinator(),
      );
    const small = await kim.gql(LIST, { first: 5 });
    const large = await kim.gql(LIST, { first: 50 });
    expect(large.errors).toBeUndefined();
    expect(large.data?.networkMemberships.edges.length).toBeGreaterThan(
      small.data?.networkMemberships.edges.length,
    );
    expect(large.statements.length).toBe(small.statements.length);
  });
});

describe('statistics and map', () => {
  const STATS = `{ networkStatistics { memberCount populationCovered statePopulation populationShare
    byDistrict { district { name kind } memberCount populationCovered population }
    locations { latitude longitude municipality { name } } } }`;

  it('counts members, covered population once per Gemeinde, and members per district', async () => {
    const before = (await t.client().gql(STATS)).data?.networkStatistics;
    const kusel = await municipality(t.dataSource, 'Landkreis Kusel');
    const vg = await municipality(t.dataSource, 'Verbandsgemeinde Kusel-Altenglan');
    await buildMembership(t.dataSource, kusel, MembershipStatus.ACTIVE);
    await buildMembership(t.dataSource, vg, MembershipStatus.ACTIVE);
    const after = (await t.client().gql(STATS)).data?.networkStatistics;
    expect(after.memberCount).toBe(before.memberCount + 2);
    expect(after.statePopulation).toBeGreaterThan(4_000_000);
    // The VG lies in the Landkreis: its people are counted once.
    expect(after.populationCovered - before.populationCovered).toBe(kusel.population);
    expect(after.populationShare).toBeCloseTo(after.populationCovered / after.statePopulation, 6);
    const row = after.byDistrict.find((d: any) => d.district.name === 'Landkreis Kusel');
    expect(row).toMatchObject({
      memberCount: 2,
      populationCovered: kusel.population,
      population: kusel.population,
    });
    expect(after.byDistrict).toHaveLength(36);
    const pin = after.locations.find((l: any) => l.municipality.name === 'Landkreis Kusel');
    expect(pin.latitude).toBeGreaterThan(49.3);
    expect(pin.latitude).toBeLessThan(49.8);
    expect(pin.longitude).toBeGreaterThan(7.1);
    expect(pin.longitude).toBeLessThan(7.7);
  });
});

describe('CSV export of members and officers', () => {
  it('gives coordinators a semicolon CSV with BOM that German Excel opens, contact data included', async () => {
    const place = await freshMunicipality(t.dataSource);
    await buildMembership(t.dataSource, place, MembershipStatus.ACTIVE);
    await officerOf(t.dataSource, place, {
      name: 'Müller; "Mia"',
      phone: '+49 6371 12',
      position: '=SUM(A1)',
    });
    const csv = (await (await t.as(await coordinator())).gql('{ networkMembersCsv }')).data
      ?.networkMembersCsv as string;
    expect(csv.startsWith('\uFEFFKommune;Art;ARS;')).toBe(true);
    expect(csv).toContain('\r\n');
    const line = csv.split('\r\n').find((l) => l.startsWith(`${place.name};`)) as string;
    const fields = [`${place.name}`, 'Ortsgemeinde', place.ars];
    expect(line.startsWith(`${fields.join(';')};`)).toBe(true);
    // Quoted where needed (the delimiter and quotes inside), quotes doubled, formulas neutralised
    // (a phone starting with + as well: Excel would evaluate "+1+HYPERLINK(…)").
    expect(line).toMatch(
      /;Aktives Mitglied;\d{2}\.\d{2}\.\d{4};[\d.]*;"Müller; ""Mia""";'=SUM\(A1\);person-[^;]+@example\.org;'\+49 6371 12$/,
    );
  });
});
