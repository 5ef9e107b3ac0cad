import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The domain event outbox and the per-consumer processed marks. */
export class DomainEvents1796066045923 implements MigrationInterface {
  name = 'DomainEvents1796066045923';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE TABLE "domain_event" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "type" character varying(80) NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_id" uuid, "subject_type" character varying(60) NOT NULL, "subject_id" uuid, "payload" jsonb NOT NULL, "request_id" character varying(64), CONSTRAINT "PK_f901502d0301da69fb8cebbb8f2" PRIMARY KEY ("id")); COMMENT ON COLUMN "domain_event"."type" IS \'what happened, e.g. \'\'project.publish\'\'\'; COMMENT ON COLUMN "domain_event"."actor_id" IS \'null for the system and anonymous actions\'; COMMENT ON COLUMN "domain_event"."payload" IS \'an empty object when the event carries nothing\'',
    );
    await runner.query(
      'CREATE INDEX "IDX_27c0bf462352cd2c653a060308" ON "domain_event"  ("subject_type", "subject_id") ',
    );
    await runner.query(
      'CREATE TABLE "domain_event_consumption" ("consumer" character varying(60) NOT NULL, "event_id" bigint NOT NULL, "processed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a09998e12d53ecc4d68a0109d96" PRIMARY KEY ("consumer", "event_id"))',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE "domain_event_consumption"');
    await runner.query('DROP INDEX "public"."IDX_27c0bf462352cd2c653a060308"');
    await runner.query('DROP TABLE "domain_event"');
  }
}
