import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1796072685545 implements MigrationInterface {
  name = 'Notifications1796072685545';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "recipient_id" uuid NOT NULL, "kind" character varying(40) NOT NULL, "type" character varying(40) NOT NULL, "subject_type" character varying(20) NOT NULL, "subject_id" uuid NOT NULL, "subject_title" character varying(300) NOT NULL, "actor_id" uuid, "actor_name" character varying(300), "excerpt" text, "link" character varying(300) NOT NULL, "event_id" bigint, "once_key" character varying(200), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "read_at" TIMESTAMP WITH TIME ZONE, "email_due" character varying(20), "emailed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id")); COMMENT ON COLUMN "notification"."subject_type" IS \'PROJECT, WORKING_GROUP, MUNICIPALITY, MEETING, THREAD, REPORT\'; COMMENT ON COLUMN "notification"."actor_id" IS \'null for the system\'; COMMENT ON COLUMN "notification"."actor_name" IS \'name (municipality) when written\'; COMMENT ON COLUMN "notification"."event_id" IS \'the domain event it was written for\'; COMMENT ON COLUMN "notification"."email_due" IS \'IMMEDIATELY, DAILY or WEEKLY; null: no e-mail\'; COMMENT ON COLUMN "notification"."emailed_at" IS \'when it went out by e-mail (alone or in a digest)\'',
    );
    await runner.query(
      'CREATE UNIQUE INDEX "IDX_notification_once" ON "notification"  ("recipient_id", "once_key") WHERE once_key IS NOT NULL',
    );
    await runner.query(
      'CREATE INDEX "IDX_notification_email_due" ON "notification"  ("email_due", "recipient_id") WHERE emailed_at IS NULL AND email_due IS NOT NULL',
    );
    await runner.query(
      'CREATE INDEX "IDX_notification_unread" ON "notification"  ("recipient_id") WHERE read_at IS NULL',
    );
    await runner.query(
      'CREATE INDEX "IDX_notification_inbox" ON "notification"  ("recipient_id", "created_at", "id") ',
    );
    await runner.query(
      'CREATE TABLE "follow" ("user_id" uuid NOT NULL, "subject_type" character varying(20) NOT NULL, "subject_id" uuid NOT NULL, "state" character varying(20) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_651e9dd1526beec753a59f5168c" PRIMARY KEY ("user_id", "subject_type", "subject_id"))',
    );
    await runner.query('CREATE INDEX "IDX_cea795fbc9aa11630d30237ed8" ON "follow"  ("subject_id") ');
    await runner.query(
      'CREATE TABLE "notification_preference" ("user_id" uuid NOT NULL, "type" character varying(40) NOT NULL, "email" character varying(20) NOT NULL, CONSTRAINT "PK_98793ae4db877d281012dc55998" PRIMARY KEY ("user_id", "type"))',
    );
    await runner.query(
      'CREATE TABLE "notification_thread" ("thread_id" uuid NOT NULL, "title" character varying(300) NOT NULL, "subject_type" character varying(20) NOT NULL, "subject_id" uuid, CONSTRAINT "PK_a4200a453474baa84979916aebf" PRIMARY KEY ("thread_id"))',
    );
    await runner.query(
      'CREATE TABLE "notification_signing_key" ("id" smallint NOT NULL, "secret" character varying(128) NOT NULL, CONSTRAINT "PK_5d9a611588f0aa02f4ba325922a" PRIMARY KEY ("id"))',
    );
    await runner.query(
      'CREATE TABLE "notification_counter" ("user_id" uuid NOT NULL, "total" integer NOT NULL DEFAULT \'0\', "unread" integer NOT NULL DEFAULT \'0\', CONSTRAINT "PK_f84c336fb49c27e59fc9395c330" PRIMARY KEY ("user_id"))',
    );
    await runner.query('ALTER TABLE "outbox_message" ADD "html" text');
    await runner.query(
      'COMMENT ON COLUMN "outbox_message"."html" IS \'HTML alternative of the body (digests)\'',
    );
    await runner.query('ALTER TABLE "outbox_message" ADD "headers" jsonb');
    await runner.query(
      'COMMENT ON COLUMN "outbox_message"."headers" IS \'extra headers, e.g. List-Unsubscribe\'',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      'COMMENT ON COLUMN "outbox_message"."headers" IS \'extra headers, e.g. List-Unsubscribe\'',
    );
    await runner.query('ALTER TABLE "outbox_message" DROP COLUMN "headers"');
    await runner.query(
      'COMMENT ON COLUMN "outbox_message"."html" IS \'HTML alternative of the body (digests)\'',
    );
    await runner.query('ALTER TABLE "outbox_message" DROP COLUMN "html"');
    await runner.query('DROP TABLE "notification_counter"');
    await runner.query('DROP TABLE "notification_signing_key"');
    await runner.query('DROP TABLE "notification_thread"');
    await runner.query('DROP TABLE "notification_preference"');
    await runner.query('DROP INDEX "public"."IDX_cea795fbc9aa11630d30237ed8"');
    await runner.query('DROP TABLE "follow"');
    await runner.query('DROP INDEX "public"."IDX_notification_inbox"');
    await runner.query('DROP INDEX "public"."IDX_notification_unread"');
    await runner.query('DROP INDEX "public"."IDX_notification_email_due"');
    await runner.query('DROP INDEX "public"."IDX_notification_once"');
    await runner.query('DROP TABLE "notification"');
  }
}
