import { Role } from '@hub/shared';
import { seedDemo } from '../../packages/api/src/seed/demo';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import { buildUser } from '../support/factories';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await t.dataSource.transaction((m) => seedDemo(m));
});
afterAll(() => t.close());

interface Membership {
  id: string;
  status: string;
  joinedAt: string | null;
  requestedAt: string | null;
  createdAt: string;
}

it("tells the same story in a demo group's members, requests and history", async () => {
  const coordinator = await t.as(await buildUser(t.dataSource, { role: Role.COORDINATOR }));
  const result = await coordinator.gql(`{ workingGroups(first: 5) { edges { node { name createdAt
    members { id status joinedAt requestedAt createdAt }
    pendingRequests { id status joinedAt requestedAt createdAt }
    membershipHistory { createdAt toStatus fromStatus membership { id } } } } } }`);
  expect(result.errors).toBeUndefined();
  const groups = result.data?.workingGroups.edges
    .map((e: { node: Record<string, any> }) => e.node)
    .filter((g: { name: string }) => g.name.endsWith('(Demo)'));
  expect(groups.length).toBeGreaterThanOrEqual(3);
  for (const group of groups) {
    const memberships: Membership[] = [...group.members, ...group.pendingRequests];
    expect(group.membershipHistory).toHaveLength(memberships.length);
    for (const membership of memberships) {
      const events = group.membershipHistory.filter(
        (e: { membership: { id: string } }) => e.membership.id === membership.id,
      );
      expect(events).toHaveLength(1);
      const [event] = events;
      expect(event.toStatus).toBe(membership.status);
      // "Member since" (or "asked on") is the moment the history records, and not before the group.
      const since = membership.status === 'ACTIVE' ? membership.joinedAt : membership.requestedAt;
      expect(event.createdAt).toBe(since);
      expect(membership.createdAt).toBe(since);
      expect(Date.parse(String(since))).toBeGreaterThanOrEqual(Date.parse(group.createdAt));
    }
  }
});
