import type { User } from './user.entity';

/**
 * The name shown for a person wherever they appear (author of minutes, status updates, posts,
 * participant lists): the one place that decides it, so every screen shows an erased person
 * alike. Erasure overwrites the stored name with the pseudonym (nothing of the old name may stay
 * in the database); a missing person (a reference set to null) shows as unknown.
 */
export function displayNameOf(person: Pick<User, 'name' | 'erasedAt'> | null | undefined): string {
  if (!person) return 'Unbekannte Person';
  return person.name;
}
