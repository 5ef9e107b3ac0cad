import type { Role } from '../../gql/graphql';
import type { PlainMessageKey } from '../../i18n';

export const roleLabel: Record<Role, PlainMessageKey> = {
  COORDINATOR: 'role.COORDINATOR',
  OFFICER: 'role.OFFICER',
  MINISTRY: 'role.MINISTRY',
};

export const roles = Object.keys(roleLabel) as Role[];
