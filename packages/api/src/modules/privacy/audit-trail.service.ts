import type { EntityManager } from 'typeorm';
import { type ExportTable, toCsv, toXlsxBase64 } from '../../exports/spreadsheet';
import { badInput } from '../../graphql/errors';
import { type Connection, decodeCursor, encodeCursor, PageInfo, pageSize } from '../../graphql/relay';
import type { User } from '../users';
import { personalPayloadKeys } from './personal-data.registry';
import { auditTrailReadFilter, can } from './privacy.policy';

/** The filters of the audit page; every one optional. */
export interface AuditTrailFilter {
  actorId?: string | null;
  subjectType?: string | null;
  subjectId?: string | null;
  action?: string | null;
  from?: Date | null;
  to?: Date | null;
}

/** One changed field: its value before and after, as JSON text (null where absent or masked). */
export interface AuditFieldChange {
  field: string;
  before: string | null;
  after: string | null;
  masked: boolean;
}

/** An audit event as the page shows it. */
export interface AuditTrailEntry {
  id: string;
  occurredAt: Date;
  /** Exact database timestamp, for the cursor (JavaScript dates lose the microseconds). */
  occurredAtText: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  changes: AuditFieldChange[];
}

interface AuditRow {
  id: string;
  created_at: Date;
  created_at_text: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
}

const MASK = '"***"';
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

/**
 * The fields an event changed, before and after; personal fields (name, e-mail, phone, …) are
 * masked for viewers who may not see them. Payloads that are no objects show as one field "value".
 */
export function fieldChanges(before: unknown, after: unknown, showPersonal: boolean): AuditFieldChange[] {
  const beforeFields = isObject(before) ? before : before == null ? {} : { value: before };
  const afterFields = isObject(after) ? after : after == null ? {} : { value: after };
  const fields = [...new Set([...Object.keys(beforeFields), ...Object.keys(afterFields)])];
  return fields.map((field) => {
    const masked = !showPersonal && (personalPayloadKeys as readonly string[]).includes(field);
    const show = (value: unknown) => (value === undefined ? null : masked ? MASK : json(value));
    return { field, before: show(beforeFields[field]), after: show(afterFields[field]), masked };
  });
}

const TIMESTAMP_TEXT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

/** The WHERE clause and parameters of a filter, for the page and the export alike. */
function whereOf(actor: User, filter: AuditTrailFilter): { where: string; parameters: unknown[] } {
  const parameters: unknown[] = [];
  const conditions = [auditTrailReadFilter(actor)];
  const add = (condition: (placeholder: string) => string, value: unknown) => {
    parameters.push(value);
    conditions.push(condition(`$${parameters.length}`));
  };
  if (filter.actorId) add((p) => `a.actor_id = ${p}`, filter.actorId);
  if (filter.subjectType) add((p) => `a.entity_type = ${p}`, filter.subjectType);
  if (filter.subjectId) add((p) => `a.entity_id = ${p}`, filter.subjectId);
  if (filter.action) add((p) => `a.action = ${p}`, filter.action);
  if (filter.from) add((p) => `a.created_at >= ${p}`, filter.from);
  if (filter.to) add((p) => `a.created_at < ${p}`, filter.to);
  return { where: conditions.join(' AND '), parameters };
}

function entryOf(row: AuditRow, showPersonal: boolean): AuditTrailEntry {
  return {
    id: row.id,
    occurredAt: row.created_at,
    occurredAtText: row.created_at_text,
    actorId: row.actor_id,
    action: row.action,
    subjectType: row.entity_type,
    subjectId: row.entity_id,
    changes: fieldChanges(row.before, row.after, showPersonal),
  };
}

const SELECT = `SELECT a.id, a.created_at, a.created_at::text AS created_at_text, a.actor_id, a.action,
  a.entity_type, a.entity_id, a.before, a.after FROM audit_event a`;

/**
 * A page of the audit trail, newest first, keyset-paged on (time, id): two statements (the page
 * and the count), whatever the page size.
 */
