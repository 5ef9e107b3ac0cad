import type { Locale } from '@hub/shared';
import type { EntityManager } from 'typeorm';

/**
 * A text of the privacy documents in both languages of the hub. German is the binding wording (the
 * export and the record the operator keeps); the English one is for readers of the English hub.
 */
export type Wording = Readonly<Record<Locale, string>>;

/**
 * The personal-data registry: every table that holds something about a person declares here
 * what it is kept for, which rows the person's export lists and what erasure does with them.
 * `tests/api/privacy-registry.test.ts` reads the database catalogue and fails for any table with
 * a reference to a person (a foreign key to `app_user`, a person-ID column, an e-mail, name or
 * phone column) that has no entry, so a new table cannot be forgotten.
 *
 * Parameters of `exportSql` and of erasure SQL: `:personId` the person's ID, `:email` their e-mail
 * address (lower case, as stored); `runRegistrySql` binds them.
 */

/** The person whose data is exported or erased, as the statements need them. */
export interface DataSubject {
  id: string;
  email: string;
  name: string;
  phone: string | null;
}

/** What erasure does with a table's rows about the person. */
export type Erasure =
  /** The rows are the person's alone and go entirely. */
  | { kind: 'delete'; sql: string }
  /**
   * The rows belong to shared records (minutes, status updates, history) and stay; they point at
   * the pseudonymised account, so the person shows under the pseudonym. `sql` clears what the
   * person wrote about themselves in them, if anything.
   */
  | { kind: 'keepUnderPseudonym'; sql?: string }
  /** Rows that need more than one statement (the audit trail's payloads). */
  | {
      kind: 'custom';
      description: Wording;
      run(manager: EntityManager, subject: DataSubject, pseudonym: string): Promise<void>;
    };

export interface PersonalDataEntry {
  table: string;
  /** The section's title in the export (German, like the documents) and the processing record. */
  title: Wording;
  /** Why the hub keeps it (Zweck), for the processing record. */
  purpose: Wording;
  /** Who sees it (Empfänger), for the processing record. */
  recipients: Wording;
  /** Columns holding a person's ID (foreign keys to app_user, or actor IDs without one). */
  personColumns: readonly string[];
  /** Columns holding personal data as text: names, addresses, numbers, free text by the person. */
  personalFields?: readonly string[];
  /** The rows the person's export lists; secrets (hashes) are never selected. */
  exportSql: string;
  erasure: Erasure;
  /** Key of the retention rule that limits how long rows are kept (see `retention.ts`). */
  retention: string;
}

/** Keys that carry personal data in audit and domain-event payloads (masked for roles that may not see them). */
export const personalPayloadKeys = [
  'name',
  'email',
  'phone',
  'position',
  'organisation',
  'previousEmail',
  'recipient',
] as const;

/**
 * Masks the personal keys of a jsonb value in SQL (`value` is a column or expression); other keys
 * stay. Used by erasure for the events whose subject is the erased person.
 */
export function maskedPayloadSql(value: string, replacement: string): string {
  return `CASE WHEN jsonb_typeof(${value}) = 'object' THEN COALESCE((
      SELECT jsonb_object_agg(k, CASE WHEN k = ANY(ARRAY[${personalPayloadKeys.map((key) => `'${key}'`).join(', ')}])
        AND v <> 'null'::jsonb THEN to_jsonb(${replacement}::text) ELSE v END)
      FROM jsonb_each(${value}) AS field(k, v)), '{}'::jsonb) ELSE ${value} END`;
}

/** Audit events and domain events: the person's own stay (under the pseudonym), their personal fields masked. */
async function maskEventPayloads(manager: EntityManager, subject: DataSubject, pseudonym: string) {
  await manager.query(
    `UPDATE audit_event SET before = ${maskedPayloadSql('before', '$2')}, after = ${maskedPayloadSql('after', '$2')}
     WHERE entity_type = 'User' AND entity_id = $1`,
    [subject.id, pseudonym],
  );
  await manager.query(
    `UPDATE domain_event SET payload = ${maskedPayloadSql('payload', '$2')}
     WHERE subject_type = 'User' AND subject_id = $1`,
    [subject.id, pseudonym],
  );
}

/** Threads and posts are kept for the same purpose and seen by the same people. */
const discussionTexts: Pick<PersonalDataEntry, 'purpose' | 'recipients'> = {
  purpose: {
    DE: 'Fragen und Gespräche im Netzwerk führen.',
    EN: 'Holding questions and conversations in the network.',
  },
  recipients: {
    DE: 'angemeldete Personen, die den Gegenstand lesen dürfen (nie öffentlich)',
    EN: 'signed-in people who may read the subject (never public)',
  },
};

