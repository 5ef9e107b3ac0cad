import { randomBytes } from 'node:crypto';
import type { MunicipalityKind } from '@hub/shared';
import { Role, UserStatus } from '@hub/shared';
import type { DataSource } from 'typeorm';
import { toGlobalId } from '../../packages/api/src/graphql/relay';
import { hashPassword } from '../../packages/api/src/modules/auth/password';
import { Municipality } from '../../packages/api/src/modules/municipalities/municipality.entity';
import { User } from '../../packages/api/src/modules/users/user.entity';

let sequence = 0;
const unique = () => `${++sequence}-${randomBytes(3).toString('hex')}`;

/** A municipality from the real directory, found by name (and kind where names repeat). */
export async function municipality(
  dataSource: DataSource,
  name: string,
  kind?: MunicipalityKind,
): Promise<Municipality> {
  const found = await dataSource
    .getRepository(Municipality)
    .find({ where: kind ? { name, kind } : { name } });
  if (found.length !== 1)
    throw new Error(
      `expected one municipality named ${name}${kind ? ` (${kind})` : ''}, found ${found.length}`,
    );
  return found[0];
}

export interface UserOverrides extends Partial<User> {
  /** Sets a real argon2id hash (slow: only where a test signs in with the password). */
  password?: string;
}

/** An active user; officers get a municipality (Kaiserslautern unless given). */
export async function buildUser(dataSource: DataSource, overrides: UserOverrides = {}): Promise<User> {
  const { password, ...fields } = overrides;
  const role = fields.role ?? Role.OFFICER;
  let municipalityId = fields.municipalityId ?? null;
  if (role === Role.OFFICER && !municipalityId)
    municipalityId = (
      await municipality(dataSource, 'Kaiserslautern', 'KREISFREIE_STADT' as MunicipalityKind)
    ).id;
  const user = dataSource.getRepository(User).create({
    email: `person-${unique()}@example.org`,
    name: `Person ${sequence}`,
    status: UserStatus.ACTIVE,
    ...fields,
    role,
    municipalityId,
    passwordHash: password ? await hashPassword(password) : null,
  });
  await dataSource.getRepository(User).insert(user);
  return user;
}

export const gid = (type: string, id: string) => toGlobalId(type, id);
