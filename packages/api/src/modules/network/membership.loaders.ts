import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { entityFromJsonRow, entityRowJson } from '../../db/entity-from-columns';
import type { LoaderFactory } from '../../graphql/loaders';
import { byIdLoader, groupedLoader } from '../../graphql/loaders';
import type { DirectoryColumn } from '../municipalities';
import { MembershipEvent, NetworkMembership } from './membership.entity';

export const membershipById = byIdLoader(NetworkMembership);
export const membershipEventById = byIdLoader(MembershipEvent);

/** The (at most one) membership of each municipality. */
export const membershipByMunicipalityId: LoaderFactory<string, NetworkMembership | null> = (dataSource) =>
  new DataLoader(async (ids) => {
    const rows = await dataSource
      .getRepository(NetworkMembership)
      .createQueryBuilder('nm')
      .where('nm.municipality_id = ANY(:ids)', { ids: [...ids] })
      .getMany();
    const byMunicipality = new Map(rows.map((row) => [row.municipalityId, row]));
    return ids.map((id) => byMunicipality.get(id) ?? null);
  });

/** A membership's status changes, oldest first. */
export const eventsByMembershipId = groupedLoader(
  MembershipEvent,
  'membership_id',
  (event) => event.membershipId,
  'createdAt',
);

/** The membership as a column of a directory page (MunicipalityDirectory): the loader primed with it. */
export function membershipColumn(dataSource: DataSource): DirectoryColumn {
  return {
    sql: `(SELECT ${entityRowJson(dataSource, NetworkMembership, 'nm')} FROM network_membership nm
            WHERE nm.municipality_id = page.id)`,
    prime: (loaders, municipalityId, value) =>
      loaders.prime(
        membershipByMunicipalityId,
        municipalityId,
        value ? entityFromJsonRow(dataSource, NetworkMembership, value as unknown[]) : null,
      ),
  };
}
