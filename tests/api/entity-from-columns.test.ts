import 'reflect-metadata';
import type { ObjectLiteral } from 'typeorm';
import { In } from 'typeorm';
import {
  entitiesWhereAny,
  entityFromColumns,
  entityFromJsonRow,
  entityRowJson,
} from '../../packages/api/src/db/entity-from-columns';
import { AgendaItem } from '../../packages/api/src/modules/meetings/meeting.entity';
import { seedDemo } from '../../packages/api/src/seed/demo';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.dataSource.transaction((m) => seedDemo(m));
});
afterAll(() => t.close());

/**
 * The catalogue page and the other one-statement lists hydrate their rows themselves (fast paths
 * decided once per column); whatever they build must equal what TypeORM's own find builds, for
 * every entity and every column type the demo network fills.
 */
it('hydrates every entity of the demo network exactly as TypeORM does, from columns (also prefixed) and from JSON rows', async () => {
  const { dataSource } = t;
  let compared = 0;
  const entities = dataSource.entityMetadatas.filter(
    (m) => m.primaryColumns.length === 1 && m.tableType === 'regular',
  );
  for (const metadata of entities) {
    const [primary] = metadata.primaryColumns;
    const table = metadata.tablePath;
    const raws: Record<string, unknown>[] = await dataSource.query(
      `SELECT * FROM "${table}" ORDER BY "${primary.databaseName}" LIMIT 25`,
    );
    if (!raws.length) continue;
    const ids = raws.map((raw) => raw[primary.databaseName]);
    const found = await dataSource
      .getRepository<ObjectLiteral>(metadata.target)
      .find({ where: { [primary.propertyName]: In(ids) }, order: { [primary.propertyName]: 'ASC' } });
    const fromColumns = raws.map((raw) => entityFromColumns(dataSource, metadata.target, raw));
    expect({ entity: metadata.name, rows: fromColumns }).toEqual({ entity: metadata.name, rows: found });
    // A join's columns behind a prefix (the session lookup's `s_…` and `u_…`).
    const prefixed = raws.map((raw) =>
      entityFromColumns(
        dataSource,
        metadata.target,
        Object.fromEntries(Object.entries(raw).map(([name, value]) => [`x_${name}`, value])),
        'x_',
      ),
    );
    expect({ entity: metadata.name, rows: prefixed }).toEqual({ entity: metadata.name, rows: found });
    const jsonRows: { row: unknown[] }[] = await dataSource.query(
      `SELECT ${entityRowJson(dataSource, metadata.target, 't')} AS row FROM "${table}" t
        ORDER BY t."${primary.databaseName}" LIMIT 25`,
    );
    const fromJson = jsonRows.map(({ row }) => entityFromJsonRow(dataSource, metadata.target, row));
    expect({ entity: metadata.name, rows: fromJson }).toEqual({ entity: metadata.name, rows: found });
    compared += raws.length;
  }
  // Most of the hub's tables have demo rows.
  expect(compared).toBeGreaterThan(500);
});

it("reads what TypeORM's query builder reads for a loader's batch (by property or column name, in order, without soft-deleted rows)", async () => {
  const { dataSource } = t;
  let entities = 0;
  for (const metadata of dataSource.entityMetadatas.filter(
    (m) => m.primaryColumns.length === 1 && m.tableType === 'regular',
  )) {
    const [primary] = metadata.primaryColumns;
    const ids = (
      await dataSource.query(`SELECT "${primary.databaseName}" AS id FROM "${metadata.tablePath}" LIMIT 25`)
    ).map((row: { id: unknown }) => row.id);
    if (!ids.length) continue;
    const expected = await dataSource
      .getRepository<ObjectLiteral>(metadata.target)
      .createQueryBuilder('e')
      .where(`e.${primary.propertyName} = ANY(:ids)`, { ids })
      .orderBy(`e.${primary.propertyName}`)
      .getMany();
    expect({
      entity: metadata.name,
      rows: await entitiesWhereAny(
        dataSource,
        metadata.target,
        primary.propertyName,
        ids,
        primary.propertyName,
      ),
    }).toEqual({ entity: metadata.name, rows: expected });
    entities += 1;
  }
  // Most of the hub's entities have demo rows.
  expect(entities).toBeGreaterThan(20);

  // A meeting's agenda by the column's database name and by its property, in position order; a
  // soft-deleted item is left out, as the query builder leaves it out.
  const [{ meeting_id: meetingId }] = await dataSource.query(
    'SELECT meeting_id FROM agenda_item GROUP BY meeting_id HAVING count(*) > 1 LIMIT 1',
  );
  const agenda = await entitiesWhereAny<AgendaItem>(
    dataSource,
    AgendaItem,
    'meeting_id',
    [meetingId],
    'position',
  );
  expect(agenda.length).toBeGreaterThan(1);
  expect(agenda.map((item) => item.position)).toEqual(
    [...agenda.map((item) => item.position)].sort((a, b) => a - b),
  );
  await dataSource.getRepository(AgendaItem).softDelete(agenda[0].id);
  const left = await entitiesWhereAny<AgendaItem>(
    dataSource,
    AgendaItem,
    'meetingId',
    [meetingId],
    'position',
  );
  expect(left.map((item) => item.id)).toEqual(agenda.slice(1).map((item) => item.id));
  expect(left).toEqual(
    await dataSource
      .getRepository(AgendaItem)
      .createQueryBuilder('e')
      .where('e.meetingId = ANY(:ids)', { ids: [meetingId] })
      .orderBy('e.position')
      .getMany(),
  );
});
