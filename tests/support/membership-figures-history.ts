import type { EntityManager } from 'typeorm';
import { PERIODS_CTE, type PeriodBounds, periodParams } from '../../packages/api/src/db/period-bounds';
import type { MembershipFigures } from '../../packages/api/src/modules/network/membership.figures';
import { GEMEINDE_KINDS } from '../../packages/api/src/modules/network/membership.service';

/*
 * The membership figures query as it was before the population was counted per group of Gemeinden:
 * the reference tests/api/project-figure-aggregate.test.ts holds the faster query to.
 */

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
  gemeinden AS (
    SELECT id, parent_id, district_id, COALESCE(population, 0) AS population
      FROM municipality WHERE kind = ANY($3::municipality_kind[]) AND district_id IS NOT NULL),
  -- Three hash joins, deduplicated by UNION: far cheaper than testing every Gemeinde against every member.
  covered AS (
    SELECT m.i, g.id, g.population FROM members m JOIN gemeinden g ON g.id = m.id
    UNION SELECT m.i, g.id, g.population FROM members m JOIN gemeinden g ON g.parent_id = m.id
    UNION SELECT m.i, g.id, g.population FROM members m JOIN gemeinden g ON g.district_id = m.id)
  SELECT periods.i,
         (SELECT count(*) FROM members m WHERE m.i = periods.i)::int AS members,
         (SELECT count(*) FROM membership_event e
           WHERE e.to_status = 'ACTIVE' AND e.from_status IN ('INVITED', 'APPLIED')
             AND e.created_at >= periods.starts AND e.created_at < periods.ends)::int AS joined,
         (SELECT count(*) FROM membership_event e
           WHERE e.to_status = 'LEFT' AND e.created_at >= periods.starts AND e.created_at < periods.ends)::int AS left_,
         (SELECT COALESCE(sum(c.population), 0) FROM covered c WHERE c.i = periods.i)::bigint AS covered,
         (SELECT COALESCE(sum(g.population), 0) FROM gemeinden g)::bigint AS state
    FROM periods ORDER BY periods.i`;

/** Members, joins, departures and population covered for each period, in the order given; one statement. */
export async function membershipFiguresFromHistory(
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
