// biome-ignore-all lint/suspicious/noExplicitAny: GraphQL answers are untyped JSON here, read field by field as a user would.
import { ActionItemStatus, MinutesStatus, OutcomeKind, Role } from '@hub/shared';
import { AgendaItem, MeetingMinutes, Outcome } from '../../packages/api/src/modules/meetings/meeting.entity';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser, municipality } from '../support/factories';
import { buildMeeting } from '../support/meeting-factories';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const BOARD = `query($first: Int, $after: String) {
  actionItems(filter: { scope: ALL }, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { title dueDate } }
  }
}`;

/** Pages through the whole board, `first` items at a time. */
async function pageThrough(client: Awaited<ReturnType<TestApp['as']>>, first: number) {
  const titles: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 20; pages++) {
    const result: any = await client.gql(BOARD, { first, after });
    expect(result.errors).toBeUndefined();
    const board = result.data.actionItems;
    titles.push(...board.edges.map((e: any) => e.node.title));
    if (!board.pageInfo.hasNextPage) return { titles, totalCount: board.totalCount };
    after = board.pageInfo.endCursor;
  }
  throw new Error('the board did not end');
}

describe('paging the action-item board', () => {
  it('returns every item exactly once, dated ones by due date and those without a date last', async () => {
    const meeting = await buildMeeting(t.dataSource, { title: 'Netzwerktreffen Aufgaben' });
    const agendaItem = await t.dataSource
      .getRepository(AgendaItem)
      .save({ meetingId: meeting.id, position: 1, title: 'Aufgaben' });
    await t.dataSource.getRepository(MeetingMinutes).save({
      meetingId: meeting.id,
      status: MinutesStatus.PUBLISHED,
      body: 'Protokoll',
      publishedAt: new Date(),
    });
    // Created in a mixed order; three without a due date (the data of earlier versions, which did
    // not require one), ordered among themselves by id.
    const items: [string, string | null][] = [
      ['ohne Datum 1', null],
      ['Mai', '2027-05-01'],
      ['ohne Datum 2', null],
      ['Januar', '2027-01-15'],
      ['Mai zweites', '2027-05-01'],
      ['ohne Datum 3', null],
      ['März', '2027-03-10'],
    ];
    const owner = await municipality(t.dataSource, 'Trier');
    const saved = await t.dataSource.getRepository(Outcome).save(
      items.map(([title, dueDate]) => ({
        meetingId: meeting.id,
        agendaItemId: agendaItem.id,
        kind: OutcomeKind.ACTION_ITEM,
        title,
        dueDate,
        ownerMunicipalityId: owner.id,
        status: ActionItemStatus.OPEN,
      })),
    );
    const byId = (a: Outcome, b: Outcome) => (a.id < b.id ? -1 : 1);
    const dated = (date: string) => saved.filter((o) => o.dueDate === date).sort(byId);
    const expected = [
      ...dated('2027-01-15'),
      ...dated('2027-03-10'),
      ...dated('2027-05-01'),
      ...saved.filter((o) => o.dueDate === null).sort(byId),
    ].map((o) => o.title);

    const client = await t.as(await buildUser(t.dataSource, { role: Role.COORDINATOR }));
    const whole = await client.gql(BOARD, { first: 100 });
    expect(whole.data?.actionItems.edges.map((e: any) => e.node.title)).toEqual(expected);
    expect(whole.data?.actionItems.edges.at(-1).node.dueDate).toBeNull();
    for (const first of [1, 2, 3]) {
      const paged = await pageThrough(client, first);
      expect(paged.titles).toEqual(expected);
      expect(paged.totalCount).toBe(items.length);
    }
  });
});
