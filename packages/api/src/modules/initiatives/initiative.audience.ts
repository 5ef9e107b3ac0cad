import type { EntityManager } from 'typeorm';

/** What notifications need to know of initiatives: their title, proposer and supporting municipalities. */
export interface InitiativeAudience {
  id: string;
  title: string;
  proposedById: string | null;
  supporterMunicipalityIds: string[];
}

/** The audiences of the initiatives, in one statement. */
export async function initiativeAudience(
  manager: EntityManager,
  ids: string[],
): Promise<InitiativeAudience[]> {
  if (!ids.length) return [];
  return manager.query(
    `SELECT i.id, i.title, i.proposed_by_id AS "proposedById",
            COALESCE(array_agg(s.municipality_id) FILTER (WHERE s.municipality_id IS NOT NULL), '{}') AS "supporterMunicipalityIds"
       FROM initiative i LEFT JOIN initiative_support s ON s.initiative_id = i.id
      WHERE i.id = ANY($1::uuid[])
      GROUP BY i.id`,
    [ids],
  );
}
