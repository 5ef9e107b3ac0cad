import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bookkeeping tables whose writes change nothing an anonymous visitor sees (sign-ins, counters,
 * inboxes, read states, consumption marks, the audit trail); every other table announces its writes.
 */
const NOT_PUBLIC = [
  'audit_event',
  'calendar_feed',
  'discussion_read_state',
  'domain_event_consumption',
  'follow',
  'migrations',
  'notification',
  'notification_counter',
  'notification_preference',
  'notification_signing_key',
  'notification_thread',
  'outbox_message',
  'password_reset_request',
  'rate_limit_bucket',
  'session',
  'user_token',
];

/**
 * Every committed write to a table of the public schema (but NOT_PUBLIC) announces itself on the
 * channel `hub_public_data` (once per transaction: PostgreSQL folds equal notifications), so that each
 * API process drops its cache of anonymous answers (server/anonymous-response-cache.ts). A table
 * added later is covered by its domain events (domain_event is one of the tables here).
 */
export class PublicDataChangeNotify1796083500000 implements MigrationInterface {
  name = 'PublicDataChangeNotify1796083500000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE FUNCTION hub_announce_public_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('hub_public_data', '');
        RETURN NULL;
      END $$`);
    await runner.query(
      `DO $$
      DECLARE t text;
      BEGIN
        FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND NOT tablename = ANY($1) LOOP
          EXECUTE format('CREATE TRIGGER hub_public_data_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
            FOR EACH STATEMENT EXECUTE FUNCTION hub_announce_public_data_change()', t);
        END LOOP;
      END $$`.replace('$1', `ARRAY[${NOT_PUBLIC.map((name) => `'${name}'`).join(', ')}]`),
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DO $$
      DECLARE t regclass;
      BEGIN
        FOR t IN SELECT tgrelid::regclass FROM pg_trigger WHERE tgname = 'hub_public_data_change' LOOP
          EXECUTE format('DROP TRIGGER hub_public_data_change ON %s', t);
        END LOOP;
      END $$`);
    await runner.query('DROP FUNCTION hub_announce_public_data_change()');
  }
}
