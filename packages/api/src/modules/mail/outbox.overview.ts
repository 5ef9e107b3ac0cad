import type { DataSource } from 'typeorm';

/** An e-mail that could not be delivered (yet): delivery failed at least once and it was never sent. */
export interface FailedDelivery {
  id: string;
  recipient: string;
  subject: string;
  kind: string;
  createdAt: Date;
  attempts: number;
  lastError: string;
}

/** The latest failed deliveries and how many there are: one statement. */
export async function failedDeliveries(
  dataSource: DataSource,
  limit: number,
): Promise<{ latest: FailedDelivery[]; total: number }> {
  const rows: (FailedDelivery & { total: number })[] = await dataSource.query(
    `SELECT id, recipient, subject, kind, created_at AS "createdAt", attempts, last_error AS "lastError",
            COUNT(*) OVER ()::int AS total
       FROM outbox_message
      WHERE sent_at IS NULL AND last_error IS NOT NULL
      ORDER BY created_at DESC, id
      LIMIT $1`,
    [limit],
  );
  return { latest: rows.map(({ total: _total, ...delivery }) => delivery), total: rows[0]?.total ?? 0 };
}
