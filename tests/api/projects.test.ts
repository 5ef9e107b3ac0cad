import {
  CostRecurrence,
  CostType,
  MunicipalityKind,
  ProjectCategory,
  ProjectStatus,
  Role,
} from '@hub/shared';
import { Project } from '../../packages/api/src/modules/projects/project.entity';
import { ProjectCost } from '../../packages/api/src/modules/projects/project-details.entity';
import type { User } from '../../packages/api/src/modules/users/user.entity';
import type { TestApp, TestClient } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser, gid, municipality } from '../support/factories';
import { buildProject } from '../support/project-factories';

let t: TestApp;
let kl: string;
let mainz: string;
let trier: string;
let people: Record<'coordinator' | 'leadOfficer' | 'partnerOfficer' | 'otherOfficer' | 'ministry', User>;

beforeAll(async () => {
  t = await startTestApp();
  kl = (await municipality(t.dataSource, 'Kaiserslautern', MunicipalityKind.KREISFREIE_STADT)).id;
  mainz = (await municipality(t.dataSource, 'Mainz', MunicipalityKind.KREISFREIE_STADT)).id;
  trier = (await municipality(t.dataSource, 'Trier', MunicipalityKind.KREISFREIE_STADT)).id;
  people = {
    coordinator: await buildUser(t.dataSource, { role: Role.COORDINATOR }),
    leadOfficer: await buildUser(t.dataSource, { municipalityId: kl }),
    partnerOfficer: await buildUser(t.dataSource, { municipalityId: mainz }),
    otherOfficer: await buildUser(t.dataSource, { municipalityId: trier }),
    ministry: await buildUser(t.dataSource, { role: Role.MINISTRY }),
  };
});
afterAll(() => t.close());

const CREATE = `mutation($input: CreateProjectInput!) {
  createProject(input: $input) {
    project { id title status descriptionHtml leadMunicipality { name } participants { role municipality { name } }
      costs { label amountCents currency recurrence costType } costSummary { oneOffTotalCents yearlyTotalCents fundingTotalCents currency hasCostInformation }
      funding { programme amountCents sharePercent } milestones { title dueDate done } solution { product openSource licence repositoryUrl }
      contacts { name } viewerCan { edit publish adopt postStatusUpdate setNetworkProject } }
    userErrors { field message code }
    similarProjects { project { title } }
  }
}`;

const UPDATE = `mutation($input: UpdateProjectInput!) { updateProject(input: $input) { project { id title isNetworkProject } userErrors { field code message } } }`;

const PROJECT = `query($id: ID!) { project(id: $id) { id title status contacts { name email } participants { role municipality { name } }
  viewerCan { edit publish adopt postStatusUpdate setNetworkProject } } }`;

async function client(actor: keyof typeof people | 'anonymous'): Promise<TestClient> {
  return actor === 'anonymous' ? t.client() : t.as(people[actor]);
}

