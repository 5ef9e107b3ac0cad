import type { User } from '../users';
import { isCoordinator, isMinistry } from '../users';

/** What the privacy module lets people do. */
export type PrivacyAction =
  | 'exportData'
  | 'requestErasure'
  | 'withdrawErasureRequest'
  | 'erasePeople'
  | 'erase'
  | 'readAuditTrail'
  | 'readPersonalAuditFields'
  | 'readProcessingRecord';

/** The person an action concerns, with the state the rules look at. */
export interface PrivacySubject {
  person?: Pick<User, 'id' | 'erasedAt' | 'erasureRequestedAt'>;
}

/**
 * Who may do what with personal data: a person exports their own data and asks to be erased; a
 * coordinator exports anyone's data on request and erases other people; the audit trail is read
 * by coordinators in full and by the ministry with personal fields masked (DSGVO: the ministry
 * never sees personal contact data).
 */
export function can(actor: User | null, action: PrivacyAction, subject: PrivacySubject = {}): boolean {
  const person = subject.person;
  const self = Boolean(actor && person && actor.id === person.id);
  const erased = Boolean(person?.erasedAt);
  switch (action) {
    case 'exportData':
      return Boolean(person) && !erased && (self || isCoordinator(actor));
    case 'requestErasure':
      return self && !erased && !person?.erasureRequestedAt;
    case 'withdrawErasureRequest':
      return self && !erased && Boolean(person?.erasureRequestedAt);
    case 'erasePeople':
      return isCoordinator(actor);
    case 'erase':
      return Boolean(person) && !erased && !self && can(actor, 'erasePeople');
    case 'readAuditTrail':
      return isCoordinator(actor) || isMinistry(actor);
    case 'readPersonalAuditFields':
      return isCoordinator(actor);
    case 'readProcessingRecord':
      // Generated from the configuration, no personal data: the privacy notice shows it to everyone.
      return true;
  }
}

/**
 * The audit events an actor may list, as an SQL condition on `audit_event` (alias `a`): the
 * counterpart of `can(actor, 'readAuditTrail')`, which the tests hold against each other.
 */
export function auditTrailReadFilter(actor: User | null): string {
  return can(actor, 'readAuditTrail') ? 'TRUE' : 'FALSE';
}