/** The registry, one entry per table (order: erasure runs in this order; the account last). */
export const personalDataRegistry: readonly PersonalDataEntry[] = [
  {
    table: 'session',
    title: { DE: 'Anmeldungen (Sitzungen)', EN: 'Sign-ins (sessions)' },
    purpose: {
      DE: 'Angemeldet bleiben; Sitzungen auf anderen Geräten beenden können.',
      EN: 'Staying signed in; being able to end sessions on other devices.',
    },
    recipients: { DE: 'nur die Person selbst', EN: 'only the person themselves' },
    personColumns: ['user_id'],
    exportSql: `SELECT created_at AS "signedInAt", last_seen_at AS "lastSeenAt", expires_at AS "expiresAt", client
      FROM session WHERE user_id = :personId ORDER BY created_at`,
    erasure: { kind: 'delete', sql: 'DELETE FROM session WHERE user_id = :personId' },
    retention: 'session',
  },
  {
    table: 'user_token',
    title: { DE: 'Einladungs- und Passwort-Links', EN: 'Invitation and password links' },
    purpose: {
      DE: 'Einladungen annehmen, Passwort zurücksetzen, eine geänderte E-Mail-Adresse wiederherstellen.',
      EN: 'Accepting invitations, resetting the password, restoring a changed e-mail address.',
    },
    recipients: { DE: 'nur die Person selbst', EN: 'only the person themselves' },
    personColumns: ['user_id', 'created_by_id'],
    personalFields: ['previous_email'],
    exportSql: `SELECT purpose, created_at AS "createdAt", expires_at AS "expiresAt", used_at AS "usedAt",
        previous_email AS "previousEmail", (created_by_id = :personId AND user_id <> :personId) AS "createdForAnotherPerson"
      FROM user_token WHERE user_id = :personId OR created_by_id = :personId ORDER BY created_at`,
    erasure: {
      kind: 'delete',
      // Links a coordinator created for others stay valid; they point at the pseudonymised account.
      sql: 'DELETE FROM user_token WHERE user_id = :personId',
    },
    retention: 'userToken',
  },
  {
    table: 'password_reset_request',
    title: { DE: 'Angeforderte Passwort-Links', EN: 'Requested password links' },
    purpose: {
      DE: 'Einen Passwort-Link versenden, ohne zu verraten, ob die Adresse bekannt ist.',
      EN: 'Sending a password link without revealing whether the address is known.',
    },
    recipients: { DE: 'niemand (wird nach dem Versand gelöscht)', EN: 'nobody (deleted once sent)' },
    personColumns: [],
    personalFields: ['email'],
    exportSql: `SELECT created_at AS "requestedAt" FROM password_reset_request WHERE email = :email ORDER BY created_at`,
    erasure: { kind: 'delete', sql: 'DELETE FROM password_reset_request WHERE email = :email' },
    retention: 'passwordResetRequest',
  },
  {
    table: 'rate_limit_bucket',
    title: {
      DE: 'Zähler gegen das Durchprobieren von Passwörtern',
      EN: 'Counters against password guessing',
    },
    purpose: {
      DE: 'Anmeldung und Passwort-Links vor dem Durchprobieren schützen (Sicherheit, Art. 32 DSGVO).',
      EN: 'Protecting sign-in and password links against guessing (security, Art. 32 GDPR).',
    },
    recipients: { DE: 'niemand', EN: 'nobody' },
    personColumns: [],
    personalFields: ['key'],
    exportSql: `SELECT split_part(key, ':', 1) AS "kind", count, window_start AS "windowStart"
      FROM rate_limit_bucket WHERE key LIKE '%:' || :email OR key LIKE '%:' || :personId::text ORDER BY window_start`,
    erasure: {
      kind: 'delete',
      sql: `DELETE FROM rate_limit_bucket WHERE key LIKE '%:' || :email OR key LIKE '%:' || :personId::text`,
    },
    retention: 'rateLimit',
  },
  {
    table: 'outbox_message',
    title: { DE: 'E-Mails an die Person', EN: 'E-mails to the person' },
    purpose: {
      DE: 'Einladungen, Passwort-Links und Benachrichtigungen zustellen.',
      EN: 'Delivering invitations, password links and notifications.',
    },
    recipients: {
      DE: 'die Person; der Mailserver des Betreibers',
      EN: 'the person; the operator’s mail server',
    },
    personColumns: [],
    personalFields: ['recipient', 'body', 'subject'],
    exportSql: `SELECT kind, subject, created_at AS "createdAt", sent_at AS "sentAt", attempts
      FROM outbox_message WHERE lower(recipient) = :email ORDER BY created_at`,
    erasure: { kind: 'delete', sql: 'DELETE FROM outbox_message WHERE lower(recipient) = :email' },
    retention: 'outbox',
  },
  {
    table: 'calendar_feed',
    title: { DE: 'Kalender-Abonnements', EN: 'Calendar subscriptions' },
    purpose: {
      DE: 'Die eigenen Sitzungen im Kalenderprogramm abonnieren.',
      EN: 'Subscribing to one’s own meetings in a calendar program.',
    },
    recipients: { DE: 'nur die Person selbst', EN: 'only the person themselves' },
    personColumns: ['user_id'],
    exportSql: `SELECT created_at AS "createdAt", revoked_at AS "revokedAt" FROM calendar_feed WHERE user_id = :personId ORDER BY created_at`,
    erasure: { kind: 'delete', sql: 'DELETE FROM calendar_feed WHERE user_id = :personId' },
    retention: 'whileAccount',
  },
  {
    table: 'project_contact',
    title: { DE: 'Ansprechperson für Projekte', EN: 'Contact person for projects' },
    purpose: {
      DE: 'Anderen Kommunen zeigen, wen sie zu einem Projekt fragen können.',
      EN: 'Showing other municipalities whom they can ask about a project.',
    },
    recipients: {
      DE: 'Koordination und Digitalbeauftragte des Netzwerks',
      EN: 'the network’s coordinators and digital officers',
    },
    personColumns: ['user_id'],
    exportSql: `SELECT c.project_id AS "projectId", p.title AS "project" FROM project_contact c
      JOIN project p ON p.id = c.project_id WHERE c.user_id = :personId ORDER BY p.title`,
    erasure: { kind: 'delete', sql: 'DELETE FROM project_contact WHERE user_id = :personId' },
    retention: 'whileAccount',
  },
  {
    table: 'working_group_membership',
    title: { DE: 'Mitgliedschaften in Arbeitsgruppen', EN: 'Working-group memberships' },
    purpose: {
      DE: 'Arbeitsgruppen zusammensetzen, Leitungen benennen, Sitzungen einladen.',
      EN: 'Composing working groups, naming their leads, inviting to meetings.',
    },
    recipients: { DE: 'angemeldete Personen des Netzwerks', EN: 'the network’s signed-in people' },
    personColumns: ['user_id'],
    personalFields: ['request_note'],
    exportSql: `SELECT g.name AS "workingGroup", m.role, m.status, m.requested_at AS "requestedAt",
        m.joined_at AS "joinedAt", m.ended_at AS "endedAt", m.request_note AS "requestNote"
      FROM working_group_membership m JOIN working_group g ON g.id = m.working_group_id
      WHERE m.user_id = :personId ORDER BY m.created_at`,
    erasure: {
      kind: 'keepUnderPseudonym',
      sql: `UPDATE working_group_membership SET request_note = NULL,
          status = CASE WHEN status IN ('ACTIVE', 'REQUESTED') THEN 'LEFT'::working_group_membership_status ELSE status END,
          ended_at = CASE WHEN status IN ('ACTIVE', 'REQUESTED') THEN now() ELSE ended_at END
        WHERE user_id = :personId`,
    },
    retention: 'sharedRecord',
  },
  {
    table: 'working_group_membership_event',
    title: { DE: 'Verlauf der Arbeitsgruppen-Mitgliedschaften', EN: 'History of working-group memberships' },
    purpose: {
      DE: 'Nachvollziehen, wer wann aufgenommen, ernannt oder entfernt wurde.',
      EN: 'Tracing who was admitted, appointed or removed, and when.',
    },
    recipients: {
      DE: 'Koordination, Leitungen der Arbeitsgruppe',
      EN: 'coordinators, the working group’s leads',
    },
    personColumns: ['actor_id'],
    exportSql: `SELECT g.name AS "workingGroup", e.from_status AS "fromStatus", e.to_status AS "toStatus",
        e.from_role AS "fromRole", e.to_role AS "toRole", e.created_at AS "at", (e.actor_id = :personId) AS "byThePerson"
      FROM working_group_membership_event e
      JOIN working_group_membership m ON m.id = e.membership_id
      JOIN working_group g ON g.id = e.working_group_id
      WHERE m.user_id = :personId OR e.actor_id = :personId ORDER BY e.created_at`,
    erasure: { kind: 'keepUnderPseudonym' },
    retention: 'sharedRecord',
  },
  {
    table: 'working_group',
    title: { DE: 'Angelegte Arbeitsgruppen', EN: 'Working groups created' },
    purpose: {
      DE: 'Festhalten, wer eine Arbeitsgruppe angelegt hat.',
      EN: 'Recording who created a working group.',
    },
    recipients: { DE: 'Koordination', EN: 'coordinators' },
    personColumns: ['created_by_id'],
    exportSql: `SELECT name, created_at AS "createdAt" FROM working_group WHERE created_by_id = :personId ORDER BY created_at`,
    erasure: { kind: 'keepUnderPseudonym' },
    retention: 'sharedRecord',
  },
  {
    table: 'membership_event',
    title: { DE: 'Schritte in Netzwerkmitgliedschaften', EN: 'Steps in network memberships' },
    purpose: {
      DE: 'Nachvollziehen, wer eine Kommune eingeladen, aufgenommen oder ausgesetzt hat.',
      EN: 'Tracing who invited, admitted or suspended a municipality.',
    },
    recipients: {
      DE: 'Koordination, Digitalbeauftragte der Kommune',
      EN: 'coordinators, the municipality’s digital officers',
    },
    personColumns: ['actor_id'],
    exportSql: `SELECT mu.name AS "municipality", e.from_status AS "fromStatus", e.to_status AS "toStatus", e.note, e.created_at AS "at"
      FROM membership_event e JOIN network_membership n ON n.id = e.membership_id
      JOIN municipality mu ON mu.id = n.municipality_id WHERE e.actor_id = :personId ORDER BY e.created_at`,
    erasure: { kind: 'keepUnderPseudonym' },
    retention: 'sharedRecord',
  },
  {
    table: 'project',
    title: { DE: 'Angelegte Projekte', EN: 'Projects created' },
    purpose: { DE: 'Festhalten, wer ein Projekt angelegt hat.', EN: 'Recording who created a project.' },
    recipients: {
      DE: 'Koordination, Digitalbeauftragte der Kommune',
      EN: 'coordinators, the municipality’s digital officers',
    },
    personColumns: ['created_by_id'],
    exportSql: `SELECT id AS "projectId", title, status, created_at AS "createdAt" FROM project WHERE created_by_id = :personId ORDER BY created_at`,
    erasure: { kind: 'keepUnderPseudonym' },
    retention: 'sharedRecord',
  },
  {
    table: 'project_status_update',
    title: { DE: 'Sachstände zu Projekten', EN: 'Project status updates' },
    purpose: { DE: 'Den Fortschritt von Projekten berichten.', EN: 'Reporting projects’ progress.' },
    recipients: {
      DE: 'angemeldete Personen; veröffentlichte Projekte ohne Namen auch öffentlich',
      EN: 'signed-in people; for published projects also the public, without names',
    },
    personColumns: ['author_id'],
    exportSql: `SELECT p.title AS "project", s.reported_on AS "reportedOn", s.phase, s.progress_percent AS "progressPercent", s.text
      FROM project_status_update s JOIN project p ON p.id = s.project_id WHERE s.author_id = :personId ORDER BY s.created_at`,
    erasure: { kind: 'keepUnderPseudonym' },
    retention: 'sharedRecord',
  },
  {
    table: 'meeting',
    title: { DE: 'Organisierte Sitzungen', EN: 'Meetings organised' },
    purpose: { DE: 'Sitzungen planen und einladen.', EN: 'Planning meetings and inviting to them.' },
    recipients: { DE: 'Eingeladene, Koordination', EN: 'invitees, coordinators' },
    personColumns: ['organizer_id'],
    exportSql: `SELECT title, kind, starts_at AS "startsAt", ends_at AS "endsAt" FROM meeting WHERE organizer_id = :personId ORDER BY starts_at`,
    erasure: { kind: 'keepUnderPseudonym' },
    retention: 'sharedRecord',
  },
  {
    table: 'agenda_item',
    title: { DE: 'Tagesordnungspunkte, die die Person vorstellt', EN: 'Agenda items the person presents' },
    purpose: { DE: 'Sitzungen vorbereiten.', EN: 'Preparing meetings.' },
    recipients: { DE: 'Eingeladene, Koordination', EN: 'invitees, coordinators' },
    personColumns: ['presenter_id'],
    exportSql: `SELECT m.title AS "meeting", a.title, a.position, m.starts_at AS "startsAt"
      FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id WHERE a.presenter_id = :personId ORDER BY m.starts_at, a.position`,
    erasure: { kind: 'keepUnderPseudonym' },
    retention: 'sharedRecord',
  },
  {
    table: 'meeting_invitation',
    title: { DE: 'Einladungen, Zusagen und Anwesenheit', EN: 'Invitations, replies and attendance' },
    purpose: {
      DE: 'Zu Sitzungen einladen, Zusagen sammeln, Anwesenheit für Protokoll und Bericht festhalten.',
      EN: 'Inviting to meetings, collecting replies, recording attendance for minutes and reports.',
    },
    recipients: {
      DE: 'Eingeladene, Koordination; Zahlen (ohne Namen) im Fortschrittsbericht an das Ministerium',
      EN: 'invitees, coordinators; figures (without names) in the progress report to the ministry',
    },
    personColumns: ['user_id'],
    exportSql: `SELECT m.title AS "meeting", m.starts_at AS "startsAt", i.response, i.responded_at AS "respondedAt", i.attended
      FROM meeting_invitation i JOIN meeting m ON m.id = i.meeting_id WHERE i.user_id = :personId ORDER BY m.starts_at`,
    erasure: { kind: 'keepUnderPseudonym' },
    retention: 'sharedRecord',
  },
  {
    table: 'meeting_minutes',
    title: {
      DE: 'Protokolle (verfasst, eingereicht, freigegeben)',
      EN: 'Minutes (written, submitted, approved)',
    },
    purpose: { DE: 'Protokolle erstellen und freigeben.', EN: 'Writing and approving minutes.' },
    recipients: { DE: 'Eingeladene, Koordination', EN: 'invitees, coordinators' },
    personColumns: ['drafted_by_id', 'submitted_by_id', 'approved_by_id'],
    exportSql: `SELECT m.title AS "meeting", n.status, n.revision, (n.drafted_by_id = :personId) AS "drafted",
        (n.submitted_by_id = :personId) AS "submitted", (n.approved_by_id = :personId) AS "approved"
      FROM meeting_minutes n JOIN meeting m ON m.id = n.meeting_id
      WHERE :personId IN (n.drafted_by_id, n.submitted_by_id, n.approved_by_id) ORDER BY m.starts_at`,
    erasure: { kind: 'keepUnderPseudonym' },
    retention: 'sharedRecord',
  },
  {
    table: 'meeting_minutes_revision',
    title: { DE: 'Veröffentlichte Protokollfassungen', EN: 'Published versions of minutes' },
    purpose: {
      DE: 'Veröffentlichte Protokolle unverändert nachvollziehbar halten.',
      EN: 'Keeping published minutes traceable, unchanged.',
    },
    recipients: { DE: 'Eingeladene, Koordination', EN: 'invitees, coordinators' },
    personColumns: ['submitted_by_id', 'approved_by_id', 'published_by_id'],
    exportSql: `SELECT m.title AS "meeting", r.revision, r.published_at AS "publishedAt", (r.submitted_by_id = :personId) AS "submitted",
        (r.approved_by_id = :personId) AS "approved", (r.published_by_id = :personId) AS "published"
      FROM meeting_minutes_revision r JOIN meeting m ON m.id = r.meeting_id
      WHERE :personId IN (r.submitted_by_id, r.approved_by_id, r.published_by_id) ORDER BY r.published_at`,
    erasure: { kind: 'keepUnderPseudonym' },
    retention: 'sharedRecord',
  },
  {
    table: 'meeting_outcome',
    title: { DE: 'Ergebnisse und Aufgaben', EN: 'Outcomes and tasks' },
    purpose: {
      DE: 'Beschlüsse und Aufgaben aus Sitzungen festhalten und nachverfolgen.',
      EN: 'Recording and following up decisions and tasks from meetings.',
    },
    recipients: { DE: 'Eingeladene, Koordination', EN: 'invitees, coordinators' },
    personColumns: ['owner_user_id', 'created_by_id'],
    exportSql: `SELECT m.title AS "meeting", o.kind, o.title, o.status, o.due_date AS "dueDate", o.completed_at AS "completedAt",
        (o.owner_user_id = :personId) AS "owner", (o.created_by_id = :personId) AS "recorded"
      FROM meeting_outcome o JOIN meeting m ON m.id = o.meeting_id
      WHERE :personId IN (o.owner_user_id, o.created_by_id) ORDER BY m.starts_at, o.created_at`,
    erasure: { kind: 'keepUnderPseudonym' },
    retention: 'sharedRecord',
  },
  {
    table: 'discussion_thread',
    title: { DE: 'Begonnene Diskussionen', EN: 'Discussions started' },
    ...discussionTexts,
    personColumns: ['author_id'],
    exportSql: `SELECT id AS "threadId", subject_type AS "subjectType", title, created_at AS "createdAt"
      FROM discussion_thread WHERE author_id = :personId ORDER BY created_at`,
    erasure: { kind: 'keepUnderPseudonym' },
    retention: 'sharedRecord',
  },
  {
    table: 'discussion_post',
    title: { DE: 'Beiträge in Diskussionen', EN: 'Posts in discussions' },
    ...discussionTexts,
    personColumns: ['author_id'],
    exportSql: `SELECT t.title AS "thread", p.number, p.body, p.created_at AS "createdAt", p.deleted_at AS "deletedAt"
      FROM discussion_post p JOIN discussion_thread t ON t.id = p.thread_id WHERE p.author_id = :personId
      ORDER BY p.created_at`,
    erasure: { kind: 'keepUnderPseudonym' },
    retention: 'sharedRecord',
  },
  {
    table: 'discussion_read_state',
    title: { DE: 'Gelesene Diskussionen', EN: 'Discussions read' },
    purpose: {
      DE: 'Ungelesene Beiträge zählen und zum ersten ungelesenen springen.',
      EN: 'Counting unread posts and jumping to the first unread one.',
    },
    recipients: { DE: 'nur die Person selbst', EN: 'only the person themselves' },
    personColumns: ['user_id'],
    exportSql: `SELECT t.title AS "thread", r.last_read_number AS "lastReadPost"
      FROM discussion_read_state r JOIN discussion_thread t ON t.id = r.thread_id WHERE r.user_id = :personId`,
    erasure: { kind: 'delete', sql: 'DELETE FROM discussion_read_state WHERE user_id = :personId' },
    retention: 'whileAccount',
  },
  {
    table: 'follow',
    title: { DE: 'Gefolgte und stummgeschaltete Gegenstände', EN: 'Followed and muted subjects' },
    purpose: {
      DE: 'Benachrichtigungen an die richtigen Personen senden.',
      EN: 'Sending notifications to the right people.',
    },
    recipients: { DE: 'nur die Person selbst', EN: 'only the person themselves' },
    personColumns: ['user_id'],
    exportSql: `SELECT subject_type AS "subjectType", subject_id AS "subjectId", state, created_at AS "createdAt"
      FROM follow WHERE user_id = :personId ORDER BY created_at`,
    erasure: { kind: 'delete', sql: 'DELETE FROM follow WHERE user_id = :personId' },
    retention: 'whileAccount',
  },
  {
    table: 'notification',
    title: { DE: 'Benachrichtigungen', EN: 'Notifications' },
    purpose: {
      DE: 'Über Änderungen informieren, die die Person betreffen.',
      EN: 'Informing the person of changes that concern them.',
    },
    recipients: { DE: 'nur die empfangende Person', EN: 'only the receiving person' },
    personColumns: ['recipient_id', 'actor_id'],
    personalFields: ['actor_name'],
    exportSql: `SELECT type, subject_title AS "subject", excerpt, created_at AS "createdAt", read_at AS "readAt",
        email_due AS "emailDue", emailed_at AS "emailedAt"
      FROM notification WHERE recipient_id = :personId ORDER BY created_at`,
    erasure: {
      kind: 'delete',
      // The person's own inbox goes; in others' inboxes the name of what they did goes.
      sql: `WITH inbox AS (DELETE FROM notification WHERE recipient_id = :personId)
        UPDATE notification SET actor_name = NULL WHERE actor_id = :personId`,
    },
    retention: 'readNotification',
  },
  {
    table: 'notification_counter',
    title: { DE: 'Zähler ungelesener Benachrichtigungen', EN: 'Count of unread notifications' },
    purpose: { DE: 'Die Zahl an der Glocke anzeigen.', EN: 'Showing the number at the bell.' },
    recipients: { DE: 'nur die Person selbst', EN: 'only the person themselves' },
    personColumns: ['user_id'],
    exportSql: `SELECT * FROM notification_counter WHERE user_id = :personId`,
    erasure: { kind: 'delete', sql: 'DELETE FROM notification_counter WHERE user_id = :personId' },
    retention: 'whileAccount',
  },
  {
    table: 'notification_preference',
    title: {
      DE: 'E-Mail-Einstellungen je Benachrichtigungsart',
      EN: 'E-mail settings per kind of notification',
    },
    purpose: {
      DE: 'E-Mails so senden, wie die Person es gewählt hat.',
      EN: 'Sending e-mails as the person chose.',
    },
    recipients: { DE: 'nur die Person selbst', EN: 'only the person themselves' },
    personColumns: ['user_id'],
    exportSql: `SELECT type, email FROM notification_preference WHERE user_id = :personId ORDER BY type`,
    erasure: { kind: 'delete', sql: 'DELETE FROM notification_preference WHERE user_id = :personId' },
    retention: 'whileAccount',
  },
  {
    table: 'progress_report',
    title: {
      DE: 'Fortschrittsberichte (angelegt, eingereicht, geprüft, veröffentlicht)',
      EN: 'Progress reports (created, submitted, reviewed, published)',
    },
    purpose: {
      DE: 'Fortschrittsberichte an das Ministerium erstellen und freigeben.',
      EN: 'Writing and approving progress reports to the ministry.',
    },
    recipients: {
      DE: 'Koordination; veröffentlichte Berichte ohne Namen an Ministerium und Mitglieder',
      EN: 'coordinators; published reports go to the ministry and the members without names',
    },
    personColumns: ['created_by_id', 'submitted_by_id', 'reviewed_by_id', 'published_by_id'],
    exportSql: `SELECT title, status, version, (created_by_id = :personId) AS "created", (submitted_by_id = :personId) AS "submitted",
        (reviewed_by_id = :personId) AS "reviewed", (published_by_id = :personId) AS "published"
      FROM progress_report WHERE :personId IN (created_by_id, submitted_by_id, reviewed_by_id, published_by_id)
      ORDER BY created_at`,
    erasure: { kind: 'keepUnderPseudonym' },
    retention: 'sharedRecord',
  },
  {
    table: 'initiative',
    title: { DE: 'Netzwerkinitiativen (vorgeschlagen)', EN: 'Network initiatives (proposed)' },
    purpose: {
      DE: 'Vorschläge des Netzwerks ihren Urhebern zuordnen und sie über Entscheidungen informieren.',
      EN: 'Attributing the network’s proposals to their authors and informing them of decisions.',
    },
    recipients: {
      DE: 'Mitglieder des Netzwerks (Name); Ministerium ohne Namen',
      EN: 'the network’s members (name); the ministry without names',
    },
    personColumns: ['proposed_by_id'],
    exportSql: `SELECT title, status, created_at AS "createdAt" FROM initiative WHERE proposed_by_id = :personId ORDER BY created_at`,
    erasure: { kind: 'keepUnderPseudonym' },
    retention: 'sharedRecord',
  },
  {
    table: 'initiative_support',
    title: {
      DE: 'Interesse an Netzwerkinitiativen (für die Kommune erklärt)',
      EN: 'Interest in network initiatives (declared for the municipality)',
    },
    purpose: {
      DE: 'Festhalten, wer das Interesse der Kommune erklärt hat.',
      EN: 'Recording who declared the municipality’s interest.',
    },
    recipients: { DE: 'Koordination', EN: 'coordinators' },
    personColumns: ['supported_by_id'],
    exportSql: `SELECT i.title, s.created_at AS "createdAt" FROM initiative_support s JOIN initiative i ON i.id = s.initiative_id
      WHERE s.supported_by_id = :personId ORDER BY s.created_at`,
    erasure: { kind: 'keepUnderPseudonym' },
    retention: 'sharedRecord',
  },
  {
    table: 'initiative_status_change',
    title: {
      DE: 'Verlauf von Netzwerkinitiativen (Statuswechsel)',
      EN: 'History of network initiatives (status changes)',
    },
    purpose: {
      DE: 'Nachvollziehen, wer eine Initiative wann und warum weitergeführt hat.',
      EN: 'Tracing who moved an initiative on, when and why.',
    },
    recipients: {
      DE: 'Mitglieder des Netzwerks (Name); Ministerium ohne Namen',
      EN: 'the network’s members (name); the ministry without names',
    },
    personColumns: ['actor_id'],
    exportSql: `SELECT to_status AS "status", reason, occurred_at AS "occurredAt" FROM initiative_status_change
      WHERE actor_id = :personId ORDER BY occurred_at`,
    erasure: { kind: 'keepUnderPseudonym' },
    retention: 'sharedRecord',
  },
  {
    table: 'prioritisation_round',
    title: {
      DE: 'Priorisierungsrunden (eröffnet oder geschlossen)',
      EN: 'Prioritisation rounds (opened or closed)',
    },
    purpose: {
      DE: 'Priorisierungsrunden des Netzwerks durchführen.',
      EN: 'Holding the network’s prioritisation rounds.',
    },
    recipients: { DE: 'Koordination', EN: 'coordinators' },
    personColumns: ['opened_by_id', 'closed_by_id'],
    exportSql: `SELECT title, (opened_by_id = :personId) AS "opened", (closed_by_id = :personId) AS "closed"
      FROM prioritisation_round WHERE :personId IN (opened_by_id, closed_by_id) ORDER BY opened_at`,
    erasure: { kind: 'keepUnderPseudonym' },
    retention: 'sharedRecord',
  },
  {
    table: 'round_ballot',
    title: {
      DE: 'Stimmabgaben in Priorisierungsrunden (für die Kommune)',
      EN: 'Votes in prioritisation rounds (for the municipality)',
    },
    purpose: {
      DE: 'Festhalten, wer die Stimme der Kommune abgegeben hat; die Stimme selbst gehört der Kommune.',
      EN: 'Recording who cast the municipality’s vote; the vote itself belongs to the municipality.',
    },
    recipients: {
      DE: 'niemand vor Abschluss der Runde; danach nur zusammengefasst',
      EN: 'nobody before the round closes; afterwards only in aggregate',
    },
    personColumns: ['cast_by_id'],
    exportSql: `SELECT r.title, b.updated_at AS "castAt" FROM round_ballot b JOIN prioritisation_round r ON r.id = b.round_id
      WHERE b.cast_by_id = :personId ORDER BY b.updated_at`,
    erasure: { kind: 'keepUnderPseudonym' },
    retention: 'sharedRecord',
  },
  {
    table: 'pilot_application',
    title: {
      DE: 'Bewerbungen als Pilotkommune (eingereicht oder bestätigt)',
      EN: 'Applications as pilot municipality (submitted or confirmed)',
    },
    purpose: {
      DE: 'Pilotkommunen für Netzwerkinitiativen finden und bestätigen.',
      EN: 'Finding and confirming pilot municipalities for network initiatives.',
    },
    recipients: {
      DE: 'Mitglieder des Netzwerks (Name); Ministerium ohne Namen',
      EN: 'the network’s members (name); the ministry without names',
    },
    personColumns: ['applied_by_id', 'confirmed_by_id'],
    exportSql: `SELECT i.title, a.status, (a.applied_by_id = :personId) AS "applied", (a.confirmed_by_id = :personId) AS "confirmed"
      FROM pilot_application a JOIN initiative i ON i.id = a.initiative_id
      WHERE :personId IN (a.applied_by_id, a.confirmed_by_id) ORDER BY a.created_at`,
    erasure: { kind: 'keepUnderPseudonym' },
    retention: 'sharedRecord',
  },
  {
    table: 'domain_event',
    title: {
      DE: 'Ereignisse (Änderungen durch oder über die Person)',
      EN: 'Events (changes by or about the person)',
    },
    purpose: {
      DE: 'Benachrichtigungen und Auswertungen aus Änderungen ableiten.',
      EN: 'Deriving notifications and statistics from changes.',
    },
    recipients: { DE: 'interne Verarbeitung', EN: 'internal processing' },
    personColumns: ['actor_id', 'subject_id'],
    personalFields: ['payload'],
    exportSql: `SELECT type, occurred_at AS "occurredAt", subject_type AS "subjectType", subject_id AS "subjectId",
        (actor_id = :personId) AS "byThePerson", payload
      FROM domain_event WHERE actor_id = :personId OR (subject_type = 'User' AND subject_id = :personId) ORDER BY id`,
    erasure: { kind: 'keepUnderPseudonym' },
    retention: 'domainEvent',
  },
  {
    table: 'audit_event',
    title: {
      DE: 'Änderungsprotokoll (Handelnde oder betroffene Person)',
      EN: 'Audit trail (acting or affected person)',
    },
    purpose: {
      DE: 'Nachweisen, wer was wann geändert hat (Rechenschaftspflicht, Art. 5 Abs. 2 DSGVO).',
      EN: 'Proving who changed what and when (accountability, Art. 5(2) GDPR).',
    },
    recipients: {
      DE: 'Koordination; das Ministerium ohne personenbezogene Felder',
      EN: 'coordinators; the ministry without personal fields',
    },
    personColumns: ['actor_id', 'entity_id'],
    personalFields: ['before', 'after'],
    exportSql: `SELECT action, created_at AS "at", entity_type AS "subjectType", entity_id AS "subjectId",
        (actor_id = :personId) AS "byThePerson", before, after
      FROM audit_event WHERE actor_id = :personId OR (entity_type = 'User' AND entity_id = :personId) ORDER BY created_at, id`,
    erasure: {
      kind: 'custom',
      description: {
        DE: 'Einträge bleiben unter dem Pseudonym; Name, E-Mail, Telefon und Funktion in den Werten vorher/nachher werden ersetzt (eigener, protokollierter Wartungsweg).',
        EN: 'Entries stay under the pseudonym; name, e-mail, phone and position in the before/after values are replaced (a maintenance path of its own, itself logged).',
      },
      run: maskEventPayloads,
    },
    retention: 'auditEvent',
  },
  {
    table: 'app_user',
    title: { DE: 'Profil und Rolle', EN: 'Profile and role' },
    purpose: {
      DE: 'Anmelden, die Person im Netzwerk zeigen (Name, Funktion, Kommune), Kontakt unter Mitgliedern.',
      EN: 'Signing in, showing the person in the network (name, position, municipality), contact among members.',
    },
    recipients: {
      DE: 'Name und Funktion: angemeldete Personen; E-Mail und Telefon: Koordination und Digitalbeauftragte; nie das Ministerium oder die Öffentlichkeit',
      EN: 'name and position: signed-in people; e-mail and phone: coordinators and digital officers; never the ministry or the public',
    },
    personColumns: ['id'],
    personalFields: ['name', 'email', 'phone', 'position', 'organisation'],
    exportSql: `SELECT u.name, u.email, u.phone, u.position, u.organisation, u.role, mu.name AS "municipality",
        u.locale, u.status, u.created_at AS "createdAt", u.updated_at AS "updatedAt",
        u.erasure_requested_at AS "erasureRequestedAt"
      FROM app_user u LEFT JOIN municipality mu ON mu.id = u.municipality_id WHERE u.id = :personId`,
    erasure: {
      kind: 'custom',
      description: {
        DE: 'Name wird durch das Pseudonym ersetzt; E-Mail, Telefon, Funktion, Organisation und Passwort werden gelöscht; das Konto ist gesperrt.',
        EN: 'The name is replaced by the pseudonym; e-mail, phone, position, organisation and password are deleted; the account is locked.',
      },
      // The account itself is pseudonymised by the erasure service (it needs the pseudonym and runs last).
      run: async () => undefined,
    },
    retention: 'whileAccount',
  },
];

