import { MembershipStatus, MunicipalityKind, Role } from '@hub/shared';
import type { DataSource } from 'typeorm';
import { Municipality } from '../../packages/api/src/modules/municipalities/municipality.entity';
import { MembershipEvent, NetworkMembership } from '../../packages/api/src/modules/network/membership.entity';
import type { User } from '../../packages/api/src/modules/users/user.entity';
import { buildUser } from './factories';

let taken = 0;

/**
 * A municipality no other test of this file has used yet (Ortsgemeinden in key order), so each
 * test can build the membership state it needs.
 */
export async function freshMunicipality(dataSource: DataSource): Promise<Municipality> {
  const [found] = await dataSource
    .getRepository(Municipality)
    .find({ where: { kind: MunicipalityKind.ORTSGEMEINDE }, order: { ars: 'ASC' }, skip: taken++, take: 1 });
  return found;
}

/** A membership in the given status, with the history that leads there. */
export async function buildMembership(
  dataSource: DataSource,
  municipality: Municipality,
  status: MembershipStatus,
  actor: User | null = null,
): Promise<NetworkMembership> {
  const repo = dataSource.getRepository(NetworkMembership);
  const membership = repo.create({
    municipalityId: municipality.id,
    status,
    since: [MembershipStatus.ACTIVE, MembershipStatus.SUSPENDED].includes(status) ? new Date() : null,
  });
  await repo.insert(membership);
  const first = status === MembershipStatus.APPLIED ? MembershipStatus.APPLIED : MembershipStatus.INVITED;
  const events = [
    { membershipId: membership.id, fromStatus: null, toStatus: first, actorId: actor?.id ?? null },
  ];
  if (status !== first)
    events.push({
      membershipId: membership.id,
      fromStatus: first as never,
      toStatus: status,
      actorId: actor?.id ?? null,
    });
  await dataSource.getRepository(MembershipEvent).insert(events);
  return membership;
}

/** An officer of the municipality. */
export const officerOf = (
  dataSource: DataSource,
  municipality: Municipality,
  overrides: Partial<User> = {},
) => buildUser(dataSource, { role: Role.OFFICER, municipalityId: municipality.id, ...overrides });
