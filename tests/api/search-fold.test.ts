import { fold, Role, searchFold } from '@hub/shared';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser } from '../support/factories';

/** One fold for names: the SQL functions and their JavaScript twins in @hub/shared agree. */

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const SAMPLES = [
  'Bruchmühlbach-Miesau',
  'BRUCHMUEHLBACH',
  'Straße',
  'Größenwahn',
  'Überherrn',
  'Øresund Æbeltoft Œuvre',
  'Łódź',
  'Café Crème',
  'Zoë Šimůnek',
  'Boer Kühne Poetzsch',
  'aue oae  ',
  'Neustadt an der Weinstraße',
];

it('hub_fold and hub_search_fold give what fold and searchFold give', async () => {
  const rows: { text: string; folded: string; searchFolded: string }[] = await t.dataSource.query(
    'SELECT t AS text, hub_fold(t) AS "folded", hub_search_fold(t) AS "searchFolded" FROM unnest($1::text[]) t',
    [SAMPLES],
  );
  expect(rows.map((row) => [row.text, row.folded, row.searchFolded])).toEqual(
    SAMPLES.map((text) => [text, fold(text), searchFold(text)]),
  );
});

it('the people search folds like the directory: Mueller, Muller and Müller find each other', async () => {
  const coordinator = await buildUser(t.dataSource, { role: Role.COORDINATOR });
  const mueller = await buildUser(t.dataSource, { name: 'Jana Müller-Lüdenscheidt' });
  const client = await t.as(coordinator);
  const LIST =
    'query($search: String) { people(first: 10, filter: { search: $search }) { edges { node { name } } } }';
  for (const search of ['mueller', 'Muller', 'MÜLLER-LUEDENSCHEIDT']) {
    const result = await client.gql(LIST, { search });
    expect({ search, names: result.data?.people.edges.map((e: any) => e.node.name) }).toEqual({
      search,
      names: [mueller.name],
    });
  }
});
