import { CostRecurrence, Locale, MunicipalityKind, ProjectCategory, ProjectStatus, Role } from '@hub/shared';
import { Project } from '../../packages/api/src/modules/projects/project.entity';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser, gid, municipality } from '../support/factories';
import { consume } from '../support/notification-helpers';
import { buildProject } from '../support/project-factories';

let t: TestApp;
let kl: string;
let mainz: string;
let trier: string;
let koblenz: string;

beforeAll(async () => {
  t = await startTestApp();
  kl = (await municipality(t.dataSource, 'Kaiserslautern', MunicipalityKind.KREISFREIE_STADT)).id;
  mainz = (await municipality(t.dataSource, 'Mainz', MunicipalityKind.KREISFREIE_STADT)).id;
  trier = (await municipality(t.dataSource, 'Trier', MunicipalityKind.KREISFREIE_STADT)).id;
  koblenz = (await municipality(t.dataSource, 'Koblenz', MunicipalityKind.KREISFREIE_STADT)).id;
});
afterAll(() => t.close());

const ADOPT = `mutation($input: AdoptProjectInput!) { adoptProject(input: $input) {
  project { id title status adaptationNotes estimatedSavingCents leadMunicipality { name } origin { title } lineage { title } solution { product } }
  origin { adoptionCount }
  userErrors { code field message } } }`;
const INTEREST = `mutation($input: MarkProjectInterestInput!) { markProjectInterest(input: $input) { project { participants { role municipality { name } } } userErrors { code } } }`;