/**
 * Columns whose names look personal but are not (the catalogue test would flag them otherwise):
 * names of municipalities, groups and events, subjects of reference data.
 */
export const notPersonalColumns: Readonly<Record<string, string>> = {
  'municipality.name': 'the name of a municipality',
  'working_group.name': 'the name of a working group',
  'discussion_forum_category.name': 'the name of a forum category',
  'notification_preference.email': 'the chosen e-mail frequency, not an address',
  'notification.email_due': 'when an e-mail is due (a frequency), not an address',
  'domain_event_consumption.consumer': 'the name of a consumer process',
  'migrations.name': 'the name of a migration',
  'typeorm_metadata.name': 'TypeORM bookkeeping',
};

/**
 * Reference data loaded from files, which no one writes about a person: erasure does not search
 * them for mentions (the thesaurus alone is most of the database's text).
 */
export const referenceDataTables: Readonly<Record<string, string>> = {
  municipality: 'the Gemeindeverzeichnis of Destatis',
  search_word: 'the OpenThesaurus word list of the search',
  search_synonym: 'the synonym sets of the search',
  search_data_version: 'the version of the search data',
};

/** Runs a registry statement with the person's ID and e-mail bound to `:personId` and `:email`. */
export function runRegistrySql(
  manager: EntityManager,
  sql: string,
  subject: Pick<DataSubject, 'id' | 'email'>,
): Promise<Record<string, unknown>[]> {
  const values: unknown[] = [];
  const numbered = new Map<string, string>();
  const text = sql.replace(/:(personId|email)\b/g, (_match, name: 'personId' | 'email') => {
    if (!numbered.has(name)) {
      values.push(name === 'personId' ? subject.id : subject.email);
      numbered.set(name, `$${values.length}`);
    }
    return numbered.get(name) as string;
  });
  return manager.query(text, values);
}

/** The registry entry of a table, if any. */
export const registryEntryOf = (table: string) => personalDataRegistry.find((e) => e.table === table);
