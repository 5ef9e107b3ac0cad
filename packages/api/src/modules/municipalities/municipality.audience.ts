import type { EntityManager } from 'typeorm';

/** Municipality names by ID, for notification texts. */
export async function municipalityNames(manager: EntityManager, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows: { id: string; name: string }[] = await manager.query(
    `SELECT id, name FROM municipality WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}
