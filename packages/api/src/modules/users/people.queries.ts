import { Role, UserStatus } from '@hub/shared';
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { User } from './user.entity';

/*
 * Reads of people for other modules' mutations, on the mutation's transaction: other modules ask
 * these instead of reading the app_user table themselves.
 */

/** Whether a person with this ID exists (in any account status). */
export function personExists(manager: EntityManager, id: string): Promise<boolean> {
  return manager.getRepository(User).existsBy({ id });
}

/** The people with these IDs, in the given account statuses (any unless given). */
export function peopleByIds(
  manager: EntityManager,
  ids: readonly string[],
  statuses?: readonly UserStatus[],
): Promise<User[]> {
  if (!ids.length) return Promise.resolve([]);
  return manager
    .getRepository(User)
    .findBy({ id: In([...ids]), ...(statuses ? { status: In([...statuses]) } : {}) });
}

/** The active digital officers of these municipalities. */
export function activeOfficersOf(
  manager: EntityManager,
  municipalityIds: readonly string[],
): Promise<User[]> {
  if (!municipalityIds.length) return Promise.resolve([]);
  return manager.getRepository(User).findBy({
    municipalityId: In([...municipalityIds]),
    role: Role.OFFICER,
    status: UserStatus.ACTIVE,
  });
}
