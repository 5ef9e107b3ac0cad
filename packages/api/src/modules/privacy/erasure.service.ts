import { randomBytes } from 'node:crypto';
import { Role, UserStatus } from '@hub/shared';
import type { EntityManager } from 'typeorm';
import { fail, type UserError, UserErrors, userError } from '../../graphql/user-error';
import { emitDomainEvent } from '../events';
import type { User } from '../users';
import { dataSubjectOf } from './personal-data.export';
import {
  type DataSubject,
  personalDataRegistry,
  referenceDataTables,
  runRegistrySql,
} from './personal-data.registry';

/** A pseudonym that says what happened and tells erased people apart, derived from nothing about them. */
export const newPseudonym = () => `Gelöschte Person ${randomBytes(3).toString('hex').toUpperCase()}`;

/** The address an erased account keeps (the column is unique and required); it never reaches a mailbox. */
const erasedEmail = (id: string) => `geloescht-${id}@erased.invalid`;

/** Whom the person's absence would leave without a lead or an officer; each a userError saying what to do first. */
async function erasureBlockers(manager: EntityManager, person: User): Promise<UserError[]> {
  const blockers: UserError[] = [];
  const lastLead = (await manager.query(
    `SELECT g.name FROM working_group_membership m JOIN working_group g ON g.id = m.working_group_id
     WHERE m.user_id = $1 AND m.role = 'LEAD' AND m.status = 'ACTIVE' AND g.archived_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM working_group_membership o
                       WHERE o.working_group_id = m.working_group_id AND o.user_id <> $1
                         AND o.role = 'LEAD' AND o.status = 'ACTIVE')
     ORDER BY g.name`,
    [person.id],
  )) as { name: string }[];
  for (const group of lastLead)
    blockers.push(
      userError(
        'LAST_LEAD',
        `${person.name} is the only lead of the working group “${group.name}”: appoint another lead (or archive the group) first.`,
        'personId',
      ),
    );
  if (person.role === Role.OFFICER && person.municipalityId) {
    const onlyOfficer = (await manager.query(
      `SELECT mu.name FROM network_membership n JOIN municipality mu ON mu.id = n.municipality_id
       WHERE n.municipality_id = $2 AND n.status IN ('ACTIVE', 'SUSPENDED')
         AND NOT EXISTS (SELECT 1 FROM app_user o WHERE o.municipality_id = $2 AND o.id <> $1
                           AND o.role = 'OFFICER' AND o.status <> 'DEACTIVATED' AND o.erased_at IS NULL)`,
      [person.id, person.municipalityId],
    )) as { name: string }[];
    for (const member of onlyOfficer)
      blockers.push(
        userError(
          'ONLY_OFFICER',
          `${person.name} is the only digital officer of the member ${member.name}: invite another officer (or end the membership) first.`,
          'personId',
        ),
      );
  }
  return blockers;
}

/**
 * A PostgreSQL regular expression matching `text` literally as a whole word: "Anna Berg" in
 * "Anna Berg." but not in "Johanna Berg", "anna@example.org" but not in "hanna@example.org".
 */
const literalPattern = (text: string) =>
  `(?<![[:alnum:]_.%+-])${text.replace(/[\\^$.|?*+()[\]{}]/g, (c) => `\\${c}`)}(?![[:alnum:]_-])`;

/**
 * What identifies the person in free text: the name, the e-mail address and the phone number as
 * stored. Very short values are left out, since they would match unrelated words.
 */
function needles(subject: DataSubject): string[] {
  const found = [subject.email];
  if (subject.name.trim().length >= 5) found.push(subject.name.trim());
  if (subject.phone && subject.phone.replace(/\D/g, '').length >= 5) found.push(subject.phone.trim());
  return found;
}

interface TextColumn {
  table_name: string;
  column_name: string;
  data_type: string;
  character_maximum_length: number | null;
}

/**
 * Replaces mentions of the person (name, e-mail, phone) in every text and JSON column of every
 * table by the pseudonym, whoever wrote them: minutes, descriptions, mails to others, audit
 * payloads. Read from the catalogue, so tables added later are covered without an entry. One
 * UPDATE per table, touching only rows that mention the person.
 */
