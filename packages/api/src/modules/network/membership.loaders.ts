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

/** The memberships as a column of a directory page (MunicipalityDirectory): the loader primed with them. */
export function membershipColumn(dataSource: DataSource): DirectoryColumn {
  return {
    sql: `(SELECT json_object_agg(nm.municipality_id, ${entityRowJson(dataSource, NetworkMembership, 'nm')})
             FROM network_membership nm WHERE nm.municipality_id IN (SELECT id FROM page))`,
    prime: (loaders, municipalityIds, byId) => {
      for (const id of municipalityIds) {
        const row = byId[id] as unknown[] | undefined;
        loaders.prime(
          membershipByMunicipalityId,
          id,
          row ? entityFromJsonRow(dataSource, NetworkMembership, row) : null,
        );
      }
    },
  };
}