export async function listAuditTrail(
  manager: EntityManager,
  actor: User,
  filter: AuditTrailFilter,
  args: { first?: number | null; after?: string | null },
): Promise<Connection<AuditTrailEntry>> {
  const first = pageSize(args.first);
  const { where, parameters } = whereOf(actor, filter);
  const pageParameters = [...parameters];
  let pageWhere = where;
  if (args.after) {
    const [at, id] = decodeCursor(args.after, ['text', 'uuid']) as [string, string];
    if (!TIMESTAMP_TEXT.test(at)) throw badInput('after is not a valid cursor', 'after');
    pageParameters.push(at, id);
    pageWhere += ` AND (a.created_at, a.id) < ($${pageParameters.length - 1}::timestamptz, $${pageParameters.length}::uuid)`;
  }
  pageParameters.push(first + 1);
  const [rows, [{ count }]] = (await Promise.all([
    manager.query(
      `${SELECT} WHERE ${pageWhere} ORDER BY a.created_at DESC, a.id DESC LIMIT $${pageParameters.length}`,
      pageParameters,
    ),
    manager.query(`SELECT count(*)::int AS count FROM audit_event a WHERE ${where}`, parameters),
  ])) as [AuditRow[], { count: number }[]];
  const showPersonal = can(actor, 'readPersonalAuditFields');
  const edges = rows.slice(0, first).map((row) => ({
    node: entryOf(row, showPersonal),
    cursor: encodeCursor([row.created_at_text, row.id]),
  }));
  return {
    edges,
    pageInfo: Object.assign(new PageInfo(), {
      hasNextPage: rows.length > first,
      hasPreviousPage: Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    }),
    totalCount: count,
  };
}

/** At most this many events go into one export file; narrow the filter for more. */
export const AUDIT_EXPORT_MAX_ROWS = 50_000;

interface AuditExportRow {
  entry: AuditTrailEntry;
  actorName: string | null;
}

const auditTable: ExportTable<AuditExportRow> = {
  sheetName: 'Änderungsprotokoll',
  columns: [
    { header: 'Zeitpunkt', kind: 'text', width: 22, value: (r) => r.entry.occurredAt.toISOString() },
    { header: 'Handelnde Person', kind: 'text', width: 28, value: (r) => r.actorName ?? 'System' },
    { header: 'Aktion', kind: 'text', width: 28, value: (r) => r.entry.action },
    { header: 'Gegenstand', kind: 'text', width: 18, value: (r) => r.entry.subjectType },
    { header: 'Gegenstand-ID', kind: 'text', width: 38, value: (r) => r.entry.subjectId },
    {
      header: 'Vorher',
      kind: 'text',
      width: 50,
      value: (r) =>
        r.entry.changes
          .filter((c) => c.before !== null)
          .map((c) => `${c.field}: ${c.before}`)
          .join('\n'),
    },
    {
      header: 'Nachher',
      kind: 'text',
      width: 50,
      value: (r) =>
        r.entry.changes
          .filter((c) => c.after !== null)
          .map((c) => `${c.field}: ${c.after}`)
          .join('\n'),
    },
  ],
};

/** The filtered audit trail as a file (CSV text or XLSX base64), newest first; masked as on the page. */
export async function exportAuditTrail(
  manager: EntityManager,
  actor: User,
  filter: AuditTrailFilter,
  format: 'csv' | 'xlsx',
): Promise<{ content: string; rows: number }> {
  const { where, parameters } = whereOf(actor, filter);
  const rows = (await manager.query(
    `SELECT x.*, u.name AS actor_name FROM (${SELECT} WHERE ${where}
       ORDER BY a.created_at DESC, a.id DESC LIMIT ${AUDIT_EXPORT_MAX_ROWS}) x
     LEFT JOIN app_user u ON u.id = x.actor_id ORDER BY x.created_at DESC, x.id DESC`,
    parameters,
  )) as (AuditRow & { actor_name: string | null })[];
  const showPersonal = can(actor, 'readPersonalAuditFields');
  const exportRows = rows.map((row) => ({ entry: entryOf(row, showPersonal), actorName: row.actor_name }));
  const content =
    format === 'csv' ? toCsv(auditTable, exportRows) : await toXlsxBase64(auditTable, exportRows);
  return { content, rows: exportRows.length };
}

/** The distinct actions and subject types in the trail (an index serves the types; actions are few). */
export async function auditTrailVocabulary(
  manager: EntityManager,
): Promise<{ actions: string[]; subjectTypes: string[] }> {
  const [actions, subjectTypes] = (await Promise.all([
    manager.query('SELECT DISTINCT action AS value FROM audit_event ORDER BY 1'),
    manager.query('SELECT DISTINCT entity_type AS value FROM audit_event ORDER BY 1'),
  ])) as [{ value: string }[], { value: string }[]];
  return { actions: actions.map((r) => r.value), subjectTypes: subjectTypes.map((r) => r.value) };
}
