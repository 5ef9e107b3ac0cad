import 'reflect-metadata';
import { MunicipalityKind } from '@hub/shared';
import {
  evaluateSearch,
  LABELLED_PROJECTS,
  LABELLED_QUERIES,
  QUERY_CLASSES,
} from '../../packages/api/src/bench/search-labelled';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { municipality } from '../support/factories';
import { buildProject } from '../support/project-factories';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  const lead = (await municipality(t.dataSource, 'Mainz', MunicipalityKind.KREISFREIE_STADT)).id;
  for (const project of LABELLED_PROJECTS)
    await buildProject(t.dataSource, { leadMunicipalityId: lead, ...project });
});
afterAll(() => t.close());

/**
 * Recall@5 floors per class for the labelled set (src/bench/search-labelled.ts), a little under
 * what the search reaches today, so that a change that loses synonyms or compound parts fails.
 */
const FLOORS = {
  similar: { 'same words': 1, 'word forms': 0.8, compounds: 0.8, synonyms: 0.7 },
  catalogue: { 'same words': 1, 'word forms': 0.8, compounds: 0.8, synonyms: 0.7 },
} as const;

describe('labelled German search set', () => {
  it('has at least 40 queries, 10 per class, each pointing at a labelled project', () => {
    expect(LABELLED_QUERIES.length).toBeGreaterThanOrEqual(40);
    const titles = new Set(LABELLED_PROJECTS.map((p) => p.title));
    for (const kind of QUERY_CLASSES)
      expect(LABELLED_QUERIES.filter((q) => q.kind === kind).length).toBeGreaterThanOrEqual(10);
    for (const q of LABELLED_QUERIES) expect(titles).toContain(q.expected);
  });

  it('finds the labelled project in the top 5 at least as often as the floor of each class', async () => {
    const quality = await evaluateSearch(t.dataSource, null);
    const belowFloor = (['similar', 'catalogue'] as const).flatMap((mode) =>
      quality[mode]
        .filter((figures) => figures.recallAt5 < FLOORS[mode][figures.kind])
        .map((figures) => ({
          mode,
          kind: figures.kind,
          recallAt5: figures.recallAt5,
          missed: figures.missed,
        })),
    );
    // On failure, the missed queries say what regressed.
    expect(belowFloor).toEqual([]);
  });
});
