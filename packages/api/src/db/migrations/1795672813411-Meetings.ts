import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Meetings1795672813411 implements MigrationInterface {
  name = 'Meetings1795672813411';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      "CREATE TYPE \"public\".\"meeting_kind\" AS ENUM('NETWORK', 'WORKING_GROUP', 'STEERING')",
    );
    await runner.query(
      "CREATE TYPE \"public\".\"invitation_response\" AS ENUM('PENDING', 'YES', 'NO', 'MAYBE')",
    );
    await runner.query(
      "CREATE TYPE \"public\".\"minutes_status\" AS ENUM('DRAFT', 'SUBMITTED', 'APPROVED', 'PUBLISHED')",
    );
    await runner.query(
      "CREATE TYPE \"public\".\"outcome_kind\" AS ENUM('DECISION', 'ACTION_ITEM', 'INFORMATION')",
    );
    await runner.query(
      "CREATE TYPE \"public\".\"action_item_status\" AS ENUM('OPEN', 'IN_PROGRESS', 'DONE', 'DROPPED')",
    );
    await runner.query(
      'CREATE TABLE "meeting" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" "public"."meeting_kind" NOT NULL, "working_group_id" uuid, "title" character varying(200) NOT NULL, "description" text NOT NULL DEFAULT \'\', "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "location" character varying(300), "online_url" character varying(500), "cancelled" boolean NOT NULL DEFAULT false, "sequence" integer NOT NULL DEFAULT \'0\', "organizer_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "meeting_ends_after_start" CHECK ("ends_at" > "starts_at"), CONSTRAINT "PK_dccaf9e4c0e39067d82ccc7bb83" PRIMARY KEY ("id")); COMMENT ON COLUMN "meeting"."working_group_id" IS \'the group of a WORKING_GROUP meeting\'; COMMENT ON COLUMN "meeting"."sequence" IS \'RFC 5545 SEQUENCE: bumped by every change attendees must see\'; COMMENT ON COLUMN "meeting"."organizer_id" IS \'null once the person is erased\'',
    );
    await runner.query('CREATE INDEX "IDX_bd206c23484c7665792c7590fc" ON "meeting"  ("starts_at") ');
    await runner.query('CREATE INDEX "IDX_83dc0faac6fcb85fba0c7384a5" ON "meeting"  ("organizer_id") ');
    await runner.query(
      'CREATE INDEX "IDX_c91bc780f5ae22c79d6c37c6b0" ON "meeting"  ("kind", "working_group_id", "starts_at") ',
    );
    await runner.query(
      'CREATE TABLE "agenda_item" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "position" integer NOT NULL, "title" character varying(200) NOT NULL, "description" text NOT NULL DEFAULT \'\', "presenter_id" uuid, "project_id" uuid, "planned_minutes" integer, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_413623e61232799619c2e0a1d42" PRIMARY KEY ("id"))',
    );
    await runner.query('CREATE INDEX "IDX_1eab2cbe9f08f91af2c61f6394" ON "agenda_item"  ("project_id") ');
    await runner.query(
      'CREATE INDEX "IDX_faa514e8be99c509572ad4337c" ON "agenda_item"  ("meeting_id", "position") ',
    );
    await runner.query(
      'CREATE TABLE "meeting_invitation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "user_id" uuid NOT NULL, "municipality_id" uuid, "response" "public"."invitation_response" NOT NULL DEFAULT \'PENDING\', "responded_at" TIMESTAMP WITH TIME ZONE, "attended" boolean, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_33e683cb305a89150a6b2691534" UNIQUE ("meeting_id", "user_id"), CONSTRAINT "PK_c21592e99c4c046fa6f766e4cea" PRIMARY KEY ("id")); COMMENT ON COLUMN "meeting_invitation"."attended" IS \'recorded by the organiser after the meeting\'',
    );
    await runner.query('CREATE INDEX "IDX_31be32d3aaa4b11d374ef2bf53" ON "meeting_invitation"  ("user_id") ');
    await runner.query(
      'CREATE INDEX "IDX_558ca6da66f7e3f0fbf0048516" ON "meeting_invitation"  ("municipality_id") ',
    );
    await runner.query(
      'CREATE TABLE "meeting_minutes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "status" "public"."minutes_status" NOT NULL DEFAULT \'DRAFT\', "revision" integer NOT NULL DEFAULT \'1\', "body" text NOT NULL DEFAULT \'\', "item_notes" jsonb NOT NULL DEFAULT \'[]\', "drafted_by_id" uuid, "submitted_by_id" uuid, "submitted_at" TIMESTAMP WITH TIME ZONE, "approved_by_id" uuid, "approved_at" TIMESTAMP WITH TIME ZONE, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_131d742848db3ee132d63b25ecd" PRIMARY KEY ("id")); COMMENT ON COLUMN "meeting_minutes"."revision" IS \'the revision being worked on or last published\'',
    );
    await runner.query(
      'CREATE UNIQUE INDEX "IDX_8d196aa03411be2d356cf549e6" ON "meeting_minutes"  ("meeting_id") ',
    );
    await runner.query(
      'CREATE TABLE "meeting_minutes_revision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "minutes_id" uuid NOT NULL, "meeting_id" uuid NOT NULL, "revision" integer NOT NULL, "body" text NOT NULL, "item_notes" jsonb NOT NULL, "submitted_by_id" uuid, "approved_by_id" uuid, "published_by_id" uuid, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_e07075bca35414f2352f761a5f1" UNIQUE ("minutes_id", "revision"), CONSTRAINT "PK_6e4d57387530ecce7c807df448e" PRIMARY KEY ("id"))',
    );
    await runner.query(
      'CREATE INDEX "IDX_fb663425e9cdbe5ec5b089bf10" ON "meeting_minutes_revision"  ("meeting_id") ',
    );
    await runner.query(
      'CREATE TABLE "meeting_outcome" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "meeting_id" uuid NOT NULL, "agenda_item_id" uuid NOT NULL, "kind" "public"."outcome_kind" NOT NULL, "title" character varying(300) NOT NULL, "description" text NOT NULL DEFAULT \'\', "owner_user_id" uuid, "owner_municipality_id" uuid, "due_date" date, "status" "public"."action_item_status", "project_ids" uuid array NOT NULL DEFAULT \'{}\', "completed_at" TIMESTAMP WITH TIME ZONE, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "meeting_outcome_action_owner" CHECK ("kind" <> \'ACTION_ITEM\' OR "owner_user_id" IS NOT NULL OR "owner_municipality_id" IS NOT NULL), CONSTRAINT "PK_7803d446c9dfb938ab183628f46" PRIMARY KEY ("id")); COMMENT ON COLUMN "meeting_outcome"."due_date" IS \'Berlin calendar date\'; COMMENT ON COLUMN "meeting_outcome"."project_ids" IS \'projects of modules/projects\'',
    );
    await runner.query('CREATE INDEX "IDX_d2726a0353cecec9276abbe3c4" ON "meeting_outcome"  ("meeting_id") ');
    await runner.query(
      'CREATE INDEX "IDX_a24b34482606cd594825624792" ON "meeting_outcome"  ("owner_user_id") ',
    );
    await runner.query(
      'CREATE INDEX "IDX_61bfd389fa03e824412a92d882" ON "meeting_outcome"  ("owner_municipality_id") ',
    );
    await runner.query(
      'CREATE INDEX "IDX_21bb7adf1798974e61b43dc050" ON "meeting_outcome"  ("kind", "status") ',
    );
    await runner.query(
      'CREATE TABLE "calendar_feed" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "token_hash" character varying(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_24c0b9c80e4a4ac8752d854bc2e" PRIMARY KEY ("id")); COMMENT ON COLUMN "calendar_feed"."token_hash" IS \'sha256 of the secret token\'',
    );
    await runner.query('CREATE INDEX "IDX_29b8f216ae4f5fdd5bcc8de811" ON "calendar_feed"  ("user_id") ');
    await runner.query(
      'CREATE UNIQUE INDEX "IDX_3a0b1d1c7619ea19ff1affaaf7" ON "calendar_feed"  ("token_hash") ',
    );
    await runner.query(
      'ALTER TABLE "meeting" ADD CONSTRAINT "FK_4e226bbaec36711b7243460d403" FOREIGN KEY ("working_group_id") REFERENCES "working_group"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "meeting" ADD CONSTRAINT "FK_83dc0faac6fcb85fba0c7384a56" FOREIGN KEY ("organizer_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "agenda_item" ADD CONSTRAINT "FK_4d88141b534e8aad85bb583eb3b" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "agenda_item" ADD CONSTRAINT "FK_bb28e294f5ed74ed0fd771f9f42" FOREIGN KEY ("presenter_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "agenda_item" ADD CONSTRAINT "FK_1eab2cbe9f08f91af2c61f63941" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "meeting_invitation" ADD CONSTRAINT "FK_1549cb01ec4df4316761c7b8bbe" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "meeting_invitation" ADD CONSTRAINT "FK_31be32d3aaa4b11d374ef2bf53c" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "meeting_invitation" ADD CONSTRAINT "FK_558ca6da66f7e3f0fbf0048516e" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "meeting_minutes" ADD CONSTRAINT "FK_8d196aa03411be2d356cf549e62" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "meeting_minutes" ADD CONSTRAINT "FK_5537afc184c511f7204171d8966" FOREIGN KEY ("drafted_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "meeting_minutes" ADD CONSTRAINT "FK_3e8c2435faa294a824cbe94dc11" FOREIGN KEY ("submitted_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "meeting_minutes" ADD CONSTRAINT "FK_8b7c283a8977a567680b365c91f" FOREIGN KEY ("approved_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "meeting_minutes_revision" ADD CONSTRAINT "FK_a2be1113adc0046c47b083409c1" FOREIGN KEY ("minutes_id") REFERENCES "meeting_minutes"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "meeting_minutes_revision" ADD CONSTRAINT "FK_5c382d62fa8cc39f3b050fcb296" FOREIGN KEY ("published_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "meeting_outcome" ADD CONSTRAINT "FK_d2726a0353cecec9276abbe3c45" FOREIGN KEY ("meeting_id") REFERENCES "meeting"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "meeting_outcome" ADD CONSTRAINT "FK_74b42d630b5ab96049a7e3ad14c" FOREIGN KEY ("agenda_item_id") REFERENCES "agenda_item"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "meeting_outcome" ADD CONSTRAINT "FK_a24b34482606cd5948256247927" FOREIGN KEY ("owner_user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "meeting_outcome" ADD CONSTRAINT "FK_61bfd389fa03e824412a92d8827" FOREIGN KEY ("owner_municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "meeting_outcome" ADD CONSTRAINT "FK_315fdae48865d9aae17fb6e545e" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "calendar_feed" ADD CONSTRAINT "FK_29b8f216ae4f5fdd5bcc8de8112" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "calendar_feed" DROP CONSTRAINT "FK_29b8f216ae4f5fdd5bcc8de8112"');
    await runner.query('ALTER TABLE "meeting_outcome" DROP CONSTRAINT "FK_315fdae48865d9aae17fb6e545e"');
    await runner.query('ALTER TABLE "meeting_outcome" DROP CONSTRAINT "FK_61bfd389fa03e824412a92d8827"');
    await runner.query('ALTER TABLE "meeting_outcome" DROP CONSTRAINT "FK_a24b34482606cd5948256247927"');
    await runner.query('ALTER TABLE "meeting_outcome" DROP CONSTRAINT "FK_74b42d630b5ab96049a7e3ad14c"');
    await runner.query('ALTER TABLE "meeting_outcome" DROP CONSTRAINT "FK_d2726a0353cecec9276abbe3c45"');
    await runner.query(
      'ALTER TABLE "meeting_minutes_revision" DROP CONSTRAINT "FK_5c382d62fa8cc39f3b050fcb296"',
    );
    await runner.query(
      'ALTER TABLE "meeting_minutes_revision" DROP CONSTRAINT "FK_a2be1113adc0046c47b083409c1"',
    );
    await runner.query('ALTER TABLE "meeting_minutes" DROP CONSTRAINT "FK_8b7c283a8977a567680b365c91f"');
    await runner.query('ALTER TABLE "meeting_minutes" DROP CONSTRAINT "FK_3e8c2435faa294a824cbe94dc11"');
    await runner.query('ALTER TABLE "meeting_minutes" DROP CONSTRAINT "FK_5537afc184c511f7204171d8966"');
    await runner.query('ALTER TABLE "meeting_minutes" DROP CONSTRAINT "FK_8d196aa03411be2d356cf549e62"');
    await runner.query('ALTER TABLE "meeting_invitation" DROP CONSTRAINT "FK_558ca6da66f7e3f0fbf0048516e"');
    await runner.query('ALTER TABLE "meeting_invitation" DROP CONSTRAINT "FK_31be32d3aaa4b11d374ef2bf53c"');
    await runner.query('ALTER TABLE "meeting_invitation" DROP CONSTRAINT "FK_1549cb01ec4df4316761c7b8bbe"');
    await runner.query('ALTER TABLE "agenda_item" DROP CONSTRAINT "FK_1eab2cbe9f08f91af2c61f63941"');
    await runner.query('ALTER TABLE "agenda_item" DROP CONSTRAINT "FK_bb28e294f5ed74ed0fd771f9f42"');
    await runner.query('ALTER TABLE "agenda_item" DROP CONSTRAINT "FK_4d88141b534e8aad85bb583eb3b"');
    await runner.query('ALTER TABLE "meeting" DROP CONSTRAINT "FK_83dc0faac6fcb85fba0c7384a56"');
    await runner.query('ALTER TABLE "meeting" DROP CONSTRAINT "FK_4e226bbaec36711b7243460d403"');
    await runner.query('DROP TABLE "calendar_feed"');
    await runner.query('DROP TABLE "meeting_outcome"');
    await runner.query('DROP TABLE "meeting_minutes_revision"');
    await runner.query('DROP TABLE "meeting_minutes"');
    await runner.query('DROP TABLE "meeting_invitation"');
    await runner.query('DROP TABLE "agenda_item"');
    await runner.query('DROP TABLE "meeting"');
    await runner.query('DROP TYPE "public"."meeting_kind"');
    await runner.query('DROP TYPE "public"."invitation_response"');
    await runner.query('DROP TYPE "public"."minutes_status"');
    await runner.query('DROP TYPE "public"."outcome_kind"');
    await runner.query('DROP TYPE "public"."action_item_status"');
  }
}
