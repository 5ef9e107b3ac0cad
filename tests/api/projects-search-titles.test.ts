import { MunicipalityKind } from '@hub/shared';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { gid, municipality } from '../support/factories';
import { buildProject } from '../support/project-factories';

let t: TestApp;
let trier: string;
beforeAll(async () => {
  t = await startTestApp();
  trier = (await municipality(t.dataSource, 'Trier', MunicipalityKind.KREISFREIE_STADT)).id;
});
afterAll(() => t.close());

const CATALOGUE = `query($filter: ProjectFilter) {
  projects(filter: $filter, first: 50) { edges { node { title } } }
}`;

describe('catalogue search on parts of titles', () => {
  it('finds a word inside compound titles, and only falls back to fuzzy titles when little matches', async () => {
    const m = gid('Municipality', trier);
    for (const title of [
      'Trierer Bürgerportal',
      'Schulportal Trier',
      'Kita-Portal Trier',
      'Portal-Betrieb Trier',
      'Portalserver Trier',
    ])
      await buildProject(t.dataSource, { leadMunicipalityId: trier, title });
    await buildProject(t.dataSource, { leadMunicipalityId: trier, title: 'Trierer Portl-Verzeichnis' });
    const query = async (search: string) =>
      (
        (await t.client().gql(CATALOGUE, { filter: { municipalityId: m, search } })).data!.projects.edges as {
          node: { title: string };
        }[]
      )
        .map((e) => e.node.title)
        .sort();
    // "Trierer Portl-Verzeichnis" is only similar: with exact matches at hand it is left out.
    // "Bürgerportal" and "Schulportal" are single words to the stemmer: the folded title part finds them.
    expect(await query('Portal')).toEqual([
      'Kita-Portal Trier',
      'Portal-Betrieb Trier',
      'Portalserver Trier',
      'Schulportal Trier',
      'Trierer Bürgerportal',
    ]);
    // Nothing matches exactly: the trigram word similarity catches the typo.
    expect(await query('Bürgerportl')).toEqual(['Trierer Bürgerportal']);
  });
});
