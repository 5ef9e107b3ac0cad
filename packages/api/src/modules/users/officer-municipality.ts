import { Role } from '@hub/shared';
import type { EntityManager } from 'typeorm';
import { maybeIdOf } from '../../graphql/relay';
import { fail } from '../../graphql/user-error';
import { municipalityExists } from '../municipalities';

/**
 * "Officers belong to a municipality; the other roles to none": the municipality (database ID) a
 * person of `role` gets from the input's global ID, or a userError on `municipalityId`.
 */
export async function municipalityForRole(
  manager: EntityManager,
  role: Role,
  municipalityGlobalId: string | null | undefined,
): Promise<string | null> {
  if (role !== Role.OFFICER) {
    if (municipalityGlobalId)
      fail('MUNICIPALITY_NOT_ALLOWED', 'Only officers belong to a municipality.', 'municipalityId');
    return null;
  }
  const municipalityId = maybeIdOf(municipalityGlobalId, 'Municipality');
  if (!municipalityId || !(await municipalityExists(manager, municipalityId)))
    fail('MUNICIPALITY_REQUIRED', 'Officers belong to a municipality: choose one.', 'municipalityId');
  return municipalityId;
}
