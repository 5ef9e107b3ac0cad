/**
 * Benchmark of the meeting page and the action-item board through the real HTTP server:
 *   tsx src/bench/meetings.ts            a temporary embedded PostgreSQL (deleted afterwards)
 *   DATABASE_URL=postgres://… tsx …      a scratch database on that server (dropped afterwards)
 * Seeds one working group with two meetings of 30 agenda items, 80 invitations and 30 action items
 * each, then prints p50/p95/p99 latencies (ms) of the meeting page and the action-item board;
 * `run()` returns them for `pnpm bench`. BENCH_ITERATIONS (default 200) requests per scenario.
 */
import 'reflect-metadata';
import {
  ActionItemStatus,
  MeetingKind,
  MinutesStatus,
  OutcomeKind,
  Role,
  UserStatus,
  WorkingGroupMembershipStatus,
  WorkingGroupRole,
} from '@hub/shared';
import type { DataSource } from 'typeorm';
import { toGlobalId } from '../graphql/relay';
import {
  AgendaItem,
  Meeting,
  MeetingInvitation,
  MeetingMinutes,
  MinutesRevision,
  Outcome,
} from '../modules/meetings/meeting.entity';
import { User } from '../modules/users/user.entity';
import { WorkingGroup, WorkingGroupMembership } from '../modules/working-groups/working-group.entity';
import type { ScenarioResult } from './harness';
import { benchmark, runIfMain } from './harness';

const MEETING_PAGE = `query MeetingPageQuery($id: ID!) { meeting(id: $id) {
  id title startsAt endsAt workingGroup { name } organizer { name }
  agendaItems { id title position plannedMinutes presenter { name } outcomes { id kind title status dueDate ownerUser { name } ownerMunicipality { name } } }
  openActionItems { id title dueDate status ownerUser { name } }
  invitations { response attended user { name } municipality { name } }
  participation { invited yes no maybe attended }
  publishedMinutes { revision html itemNotes { agendaItem { title } html } }
  viewerCan { manage respond approveMinutes }
} }`;
const BOARD = `query ActionItemBoardQuery { actionItems(filter: { scope: ALL }, first: 100) {
  totalCount edges { node { id title dueDate status overdue ownerUser { name } ownerMunicipality { name } meeting { title workingGroup { name } } viewerCan { update } } }
} }`;

/** One working group with two meetings of 30 agenda items, 80 invitations and 30 action items each. */
export async function seedBenchMeeting(
  dataSource: DataSource,
): Promise<{ meetingId: string; coordinatorId: string }> {
  const users = dataSource.getRepository(User);
  const coordinator = users.create({
    email: `bench-coordinator-${Date.now()}@example.org`,
    name: 'Bench Coordinator',
    role: Role.COORDINATOR,
    status: UserStatus.ACTIVE,
  });
  await users.save(coordinator);
  const [{ id: municipalityId }] = await dataSource.query(
    `SELECT id FROM municipality ORDER BY name LIMIT 1`,
  );
  const people = users.create(
    Array.from({ length: 80 }, (_, i) => ({
      email: `bench-${Date.now()}-${i}@example.org`,
      name: `Bench Person ${i}`,
      role: Role.OFFICER,
      status: UserStatus.ACTIVE,
      municipalityId,
    })),
  );
  await users.save(people);
  const group = await dataSource.getRepository(WorkingGroup).save({ name: 'Bench AG', topic: 'Bench' });
  await dataSource.getRepository(WorkingGroupMembership).insert(
    people.map((p, i) => ({
      workingGroupId: group.id,
      userId: p.id,
      role: i === 0 ? WorkingGroupRole.LEAD : WorkingGroupRole.MEMBER,
      status: WorkingGroupMembershipStatus.ACTIVE,
    })),
  );
  const meetings = dataSource.getRepository(Meeting);
  const day = 86400_000;
  const earlier = await meetings.save({
    kind: MeetingKind.WORKING_GROUP,
    workingGroupId: group.id,
    title: 'Bench earlier',
    startsAt: new Date(Date.now() - 7 * day),
    endsAt: new Date(Date.now() - 7 * day + 7200_000),
    organizerId: people[0].id,
  });
  const meeting = await meetings.save({
    kind: MeetingKind.WORKING_GROUP,
    workingGroupId: group.id,
    title: 'Bench meeting',
    startsAt: new Date(Date.now() - day),
    endsAt: new Date(Date.now() - day + 7200_000),
    organizerId: people[0].id,
  });
  const due = new Date(Date.now() + 14 * day).toISOString().slice(0, 10);
  for (const target of [earlier, meeting]) {
    const items = await dataSource.getRepository(AgendaItem).save(
      Array.from({ length: 30 }, (_, i) => ({
        meetingId: target.id,
        position: i + 1,
        title: `Punkt ${i + 1}`,
        presenterId: people[i].id,
        plannedMinutes: 10,
      })),
    );
    await dataSource.getRepository(Outcome).insert(
      items.map((item, i) => ({
        meetingId: target.id,
        agendaItemId: item.id,
        kind: OutcomeKind.ACTION_ITEM,
        title: `Aufgabe ${i}`,
        ownerUserId: people[i].id,
        dueDate: due,
        status: ActionItemStatus.OPEN,
      })),
    );
    await dataSource
      .getRepository(MeetingInvitation)
      .insert(people.map((p) => ({ meetingId: target.id, userId: p.id, municipalityId, attended: true })));
    const minutes = await dataSource.getRepository(MeetingMinutes).save({
      meetingId: target.id,
      status: MinutesStatus.PUBLISHED,
      body: '# Protokoll\n\nText.',
      itemNotes: items.map((item) => ({ agendaItemId: item.id, notes: 'Notizen **wichtig**' })),
      publishedAt: new Date(),
    });
    await dataSource.getRepository(MinutesRevision).insert({
      minutesId: minutes.id,
      meetingId: target.id,
      revision: 1,
      body: minutes.body,
      itemNotes: minutes.itemNotes,
    });
  }
  return { meetingId: meeting.id, coordinatorId: coordinator.id };
}

/** Seeds a group with two large meetings and measures both pages as the coordinator. */
export function run(options: { iterations?: number; print?: boolean } = {}): Promise<ScenarioResult[]> {
  return benchmark({
    name: 'meetings',
    demo: false,
    async prepare(dataSource) {
      const { meetingId, coordinatorId } = await seedBenchMeeting(dataSource);
      return { asUserId: coordinatorId, meetingId };
    },
    scenarios: ({ meetingId }) => [
      {
        scenario: 'meeting page (30 items, 80 invitations)',
        query: MEETING_PAGE,
        variables: { id: toGlobalId('Meeting', meetingId) },
      },
      { scenario: 'action-item board (60 items, first 100)', query: BOARD },
    ],
    ...options,
  });
}

runIfMain(module, run);
