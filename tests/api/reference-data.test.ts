import { MunicipalityKind } from '@hub/shared';
import { Municipality } from '../../packages/api/src/modules/municipalities/municipality.entity';
import { User } from '../../packages/api/src/modules/users/user.entity';
import { DEMO_ACCOUNTS, seedDemo } from '../../packages/api/src/seed/demo';
import { loadMunicipalities } from '../../packages/api/src/seed/reference-data';
import { startTestApp } from '../support/app';
import type { TestDatabase } from '../support/db';
import { createTestDatabase } from '../support/db';
import { gid, municipality } from '../support/factories';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

describe('the municipality directory from the Gemeindeverzeichnis', () => {
  it('holds every unit of Rheinland-Pfalz: 2,303 Gemeinden, 129 Verbandsgemeinden, 24 Landkreise', async () => {
    const rows: { kind: MunicipalityKind; count: string }[] = await db.dataSource.query(
      'SELECT kind, count(*) FROM municipality GROUP BY kind',
    );
    const counts = Object.fromEntries(rows.map((r) => [r.kind, Number(r.count)]));
    expect(counts).toEqual({
      KREISFREIE_STADT: 12,
      LANDKREIS: 24,
      VERBANDSGEMEINDE: 129,
      VERBANDSFREIE_GEMEINDE: 29,
      STADT: 97,
      ORTSGEMEINDE: 2164,
      GEMEINDEFREIES_GEBIET: 1,
    });
    const gemeinden =
      counts.KREISFREIE_STADT +
      counts.VERBANDSFREIE_GEMEINDE +
      counts.STADT +
      counts.ORTSGEMEINDE +
      counts.GEMEINDEFREIES_GEBIET;
    expect(gemeinden).toBe(2303);
  });

  it('keeps official keys, figures, coordinates and parents', async () => {
    const kl = await municipality(db.dataSource, 'Kaiserslautern', MunicipalityKind.KREISFREIE_STADT);
    expect(kl).toMatchObject({ ags: '07312000', ars: '073120000000', isTown: true });
    expect(kl.population).toBeGreaterThan(90_000);
    expect(kl.latitude).toBeCloseTo(49.44, 1);
    expect(kl.longitude).toBeCloseTo(7.77, 1);

    const remagen = await municipality(db.dataSource, 'Remagen');
    expect(remagen).toMatchObject({
      ags: '07131070',
      kind: MunicipalityKind.VERBANDSFREIE_GEMEINDE,
      postcode: '53424',
    });
    const ahrweiler = await db.dataSource
      .getRepository(Municipality)
      .findOneByOrFail({ id: remagen.parentId! });
    expect(ahrweiler.kind).toBe(MunicipalityKind.LANDKREIS);
    expect(remagen.districtId).toBe(ahrweiler.id);

    const ortsgemeinden = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM municipality o JOIN municipality vg ON vg.id = o.parent_id
        WHERE o.kind = 'ORTSGEMEINDE' AND vg.kind = 'VERBANDSGEMEINDE'`,
    );
    expect(ortsgemeinden[0].n).toBe(2164);
  });

  it('loading again changes nothing', async () => {
    const again = await db.dataSource.transaction((m) => loadMunicipalities(m));
    expect(again).toEqual({ inserted: 0, updated: 0 });
  });
});

describe('the demo network', () => {
  it('creates about 50 members and accounts for every role (two coordinators: four eyes), only once', async () => {
    const accounts = await db.dataSource.transaction((m) => seedDemo(m));
    expect(accounts.map((a) => a.role).sort()).toEqual([
      'COORDINATOR',
      'COORDINATOR',
      'MINISTRY',
      'OFFICER',
      'OFFICER',
    ]);
    const members = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM network_membership WHERE status = 'ACTIVE'`,
    );
    expect(members[0].n).toBeGreaterThanOrEqual(45);
    const users = await db.dataSource.getRepository(User).findBy({ isDemo: true });
    expect(users.map((u) => u.email)).toEqual(expect.arrayContaining(DEMO_ACCOUNTS.map((a) => a.email)));
    expect(await db.dataSource.transaction((m) => seedDemo(m))).toEqual([]);
  });
});

describe('demo meetings', () => {
  it("carry an open action item from published minutes onto the group's next meeting", async () => {
    const t = await startTestApp();
    try {
      await t.dataSource.transaction((m) => seedDemo(m));
      const lead = await t.dataSource
        .getRepository(User)
        .findOneByOrFail({ email: 'digital@kaiserslautern.demo' });
      const client = await t.as(lead);
      const [next] = await t.dataSource.query(
        `SELECT id FROM meeting WHERE title = 'AG Smart City: nächste Sitzung (Demo)'`,
      );
      const result = await client.gql(
        'query($id: ID!) { node(id: $id) { ... on Meeting { title openActionItems { title status } } } }',
        { id: gid('Meeting', next.id) },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.node.openActionItems).toEqual([
        { title: 'Leistungsbeschreibung Sensorik entwerfen', status: 'OPEN' },
      ]);
      // One published revision per set of published minutes (the demo's history has many).
      const [{ revisions, published }] = await t.dataSource.query(
        `SELECT (SELECT count(*)::int FROM meeting_minutes_revision) AS revisions,
                (SELECT count(*)::int FROM meeting_minutes WHERE published_at IS NOT NULL) AS published`,
      );
      expect(revisions).toBe(published);
      expect(published).toBeGreaterThan(10);
    } finally {
      await t.close();
    }
  });
});
