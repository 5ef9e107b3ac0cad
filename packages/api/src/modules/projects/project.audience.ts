import type { EntityManager } from 'typeorm';

/** What notifications need to know of a project: its title and where it belongs. */
export interface ProjectSummary {
  id: string;
  title: string;
  leadMunicipalityId: string;
  workingGroupId: string | null;
  originProjectId: string | null;
  /** What an adopting municipality changes (empty for projects of their own). */
  adaptationNotes: string;
}

/** Projects by ID, for the notifications' texts and audiences (read through this module's face). */
export async function projectSummaries(manager: EntityManager, ids: string[]): Promise<ProjectSummary[]> {
  if (!ids.length) return [];
  return manager.query(
    `SELECT id, title, lead_municipality_id AS "leadMunicipalityId", working_group_id AS "workingGroupId",
            origin_project_id AS "originProjectId", adaptation_notes AS "adaptationNotes"
       FROM project WHERE id = ANY($1::uuid[])`,
    [ids],
  );
}

/**
 * A project's team: its contacts and the active officers of the municipalities that lead it or
 * take part as partners. They follow the project without asking.
 */
export async function projectTeamUserIds(manager: EntityManager, projectId: string): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(
    `SELECT user_id AS id FROM project_contact WHERE project_id = $1
     UNION
     SELECT u.id FROM project_participant p
       JOIN app_user u ON u.municipality_id = p.municipality_id AND u.role = 'OFFICER' AND u.status = 'ACTIVE'
      WHERE p.project_id = $1 AND p.role IN ('LEAD', 'PARTNER')`,
    [projectId],
  );
  return rows.map((r) => r.id);
}

/**
 * The text of a status update (Sachstand) of the project, for the notification's excerpt: the one
 * the event names, or the newest for events written before they named it.
 */
export async function statusUpdateText(
  manager: EntityManager,
  projectId: string,
  statusUpdateId: string | undefined,
): Promise<string | null> {
  const [row]: { text: string }[] = await manager.query(
    `SELECT text FROM project_status_update
      WHERE project_id = $1 AND ($2::uuid IS NULL OR id = $2)
      ORDER BY created_at DESC, id DESC LIMIT 1`,
    [projectId, statusUpdateId ?? null],
  );
  return row?.text ?? null;
}