describe('creating a project', () => {
  it('stores the record, renders sanitised Markdown, sums the costs in SQL and makes the officer lead', async () => {
    const officer = await t.as(people.leadOfficer);
    const result = await officer.gql(CREATE, {
      input: {
        title: 'Digitales Bürgerbüro',
        summary: 'Online-Termine und Anträge für das Bürgerbüro',
        description:
          '# Ziel\n\nAnträge **online** stellen. <script>alert(1)</script> [Link](javascript:alert(1)) <img src=x onerror=alert(1)>',
        category: ProjectCategory.CITIZEN_SERVICES,
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        costs: [
          {
            label: 'Lizenz',
            costType: CostType.LICENCE,
            recurrence: CostRecurrence.YEARLY,
            amountCents: 1_200_000,
          },
          {
            label: 'Einrichtung',
            costType: CostType.SERVICES,
            recurrence: CostRecurrence.ONE_OFF,
            amountCents: 2_500_050,
          },
          {
            label: 'Tablets',
            costType: CostType.HARDWARE,
            recurrence: CostRecurrence.ONE_OFF,
            amountCents: 99_900,
            currency: 'eur',
          },
        ],
        funding: [{ programme: 'Förderprogramm Digitale Kommune', amountCents: 1_000_000, sharePercent: 40 }],
        milestones: [
          { title: 'Ausschreibung', dueDate: '2026-03-01' },
          { title: 'Start', dueDate: '2026-06-01', done: false },
        ],
        solution: {
          product: 'Bürgerportal',
          openSource: true,
          licence: 'EUPL-1.2',
          repositoryUrl: 'https://gitlab.opencode.de/kl/buergerportal',
        },
        partnerMunicipalityIds: [gid('Municipality', mainz)],
        contactIds: [gid('User', people.leadOfficer.id), gid('User', people.partnerOfficer.id)],
      },
    });
    expect(result.errors).toBeUndefined();
    const { project, userErrors } = result.data!.createProject;
    expect(userErrors).toEqual([]);
    expect(project).toMatchObject({
      title: 'Digitales Bürgerbüro',
      status: ProjectStatus.DRAFT,
      leadMunicipality: { name: 'Kaiserslautern' },
      costSummary: {
        oneOffTotalCents: 2_599_950,
        yearlyTotalCents: 1_200_000,
        fundingTotalCents: 1_000_000,
        currency: 'EUR',
        hasCostInformation: true,
      },
      funding: [{ programme: 'Förderprogramm Digitale Kommune', amountCents: 1_000_000, sharePercent: 40 }],
      milestones: [{ title: 'Ausschreibung', dueDate: '2026-03-01', done: false }, { title: 'Start' }],
      solution: { product: 'Bürgerportal', openSource: true, licence: 'EUPL-1.2' },
      viewerCan: {
        edit: true,
        publish: true,
        adopt: false,
        postStatusUpdate: true,
        setNetworkProject: false,
      },
    });
    expect(project.costs.map((c: { currency: string }) => c.currency)).toEqual(['EUR', 'EUR', 'EUR']);
    expect(project.participants).toEqual(
      expect.arrayContaining([
        { role: 'LEAD', municipality: { name: 'Kaiserslautern' } },
        { role: 'PARTNER', municipality: { name: 'Mainz' } },
      ]),
    );
    expect(project.contacts.map((c: { name: string }) => c.name).sort()).toEqual(
      [people.leadOfficer.name, people.partnerOfficer.name].sort(),
    );
    // Markdown rendered; raw HTML shown as text; no script, handler or javascript: URL survives.
    expect(project.descriptionHtml).toContain('<h1>Ziel</h1>');
    expect(project.descriptionHtml).toContain('<strong>online</strong>');
    expect(project.descriptionHtml).not.toMatch(/<script|<img|href="javascript:/i);
    expect(project.descriptionHtml).toContain('&lt;script&gt;');
  });

  it('refuses officers creating for another municipality, the ministry and anonymous clients', async () => {
    const otherLead = await (await t.as(people.leadOfficer)).gql(CREATE, {
      input: {
        title: 'Fremdes Projekt',
        category: ProjectCategory.ECONOMY,
        leadMunicipalityId: gid('Municipality', trier),
      },
    });
    expect(otherLead.data?.createProject.userErrors[0]).toMatchObject({
      code: 'FORBIDDEN',
      field: 'leadMunicipalityId',
    });
    const ministry = await (await t.as(people.ministry)).gql(CREATE, {
      input: { title: 'Ministerium', category: ProjectCategory.ECONOMY },
    });
    expect(ministry.data?.createProject.userErrors[0].code).toBe('MUNICIPALITY_REQUIRED');
    const anonymous = await t
      .client()
      .gql(CREATE, { input: { title: 'Anonym', category: ProjectCategory.ECONOMY } });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const officerNetwork = await (await t.as(people.leadOfficer)).gql(CREATE, {
      input: { title: 'Netzwerkprojekt', category: ProjectCategory.ECONOMY, isNetworkProject: true },
    });
    expect(officerNetwork.data?.createProject.userErrors[0]).toMatchObject({
      code: 'FORBIDDEN',
      field: 'isNetworkProject',
    });
    expect(await t.dataSource.getRepository(Project).countBy({ title: 'Netzwerkprojekt' })).toBe(0);
  });
});

describe('who may do what, per actor', () => {
  type Actor = keyof typeof people | 'anonymous';
  const matrix: [
    Actor,
    { read: boolean; readDraft: boolean; contacts: boolean; edit: boolean; adopt: boolean; network: boolean },
  ][] = [
    ['coordinator', { read: true, readDraft: true, contacts: true, edit: true, adopt: true, network: true }],
    [
      'leadOfficer',
      { read: true, readDraft: true, contacts: true, edit: true, adopt: false, network: false },
    ],
    [
      'partnerOfficer',
      { read: true, readDraft: true, contacts: true, edit: true, adopt: false, network: false },
    ],
    [
      'otherOfficer',
      { read: true, readDraft: false, contacts: true, edit: false, adopt: true, network: false },
    ],
    // Drafts are a municipality's work in progress: not for the ministry (it reads published projects).
    [
      'ministry',
      { read: true, readDraft: false, contacts: false, edit: false, adopt: false, network: false },
    ],
    [
      'anonymous',
      { read: true, readDraft: false, contacts: false, edit: false, adopt: false, network: false },
    ],
  ];

  it.each(matrix)('%s', async (actor, may) => {
    const published = await buildProject(t.dataSource, {
      leadMunicipalityId: kl,
      partnerIds: [mainz],
      title: `Matrix ${actor}`,
    });
    const draft = await buildProject(t.dataSource, {
      leadMunicipalityId: kl,
      partnerIds: [mainz],
      status: ProjectStatus.DRAFT,
      title: `Entwurf ${actor}`,
    });
    await t.dataSource.query('INSERT INTO project_contact (project_id, user_id) VALUES ($1, $2)', [
      published.id,
      people.leadOfficer.id,
    ]);
    const c = await client(actor);

    const read = await c.gql(PROJECT, { id: gid('Project', published.id) });
    expect(read.errors).toBeUndefined();
    expect(Boolean(read.data?.project)).toBe(may.read);
    expect(read.data?.project.viewerCan).toEqual({
      edit: may.edit,
      publish: may.edit,
      adopt: may.adopt,
      postStatusUpdate: may.edit,
      setNetworkProject: may.network,
    });
    expect(read.data?.project.contacts).toEqual(
      may.contacts ? [{ name: people.leadOfficer.name, email: people.leadOfficer.email }] : [],
    );
    expect(read.data?.project.participants).toHaveLength(2);

    const readDraft = await c.gql(PROJECT, { id: gid('Project', draft.id) });
    expect(Boolean(readDraft.data?.project)).toBe(may.readDraft);
    // The list (the policy's SQL filter) and the exports say the same as the single read.
    const listed = await c.gql(
      `query($filter: ProjectFilter) { projects(filter: $filter, first: 100) { edges { node { title } } }
        projectCatalogueCsv(filter: $filter) }`,
      { filter: { municipalityId: gid('Municipality', kl) } },
    );
    const titles = listed.data?.projects.edges.map((e: { node: { title: string } }) => e.node.title);
    expect(titles.includes(`Entwurf ${actor}`)).toBe(may.readDraft);
    expect(titles.includes(`Matrix ${actor}`)).toBe(may.read);
    expect(listed.data?.projectCatalogueCsv.includes(`Entwurf ${actor}`)).toBe(may.readDraft);

    const edit = await c.gql(UPDATE, {
      input: { id: gid('Project', published.id), title: `Geändert ${actor}` },
    });
    if (may.edit) {
      expect(edit.data?.updateProject).toMatchObject({
        project: { title: `Geändert ${actor}` },
        userErrors: [],
      });
    } else {
      expect(edit.errors?.[0].extensions?.code).toBe(actor === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      expect((await t.dataSource.getRepository(Project).findOneByOrFail({ id: published.id })).title).toBe(
        `Matrix ${actor}`,
      );
    }

    const network = await c.gql(UPDATE, {
      input: { id: gid('Project', published.id), isNetworkProject: true },
    });
    const stored = await t.dataSource.getRepository(Project).findOneByOrFail({ id: published.id });
    expect(stored.isNetworkProject).toBe(may.network);
    if (!may.network) expect(network.errors?.[0] ?? network.data?.updateProject.userErrors[0]).toBeDefined();

    const status = await c.gql(
      `mutation($input: PostStatusUpdateInput!) { postProjectStatusUpdate(input: $input) { statusUpdate { progressPercent } userErrors { code } } }`,
      {
        input: {
          projectId: gid('Project', published.id),
          reportedOn: '2026-05-01',
          phase: 'ROLLOUT',
          progressPercent: 60,
          text: 'Läuft',
        },
      },
    );
    if (may.edit) expect(status.data?.postProjectStatusUpdate.statusUpdate).toEqual({ progressPercent: 60 });
    else expect(status.errors?.[0].extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
  });
});

describe('publishing and status updates', () => {
  it('publishes a draft, keeps a status history and shows progress from the latest update', async () => {
    const draft = await buildProject(t.dataSource, {
      leadMunicipalityId: kl,
      status: ProjectStatus.DRAFT,
      publishedAt: null,
    });
    const officer = await t.as(people.leadOfficer);
    const published = await officer.gql(
      `mutation($input: SetProjectStatusInput!) { setProjectStatus(input: $input) { project { status publishedAt } userErrors { code } } }`,
      { input: { id: gid('Project', draft.id), status: 'PUBLISHED' } },
    );
    expect(published.data?.setProjectStatus.project.status).toBe('PUBLISHED');
    const POST = `mutation($input: PostStatusUpdateInput!) { postProjectStatusUpdate(input: $input) { project { phase } userErrors { code field } } }`;
    for (const [reportedOn, progressPercent, phase] of [
      ['2026-02-01', 20, 'PILOT'],
      ['2026-04-01', 70, 'ROLLOUT'],
    ] as const) {
      const r = await officer.gql(POST, {
        input: {
          projectId: gid('Project', draft.id),
          reportedOn,
          phase,
          progressPercent,
          text: `Stand ${progressPercent}`,
        },
      });
      expect(r.data?.postProjectStatusUpdate.userErrors).toEqual([]);
    }
    const bad = await officer.gql(POST, {
      input: {
        projectId: gid('Project', draft.id),
        reportedOn: '2026-02-30',
        phase: 'PILOT',
        progressPercent: 10,
        text: 'x',
      },
    });
    expect(bad.data?.postProjectStatusUpdate.userErrors[0]).toMatchObject({
      code: 'INVALID_DATE',
      field: 'reportedOn',
    });
    const tooMuch = await officer.gql(POST, {
      input: {
        projectId: gid('Project', draft.id),
        reportedOn: '2026-02-03',
        phase: 'PILOT',
        progressPercent: 140,
        text: 'x',
      },
    });
    expect(tooMuch.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const read = await t
      .client()
      .gql(
        `query($id: ID!) { project(id: $id) { phase progressPercent latestStatusUpdate { text } statusUpdates { reportedOn progressPercent } } }`,
        { id: gid('Project', draft.id) },
      );
    expect(read.data?.project).toEqual({
      phase: 'ROLLOUT',
      progressPercent: 70,
      latestStatusUpdate: { text: 'Stand 70' },
      statusUpdates: [
        { reportedOn: '2026-04-01', progressPercent: 70 },
        { reportedOn: '2026-02-01', progressPercent: 20 },
      ],
    });
  });
});

describe('bad input', () => {
  const base = { title: 'Prüfprojekt', category: ProjectCategory.ADMINISTRATION };
  const cost = { label: 'Posten', costType: CostType.OTHER, recurrence: CostRecurrence.ONE_OFF };

  it('rejects negative and absurd amounts with a clear error', async () => {
    const officer = await t.as(people.leadOfficer);
    const negative = await officer.gql(CREATE, {
      input: { ...base, costs: [{ ...cost, amountCents: -100 }] },
    });
    expect(negative.data?.createProject.userErrors).toEqual([
      {
        code: 'VALIDATION',
        field: 'costs.0.amountCents',
        message: 'costs.0.amountCents: amountCents must not be negative',
      },
    ]);
    const absurd = await officer.gql(CREATE, {
      input: { ...base, funding: [{ programme: 'X', amountCents: 10_000_000_001 }] },
    });
    expect(absurd.data?.createProject.userErrors[0]).toMatchObject({
      code: 'VALIDATION',
      field: 'funding.0.amountCents',
    });
    expect(absurd.data?.createProject.userErrors[0].message).toMatch(/at most/);
    const share = await officer.gql(CREATE, {
      input: { ...base, funding: [{ programme: 'X', amountCents: 1, sharePercent: 150 }] },
    });
    expect(share.data?.createProject.userErrors[0]).toMatchObject({
      code: 'VALIDATION',
      field: 'funding.0.sharePercent',
    });
    const unsafe = await officer.gql(CREATE, {
      input: { ...base, costs: [{ ...cost, amountCents: 2 ** 60 }] },
    });
    expect(unsafe.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const fraction = await officer.gql(CREATE, {
      input: { ...base, costs: [{ ...cost, amountCents: 10.5 }] },
    });
    expect(fraction.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await t.dataSource.getRepository(Project).countBy({ title: 'Prüfprojekt' })).toBe(0);
  });

  it('rejects an unknown currency and writes nothing', async () => {
    const officer = await t.as(people.leadOfficer);
    const before = await t.dataSource.getRepository(ProjectCost).count();
    const result = await officer.gql(CREATE, {
      input: {
        ...base,
        costs: [
          { ...cost, amountCents: 100 },
          { ...cost, amountCents: 100, currency: 'USD' },
        ],
      },
    });
    expect(result.data?.createProject).toMatchObject({
      project: null,
      userErrors: [{ code: 'UNSUPPORTED_CURRENCY', field: 'costs.1.currency' }],
    });
    expect(await t.dataSource.getRepository(Project).countBy({ title: 'Prüfprojekt' })).toBe(0);
    expect(await t.dataSource.getRepository(ProjectCost).count()).toBe(before);
  });

  it('rejects malformed URLs, dates and reversed date ranges', async () => {
    const officer = await t.as(people.leadOfficer);
    for (const repositoryUrl of [
      'javascript:alert(1)',
      'gitlab.opencode.de/x',
      'ftp://example.org/x',
      'https://',
    ]) {
      const result = await officer.gql(CREATE, { input: { ...base, solution: { repositoryUrl } } });
      expect(result.data?.createProject.userErrors[0]).toMatchObject({
        code: 'VALIDATION',
        field: 'solution.repositoryUrl',
      });
    }
    const reversed = await officer.gql(CREATE, {
      input: { ...base, startDate: '2026-05-01', endDate: '2026-01-01' },
    });
    expect(reversed.data?.createProject.userErrors[0]).toMatchObject({
      code: 'INVALID_DATE_RANGE',
      field: 'endDate',
    });
    const badDate = await officer.gql(CREATE, { input: { ...base, startDate: '01.05.2026' } });
    expect(badDate.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await t.dataSource.getRepository(Project).countBy({ title: 'Prüfprojekt' })).toBe(0);
  });

  it('rejects a project adopting itself or closing a cycle, and leaves the lineage unchanged', async () => {
    const a = await buildProject(t.dataSource, { leadMunicipalityId: kl, title: 'Ursprung A' });
    const b = await buildProject(t.dataSource, {
      leadMunicipalityId: kl,
      title: 'Nachnutzung B',
      originProjectId: a.id,
    });
    const c = await buildProject(t.dataSource, {
      leadMunicipalityId: kl,
      title: 'Nachnutzung C',
      originProjectId: b.id,
    });
    const officer = await t.as(people.leadOfficer);
    const self = await officer.gql(UPDATE, {
      input: { id: gid('Project', a.id), originProjectId: gid('Project', a.id) },
    });
    expect(self.data?.updateProject.userErrors[0]).toMatchObject({
      code: 'ADOPTION_CYCLE',
      field: 'originProjectId',
    });
    const cycle = await officer.gql(UPDATE, {
      input: { id: gid('Project', a.id), title: 'Ursprung A neu', originProjectId: gid('Project', c.id) },
    });
    expect(cycle.data?.updateProject.userErrors[0]).toMatchObject({ code: 'ADOPTION_CYCLE' });
    const stored = await t.dataSource.getRepository(Project).findOneByOrFail({ id: a.id });
    expect(stored).toMatchObject({ originProjectId: null, title: 'Ursprung A' });
    const adoptOwn = await officer.gql(
      `mutation($input: AdoptProjectInput!) { adoptProject(input: $input) { project { id } userErrors { code } } }`,
      { input: { projectId: gid('Project', a.id) } },
    );
    expect(adoptOwn.data?.adoptProject.userErrors[0].code).toBe('ADOPTION_CYCLE');
  });

  it("refuses editing someone else's project and unknown IDs", async () => {
    const foreign = await buildProject(t.dataSource, { leadMunicipalityId: trier, title: 'Trierer Projekt' });
    const officer = await t.as(people.leadOfficer);
    const result = await officer.gql(UPDATE, {
      input: { id: gid('Project', foreign.id), title: 'Gekapert' },
    });
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const unknown = await officer.gql(UPDATE, {
      input: { id: gid('Project', '00000000-0000-4000-8000-000000000000'), title: 'Xyz' },
    });
    expect(unknown.data?.updateProject.userErrors[0].code).toBe('NOT_FOUND');
    const garbage = await officer.gql(UPDATE, { input: { id: 'garbage', title: 'Xyz' } });
    expect(garbage.data?.updateProject.userErrors[0].code).toBe('NOT_FOUND');
    expect((await t.dataSource.getRepository(Project).findOneByOrFail({ id: foreign.id })).title).toBe(
      'Trierer Projekt',
    );
  });

  it('renders HTML and scripts in Markdown as harmless text on update too', async () => {
    const project = await buildProject(t.dataSource, { leadMunicipalityId: kl });
    const officer = await t.as(people.leadOfficer);
    const result = await officer.gql(
      `mutation($input: UpdateProjectInput!) { updateProject(input: $input) { project { description descriptionHtml } userErrors { code } } }`,
      {
        input: {
          id: gid('Project', project.id),
          description:
            '<iframe src="https://evil.example"></iframe>\n\n[x](JaVaScRiPt:alert(1)) <a href="javascript:alert(1)">y</a>\n\n![bild](data:text/html,<script>)',
        },
      },
    );
    const html: string = result.data?.updateProject.project.descriptionHtml;
    expect(html).not.toMatch(/<iframe|<a href="javascript|<script|<img[^>]+data:/i);
    expect(result.data?.updateProject.project.description).toContain('<iframe');
  });

  it('accepts contacts only from participating municipalities', async () => {
    const project = await buildProject(t.dataSource, { leadMunicipalityId: kl });
    const officer = await t.as(people.leadOfficer);
    const result = await officer.gql(UPDATE, {
      input: { id: gid('Project', project.id), contactIds: [gid('User', people.otherOfficer.id)] },
    });
    expect(result.data?.updateProject.userErrors[0].code).toBe('CONTACT_NOT_PARTICIPANT');
  });
});
