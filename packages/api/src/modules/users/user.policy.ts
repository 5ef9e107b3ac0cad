import { UserStatus } from '@hub/shared';
import type { Actor, SqlFilter } from '../../policy/policy';
import { definePolicy } from '../../policy/policy';
import { isCoordinator, isNetworkMember } from './roles';
import type { User } from './user.entity';

/** Account statuses whose people the actor may see in lists (deactivated people: coordinators only). */
export function listableStatuses(actor: Actor): UserStatus[] {
  return Object.values(UserStatus).filter((s) => s !== UserStatus.DEACTIVATED || isCoordinator(actor));
}

const self = (actor: Actor, person: User) => actor !== null && actor.id === person.id;

/** Who may see and change people. DSGVO: the ministry and the public never see contact data. */
export const userPolicy = definePolicy<{
  /** Names, positions and municipalities: any signed-in person (OParl asks this too). */
  read: undefined;
  /** E-mail and phone: the person, and the network's members (coordinators and officers). */
  readContact: User;
  /** Account status: the person and coordinators. */
  readAccount: User;
  /** The people list: the network's members (it carries contact data). */
  list: undefined;
  /** Deactivated people appear in lists for coordinators only. */
  seeDeactivated: undefined;
  invite: undefined;
  updateProfile: User;
  /** Deactivate, reactivate, change the role: coordinators, never for themselves. */
  manage: User;
  resendInvitation: User;
  /** The CSV import of officers creates accounts: coordinators only. */
  import: undefined;
}>({
  read: (actor) => actor !== null,
  // An erased person has no contact data left (their stored address is a placeholder).
  readContact: (actor, person) => !person.erasedAt && (self(actor, person) || isNetworkMember(actor)),
  readAccount: (actor, person) => self(actor, person) || isCoordinator(actor),
  list: (actor) => isNetworkMember(actor),
  seeDeactivated: (actor) => isCoordinator(actor),
  invite: (actor) => isCoordinator(actor),
  updateProfile: (actor, person) => !person.erasedAt && (self(actor, person) || isCoordinator(actor)),
  manage: (actor, person) => isCoordinator(actor) && actor.id !== person.id && !person.erasedAt,
  resendInvitation: (actor, person) =>
    isCoordinator(actor) && person.status === UserStatus.INVITED && !person.erasedAt,
  import: (actor) => isCoordinator(actor),
});

/** The people list as `userPolicy` allows it, in SQL on `app_user u`: nothing for non-members. */
export function peopleListFilter(actor: Actor): SqlFilter {
  if (!userPolicy.can(actor, 'list')) return { sql: 'FALSE', params: {} };
  return { sql: 'u.status IN (:...listableStatuses)', params: { listableStatuses: listableStatuses(actor) } };
}
