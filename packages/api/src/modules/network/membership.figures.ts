import type { EntityManager } from 'typeorm';
import { PERIODS_CTE, type PeriodBounds, periodParams } from '../../db/period-bounds';
import { GEMEINDE_KINDS } from './membership.service';

/** Membership figures of one period, from the membership history (membership_event). */
export interface MembershipFigures {
  memberCount: number;
  membersJoined: number;
  membersLeft: number;
  populationCovered: number;
  statePopulation: number;
}

/*
 * A municipality is a member at an instant when its membership's latest event before then made
 * it ACTIVE. Population is counted as in networkStatistics: the Gemeinden that are members, or lie
 * in a member Verbandsgemeinde or Landkreis, each once.
 */
const MEMBERSHIP_FIGURES = `WITH ${PERIODS_CTE},
  status_at AS (
    SELECT DISTINCT ON (periods.i, e.membership_id) periods.i, e.membership_id, e.to_status
      FROM periods JOIN membership_event e ON e.created_at < periods.ends
     ORDER BY periods.i, e.membership_id, e.created_at DESC, e.id DESC),
  members AS (
    SELECT s.i, nm.municipality_id AS id
      FROM status_at s JOIN network_membership nm ON nm.id = s.membership_id
     WHERE s.to_status = 'ACTIVE'),
  -- The Gemeinden grouped by the Verbandsgemeinde and Landkreis they lie in (a few hundred groups
  -- instead of some 2,300 Gemeinden, read in one pass): a member Verbandsgemeinde or Landkreis
  -- covers whole groups, found by two hash joins per period; a member Gemeinde adds itself unless
  -- its group is covered. Each Gemeinde is so counted once, as before, without a row per covered
  -- Gemeinde and period.
  grouped AS MATERIALIZED (
    SELECT parent_id, district_id, sum(COALESCE(population, 0)) AS population
      FROM municipality WHERE kind = ANY($3::municipality_kind[]) AND district_id IS NOT NULL
     GROUP BY 1, 2),
  covered_groups AS (
    SELECT m.i, g.parent_id, g.district_id, g.population FROM members m JOIN grouped g ON g.parent_id = m.id
    UNION SELECT m.i, g.parent_id, g.district_id, g.population FROM members m JOIN grouped g ON g.district_id = m.id),
  covered AS (
    SELECT i, population FROM covered_groups
    UNION ALL
    SELECT i, population FROM (
      SELECT DISTINCT m.i, g.id, COALESCE(g.population, 0) AS population
        FROM members m JOIN municipality g ON g.id = m.id
       WHERE g.kind = ANY($3::municipality_kind[]) AND g.district_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM covered_groups c
                          WHERE c.i = m.i AND c.district_id = g.district_id
                            AND c.parent_id IS NOT DISTINCT FROM g.parent_id)) alone)
  SELECT periods.i,
         (SELECT count(*) FROM members m WHERE m.i = periods.i)::int AS members,
         (SELECT count(*) FROM membership_event e
           WHERE e.to_status = 'ACTIVE' AND e.from_status IN ('INVITED', 'APPLIED')
             AND e.created_at >= periods.starts AND e.created_at < periods.ends)::int AS joined,
         (SELECT count(*) FROM membership_event e
           WHERE e.to_status = 'LEFT' AND e.created_at >= periods.starts AND e.created_at < periods.ends)::int AS left_,
         (SELECT COALESCE(sum(c.population), 0) FROM covered c WHERE c.i = periods.i)::bigint AS covered,
         (SELECT COALESCE(sum(g.population), 0) FROM grouped g)::bigint AS state
    FROM periods ORDER BY periods.i`;

/** Members, joins, departures and population covered for each period, in the order given; one statement. */
export async function membershipFigures(
  manager: EntityManager,
  bounds: readonly PeriodBounds[],
): Promise<MembershipFigures[]> {
  const rows: Record<string, string | number>[] = await manager.query(MEMBERSHIP_FIGURES, [
    ...periodParams(bounds),
    GEMEINDE_KINDS,
  ]);
  return rows.map((row) => ({
    memberCount: Number(row.members),
    membersJoined: Number(row.joined),
    membersLeft: Number(row.left_),
    populationCovered: Number(row.covered),
    statePopulation: Number(row.state),
  }));
}
