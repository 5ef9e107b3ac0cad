import { Role, UserStatus } from '@hub/shared';
import DataLoader from 'dataloader';
import type { LoaderFactory } from '../../graphql/loaders';
import { byIdLoader } from '../../graphql/loaders';
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

/** How many officers (invited or active) each municipality has. One statement per batch. */
export const officerCountByMunicipalityId: LoaderFactory<string, number> = (dataSource) =>
  new DataLoader(async (ids) => {
    const rows: { municipality_id: string; count: string }[] = await dataSource.query(
      `SELECT municipality_id, count(*) AS count FROM app_user
        WHERE municipality_id = ANY($1) AND role = $2 AND status <> $3 GROUP BY municipality_id`,
      [[...ids], Role.OFFICER, UserStatus.DEACTIVATED],
    );
    const counts = new Map(rows.map((r) => [r.municipality_id, Number(r.count)]));
    return ids.map((id) => counts.get(id) ?? 0);
  });
