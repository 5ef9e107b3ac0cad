import { MunicipalityKind, Role } from '@hub/shared';
import type { DataSource } from 'typeorm';
import type { User } from '../../packages/api/src/modules/users/user.entity';
import { buildUser, municipality } from './factories';

/** The actors every module's matrix runs against (HELPERS: public, ministry, officers, coordinator). */
export const MATRIX_ROLES = ['public', 'ministry', 'ownOfficer', 'otherOfficer', 'coordinator'] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];

/** One person per matrix role (null for the public); "own" is an officer of `own`, "other" of Mainz. */
export type Actors = Record<MatrixRole, User | null>;

/**
 * Builds the matrix's actors: the own officer belongs to `ownMunicipalityId` (Kaiserslautern unless
 * given), the other officer to Mainz.
 */
export async function buildActors(dataSource: DataSource, ownMunicipalityId?: string): Promise<Actors> {
  const mainz = await municipality(dataSource, 'Mainz', MunicipalityKind.KREISFREIE_STADT);
  return {
    public: null,
    ministry: await buildUser(dataSource, { role: Role.MINISTRY }),
    ownOfficer: await buildUser(dataSource, { role: Role.OFFICER, municipalityId: ownMunicipalityId }),
    otherOfficer: await buildUser(dataSource, { role: Role.OFFICER, municipalityId: mainz.id }),
    coordinator: await buildUser(dataSource, { role: Role.COORDINATOR }),
  };
}

/**
 * Runs `decide` for every role and compares the answers with the expected row, one cell per role,
 * so a failure names the role. The roles are the keys of `expected`: the matrix roles, or a
 * module's own (a group's lead, an officer of a municipality built per cell).
 */
export async function expectRoleMatrix<Role extends string, T>(
  decide: (role: Role) => T | Promise<T>,
  expected: Record<Role, T>,
): Promise<void> {
  const actual = {} as Record<Role, T>;
  for (const role of Object.keys(expected) as Role[]) actual[role] = await decide(role);
  expect(actual).toEqual(expected);
}

/**
 * The matrix over built actors: `expectMatrix(actors, (a) => can(a, …), { public: false, … })`;
 * actors beyond the matrix roles (a group member) come with their own row.
 */
export async function expectMatrix<Role extends string, T>(
  actors: Record<Role, User | null>,
  decide: (actor: User | null, role: Role) => T | Promise<T>,
  expected: Record<Role, T>,
): Promise<void> {
  await expectRoleMatrix((role) => decide(actors[role], role), expected);
}
