import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initiatives1796083173301 implements MigrationInterface {
  name = 'Initiatives1796083173301';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      "CREATE TYPE \"public\".\"initiative_category\" AS ENUM('ADMINISTRATION', 'CITIZEN_SERVICES', 'PUBLIC_SAFETY', 'MOBILITY', 'EDUCATION_CHILDCARE', 'INFRASTRUCTURE_NETWORKS', 'TOURISM_CULTURE', 'HEALTH_SOCIAL', 'ENVIRONMENT_ENERGY', 'ECONOMY')",
    );
    await runner.query(
      "CREATE TYPE \"public\".\"initiative_status\" AS ENUM('PROPOSED', 'IN_ROUND', 'SELECTED', 'DEFERRED', 'REJECTED', 'CALL_OPEN', 'IN_REALISATION', 'COMPLETED')",
    );
    await runner.query(
      "CREATE TYPE \"public\".\"initiative_decision\" AS ENUM('SELECTED', 'DEFERRED', 'REJECTED')",
    );
    await runner.query(
      'CREATE TABLE "initiative" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" character varying(200) NOT NULL, "problem" text NOT NULL, "goal" text NOT NULL, "expected_benefit" text NOT NULL DEFAULT \'\', "category" "public"."initiative_category" NOT NULL, "cost_estimate_cents" bigint, "funding_programmes" character varying(200) array NOT NULL DEFAULT \'{}\', "related_project_ids" uuid array NOT NULL DEFAULT \'{}\', "status" "public"."initiative_status" NOT NULL, "proposed_by_id" uuid, "proposing_municipality_id" uuid, "decision" "public"."initiative_decision", "decision_reason" character varying(2000), "decided_at" TIMESTAMP WITH TIME ZONE, "decision_outcome_id" uuid, "decision_meeting_id" uuid, "call_text" text, "call_opened_at" TIMESTAMP WITH TIME ZONE, "project_id" uuid, "is_demo" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_139c30696418b01a4922ce3b916" PRIMARY KEY ("id")); COMMENT ON COLUMN "initiative"."related_project_ids" IS \'projects of modules/projects\'; COMMENT ON COLUMN "initiative"."proposed_by_id" IS \'who proposed it\'; COMMENT ON COLUMN "initiative"."proposing_municipality_id" IS \'the proposer\'\'s municipality (null for coordinators)\'; COMMENT ON COLUMN "initiative"."decision_outcome_id" IS \'the decision outcome of modules/meetings\'; COMMENT ON COLUMN "initiative"."decision_meeting_id" IS \'the meeting of the decision outcome\'; COMMENT ON COLUMN "initiative"."call_text" IS \'the call for pilot cities\'; COMMENT ON COLUMN "initiative"."project_id" IS \'the network project of modules/projects\'',
    );
    await runner.query('CREATE INDEX "IDX_231f2a6a05d5743186f70ccc0b" ON "initiative"  ("status") ');
    await runner.query('CREATE INDEX "IDX_f3e3354d683d19e9c18b3daf2d" ON "initiative"  ("proposed_by_id") ');
    await runner.query(
      'CREATE INDEX "IDX_60f2a7df0512876c873cf6312d" ON "initiative"  ("proposing_municipality_id") ',
    );
    await runner.query(
      'CREATE INDEX "IDX_c3d8f52db270c6f50beb9e669e" ON "initiative"  ("decision_outcome_id") ',
    );
    await runner.query('CREATE INDEX "IDX_e1c02ace28814fd0eefcdceb28" ON "initiative"  ("project_id") ');
    await runner.query(
      'CREATE INDEX "IDX_1fcfbe4634eddb2faa10e97ef8" ON "initiative"  ("status", "created_at") ',
    );
    await runner.query(
      'CREATE TABLE "initiative_support" ("initiative_id" uuid NOT NULL, "municipality_id" uuid NOT NULL, "supported_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_701d1a331779b1e0c129025bb5d" PRIMARY KEY ("initiative_id", "municipality_id")); COMMENT ON COLUMN "initiative_support"."supported_by_id" IS \'the officer who declared it\'',
    );
    await runner.query(
      'CREATE INDEX "IDX_a41cc4320aea4b921347fa97aa" ON "initiative_support"  ("municipality_id") ',
    );
    await runner.query(
      'CREATE INDEX "IDX_10be775f790e0d489f4931550f" ON "initiative_support"  ("supported_by_id") ',
    );
    await runner.query(
      'CREATE TABLE "initiative_status_change" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "initiative_id" uuid NOT NULL, "from_status" "public"."initiative_status", "to_status" "public"."initiative_status" NOT NULL, "actor_id" uuid, "reason" character varying(2000) NOT NULL DEFAULT \'\', "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ed9c1693de013916816fe3ed700" PRIMARY KEY ("id")); COMMENT ON COLUMN "initiative_status_change"."actor_id" IS \'null for the system (a closed round)\'',
    );
    await runner.query(
      'CREATE INDEX "IDX_eceebe661f4a13ade7ba9deb3a" ON "initiative_status_change"  ("initiative_id") ',
    );
    await runner.query(
      'CREATE INDEX "IDX_b391db12b86e17a9674432ad69" ON "initiative_status_change"  ("actor_id") ',
    );
    await runner.query('CREATE TYPE "public"."prioritisation_method" AS ENUM(\'DOT_VOTING\', \'RATING\')');
    await runner.query('CREATE TYPE "public"."prioritisation_round_status" AS ENUM(\'OPEN\', \'CLOSED\')');
    await runner.query(
      'CREATE TABLE "prioritisation_round" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" character varying(200) NOT NULL, "method" "public"."prioritisation_method" NOT NULL, "points_per_municipality" integer, "deadline" TIMESTAMP WITH TIME ZONE NOT NULL, "quorum_percent" integer NOT NULL, "status" "public"."prioritisation_round_status" NOT NULL DEFAULT \'OPEN\', "initiative_ids" uuid array NOT NULL, "opened_by_id" uuid, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "closed_by_id" uuid, "closed_at" TIMESTAMP WITH TIME ZONE, "eligible_count" integer, "result" jsonb, "is_demo" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "prioritisation_round_quorum" CHECK ("quorum_percent" BETWEEN 0 AND 100), CONSTRAINT "PK_95124d5cccb00e26c57a9e5feed" PRIMARY KEY ("id")); COMMENT ON COLUMN "prioritisation_round"."points_per_municipality" IS \'DOT_VOTING: points per member municipality\'; COMMENT ON COLUMN "prioritisation_round"."initiative_ids" IS \'the initiatives weighed, in the order shown\'; COMMENT ON COLUMN "prioritisation_round"."closed_by_id" IS \'null when closed by the deadline job\'; COMMENT ON COLUMN "prioritisation_round"."eligible_count" IS \'member municipalities when closed\'; COMMENT ON COLUMN "prioritisation_round"."result" IS \'RoundResultSnapshot, written when closed\'',
    );
    await runner.query(
      'CREATE INDEX "IDX_a2037793b4039daf2cc3db8ff0" ON "prioritisation_round"  ("deadline") ',
    );
    await runner.query(
      'CREATE INDEX "IDX_edff98ce9b74ea2a49f0cd9842" ON "prioritisation_round"  ("status") ',
    );
    await runner.query(
      'CREATE TABLE "round_ballot" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "round_id" uuid NOT NULL, "municipality_id" uuid NOT NULL, "cast_by_id" uuid, "votes" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_369d081148ba92e0cbaa2bb3423" UNIQUE ("round_id", "municipality_id"), CONSTRAINT "PK_4f8a96bd15ad1df99bf6cbe8bed" PRIMARY KEY ("id")); COMMENT ON COLUMN "round_ballot"."cast_by_id" IS \'the officer who cast or last changed it\'; COMMENT ON COLUMN "round_ballot"."votes" IS \'BallotVote[]\'',
    );
    await runner.query(
      'CREATE INDEX "IDX_e6880811ac9fd4c491609edb6b" ON "round_ballot"  ("municipality_id") ',
    );
    await runner.query('CREATE INDEX "IDX_2244dba83e02a89cfd6e040a39" ON "round_ballot"  ("cast_by_id") ');
    await runner.query(
      "CREATE TYPE \"public\".\"pilot_application_status\" AS ENUM('APPLIED', 'CONFIRMED', 'WITHDRAWN')",
    );
    await runner.query(
      'CREATE TABLE "pilot_application" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "initiative_id" uuid NOT NULL, "municipality_id" uuid NOT NULL, "applied_by_id" uuid, "statement" character varying(2000) NOT NULL, "can_start_on" date, "status" "public"."pilot_application_status" NOT NULL DEFAULT \'APPLIED\', "confirmed_by_id" uuid, "confirmed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_5a660d48b3495f2570e999a88bb" UNIQUE ("initiative_id", "municipality_id"), CONSTRAINT "PK_3e054b1907fd4e6d5a0a721bace" PRIMARY KEY ("id"))',
    );
    await runner.query(
      'CREATE INDEX "IDX_58479d1e8062597d1565070d9e" ON "pilot_application"  ("initiative_id") ',
    );
    await runner.query(
      'CREATE INDEX "IDX_08609f2c93ba264e72746334e4" ON "pilot_application"  ("municipality_id") ',
    );
    await runner.query(
      'CREATE INDEX "IDX_8e4d485d8326a92d4f47b0c280" ON "pilot_application"  ("applied_by_id") ',
    );
    await runner.query(
      'ALTER TABLE "initiative" ADD CONSTRAINT "FK_f3e3354d683d19e9c18b3daf2d7" FOREIGN KEY ("proposed_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "initiative" ADD CONSTRAINT "FK_60f2a7df0512876c873cf6312d4" FOREIGN KEY ("proposing_municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "initiative" ADD CONSTRAINT "FK_c3d8f52db270c6f50beb9e669ec" FOREIGN KEY ("decision_outcome_id") REFERENCES "meeting_outcome"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "initiative" ADD CONSTRAINT "FK_e1c02ace28814fd0eefcdceb289" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "initiative_support" ADD CONSTRAINT "FK_0e1bbaf9c6afadcfa2067af50c4" FOREIGN KEY ("initiative_id") REFERENCES "initiative"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "initiative_support" ADD CONSTRAINT "FK_a41cc4320aea4b921347fa97aa7" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "initiative_support" ADD CONSTRAINT "FK_10be775f790e0d489f4931550f8" FOREIGN KEY ("supported_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "initiative_status_change" ADD CONSTRAINT "FK_eceebe661f4a13ade7ba9deb3a7" FOREIGN KEY ("initiative_id") REFERENCES "initiative"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "initiative_status_change" ADD CONSTRAINT "FK_b391db12b86e17a9674432ad69c" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "prioritisation_round" ADD CONSTRAINT "FK_a458a4f9cb1117aa4f06837cc21" FOREIGN KEY ("opened_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "prioritisation_round" ADD CONSTRAINT "FK_d9d8c49310917540f407687ea47" FOREIGN KEY ("closed_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "round_ballot" ADD CONSTRAINT "FK_ffa7bfc263fc8baa5fe4e738d97" FOREIGN KEY ("round_id") REFERENCES "prioritisation_round"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "round_ballot" ADD CONSTRAINT "FK_e6880811ac9fd4c491609edb6b8" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "round_ballot" ADD CONSTRAINT "FK_2244dba83e02a89cfd6e040a398" FOREIGN KEY ("cast_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "pilot_application" ADD CONSTRAINT "FK_58479d1e8062597d1565070d9e8" FOREIGN KEY ("initiative_id") REFERENCES "initiative"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "pilot_application" ADD CONSTRAINT "FK_08609f2c93ba264e72746334e47" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "pilot_application" ADD CONSTRAINT "FK_8e4d485d8326a92d4f47b0c2800" FOREIGN KEY ("applied_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "pilot_application" ADD CONSTRAINT "FK_cdef8c799bc193fb56eca2f6c86" FOREIGN KEY ("confirmed_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "pilot_application" DROP CONSTRAINT "FK_cdef8c799bc193fb56eca2f6c86"');
    await runner.query('ALTER TABLE "pilot_application" DROP CONSTRAINT "FK_8e4d485d8326a92d4f47b0c2800"');
    await runner.query('ALTER TABLE "pilot_application" DROP CONSTRAINT "FK_08609f2c93ba264e72746334e47"');
    await runner.query('ALTER TABLE "pilot_application" DROP CONSTRAINT "FK_58479d1e8062597d1565070d9e8"');
    await runner.query('ALTER TABLE "round_ballot" DROP CONSTRAINT "FK_2244dba83e02a89cfd6e040a398"');
    await runner.query('ALTER TABLE "round_ballot" DROP CONSTRAINT "FK_e6880811ac9fd4c491609edb6b8"');
    await runner.query('ALTER TABLE "round_ballot" DROP CONSTRAINT "FK_ffa7bfc263fc8baa5fe4e738d97"');
    await runner.query('ALTER TABLE "prioritisation_round" DROP CONSTRAINT "FK_d9d8c49310917540f407687ea47"');
    await runner.query('ALTER TABLE "prioritisation_round" DROP CONSTRAINT "FK_a458a4f9cb1117aa4f06837cc21"');
    await runner.query(
      'ALTER TABLE "initiative_status_change" DROP CONSTRAINT "FK_b391db12b86e17a9674432ad69c"',
    );
    await runner.query(
      'ALTER TABLE "initiative_status_change" DROP CONSTRAINT "FK_eceebe661f4a13ade7ba9deb3a7"',
    );
    await runner.query('ALTER TABLE "initiative_support" DROP CONSTRAINT "FK_10be775f790e0d489f4931550f8"');
    await runner.query('ALTER TABLE "initiative_support" DROP CONSTRAINT "FK_a41cc4320aea4b921347fa97aa7"');
    await runner.query('ALTER TABLE "initiative_support" DROP CONSTRAINT "FK_0e1bbaf9c6afadcfa2067af50c4"');
    await runner.query('ALTER TABLE "initiative" DROP CONSTRAINT "FK_e1c02ace28814fd0eefcdceb289"');
    await runner.query('ALTER TABLE "initiative" DROP CONSTRAINT "FK_c3d8f52db270c6f50beb9e669ec"');
    await runner.query('ALTER TABLE "initiative" DROP CONSTRAINT "FK_60f2a7df0512876c873cf6312d4"');
    await runner.query('ALTER TABLE "initiative" DROP CONSTRAINT "FK_f3e3354d683d19e9c18b3daf2d7"');
    await runner.query('DROP INDEX "public"."IDX_8e4d485d8326a92d4f47b0c280"');
    await runner.query('DROP INDEX "public"."IDX_08609f2c93ba264e72746334e4"');
    await runner.query('DROP INDEX "public"."IDX_58479d1e8062597d1565070d9e"');
    await runner.query('DROP TABLE "pilot_application"');
    await runner.query('DROP TYPE "public"."pilot_application_status"');
    await runner.query('DROP INDEX "public"."IDX_2244dba83e02a89cfd6e040a39"');
    await runner.query('DROP INDEX "public"."IDX_e6880811ac9fd4c491609edb6b"');
    await runner.query('DROP TABLE "round_ballot"');
    await runner.query('DROP INDEX "public"."IDX_edff98ce9b74ea2a49f0cd9842"');
    await runner.query('DROP INDEX "public"."IDX_a2037793b4039daf2cc3db8ff0"');
    await runner.query('DROP TABLE "prioritisation_round"');
    await runner.query('DROP TYPE "public"."prioritisation_round_status"');
    await runner.query('DROP TYPE "public"."prioritisation_method"');
    await runner.query('DROP INDEX "public"."IDX_b391db12b86e17a9674432ad69"');
    await runner.query('DROP INDEX "public"."IDX_eceebe661f4a13ade7ba9deb3a"');
    await runner.query('DROP TABLE "initiative_status_change"');
    await runner.query('DROP INDEX "public"."IDX_10be775f790e0d489f4931550f"');
    await runner.query('DROP INDEX "public"."IDX_a41cc4320aea4b921347fa97aa"');
    await runner.query('DROP TABLE "initiative_support"');
    await runner.query('DROP INDEX "public"."IDX_1fcfbe4634eddb2faa10e97ef8"');
    await runner.query('DROP INDEX "public"."IDX_e1c02ace28814fd0eefcdceb28"');
    await runner.query('DROP INDEX "public"."IDX_c3d8f52db270c6f50beb9e669e"');
    await runner.query('DROP INDEX "public"."IDX_60f2a7df0512876c873cf6312d"');
    await runner.query('DROP INDEX "public"."IDX_f3e3354d683d19e9c18b3daf2d"');
    await runner.query('DROP INDEX "public"."IDX_231f2a6a05d5743186f70ccc0b"');
    await runner.query('DROP TABLE "initiative"');
    await runner.query('DROP TYPE "public"."initiative_decision"');
    await runner.query('DROP TYPE "public"."initiative_status"');
    await runner.query('DROP TYPE "public"."initiative_category"');
  }
}
