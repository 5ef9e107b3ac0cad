import type { DataSource } from 'typeorm';
import { type ExportTable, toCsv, toXlsxBase64 } from '../../exports/spreadsheet';

/** Attendance of one municipality's people at the meetings of a period. */
export interface MunicipalityAttendanceRow {
  id: string;
  name: string;
  invited: number;
  attended: number;
  attendances: number;
}

/** Attendance per municipality at the (not cancelled) meetings starting in [from, to): one statement. */
export function attendanceByMunicipality(
  dataSource: DataSource,
  from: Date,
  to: Date,
): Promise<MunicipalityAttendanceRow[]> {
  return dataSource.query(
    `SELECT i.municipality_id AS id, mu.name,
            count(DISTINCT i.meeting_id)::int AS invited,
            count(DISTINCT i.meeting_id) FILTER (WHERE i.attended)::int AS attended,
            count(*) FILTER (WHERE i.attended)::int AS attendances
       FROM meeting_invitation i
       JOIN meeting m ON m.id = i.meeting_id
       JOIN municipality mu ON mu.id = i.municipality_id
      WHERE NOT m.cancelled AND m.deleted_at IS NULL AND m.starts_at >= $1 AND m.starts_at < $2
      GROUP BY i.municipality_id, mu.name ORDER BY attendances DESC, mu.name, i.municipality_id`,
    [from, to],
  );
}

/** Attendance per working group: its (not cancelled) meetings starting in [from, to), invitations and attendances. */
export function attendanceByWorkingGroup(
  dataSource: DataSource,
  from: Date,
  to: Date,
): Promise<{ id: string; meetings: number; invitations: number; attendances: number }[]> {
  return dataSource.query(
    `SELECT m.working_group_id AS id,
                count(DISTINCT m.id)::int AS meetings,
                count(i.id)::int AS invitations,
                count(i.id) FILTER (WHERE i.attended)::int AS attendances
           FROM meeting m LEFT JOIN meeting_invitation i ON i.meeting_id = m.id
          WHERE NOT m.cancelled AND m.deleted_at IS NULL AND m.starts_at >= $1 AND m.starts_at < $2 AND m.working_group_id IS NOT NULL
          GROUP BY m.working_group_id ORDER BY meetings DESC, m.working_group_id`,
    [from, to],
  );
}

/** The participation export's columns (counts only, no personal data), for the CSV and the XLSX. */
const participationTable: ExportTable<MunicipalityAttendanceRow> = {
  sheetName: 'Teilnahme',
  columns: [
    { header: 'Kommune', kind: 'text', width: 30, value: (r) => r.name },
    { header: 'Eingeladen zu Sitzungen', kind: 'integer', width: 16, value: (r) => r.invited },
    { header: 'Teilgenommen an Sitzungen', kind: 'integer', width: 16, value: (r) => r.attended },
    { header: 'Teilnahmen (Personen)', kind: 'integer', width: 16, value: (r) => r.attendances },
  ],
};

export async function participationCsv(dataSource: DataSource, from: Date, to: Date): Promise<string> {
  return toCsv(participationTable, await attendanceByMunicipality(dataSource, from, to));
}

export async function participationXlsx(dataSource: DataSource, from: Date, to: Date): Promise<string> {
  return toXlsxBase64(participationTable, await attendanceByMunicipality(dataSource, from, to));
}