async function replaceMentions(
  manager: EntityManager,
  subject: DataSubject,
  pseudonym: string,
): Promise<void> {
  const columns = (await manager.query(
    `SELECT c.table_name, c.column_name, c.data_type, c.character_maximum_length
     FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
       AND c.data_type IN ('text', 'character varying', 'jsonb', 'json') AND c.is_generated = 'NEVER'
       AND c.table_name <> ALL($1::text[])
     ORDER BY c.table_name, c.ordinal_position`,
    // The account is pseudonymised on its own, last; reference data mentions no one.
    [['app_user', 'migrations', 'typeorm_metadata', ...Object.keys(referenceDataTables)]],
  )) as TextColumn[];
  const textNeedles = needles(subject);
  // Inside JSON text a value is escaped (quotes, backslashes), so the needles are too.
  const jsonNeedles = textNeedles.map((needle) => JSON.stringify(needle).slice(1, -1));
  const likeOf = (list: string[]) => list.map((n) => `%${n.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const values = {
    textPattern: textNeedles.map(literalPattern).join('|'),
    jsonPattern: jsonNeedles.map(literalPattern).join('|'),
    // A cheap ILIKE finds the candidate rows; only those pay for the whole-word regular expression.
    textLike: likeOf(textNeedles),
    jsonLike: likeOf(jsonNeedles),
  };
  const byTable = new Map<string, TextColumn[]>();
  for (const column of columns)
    byTable.set(column.table_name, [...(byTable.get(column.table_name) ?? []), column]);
  for (const [table, tableColumns] of byTable) {
    // $1 the pseudonym; the others are bound as they are needed (PostgreSQL refuses unused parameters).
    const parameters: unknown[] = [pseudonym];
    const bound = new Map<keyof typeof values, string>();
    const placeholder = (key: keyof typeof values) => {
      if (!bound.has(key)) {
        parameters.push(values[key]);
        bound.set(key, `$${parameters.length}`);
      }
      return bound.get(key) as string;
    };
    const assignments: string[] = [];
    const conditions: string[] = [];
    for (const column of tableColumns) {
      const name = `"${column.column_name}"`;
      const json = column.data_type === 'jsonb' || column.data_type === 'json';
      const value = json ? `${name}::text` : name;
      const pattern = placeholder(json ? 'jsonPattern' : 'textPattern');
      let replaced = `regexp_replace(${value}, ${pattern}, $1, 'gi')`;
      if (json) replaced = `(${replaced})::${column.data_type}`;
      else if (column.character_maximum_length)
        replaced = `left(${replaced}, ${column.character_maximum_length})`;
      assignments.push(`${name} = CASE WHEN ${value} ~* ${pattern} THEN ${replaced} ELSE ${name} END`);
      conditions.push(`${value} ILIKE ANY(${placeholder(json ? 'jsonLike' : 'textLike')}::text[])`);
    }
    await manager.query(
      `UPDATE "${table}" SET ${assignments.join(', ')} WHERE ${conditions.join(' OR ')}`,
      parameters,
    );
  }
}

/**
 * Erases a person (Art. 17 DSGVO) in the caller's transaction: the person's own data goes, their
 * contributions to shared records stay under a pseudonym, mentions of them are replaced, their
 * sessions and links end. The audit trail keeps the fact (under the pseudonym) through its
 * erasure maintenance path. Refused while the person is the last lead of a working group or the
 * only officer of a member. Returns the pseudonym.
 */
export async function erasePerson(
  manager: EntityManager,
  actor: User,
  person: User,
  requestId: string | null,
): Promise<string> {
  const blockers = await erasureBlockers(manager, person);
  if (blockers.length) throw new UserErrors(blockers);
  const subject = await dataSubjectOf(manager, person.id);
  if (!subject) fail('NOT_FOUND', 'There is no person with this ID.', 'personId');
  const pseudonym = newPseudonym();
  // Lets this transaction, and only it, rewrite audit payloads (see the migration PrivacyErasure).
  await manager.query(`SET LOCAL hub.audit_maintenance = 'erasure'`);
  for (const entry of personalDataRegistry) {
    const erasure = entry.erasure;
    if (erasure.kind === 'custom') await erasure.run(manager, subject, pseudonym);
    else if (erasure.sql) await runRegistrySql(manager, erasure.sql, subject);
  }
  await replaceMentions(manager, subject, pseudonym);
  await manager.query(
    `UPDATE app_user SET name = $2, email = $3, phone = NULL, position = NULL, organisation = NULL,
       password_hash = NULL, status = $4, erased_at = now(), erasure_requested_at = NULL, updated_at = now()
     WHERE id = $1`,
    [person.id, pseudonym, erasedEmail(person.id), UserStatus.DEACTIVATED],
  );
  const requestedAt = person.erasureRequestedAt?.toISOString() ?? null;
  if (requestedAt)
    await emitDomainEvent(manager, {
      type: 'person.erasureConfirm',
      actorId: actor.id,
      subjectType: 'User',
      subjectId: person.id,
      payload: { requestedAt },
      requestId,
    });
  await emitDomainEvent(manager, {
    type: 'person.erase',
    actorId: actor.id,
    subjectType: 'User',
    subjectId: person.id,
    payload: { pseudonym, requestedAt },
    requestId,
  });
  return pseudonym;
}