describe('reuse (Nachnutzung)', () => {
  it('marks interest, adopts, records the lineage and lists adopters on the origin', async () => {
    const origin = await buildProject(t.dataSource, {
      leadMunicipalityId: kl,
      title: 'Westpfalz Wiki',
      category: ProjectCategory.TOURISM_CULTURE,
      solutionProduct: 'MediaWiki',
    });
    const mainzOfficer = await t.as(await buildUser(t.dataSource, { municipalityId: mainz }));
    const interest = await mainzOfficer.gql(INTEREST, { input: { projectId: gid('Project', origin.id) } });
    expect(interest.data?.markProjectInterest.project.participants).toEqual(
      expect.arrayContaining([{ role: 'INTERESTED', municipality: { name: 'Mainz' } }]),
    );

    const adopted = await mainzOfficer.gql(ADOPT, {
      input: {
        projectId: gid('Project', origin.id),
        adaptations: 'Eigene Kategorien für Rheinhessen',
        estimatedSavingCents: 4_500_000,
        title: 'Rheinhessen Wiki',
      },
    });
    expect(adopted.data?.adoptProject).toMatchObject({
      project: {
        title: 'Rheinhessen Wiki',
        status: 'DRAFT',
        adaptationNotes: 'Eigene Kategorien für Rheinhessen',
        estimatedSavingCents: 4_500_000,
        leadMunicipality: { name: 'Mainz' },
        origin: { title: 'Westpfalz Wiki' },
        lineage: [{ title: 'Westpfalz Wiki' }],
        solution: { product: 'MediaWiki' },
      },
      origin: { adoptionCount: 1 },
      userErrors: [],
    });
    const again = await mainzOfficer.gql(ADOPT, { input: { projectId: gid('Project', origin.id) } });
    expect(again.data?.adoptProject.userErrors[0].code).toBe('ALREADY_ADOPTED');

    // Trier adopts Mainz's adoption once it is published: the lineage is the whole chain.
    const mainzProjectId = adopted.data!.adoptProject.project.id;
    await mainzOfficer.gql(
      `mutation($input: SetProjectStatusInput!) { setProjectStatus(input: $input) { userErrors { code } } }`,
      {
        input: { id: mainzProjectId, status: 'PUBLISHED' },
      },
    );
    const trierOfficer = await t.as(await buildUser(t.dataSource, { municipalityId: trier }));
    const second = await trierOfficer.gql(ADOPT, {
      input: { projectId: mainzProjectId, estimatedSavingCents: 1_000_000 },
    });
    expect(second.data?.adoptProject.project.lineage).toEqual([
      { title: 'Rheinhessen Wiki' },
      { title: 'Westpfalz Wiki' },
    ]);

    const read = await t
      .client()
      .gql(
        `query($id: ID!) { project(id: $id) { adoptionCount adopters { title } participants { role municipality { name } } } }`,
        { id: gid('Project', origin.id) },
      );
    // The public sees published adopters only; Mainz's participation turned from INTERESTED into ADOPTER.
    expect(read.data?.project.adopters).toEqual([{ title: 'Rheinhessen Wiki' }]);
    expect(read.data?.project.participants).toEqual(
      expect.arrayContaining([{ role: 'ADOPTER', municipality: { name: 'Mainz' } }]),
    );

    const figures = await t
      .client()
      .gql(
        `{ projectNetworkFigures { mostReused { title adoptionCount } adoptionsByCategory { value count } adoptionCount estimatedSavingsCents } }`,
      );
    expect(figures.data?.projectNetworkFigures).toEqual({
      mostReused: expect.arrayContaining([
        { title: 'Westpfalz Wiki', adoptionCount: 1 },
        { title: 'Rheinhessen Wiki', adoptionCount: 1 },
      ]),
      adoptionsByCategory: [{ value: 'TOURISM_CULTURE', count: 2 }],
      adoptionCount: 2,
      estimatedSavingsCents: 5_500_000,
    });
  });

  it('createProject and updateProject with an origin adopt through the same path as adoptProject', async () => {
    const bad = (await municipality(t.dataSource, 'Pirmasens', MunicipalityKind.KREISFREIE_STADT)).id;
    const origin = await buildProject(t.dataSource, { leadMunicipalityId: kl, title: 'Kita-Portal' });
    const originOfficer = await buildUser(t.dataSource, { municipalityId: kl });
    const other = await buildProject(t.dataSource, { leadMunicipalityId: trier, title: 'Kita-App' });
    const officer = await t.as(await buildUser(t.dataSource, { municipalityId: bad }));
    const READ = `query($id: ID!) { project(id: $id) { adoptionCount adopters { title } participants { role municipality { name } } } }`;
    const read = async (id: string) => (await officer.gql(READ, { id: gid('Project', id) })).data?.project;

    const created = await officer.gql(
      `mutation($input: CreateProjectInput!) { createProject(input: $input) { project { id origin { title } } userErrors { code } } }`,
      {
        input: {
          title: 'Kita-Portal Pirmasens',
          category: 'EDUCATION_CHILDCARE',
          publish: true,
          originProjectId: gid('Project', origin.id),
        },
      },
    );
    expect(created.data?.createProject).toMatchObject({ project: { origin: { title: 'Kita-Portal' } } });
    const ownId = created.data!.createProject.project.id;
    expect(await read(origin.id)).toEqual({
      adoptionCount: 1,
      adopters: [{ title: 'Kita-Portal Pirmasens' }],
      participants: expect.arrayContaining([{ role: 'ADOPTER', municipality: { name: 'Pirmasens' } }]),
    });
    // The origin's team hears of it through the notifications (no mail of its own besides them).
    await consume(t.dataSource);
    const notices: { excerpt: string }[] = await t.dataSource.query(
      `SELECT excerpt FROM notification WHERE kind = 'PROJECT_ADOPTED' AND subject_id = $1 AND recipient_id = $2`,
      [origin.id, originOfficer.id],
    );
    expect(notices.map((n) => n.excerpt.split('\n')[0])).toEqual(['Kita-Portal Pirmasens']);

    // Moving the origin moves the count and the adopter role; clearing it removes both.
    const UPDATE = `mutation($input: UpdateProjectInput!) { updateProject(input: $input) { project { origin { title } } userErrors { code } } }`;
    const moved = await officer.gql(UPDATE, {
      input: { id: ownId, originProjectId: gid('Project', other.id) },
    });
    expect(moved.data?.updateProject).toEqual({ project: { origin: { title: 'Kita-App' } }, userErrors: [] });
    expect(await read(origin.id)).toMatchObject({ adoptionCount: 0, adopters: [] });
    expect((await read(origin.id))?.participants).not.toContainEqual({
      role: 'ADOPTER',
      municipality: { name: 'Pirmasens' },
    });
    expect(await read(other.id)).toMatchObject({
      adoptionCount: 1,
      adopters: [{ title: 'Kita-Portal Pirmasens' }],
    });
    const cleared = await officer.gql(UPDATE, { input: { id: ownId, originProjectId: null } });
    expect(cleared.data?.updateProject.project.origin).toBeNull();
    expect(await read(other.id)).toMatchObject({ adoptionCount: 0, adopters: [] });

    // The same rules as adoptProject: not twice, not a draft, not one's own.
    await officer.gql(UPDATE, { input: { id: ownId, originProjectId: gid('Project', origin.id) } });
    const twice = await officer.gql(
      `mutation($input: CreateProjectInput!) { createProject(input: $input) { project { id } userErrors { code field } } }`,
      {
        input: {
          title: 'Noch ein Kita-Portal',
          category: 'EDUCATION_CHILDCARE',
          originProjectId: gid('Project', origin.id),
        },
      },
    );
    expect(twice.data?.createProject.userErrors).toEqual([
      { code: 'ALREADY_ADOPTED', field: 'originProjectId' },
    ]);
    const draft = await buildProject(t.dataSource, { leadMunicipalityId: kl, status: ProjectStatus.DRAFT });
    const fromDraft = await (await t.as(await buildUser(t.dataSource, { role: Role.COORDINATOR }))).gql(
      UPDATE,
      {
        input: { id: ownId, originProjectId: gid('Project', draft.id) },
      },
    );
    expect(fromDraft.data?.updateProject.userErrors).toEqual([{ code: 'NOT_PUBLISHED' }]);
    expect(await read(origin.id)).toMatchObject({ adoptionCount: 1 });

    const figures = await t.client().gql(`{ projectNetworkFigures { mostReused { title adoptionCount } } }`);
    expect(figures.data?.projectNetworkFigures.mostReused).toContainEqual({
      title: 'Kita-Portal',
      adoptionCount: 1,
    });
    expect(figures.data?.projectNetworkFigures.mostReused).not.toContainEqual(
      expect.objectContaining({ title: 'Kita-App' }),
    );
  });

  it("adopts with a distinguishable title, the origin's costs on request, and tells the origin's team by e-mail", async () => {
    const worms = (await municipality(t.dataSource, 'Worms', MunicipalityKind.KREISFREIE_STADT)).id;
    const speyer = (await municipality(t.dataSource, 'Speyer', MunicipalityKind.KREISFREIE_STADT)).id;
    const leadOfficer = await buildUser(t.dataSource, { municipalityId: worms, name: 'Wera Worms' });
    const englishOfficer = await buildUser(t.dataSource, { municipalityId: worms, locale: Locale.EN });
    const coordinatorContact = await buildUser(t.dataSource, { role: Role.COORDINATOR });
    const origin = await buildProject(t.dataSource, {
      leadMunicipalityId: worms,
      title: 'Digitale Parkraumsteuerung',
      costs: [
        { amountCents: 1_200_000, label: 'Sensoren' },
        { amountCents: 300_000, label: 'Lizenz', recurrence: CostRecurrence.YEARLY },
      ],
    });
    await t.dataSource.query('INSERT INTO project_contact (project_id, user_id) VALUES ($1, $2)', [
      origin.id,
      coordinatorContact.id,
    ]);
    const adopter = await buildUser(t.dataSource, { municipalityId: speyer, name: 'Sven Speyer' });
    const ADOPT_WITH_COSTS = `mutation($input: AdoptProjectInput!) { adoptProject(input: $input) {
      project { title contacts { name } costs { label amountCents recurrence } } origin { adoptionCount } notifiedPeople userErrors { code } } }`;
    const result = await (await t.as(adopter)).gql(ADOPT_WITH_COSTS, {
      input: { projectId: gid('Project', origin.id), copyCosts: true, adaptations: 'Nur die Innenstadt' },
    });
    expect(result.data?.adoptProject).toEqual({
      project: {
        title: 'Digitale Parkraumsteuerung (Speyer)',
        contacts: [{ name: 'Sven Speyer' }],
        costs: [
          { label: 'Sensoren', amountCents: 1_200_000, recurrence: 'ONE_OFF' },
          { label: 'Lizenz', amountCents: 300_000, recurrence: 'YEARLY' },
        ],
      },
      origin: { adoptionCount: 1 },
      notifiedPeople: 3,
      userErrors: [],
    });
    // The origin's team is told once, through the notifications (in the app; by e-mail at once or
    // in the digest as each chose), with what is adapted and whom to ask; the adopter is not told.
    await consume(t.dataSource);
    const told: { recipient_id: string; excerpt: string; link: string }[] = await t.dataSource.query(
      `SELECT recipient_id, excerpt, link FROM notification WHERE kind = 'PROJECT_ADOPTED' AND subject_id = $1`,
      [origin.id],
    );
    expect(told.map((n) => n.recipient_id).sort()).toEqual(
      [leadOfficer.id, englishOfficer.id, coordinatorContact.id].sort(),
    );
    expect(told[0].excerpt).toBe(`Digitale Parkraumsteuerung (Speyer)\nNur die Innenstadt\n${adopter.email}`);
    expect(told[0].link).toBe(`/projekte/${encodeURIComponent(gid('Project', origin.id))}`);
    expect(await t.dataSource.query(`SELECT 1 FROM outbox_message WHERE kind = 'project.adopted'`)).toEqual(
      [],
    );

    // Without copyCosts the new project starts without cost lines; a coordinator adopting for a
    // member follows the same path and is not mailed even as the origin's contact.
    const zweibruecken = (await municipality(t.dataSource, 'Zweibrücken', MunicipalityKind.KREISFREIE_STADT))
      .id;
    const byCoordinator = await (await t.as(coordinatorContact)).gql(ADOPT_WITH_COSTS, {
      input: {
        projectId: gid('Project', origin.id),
        municipalityId: gid('Municipality', zweibruecken),
      },
    });
    expect(byCoordinator.data?.adoptProject).toMatchObject({
      project: { title: 'Digitale Parkraumsteuerung (Zweibrücken)', costs: [] },
      origin: { adoptionCount: 2 },
      notifiedPeople: 2,
    });
  });

  it('refuses adopting drafts, by the ministry, and without a municipality for coordinators', async () => {
    const draft = await buildProject(t.dataSource, { leadMunicipalityId: kl, status: ProjectStatus.DRAFT });
    const published = await buildProject(t.dataSource, { leadMunicipalityId: kl });
    const coordinator = await t.as(await buildUser(t.dataSource, { role: Role.COORDINATOR }));
    expect(
      (await coordinator.gql(ADOPT, { input: { projectId: gid('Project', draft.id) } })).data?.adoptProject
        .userErrors[0].code,
    ).toBe('NOT_PUBLISHED');
    expect(
      (await coordinator.gql(ADOPT, { input: { projectId: gid('Project', published.id) } })).data
        ?.adoptProject.userErrors[0].code,
    ).toBe('MUNICIPALITY_REQUIRED');
    const forKoblenz = await coordinator.gql(ADOPT, {
      input: { projectId: gid('Project', published.id), municipalityId: gid('Municipality', koblenz) },
    });
    expect(forKoblenz.data?.adoptProject.project.leadMunicipality).toEqual({ name: 'Koblenz' });
    const ministry = await t.as(await buildUser(t.dataSource, { role: Role.MINISTRY }));
    expect(
      (await ministry.gql(ADOPT, { input: { projectId: gid('Project', published.id) } })).data?.adoptProject
        .userErrors[0].code,
    ).toBe('MUNICIPALITY_REQUIRED');
    const negative = await (await t.as(await buildUser(t.dataSource, { municipalityId: trier }))).gql(ADOPT, {
      input: { projectId: gid('Project', published.id), estimatedSavingCents: -5 },
    });
    expect(negative.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await t.dataSource.getRepository(Project).countBy({ originProjectId: published.id })).toBe(1);
  });
});

