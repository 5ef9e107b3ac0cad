import { MembershipStatus } from '@hub/shared';
import type { DataSource } from 'typeorm';

/** Applications to join the network that wait for a coordinator's decision: one statement. */
export async function pendingApplicationCount(dataSource: DataSource): Promise<number> {
  const [row] = await dataSource.query(
    'SELECT COUNT(*)::int AS count FROM network_membership WHERE status = $1',
    [MembershipStatus.APPLIED],
  );
  return row.count;
}
