import type { EntityManager } from 'typeorm';

/** A person as a notification's recipient: where and in which language to write. */
export interface Recipient {
  id: string;
  name: string;
  email: string;
  locale: string;
  municipalityName: string | null;
}

/** Active people among `ids`, with what an e-mail to them needs. */
export async function activeRecipients(manager: EntityManager, ids: string[]): Promise<Recipient[]> {
  if (!ids.length) return [];
  return manager.query(
    `SELECT u.id, u.name, u.email, u.locale, m.name AS "municipalityName"
       FROM app_user u LEFT JOIN municipality m ON m.id = u.municipality_id
      WHERE u.id = ANY($1::uuid[]) AND u.status = 'ACTIVE'`,
    [ids],
  );
}

/** Active officers of the given municipalities. */
export async function activeOfficerIds(manager: EntityManager, municipalityIds: string[]): Promise<string[]> {
  if (!municipalityIds.length) return [];
  const rows: { id: string }[] = await manager.query(
    `SELECT id FROM app_user WHERE municipality_id = ANY($1::uuid[]) AND role = 'OFFICER' AND status = 'ACTIVE'`,
    [municipalityIds],
  );
  return rows.map((r) => r.id);
}

/** Active people of a role (coordinators, the ministry). */
export async function activeUserIdsWithRole(manager: EntityManager, roles: string[]): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(
    `SELECT id FROM app_user WHERE role::text = ANY($1::text[]) AND status = 'ACTIVE'`,
    [roles],
  );
  return rows.map((r) => r.id);
}

/** Names of people, with their municipality where they have one: "Anna Beispiel (Kaiserslautern)". */
export async function displayNames(manager: EntityManager, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows: { id: string; label: string }[] = await manager.query(
    `SELECT u.id, u.name || COALESCE(' (' || m.name || ')', '') AS label
       FROM app_user u LEFT JOIN municipality m ON m.id = u.municipality_id WHERE u.id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.label]));
}