describe('interoperability', () => {
  it('exports a publiccode.yml and prefills a new project from one', async () => {
    const project = await buildProject(t.dataSource, {
      leadMunicipalityId: kl,
      title: 'Digitale Dörfer',
      summary: 'Plattform für Dorfgemeinschaften: DorfFunk, DorfNews, DorfPages',
      description: 'Die Plattform verbindet Bürgerinnen und Bürger im ländlichen Raum.',
      solutionProduct: 'Digitale Dörfer',
      solutionVendor: 'Fraunhofer IESE',
      solutionOpenSource: true,
      solutionLicence: 'EUPL-1.2',
      solutionRepositoryUrl: 'https://gitlab.opencode.de/digitale-doerfer/plattform',
    });
    const result = await t
      .client()
      .gql(`query($id: ID!) { project(id: $id) { publiccodeYml } }`, { id: gid('Project', project.id) });
    const yml: string = result.data?.project.publiccodeYml;
    expect(yml).toContain('publiccodeYmlVersion: "0.4"');
    expect(yml).toContain('url: https://gitlab.opencode.de/digitale-doerfer/plattform');
    expect(yml).toContain('license: EUPL-1.2');
    expect(yml).toContain('developmentStatus: beta');

    const officer = await t.as(await buildUser(t.dataSource, { municipalityId: mainz }));
    const PREFILL = `mutation($input: PrefillFromPubliccodeInput!) { prefillProjectFromPubliccode(input: $input) {
      draft { title summary description solution { product vendor openSource licence repositoryUrl } } userErrors { code field message } } }`;
    const prefill = await officer.gql(PREFILL, { input: { yaml: yml } });
    expect(prefill.data?.prefillProjectFromPubliccode).toEqual({
      draft: {
        title: 'Digitale Dörfer',
        summary: 'Plattform für Dorfgemeinschaften: DorfFunk, DorfNews, DorfPages',
        description: 'Die Plattform verbindet Bürgerinnen und Bürger im ländlichen Raum.',
        solution: {
          product: 'Digitale Dörfer',
          vendor: 'Fraunhofer IESE',
          openSource: true,
          licence: 'EUPL-1.2',
          repositoryUrl: 'https://gitlab.opencode.de/digitale-doerfer/plattform',
        },
      },
      userErrors: [],
    });
    for (const [yaml, code] of [
      ['name: [unclosed', 'INVALID_YAML'],
      ['- a\n- b', 'INVALID_PUBLICCODE'],
      ['name: Ohne Version', 'INVALID_PUBLICCODE'],
      [
        'a: &a [1,1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]',
        'INVALID_YAML',
      ],
    ] as const) {
      const bad = await officer.gql(PREFILL, { input: { yaml } });
      expect(bad.data?.prefillProjectFromPubliccode).toMatchObject({
        draft: null,
        userErrors: [{ code, field: 'yaml' }],
      });
    }
    const unsafeUrl = await officer.gql(PREFILL, {
      input: { yaml: 'publiccodeYmlVersion: "0.4"\nname: X\nurl: "javascript:alert(1)"' },
    });
    expect(unsafeUrl.data?.prefillProjectFromPubliccode.draft.solution.repositoryUrl).toBeNull();
    expect((await t.client().gql(PREFILL, { input: { yaml: yml } })).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('exports the catalogue as CSV with totals and no spreadsheet formulas', async () => {
    await buildProject(t.dataSource, {
      leadMunicipalityId: koblenz,
      title: '=HYPERLINK("http://evil")',
      costs: [{ amountCents: 123_456 }, { amountCents: 100, recurrence: 'YEARLY' as never }],
    });
    const csv = await t
      .client()
      .gql(`query($filter: ProjectFilter) { projectCatalogueCsv(filter: $filter) }`, {
        filter: { municipalityId: gid('Municipality', koblenz) },
      });
    const lines: string[] = csv.data?.projectCatalogueCsv.trim().split('\r\n');
    expect(csv.data?.projectCatalogueCsv.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toMatch(/^ID;Titel;Kategorie;Phase;Status;Federführende Kommune;Landkreis/);
    expect(lines.find((l) => l.includes('HYPERLINK'))).toContain(`;"'=HYPERLINK(""http://evil"")";`);
    expect(lines.find((l) => l.includes('HYPERLINK'))).toContain(';1.234,56;1,00;0,00;');
  });
});
