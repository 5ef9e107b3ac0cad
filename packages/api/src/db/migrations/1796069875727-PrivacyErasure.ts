import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Erasure requests and erased (pseudonymised) accounts; the audit trail stays append-only with
 * two maintenance paths, each only inside a transaction that sets `hub.audit_maintenance`:
 * 'erasure' may rewrite `before`/`after` (and nothing else) to pseudonymise an erased person,
 * 'retention' may delete events past their retention period. Both are run by the privacy module
 * only, and each erasure writes its own audit event.
 */
export class PrivacyErasure1796069875727 implements MigrationInterface {
  name = 'PrivacyErasure1796069875727';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "app_user" ADD "erasure_requested_at" TIMESTAMP WITH TIME ZONE');
    await runner.query(
      'COMMENT ON COLUMN "app_user"."erasure_requested_at" IS \'the person asked to be erased (Art. 17 DSGVO)\'',
    );
    await runner.query('ALTER TABLE "app_user" ADD "erased_at" TIMESTAMP WITH TIME ZONE');
    await runner.query(
      'COMMENT ON COLUMN "app_user"."erased_at" IS \'erased: the name is a pseudonym, contact data gone\'',
    );
    await runner.query(`
      CREATE OR REPLACE FUNCTION hub_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        maintenance text := current_setting('hub.audit_maintenance', true);
      BEGIN
        IF TG_OP = 'UPDATE' AND maintenance = 'erasure'
           AND NEW.id = OLD.id AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id
           AND NEW.action = OLD.action AND NEW.entity_type = OLD.entity_type
           AND NEW.entity_id IS NOT DISTINCT FROM OLD.entity_id AND NEW.created_at = OLD.created_at
           AND NEW.request_id IS NOT DISTINCT FROM OLD.request_id THEN
          RETURN NEW;
        END IF;
        IF TG_OP = 'DELETE' AND maintenance = 'retention' THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'audit_event is append-only';
      END $$`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE OR REPLACE FUNCTION hub_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only';
      END $$`);
    await runner.query(
      'COMMENT ON COLUMN "app_user"."erased_at" IS \'erased: the name is a pseudonym, contact data gone\'',
    );
    await runner.query('ALTER TABLE "app_user" DROP COLUMN "erased_at"');
    await runner.query(
      'COMMENT ON COLUMN "app_user"."erasure_requested_at" IS \'the person asked to be erased (Art. 17 DSGVO)\'',
    );
    await runner.query('ALTER TABLE "app_user" DROP COLUMN "erasure_requested_at"');
  }
}
