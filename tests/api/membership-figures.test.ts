import type { Period } from '@hub/shared';
import { PeriodKind, periodDates } from '@hub/shared';
import { membershipFigures } from '../../packages/api/src/modules/network/membership.figures';
import type { TestDatabase } from '../support/db';
import { createTestDatabase } from '../support/db';
import { membershipFiguresFromHistory } from '../support/membership-figures-history';

/*
 * The population a period's members cover is counted per group of Gemeinden (Verbandsgemeinde and
 * Landkreis) instead of per Gemeinde. On the real directory, with members of every kind that
 * overlap (a Landkreis, a Verbandsgemeinde in it, a Gemeinde in that one) and that join and leave
 * over the quarters, it must equal the per-Gemeinde query it replaced, for every period.
 */

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

const PERIODS: Period[] = [2024, 2025].flatMap((year) => [
  ...[1, 2, 3, 4].map((index) => ({ kind: PeriodKind.QUARTER, year, index })),
  ...[1, 2].map((index) => ({ kind: PeriodKind.HALF_YEAR, year, index })),
  { kind: PeriodKind.YEAR, year, index: 1 },
]);

/** A membership of the municipality `id` with the steps [from, to, when] of its history. */
async function member(id: string, steps: [string | null, string, string][]): Promise<void> {
  const [{ id: membershipId }] = await db.dataSource.query(
    `INSERT INTO network_membership (municipality_id, status) VALUES ($1, $2) RETURNING id`,
    [id, steps.at(-1)?.[1]],
  );
  for (const [from, to, when] of steps)
    await db.dataSource.query(
      `INSERT INTO membership_event (membership_id, from_status, to_status, created_at) VALUES ($1, $2, $3, $4)`,
      [membershipId, from, to, when],
    );
}

const one = async (sql: string, params: unknown[] = []) =>
  ((await db.dataSource.query(`${sql} LIMIT 1`, params))[0] as { id: string }).id;

it('counts the covered population as the per-Gemeinde query did, with overlapping members of every kind', async () => {
  const landkreis = await one(
    `SELECT id FROM municipality WHERE kind = 'LANDKREIS'
      AND EXISTS (SELECT 1 FROM municipality v WHERE v.kind = 'VERBANDSGEMEINDE' AND v.district_id = municipality.id)
      ORDER BY ars`,
  );
  const vg = await one(
    `SELECT id FROM municipality WHERE kind = 'VERBANDSGEMEINDE' AND district_id = $1 ORDER BY ars`,
    [landkreis],
  );
  const gemeindeInVg = await one(`SELECT id FROM municipality WHERE parent_id = $1 ORDER BY ars`, [vg]);
  const otherVg = await one(
    `SELECT id FROM municipality WHERE kind = 'VERBANDSGEMEINDE' AND district_id <> $1 ORDER BY ars DESC`,
    [landkreis],
  );
  const gemeindeElsewhere = await one(
    `SELECT id FROM municipality WHERE kind = 'ORTSGEMEINDE' AND district_id <> $1 AND parent_id <> $2 ORDER BY ars DESC`,
    [landkreis, otherVg],
  );
  const verbandsfrei = await one(
    `SELECT id FROM municipality WHERE kind = 'VERBANDSFREIE_GEMEINDE' ORDER BY ars`,
  );
  const kreisfrei = await one(`SELECT id FROM municipality WHERE kind = 'KREISFREIE_STADT' ORDER BY ars`);

  await member(gemeindeInVg, [
    [null, 'INVITED', '2024-01-10T10:00:00Z'],
    ['INVITED', 'ACTIVE', '2024-02-01T10:00:00Z'],
  ]);
  await member(vg, [
    [null, 'APPLIED', '2024-03-01T10:00:00Z'],
    ['APPLIED', 'ACTIVE', '2024-03-31T22:30:00Z'],
  ]);
  await member(landkreis, [
    [null, 'INVITED', '2024-06-01T10:00:00Z'],
    ['INVITED', 'ACTIVE', '2024-09-30T21:59:00Z'],
    ['ACTIVE', 'LEFT', '2025-03-31T22:30:00Z'],
  ]);
  await member(otherVg, [
    [null, 'INVITED', '2024-04-01T10:00:00Z'],
    ['INVITED', 'ACTIVE', '2024-12-31T23:30:00Z'],
  ]);
  await member(gemeindeElsewhere, [
    [null, 'INVITED', '2024-05-01T10:00:00Z'],
    ['INVITED', 'ACTIVE', '2024-05-02T10:00:00Z'],
  ]);
  await member(verbandsfrei, [
    [null, 'INVITED', '2024-07-01T10:00:00Z'],
    ['INVITED', 'ACTIVE', '2024-07-02T10:00:00Z'],
  ]);
  await member(kreisfrei, [
    [null, 'INVITED', '2024-08-01T10:00:00Z'],
    ['INVITED', 'ACTIVE', '2024-08-02T10:00:00Z'],
  ]);

  const bounds = PERIODS.map(periodDates);
  const figures = await membershipFigures(db.dataSource.manager, bounds);
  expect(figures).toEqual(await membershipFiguresFromHistory(db.dataSource.manager, bounds));
  // Not vacuous: from Q3 2024 the Landkreis covers more than its Verbandsgemeinde did.
  const [q2, q3] = [figures[1], figures[2]];
  expect(q3.populationCovered).toBeGreaterThan(q2.populationCovered);
  // At the end of 2024 all but the Verbandsgemeinde that joined 00:30 on 1 January, Berlin time.
  expect(figures[6].memberCount).toBe(6);
});
