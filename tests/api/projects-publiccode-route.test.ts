import { MunicipalityKind, ProjectStatus, Role } from '@hub/shared';
import type { TestApp, TestClient } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser, gid, municipality } from '../support/factories';
import { buildProject } from '../support/project-factories';

let t: TestApp;
let kl: string;
let trier: string;
beforeAll(async () => {
  t = await startTestApp();
  kl = (await municipality(t.dataSource, 'Kaiserslautern', MunicipalityKind.KREISFREIE_STADT)).id;
  trier = (await municipality(t.dataSource, 'Trier', MunicipalityKind.KREISFREIE_STADT)).id;
}, 60_000);
afterAll(() => t.close());

/** A plain GET with the client's session cookie, as a browser following a link would send it. */
function get(path: string, client: TestClient | null = null): Promise<Response> {
  const session = client?.cookie('hub_session');
  return fetch(`${t.url}${path}`, { headers: session ? { cookie: `hub_session=${session}` } : {} });
}

const pathOf = (projectId: string) =>
  `/api/projects/${encodeURIComponent(gid('Project', projectId))}/publiccode.yml`;

describe('GET /api/projects/:id/publiccode.yml', () => {
  it('serves a published project to anyone, as the publiccodeYml field has it', async () => {
    const project = await buildProject(t.dataSource, {
      leadMunicipalityId: kl,
      title: 'Offener Mängelmelder',
      summary: 'Schäden im Straßenraum melden',
      solutionProduct: 'Mängelmelder',
      solutionOpenSource: true,
      solutionLicence: 'EUPL-1.2',
      solutionRepositoryUrl: 'https://gitlab.opencode.de/demo/maengelmelder',
    });
    const response = await get(pathOf(project.id));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/yaml; charset=utf-8/);
    const body = await response.text();
    expect(body).toContain('publiccodeYmlVersion: "0.4"');
    expect(body).toContain('name: Mängelmelder');
    expect(body).toContain('url: https://gitlab.opencode.de/demo/maengelmelder');
    expect(body).toContain('license: EUPL-1.2');
    const field = await t
      .client()
      .gql('query($id: ID!) { project(id: $id) { publiccodeYml } }', { id: gid('Project', project.id) });
    expect(body).toBe(field.data!.project.publiccodeYml);
  });

  it('serves a draft only to those who may read it, and 404 to everyone else', async () => {
    const draft = await buildProject(t.dataSource, {
      leadMunicipalityId: kl,
      title: 'Geheimer Entwurf',
      status: ProjectStatus.DRAFT,
      publishedAt: null,
    });
    const lead = await t.as(await buildUser(t.dataSource, { municipalityId: kl }));
    const coordinator = await t.as(await buildUser(t.dataSource, { role: Role.COORDINATOR }));
    const otherOfficer = await t.as(await buildUser(t.dataSource, { municipalityId: trier }));

    expect((await get(pathOf(draft.id))).status).toBe(404);
    expect((await get(pathOf(draft.id), otherOfficer)).status).toBe(404);
    const forLead = await get(pathOf(draft.id), lead);
    expect(forLead.status).toBe(200);
    expect(forLead.headers.get('cache-control')).toBe('private, no-store');
    expect(await forLead.text()).toContain('- Geheimer Entwurf');
    expect((await get(pathOf(draft.id), coordinator)).status).toBe(200);
  });

  it('answers 404 for unknown, malformed and foreign IDs', async () => {
    expect((await get(pathOf('00000000-0000-4000-8000-000000000000'))).status).toBe(404);
    expect((await get('/api/projects/not-an-id/publiccode.yml')).status).toBe(404);
    expect((await get(`/api/projects/${gid('Project', 'nonsense')}/publiccode.yml`)).status).toBe(404);
    expect((await get(`/api/projects/${gid('Municipality', trier)}/publiccode.yml`)).status).toBe(404);
  });
});
