import 'reflect-metadata';
import { MunicipalityKind, ProjectStatus, Role } from '@hub/shared';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser, municipality } from '../support/factories';
import { buildMeeting } from '../support/meeting-factories';
import { buildProject } from '../support/project-factories';
import { buildWorkingGroup } from '../support/working-group-factories';

const SEARCH = `query($text: String!, $kinds: [SearchKind!], $first: Int) {
  search(text: $text, kinds: $kinds, first: $first) { kind totalCount hits { kind nodeId title detail } }
}`;

let t: TestApp;
let mainz: string;
let trier: string;
beforeAll(async () => {
  t = await startTestApp();
  mainz = (await municipality(t.dataSource, 'Mainz', MunicipalityKind.KREISFREIE_STADT)).id;
  trier = (await municipality(t.dataSource, 'Trier', MunicipalityKind.KREISFREIE_STADT)).id;
  await buildProject(t.dataSource, {
    leadMunicipalityId: mainz,
    title: 'Glasfaserausbau im Gewerbegebiet',
    summary: 'Schnelles Internet für Betriebe.',
  });
  await buildProject(t.dataSource, {
    leadMunicipalityId: mainz,
    title: 'Glasfaser-Entwurf (intern)',
    status: ProjectStatus.DRAFT,
    publishedAt: null,
  });
  await buildWorkingGroup(t.dataSource, { name: 'AG Breitband', topic: 'Glasfaser in der Fläche' });
  await buildMeeting(t.dataSource, {
    title: 'Glasfaser-Workshop',
    description: 'Erfahrungen mit dem Ausbau',
  });
  const published = await buildMeeting(t.dataSource, { title: 'Netzwerktreffen Herbst' });
  const drafted = await buildMeeting(t.dataSource, { title: 'Vorstandssitzung Winter' });
  // Published minutes (a revision) and minutes still in draft, whose text nobody may find.
  const [{ id: publishedMinutes }] = await t.dataSource.query(
    `INSERT INTO meeting_minutes (meeting_id, status, body) VALUES ($1, 'PUBLISHED', 'Glasfaser: Förderaufruf besprochen') RETURNING id`,
    [published.id],
  );
  await t.dataSource.query(
    `INSERT INTO meeting_minutes_revision (minutes_id, meeting_id, revision, body, item_notes, outcomes)
     VALUES ($1, $2, 1, 'Glasfaser: Förderaufruf besprochen', '[]', '[]')`,
    [publishedMinutes, published.id],
  );
  await t.dataSource.query(
    `INSERT INTO meeting_minutes (meeting_id, status, body) VALUES ($1, 'DRAFT', 'Glasfaser vertraulich: Personalfragen')`,
    [drafted.id],
  );
  await buildUser(t.dataSource, {
    name: 'Gisela Glasfaser',
    municipalityId: trier,
    position: 'Digitallotsin',
  });
});
afterAll(() => t.close());

type Group = { kind: string; totalCount: number; hits: { title: string; detail: string | null }[] };
const titlesByKind = (groups: Group[]) =>
  Object.fromEntries(groups.map((g) => [g.kind, g.hits.map((h) => h.title).sort()]));

describe('one search box: each kind only where the viewer may read it', () => {
  it('shows the public published projects only: no groups, meetings, minutes or people', async () => {
    const result = await t.client().gql(SEARCH, { text: 'Glasfaser' });
    expect(result.errors).toBeUndefined();
    expect(titlesByKind(result.data!.search)).toEqual({ PROJECT: ['Glasfaserausbau im Gewerbegebiet'] });
  });

  it('shows the ministry published projects, groups, meetings and published minutes, but no drafts and no people', async () => {
    const ministry = await t.as(await buildUser(t.dataSource, { role: Role.MINISTRY, municipalityId: null }));
    const result = await ministry.gql(SEARCH, { text: 'Glasfaser' });
    expect(result.errors).toBeUndefined();
    expect(titlesByKind(result.data!.search)).toEqual({
      PROJECT: ['Glasfaserausbau im Gewerbegebiet'],
      WORKING_GROUP: ['AG Breitband'],
      MEETING: ['Glasfaser-Workshop'],
      MINUTES: ['Netzwerktreffen Herbst'],
    });
  });

  it('hides another municipality’s draft from an officer, who finds people (names and positions)', async () => {
    const officer = await t.as(await buildUser(t.dataSource, { municipalityId: trier }));
    const result = await officer.gql(SEARCH, { text: 'Glasfaser' });
    expect(result.errors).toBeUndefined();
    const groups = titlesByKind(result.data!.search);
    expect(groups.PROJECT).toEqual(['Glasfaserausbau im Gewerbegebiet']);
    expect(groups.PERSON).toEqual(['Gisela Glasfaser']);
    const person = result.data!.search.find((g: Group) => g.kind === 'PERSON').hits[0];
    expect(person.detail).toBe('Digitallotsin');
  });

  it('shows the lead municipality’s officer their own draft', async () => {
    const officer = await t.as(await buildUser(t.dataSource, { municipalityId: mainz }));
    const result = await officer.gql(SEARCH, { text: 'Glasfaser', kinds: ['PROJECT'] });
    expect(titlesByKind(result.data!.search)).toEqual({
      PROJECT: ['Glasfaser-Entwurf (intern)', 'Glasfaserausbau im Gewerbegebiet'],
    });
  });

  it('never finds the text of unpublished minutes, not even for a coordinator', async () => {
    const coordinator = await t.as(
      await buildUser(t.dataSource, { role: Role.COORDINATOR, municipalityId: null }),
    );
    const result = await coordinator.gql(SEARCH, { text: 'vertraulich Personalfragen' });
    expect(result.errors).toBeUndefined();
    expect(result.data!.search.map((g: Group) => g.kind)).not.toContain('MINUTES');
  });

  it('finds with German folding, stems and synonyms, and municipalities by name and registration code', async () => {
    const result = await t.client().gql(SEARCH, { text: 'Breitband fuer Unternehmen' });
    expect(titlesByKind(result.data!.search).PROJECT).toEqual(['Glasfaserausbau im Gewerbegebiet']);
    const plate = await t.client().gql(SEARCH, { text: 'TR', kinds: ['MUNICIPALITY'], first: 1 });
    expect(titlesByKind(plate.data!.search)).toEqual({ MUNICIPALITY: ['Trier'] });
  });

  it('costs a fixed number of SQL statements whatever the number of hits per kind', async () => {
    const coordinator = await t.as(
      await buildUser(t.dataSource, { role: Role.COORDINATOR, municipalityId: null }),
    );
    await coordinator.gql(SEARCH, { text: 'Glasfaser Ausbau', first: 1 }); // the search terms are cached after this
    const few = await coordinator.gql(SEARCH, { text: 'Glasfaser Ausbau', first: 1 });
    const many = await coordinator.gql(SEARCH, { text: 'Glasfaser Ausbau', first: 20 });
    expect(few.errors).toBeUndefined();
    expect(many.statements.length).toBe(few.statements.length);
    // Projects and people: page + count each; municipalities, groups, meetings, minutes: one each
    // (the count in the same statement); the session lookup.
    expect(many.statements.length).toBe(9);
  });

  it('rejects a too long text or page size with BAD_USER_INPUT', async () => {
    const long = await t.client().gql(SEARCH, { text: 'x'.repeat(201) });
    expect(long.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const many = await t.client().gql(SEARCH, { text: 'Glasfaser', first: 21 });
    expect(many.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
