import type { EntityManager } from 'typeorm';

/** What notifications need to know of a meeting. */
export interface MeetingSummary {
  id: string;
  title: string;
  organizerId: string | null;
  workingGroupId: string | null;
}

export async function meetingSummary(
  manager: EntityManager,
  meetingId: string,
): Promise<MeetingSummary | null> {
  const [row]: MeetingSummary[] = await manager.query(
    `SELECT id, title, organizer_id AS "organizerId", working_group_id AS "workingGroupId"
       FROM meeting WHERE id = $1`,
    [meetingId],
  );
  return row ?? null;
}

/** Everyone invited to the meeting. */
export async function meetingInviteeIds(manager: EntityManager, meetingId: string): Promise<string[]> {
  const rows: { id: string }[] = await manager.query(
    `SELECT user_id AS id FROM meeting_invitation WHERE meeting_id = $1`,
    [meetingId],
  );
  return rows.map((r) => r.id);
}

/** The meeting the minutes belong to, and who submitted them. */
export async function minutesSummary(
  manager: EntityManager,
  minutesId: string,
): Promise<{ meetingId: string; submittedById: string | null } | null> {
  const [row]: { meetingId: string; submittedById: string | null }[] = await manager.query(
    `SELECT meeting_id AS "meetingId", submitted_by_id AS "submittedById" FROM meeting_minutes WHERE id = $1`,
    [minutesId],
  );
  return row ?? null;
}

/** An outcome (decision, action item or information) as notifications show it. */
export interface OutcomeSummary {
  id: string;
  meetingId: string;
  meetingTitle: string;
  organizerId: string | null;
  kind: string;
  title: string;
  description: string;
  ownerUserId: string | null;
  ownerMunicipalityId: string | null;
  dueDate: string | null;
}

const OUTCOME_SUMMARY = `
  SELECT o.id, o.meeting_id AS "meetingId", m.title AS "meetingTitle", m.organizer_id AS "organizerId",
         o.kind, o.title, o.description, o.owner_user_id AS "ownerUserId",
         o.owner_municipality_id AS "ownerMunicipalityId", to_char(o.due_date, 'YYYY-MM-DD') AS "dueDate"
    FROM meeting_outcome o JOIN meeting m ON m.id = o.meeting_id`;

export async function outcomeSummary(
  manager: EntityManager,
  outcomeId: string,
): Promise<OutcomeSummary | null> {
  const [row]: OutcomeSummary[] = await manager.query(`${OUTCOME_SUMMARY} WHERE o.id = $1`, [outcomeId]);
  return row ?? null;
}

/** Open action items due on the given calendar day (YYYY-MM-DD) of meetings not cancelled. */
export async function openActionItemsDueOn(manager: EntityManager, day: string): Promise<OutcomeSummary[]> {
  return manager.query(
    `${OUTCOME_SUMMARY}
      WHERE o.kind = 'ACTION_ITEM' AND o.due_date = $1::date
        AND o.status IN ('OPEN', 'IN_PROGRESS') AND NOT m.cancelled`,
    [day],
  );
}
