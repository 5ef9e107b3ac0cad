import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit trail is append-only: updates and deletes are rejected by the database itself. */
export class AuditAppendOnly1795671960000 implements MigrationInterface {
  name = 'AuditAppendOnly1795671960000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE FUNCTION hub_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only';
      END $$`);
    await runner.query(`
      CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION hub_audit_append_only()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TRIGGER audit_event_append_only ON audit_event');
    await runner.query('DROP FUNCTION hub_audit_append_only()');
  }
}
