import { Role, UserStatus } from '@hub/shared';
import DataLoader from 'dataloader';
import type { LoaderFactory } from '../../graphql/loaders';
import { byIdLoader } from '../../graphql/loaders';
import type { DirectoryColumn } from '../municipalities';
import { User } from './user.entity';

export const userById = byIdLoader(User);

/** The digital officers of each municipality (invited or active), by name. One statement per batch. */
export const officersByMunicipalityId: LoaderFactory<string, User[]> = (dataSource) =>
  new DataLoader(async (ids) => {
    const rows = await dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .where('u.municipality_id = ANY(:ids)', { ids: [...ids] })
      .andWhere('u.role = :role', { role: Role.OFFICER })
      .andWhere('u.status <> :deactivated', { deactivated: UserStatus.DEACTIVATED })
      .orderBy('u.name')
      .addOrderBy('u.id')
      .getMany();
    return ids.map((id) => rows.filter((row) => row.municipalityId === id));
  });

/** Who counts as a municipality's officer (invited or active), on `app_user` aliased `u`. */
const COUNTED_OFFICER = `u.role = '${Role.OFFICER}' AND u.status <> '${UserStatus.DEACTIVATED}'`;

/** How many officers (invited or active) each municipality has. One statement per batch. */
export const officerCountByMunicipalityId: LoaderFactory<string, number> = (dataSource) =>
  new DataLoader(async (ids) => {
    const rows: { municipality_id: string; count: string }[] = await dataSource.query(
      `SELECT municipality_id, count(*) AS count FROM app_user u
        WHERE municipality_id = ANY($1) AND ${COUNTED_OFFICER} GROUP BY municipality_id`,
      [[...ids]],
    );
    const counts = new Map(rows.map((r) => [r.municipality_id, Number(r.count)]));
    return ids.map((id) => counts.get(id) ?? 0);
  });

/** The officer counts as a column of a directory page (MunicipalityDirectory): the loader primed with them. */
export const officerCountColumn: DirectoryColumn = {
  sql: `(SELECT json_object_agg(counted.municipality_id, counted.officers) FROM (
           SELECT u.municipality_id, count(*) AS officers FROM app_user u
            WHERE u.municipality_id IN (SELECT id FROM page) AND ${COUNTED_OFFICER}
            GROUP BY u.municipality_id) counted)`,
  prime: (loaders, municipalityIds, byId) => {
    for (const id of municipalityIds) loaders.prime(officerCountByMunicipalityId, id, Number(byId[id] ?? 0));
  },
};
