import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Projects1795672572202 implements MigrationInterface {
  name = 'Projects1795672572202';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      "CREATE TYPE \"public\".\"project_category\" AS ENUM('ADMINISTRATION', 'CITIZEN_SERVICES', 'PUBLIC_SAFETY', 'MOBILITY', 'EDUCATION_CHILDCARE', 'INFRASTRUCTURE_NETWORKS', 'TOURISM_CULTURE', 'HEALTH_SOCIAL', 'ENVIRONMENT_ENERGY', 'ECONOMY')",
    );
    await runner.query(
      "CREATE TYPE \"public\".\"project_phase\" AS ENUM('IDEA', 'CONCEPT', 'PILOT', 'ROLLOUT', 'OPERATIONAL', 'TRANSFERRED', 'DISCONTINUED')",
    );
    await runner.query('CREATE TYPE "public"."project_status" AS ENUM(\'DRAFT\', \'PUBLISHED\')');
    await runner.query(
      'CREATE TABLE "project" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" character varying(200) NOT NULL, "summary" character varying(1000) NOT NULL DEFAULT \'\', "description" text NOT NULL DEFAULT \'\', "description_html" text NOT NULL DEFAULT \'\', "category" "public"."project_category" NOT NULL, "phase" "public"."project_phase" NOT NULL, "status" "public"."project_status" NOT NULL DEFAULT \'DRAFT\', "lead_municipality_id" uuid NOT NULL, "working_group_id" uuid, "is_network_project" boolean NOT NULL DEFAULT false, "start_date" date, "end_date" date, "solution_product" character varying(200), "solution_vendor" character varying(200), "solution_open_source" boolean, "solution_licence" character varying(200), "solution_repository_url" character varying(500), "implementation_notes" text NOT NULL DEFAULT \'\', "lessons_learned" text NOT NULL DEFAULT \'\', "origin_project_id" uuid, "adaptation_notes" text NOT NULL DEFAULT \'\', "estimated_saving_cents" bigint, "adoption_count" integer NOT NULL DEFAULT \'0\', "is_demo" boolean NOT NULL DEFAULT false, "created_by_id" uuid, "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4d68b1358bb5b766d3e78f32f57" PRIMARY KEY ("id")); COMMENT ON COLUMN "project"."description" IS \'Markdown as written\'; COMMENT ON COLUMN "project"."description_html" IS \'description rendered and sanitised\'; COMMENT ON COLUMN "project"."is_network_project" IS \'set by coordinators only\'; COMMENT ON COLUMN "project"."solution_open_source" IS \'null: unknown\'; COMMENT ON COLUMN "project"."solution_licence" IS \'SPDX expression where known\'; COMMENT ON COLUMN "project"."origin_project_id" IS \'the project this one was adopted from (Nachnutzung)\'; COMMENT ON COLUMN "project"."adaptation_notes" IS \'what the adopter adapted\'; COMMENT ON COLUMN "project"."adoption_count" IS \'projects adopted from this one; kept by adoptProject\'; COMMENT ON COLUMN "project"."is_demo" IS \'created by the demo seed\'',
    );
    await runner.query('CREATE INDEX "IDX_b2d8a6998de33c634d2e4fba98" ON "project"  ("category") ');
    await runner.query('CREATE INDEX "IDX_c9864031fd21ac1df63de102ae" ON "project"  ("phase") ');
    await runner.query('CREATE INDEX "IDX_57856cedbec1fbed761154d162" ON "project"  ("status") ');
    await runner.query(
      'CREATE INDEX "IDX_ba497e8b22bf28586bc2a0fc99" ON "project"  ("lead_municipality_id") ',
    );
    await runner.query('CREATE INDEX "IDX_005c3005b70148277746c9744c" ON "project"  ("working_group_id") ');
    await runner.query('CREATE INDEX "IDX_870b3fc19de29cb686a4b3e8cb" ON "project"  ("origin_project_id") ');
    await runner.query('CREATE INDEX "IDX_28948b02f0935bd1e07f50a0aa" ON "project"  ("adoption_count") ');
    await runner.query('CREATE INDEX "IDX_e155d8f98ec858daa457d6ff29" ON "project"  ("created_by_id") ');
    await runner.query('CREATE INDEX "IDX_526b7ef1de81482727def287dc" ON "project"  ("created_at") ');
    await runner.query('CREATE INDEX "IDX_a50ae964a310384ba88488edd9" ON "project"  ("updated_at") ');
    await runner.query(
      "CREATE TYPE \"public\".\"project_participant_role\" AS ENUM('LEAD', 'PARTNER', 'ADOPTER', 'INTERESTED')",
    );
    await runner.query(
      'CREATE TABLE "project_participant" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "municipality_id" uuid NOT NULL, "role" "public"."project_participant_role" NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_171d5d18aa7cfe3cc9787ec3575" UNIQUE ("project_id", "municipality_id"), CONSTRAINT "PK_149de99a476203f813c3cb43a09" PRIMARY KEY ("id"))',
    );
    await runner.query(
      'CREATE INDEX "IDX_a1854d953af95dd58c5c952ebd" ON "project_participant"  ("municipality_id") ',
    );
    await runner.query(
      "CREATE TYPE \"public\".\"project_cost_type\" AS ENUM('LICENCE', 'HARDWARE', 'SERVICES', 'STAFF', 'OTHER')",
    );
    await runner.query('CREATE TYPE "public"."project_cost_recurrence" AS ENUM(\'ONE_OFF\', \'YEARLY\')');
    await runner.query(
      'CREATE TABLE "project_cost" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "position" integer NOT NULL DEFAULT \'0\', "label" character varying(200) NOT NULL, "cost_type" "public"."project_cost_type" NOT NULL, "recurrence" "public"."project_cost_recurrence" NOT NULL, "amount_cents" bigint NOT NULL, "currency" character varying(3) NOT NULL DEFAULT \'EUR\', CONSTRAINT "PK_552176b8604343ca67a25ddfa04" PRIMARY KEY ("id"))',
    );
    await runner.query('CREATE INDEX "IDX_272b6199d2fd6291b909237829" ON "project_cost"  ("project_id") ');
    await runner.query(
      'CREATE TABLE "project_funding" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "position" integer NOT NULL DEFAULT \'0\', "programme" character varying(200) NOT NULL, "amount_cents" bigint NOT NULL, "share_percent" integer, "currency" character varying(3) NOT NULL DEFAULT \'EUR\', CONSTRAINT "PK_e4341f99b5a7e2460c1ce0e19a6" PRIMARY KEY ("id")); COMMENT ON COLUMN "project_funding"."share_percent" IS \'share of the costs funded, in percent\'',
    );
    await runner.query('CREATE INDEX "IDX_813dddd0d89ebd7ec4e22a15e0" ON "project_funding"  ("project_id") ');
    await runner.query(
      'CREATE TABLE "project_milestone" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "position" integer NOT NULL DEFAULT \'0\', "title" character varying(200) NOT NULL, "due_date" date, "done" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_7a9da5fbeade8826432de525d1a" PRIMARY KEY ("id"))',
    );
    await runner.query(
      'CREATE INDEX "IDX_a111304a8272ba72e9c44eac47" ON "project_milestone"  ("project_id") ',
    );
    await runner.query(
      'CREATE TABLE "project_contact" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "user_id" uuid NOT NULL, "position" integer NOT NULL DEFAULT \'0\', CONSTRAINT "UQ_0c592d16dd9d2b5b98ee14c0502" UNIQUE ("project_id", "user_id"), CONSTRAINT "PK_e650c9c61ab49989e2c595fa5c4" PRIMARY KEY ("id"))',
    );
    await runner.query('CREATE INDEX "IDX_9744dad2c6cb539e202d2eb9f7" ON "project_contact"  ("project_id") ');
    await runner.query('CREATE INDEX "IDX_8c28571a9ffcbcc255fdc1850f" ON "project_contact"  ("user_id") ');
    await runner.query(
      "CREATE TYPE \"public\".\"project_status_update_phase\" AS ENUM('IDEA', 'CONCEPT', 'PILOT', 'ROLLOUT', 'OPERATIONAL', 'TRANSFERRED', 'DISCONTINUED')",
    );
    await runner.query(
      'CREATE TABLE "project_status_update" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "reported_on" date NOT NULL, "phase" "public"."project_status_update_phase" NOT NULL, "progress_percent" integer NOT NULL, "text" text NOT NULL, "author_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4ad6dd2cc5f523bd7b07a4da956" PRIMARY KEY ("id"))',
    );
    await runner.query(
      'CREATE INDEX "IDX_3da57251557eb3da94e81a5aac" ON "project_status_update"  ("author_id") ',
    );
    await runner.query(
      'CREATE INDEX "IDX_a7f1a30ac01c46c15abd64dfd8" ON "project_status_update"  ("project_id", "reported_on", "created_at") ',
    );
    await runner.query(
      'ALTER TABLE "project" ADD CONSTRAINT "FK_ba497e8b22bf28586bc2a0fc99d" FOREIGN KEY ("lead_municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "project" ADD CONSTRAINT "FK_005c3005b70148277746c9744c5" FOREIGN KEY ("working_group_id") REFERENCES "working_group"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "project" ADD CONSTRAINT "FK_870b3fc19de29cb686a4b3e8cb9" FOREIGN KEY ("origin_project_id") REFERENCES "project"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "project" ADD CONSTRAINT "FK_e155d8f98ec858daa457d6ff291" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "project_participant" ADD CONSTRAINT "FK_2e1318023aa0e53776bd8b548ea" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "project_participant" ADD CONSTRAINT "FK_a1854d953af95dd58c5c952ebd0" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "project_cost" ADD CONSTRAINT "FK_272b6199d2fd6291b9092378292" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "project_funding" ADD CONSTRAINT "FK_813dddd0d89ebd7ec4e22a15e07" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "project_milestone" ADD CONSTRAINT "FK_a111304a8272ba72e9c44eac47c" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "project_contact" ADD CONSTRAINT "FK_9744dad2c6cb539e202d2eb9f7a" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "project_contact" ADD CONSTRAINT "FK_8c28571a9ffcbcc255fdc1850f3" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "project_status_update" ADD CONSTRAINT "FK_9b87bc83b00efcd46cade1187a5" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "project_status_update" ADD CONSTRAINT "FK_3da57251557eb3da94e81a5aac5" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      'ALTER TABLE "project_status_update" DROP CONSTRAINT "FK_3da57251557eb3da94e81a5aac5"',
    );
    await runner.query(
      'ALTER TABLE "project_status_update" DROP CONSTRAINT "FK_9b87bc83b00efcd46cade1187a5"',
    );
    await runner.query('ALTER TABLE "project_contact" DROP CONSTRAINT "FK_8c28571a9ffcbcc255fdc1850f3"');
    await runner.query('ALTER TABLE "project_contact" DROP CONSTRAINT "FK_9744dad2c6cb539e202d2eb9f7a"');
    await runner.query('ALTER TABLE "project_milestone" DROP CONSTRAINT "FK_a111304a8272ba72e9c44eac47c"');
    await runner.query('ALTER TABLE "project_funding" DROP CONSTRAINT "FK_813dddd0d89ebd7ec4e22a15e07"');
    await runner.query('ALTER TABLE "project_cost" DROP CONSTRAINT "FK_272b6199d2fd6291b9092378292"');
    await runner.query('ALTER TABLE "project_participant" DROP CONSTRAINT "FK_a1854d953af95dd58c5c952ebd0"');
    await runner.query('ALTER TABLE "project_participant" DROP CONSTRAINT "FK_2e1318023aa0e53776bd8b548ea"');
    await runner.query('ALTER TABLE "project" DROP CONSTRAINT "FK_e155d8f98ec858daa457d6ff291"');
    await runner.query('ALTER TABLE "project" DROP CONSTRAINT "FK_870b3fc19de29cb686a4b3e8cb9"');
    await runner.query('ALTER TABLE "project" DROP CONSTRAINT "FK_005c3005b70148277746c9744c5"');
    await runner.query('ALTER TABLE "project" DROP CONSTRAINT "FK_ba497e8b22bf28586bc2a0fc99d"');
    await runner.query('DROP TABLE "project_status_update"');
    await runner.query('DROP TYPE "public"."project_status_update_phase"');
    await runner.query('DROP TABLE "project_contact"');
    await runner.query('DROP TABLE "project_milestone"');
    await runner.query('DROP TABLE "project_funding"');
    await runner.query('DROP TABLE "project_cost"');
    await runner.query('DROP TYPE "public"."project_cost_recurrence"');
    await runner.query('DROP TYPE "public"."project_cost_type"');
    await runner.query('DROP TABLE "project_participant"');
    await runner.query('DROP TYPE "public"."project_participant_role"');
    await runner.query('DROP TABLE "project"');
    await runner.query('DROP TYPE "public"."project_status"');
    await runner.query('DROP TYPE "public"."project_phase"');
    await runner.query('DROP TYPE "public"."project_category"');
  }
}
