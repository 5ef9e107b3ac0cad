import { Locale } from '@hub/shared';
import type { EntityManager } from 'typeorm';
import { type Config, type OperatorSettings, operatorVariableOf } from '../../config';
import type { Context } from '../../graphql/context';
import { forbidden } from '../../graphql/errors';
import { fail } from '../../graphql/user-error';
import { endAllSessions } from '../auth';
import { emitDomainEvent } from '../events';
import { User } from '../users';
import { erasePerson } from './erasure.service';
import { collectPersonalData, dataSubjectOf, personalDataHtml } from './personal-data.export';
import { personalDataRegistry, type Wording } from './personal-data.registry';
import { can } from './privacy.policy';
import type { OperatorDetails, PersonalDataFiles, ProcessingRecord } from './privacy.types';
import { retentionRuleOf, retentionRules } from './retention';

/** Operator fields an imprint cannot do without; the warning names the missing ones. */
const requiredOperatorFields: (keyof OperatorSettings)[] = ['name', 'address', 'representative', 'email'];

/** The operator's details with the settings still missing, for the imprint and the privacy notice. */
export function operatorDetails(config: Pick<Config, 'operator'>): OperatorDetails {
  const operator = config.operator;
  return {
    ...operator,
    supervisoryAuthority:
      operator.supervisoryAuthority ||
      'Der Landesbeauftragte für den Datenschutz und die Informationsfreiheit Rheinland-Pfalz, Hintere Bleiche 34, 55116 Mainz',
    missingSettings: requiredOperatorFields.filter((field) => !operator[field]).map(operatorVariableOf),
  };
}

const erasureText: Record<'delete' | 'keepUnderPseudonym', Wording> = {
  delete: { DE: 'wird gelöscht', EN: 'is deleted' },
  keepUnderPseudonym: {
    DE: 'bleibt als Teil der gemeinsamen Unterlage, nur noch unter dem Pseudonym',
    EN: 'stays as part of the shared record, only under the pseudonym',
  },
};

/**
 * The record of processing activities (Art. 30 DSGVO), generated from the registry and the retention
 * rules, in the reader's language (German, the binding wording, unless English is asked for).
 */
export function processingRecord(
  config: Pick<Config, 'operator' | 'retention'>,
  now: Date,
  language: Locale = Locale.DE,
): ProcessingRecord {
  return {
    operator: operatorDetails(config),
    activities: personalDataRegistry.map((entry) => ({
      table: entry.table,
      title: entry.title[language],
      purpose: entry.purpose[language],
      recipients: entry.recipients[language],
      retention: retentionRuleOf(entry.retention)?.period(config.retention)[language] ?? '',
      erasure: (entry.erasure.kind === 'custom'
        ? entry.erasure.description
        : erasureText[entry.erasure.kind])[language],
    })),
    retention: retentionRules.map((rule) => ({
      kind: rule.kind[language],
      period: rule.period(config.retention)[language],
    })),
    generatedAt: now,
  };
}

/** Data subjects' rights: the export, erasure requests and erasure. */
export class PrivacyService {
  constructor(private readonly ctx: Context) {}

  private async person(manager: EntityManager, personId: string, lock = false): Promise<User> {
    const query = manager.getRepository(User).createQueryBuilder('u').where('u.id = :personId', { personId });
    if (lock) query.setLock('pessimistic_write');
    const person = await query.getOne();
    if (!person) fail('NOT_FOUND', 'There is no person with this ID.', 'personId');
    return person;
  }

  /** Everything about the person as JSON and as an HTML document; the export itself is audited. */
  async exportData(manager: EntityManager, viewer: User, personId: string): Promise<PersonalDataFiles> {
    const person = await this.person(manager, personId);
    if (!can(viewer, 'exportData', { person })) throw forbidden();
    const subject = await dataSubjectOf(manager, person.id);
    if (!subject) fail('NOT_FOUND', 'There is no person with this ID.', 'personId');
    const now = new Date();
    await emitDomainEvent(manager, {
      type: 'person.dataExport',
      actorId: viewer.id,
      subjectType: 'User',
      subjectId: person.id,
      payload: { self: viewer.id === person.id },
      requestId: this.ctx.requestId,
    });
    const data = await collectPersonalData(manager, subject, this.ctx.config.retention, now);
    return {
      baseName: `daten-${subject.name
        .normalize('NFKD')
        .replace(/[^\w]+/g, '-')
        .replace(/^-|-$/g, '')
        .toLowerCase()}-${now.toISOString().slice(0, 10)}`,
      json: JSON.stringify(data, null, 2),
      html: personalDataHtml(data, this.ctx.config.operator.name),
    };
  }

  /** The person asks to be erased; a coordinator confirms by erasing. */
  async requestErasure(manager: EntityManager, viewer: User): Promise<User> {
    const person = await this.person(manager, viewer.id, true);
    if (!can(viewer, 'requestErasure', { person }))
      fail('ALREADY_REQUESTED', 'You have asked to be erased already.', null);
    person.erasureRequestedAt = new Date();
    await manager.update(User, person.id, { erasureRequestedAt: person.erasureRequestedAt });
    await emitDomainEvent(manager, {
      type: 'person.erasureRequest',
      actorId: viewer.id,
      subjectType: 'User',
      subjectId: person.id,
      payload: { requestedAt: person.erasureRequestedAt.toISOString() },
      requestId: this.ctx.requestId,
    });
    return person;
  }

  async withdrawErasureRequest(manager: EntityManager, viewer: User): Promise<User> {
    const person = await this.person(manager, viewer.id, true);
    if (!can(viewer, 'withdrawErasureRequest', { person }))
      fail('NOT_REQUESTED', 'There is no erasure request to withdraw.', null);
    person.erasureRequestedAt = null;
    await manager.update(User, person.id, { erasureRequestedAt: null });
    await emitDomainEvent(manager, {
      type: 'person.erasureRequestWithdraw',
      actorId: viewer.id,
      subjectType: 'User',
      subjectId: person.id,
      payload: null,
      requestId: this.ctx.requestId,
    });
    return person;
  }

  /** A coordinator erases another person (confirming their request, if there is one). */
  async erase(manager: EntityManager, viewer: User, personId: string): Promise<User> {
    const person = await this.person(manager, personId, true);
    if (person.erasedAt) fail('ALREADY_ERASED', 'This person has been erased already.', 'personId');
    if (person.id === viewer.id)
      fail('ERASE_SELF', 'Coordinators cannot erase themselves: ask another coordinator.', 'personId');
    if (!can(viewer, 'erase', { person })) throw forbidden();
    await erasePerson(manager, viewer, person, this.ctx.requestId);
    await endAllSessions(manager, person.id);
    return this.person(manager, person.id);
  }
}
