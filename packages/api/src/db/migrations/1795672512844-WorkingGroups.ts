import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkingGroups1795672512844 implements MigrationInterface {
  name = 'WorkingGroups1795672512844';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE TABLE "working_group" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(120) NOT NULL, "topic" character varying(120) NOT NULL, "description" text NOT NULL DEFAULT \'\', "goals" text NOT NULL DEFAULT \'\', "archived_at" TIMESTAMP WITH TIME ZONE, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9cbcc6e96966bec27f605e3c9f4" PRIMARY KEY ("id")); COMMENT ON COLUMN "working_group"."archived_at" IS \'set when a coordinator archives it\'; COMMENT ON COLUMN "working_group"."created_by_id" IS \'the coordinator who set it up; null once erased\'',
    );
    await runner.query('CREATE INDEX "IDX_020551e5695b3e13dbad962430" ON "working_group"  ("name") ');
    await runner.query('CREATE INDEX "IDX_c2f0a62527e070838a8cce4ae1" ON "working_group"  ("archived_at") ');
    await runner.query('CREATE TYPE "public"."working_group_role" AS ENUM(\'LEAD\', \'MEMBER\')');
    await runner.query(
      "CREATE TYPE \"public\".\"working_group_membership_status\" AS ENUM('REQUESTED', 'ACTIVE', 'LEFT', 'DECLINED', 'REMOVED')",
    );
    await runner.query(
      'CREATE TABLE "working_group_membership" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "working_group_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" "public"."working_group_role" NOT NULL DEFAULT \'MEMBER\', "status" "public"."working_group_membership_status" NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE, "joined_at" TIMESTAMP WITH TIME ZONE, "ended_at" TIMESTAMP WITH TIME ZONE, "request_note" character varying(1000), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_09be07a1ac3a8e2e78b29aab14e" PRIMARY KEY ("id")); COMMENT ON COLUMN "working_group_membership"."requested_at" IS \'when the person asked to join; null when appointed directly\'; COMMENT ON COLUMN "working_group_membership"."joined_at" IS \'when it became ACTIVE\'; COMMENT ON COLUMN "working_group_membership"."ended_at" IS \'when it was LEFT, DECLINED or REMOVED\'; COMMENT ON COLUMN "working_group_membership"."request_note" IS \'note sent with the request\'',
    );
    await runner.query(
      'CREATE INDEX "IDX_28381202c6113f38a5c3f4ae3a" ON "working_group_membership"  ("working_group_id") ',
    );
    await runner.query(
      'CREATE INDEX "IDX_9f363a11453ac39e896bb0b299" ON "working_group_membership"  ("user_id") ',
    );
    await runner.query(
      'CREATE UNIQUE INDEX "working_group_membership_current" ON "working_group_membership"  ("working_group_id", "user_id") WHERE status IN (\'REQUESTED\', \'ACTIVE\')',
    );
    await runner.query(
      "CREATE TYPE \"public\".\"working_group_membership_event_status\" AS ENUM('REQUESTED', 'ACTIVE', 'LEFT', 'DECLINED', 'REMOVED')",
    );
    await runner.query(
      'CREATE TYPE "public"."working_group_membership_event_role" AS ENUM(\'LEAD\', \'MEMBER\')',
    );
    await runner.query(
      'CREATE TABLE "working_group_membership_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "membership_id" uuid NOT NULL, "working_group_id" uuid NOT NULL, "from_status" "public"."working_group_membership_event_status", "to_status" "public"."working_group_membership_event_status" NOT NULL, "from_role" "public"."working_group_membership_event_role", "to_role" "public"."working_group_membership_event_role" NOT NULL, "actor_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_571b7dd13711b8fb49bedeb509f" PRIMARY KEY ("id")); COMMENT ON COLUMN "working_group_membership_event"."working_group_id" IS \'copied from the membership, for the group history\'; COMMENT ON COLUMN "working_group_membership_event"."actor_id" IS \'null for the system, or once the person is erased\'',
    );
    await runner.query(
      'CREATE INDEX "IDX_fd7e2f8ae4b4630bff52d3b26d" ON "working_group_membership_event"  ("membership_id") ',
    );
    await runner.query(
      'CREATE INDEX "IDX_9a5f26826a048058cc461dd670" ON "working_group_membership_event"  ("actor_id") ',
    );
    await runner.query(
      'CREATE INDEX "IDX_f851c1bf5395f7cdd7705fe9ef" ON "working_group_membership_event"  ("working_group_id", "created_at") ',
    );
    await runner.query(
      'ALTER TABLE "working_group" ADD CONSTRAINT "FK_07aa11971206e675ea4a66cf584" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "working_group_membership" ADD CONSTRAINT "FK_28381202c6113f38a5c3f4ae3a3" FOREIGN KEY ("working_group_id") REFERENCES "working_group"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "working_group_membership" ADD CONSTRAINT "FK_9f363a11453ac39e896bb0b299f" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "working_group_membership_event" ADD CONSTRAINT "FK_fd7e2f8ae4b4630bff52d3b26d2" FOREIGN KEY ("membership_id") REFERENCES "working_group_membership"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "working_group_membership_event" ADD CONSTRAINT "FK_09eecf10eb48a9266156c61ef58" FOREIGN KEY ("working_group_id") REFERENCES "working_group"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "working_group_membership_event" ADD CONSTRAINT "FK_9a5f26826a048058cc461dd6700" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      'ALTER TABLE "working_group_membership_event" DROP CONSTRAINT "FK_9a5f26826a048058cc461dd6700"',
    );
    await runner.query(
      'ALTER TABLE "working_group_membership_event" DROP CONSTRAINT "FK_09eecf10eb48a9266156c61ef58"',
    );
    await runner.query(
      'ALTER TABLE "working_group_membership_event" DROP CONSTRAINT "FK_fd7e2f8ae4b4630bff52d3b26d2"',
    );
    await runner.query(
      'ALTER TABLE "working_group_membership" DROP CONSTRAINT "FK_9f363a11453ac39e896bb0b299f"',
    );
    await runner.query(
      'ALTER TABLE "working_group_membership" DROP CONSTRAINT "FK_28381202c6113f38a5c3f4ae3a3"',
    );
    await runner.query('ALTER TABLE "working_group" DROP CONSTRAINT "FK_07aa11971206e675ea4a66cf584"');
    await runner.query('DROP TABLE "working_group_membership_event"');
    await runner.query('DROP TYPE "public"."working_group_membership_event_role"');
    await runner.query('DROP TYPE "public"."working_group_membership_event_status"');
    await runner.query('DROP INDEX "public"."working_group_membership_current"');
    await runner.query('DROP TABLE "working_group_membership"');
    await runner.query('DROP TYPE "public"."working_group_membership_status"');
    await runner.query('DROP TYPE "public"."working_group_role"');
    await runner.query('DROP TABLE "working_group"');
  }
}
