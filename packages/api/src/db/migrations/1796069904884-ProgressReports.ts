import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProgressReports1796069904884 implements MigrationInterface {
  name = 'ProgressReports1796069904884';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      "CREATE TYPE \"public\".\"project_phase_change_phase\" AS ENUM('IDEA', 'CONCEPT', 'PILOT', 'ROLLOUT', 'OPERATIONAL', 'TRANSFERRED', 'DISCONTINUED')",
    );
    await runner.query(
      'CREATE TABLE "project_phase_change" ("id" BIGSERIAL NOT NULL, "project_id" uuid NOT NULL, "phase" "public"."project_phase_change_phase" NOT NULL, "effective_at" TIMESTAMP WITH TIME ZONE NOT NULL, "source" character varying(20) NOT NULL, CONSTRAINT "PK_55ef4ff0d83ce4852b284651bac" PRIMARY KEY ("id")); COMMENT ON COLUMN "project_phase_change"."source" IS \'PROJECT (created or edited) or STATUS_UPDATE\'',
    );
    await runner.query(
      'CREATE INDEX "IDX_735be9b430db8d0da7ef24fb9c" ON "project_phase_change"  ("project_id", "effective_at") ',
    );
    await runner.query(
      "CREATE TYPE \"public\".\"progress_report_period_kind\" AS ENUM('QUARTER', 'HALF_YEAR', 'YEAR')",
    );
    await runner.query(
      "CREATE TYPE \"public\".\"progress_report_status\" AS ENUM('DRAFT', 'IN_REVIEW', 'APPROVED', 'PUBLISHED')",
    );
    await runner.query(
      'CREATE TABLE "progress_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "period_kind" "public"."progress_report_period_kind" NOT NULL, "year" integer NOT NULL, "period_index" integer NOT NULL, "title" character varying(200) NOT NULL, "status" "public"."progress_report_status" NOT NULL, "version" integer NOT NULL DEFAULT \'1\', "previous_version_id" uuid, "sections" jsonb NOT NULL DEFAULT \'[]\', "highlight_project_ids" uuid array NOT NULL DEFAULT \'{}\', "created_by_id" uuid, "submitted_by_id" uuid, "reviewed_by_id" uuid, "reviewed_at" TIMESTAMP WITH TIME ZONE, "review_comment" character varying(2000), "published_by_id" uuid, "published_at" TIMESTAMP WITH TIME ZONE, "snapshot" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_b52af61837d02442ae67b2aabe5" UNIQUE ("period_kind", "year", "period_index", "version"), CONSTRAINT "PK_de44d4f311d5a0132f49f9f0820" PRIMARY KEY ("id")); COMMENT ON COLUMN "progress_report"."period_index" IS \'1-4 for quarters, 1-2 for half-years, 1 for years\'; COMMENT ON COLUMN "progress_report"."previous_version_id" IS \'the published version this one corrects\'; COMMENT ON COLUMN "progress_report"."sections" IS \'ReportSectionSource[]: Markdown as written\'; COMMENT ON COLUMN "progress_report"."highlight_project_ids" IS \'projects of modules/projects\'; COMMENT ON COLUMN "progress_report"."submitted_by_id" IS \'who asked for the review\'; COMMENT ON COLUMN "progress_report"."reviewed_by_id" IS \'the second coordinator who approved or returned it\'; COMMENT ON COLUMN "progress_report"."snapshot" IS \'ReportSnapshot, frozen once published\'',
    );
    await runner.query('CREATE INDEX "IDX_ee565e8206519a64f79e626078" ON "progress_report"  ("status") ');
    await runner.query(
      'CREATE INDEX "IDX_e1cf710a8999e4ac353f7f0590" ON "progress_report"  ("previous_version_id") ',
    );
    await runner.query(
      'ALTER TABLE "project_phase_change" ADD CONSTRAINT "FK_393bbfe7ff61a45909f7d3e4302" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "progress_report" ADD CONSTRAINT "FK_e1cf710a8999e4ac353f7f05908" FOREIGN KEY ("previous_version_id") REFERENCES "progress_report"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "progress_report" ADD CONSTRAINT "FK_d0604f504dd5253913a62e13693" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "progress_report" ADD CONSTRAINT "FK_c79c433a9cd53a8aaed1fcad80a" FOREIGN KEY ("submitted_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "progress_report" ADD CONSTRAINT "FK_4543bd4f5f624259204ec3bc684" FOREIGN KEY ("reviewed_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "progress_report" ADD CONSTRAINT "FK_2f6c67fa8d9d77c325ea3845c25" FOREIGN KEY ("published_by_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "progress_report" DROP CONSTRAINT "FK_2f6c67fa8d9d77c325ea3845c25"');
    await runner.query('ALTER TABLE "progress_report" DROP CONSTRAINT "FK_4543bd4f5f624259204ec3bc684"');
    await runner.query('ALTER TABLE "progress_report" DROP CONSTRAINT "FK_c79c433a9cd53a8aaed1fcad80a"');
    await runner.query('ALTER TABLE "progress_report" DROP CONSTRAINT "FK_d0604f504dd5253913a62e13693"');
    await runner.query('ALTER TABLE "progress_report" DROP CONSTRAINT "FK_e1cf710a8999e4ac353f7f05908"');
    await runner.query('ALTER TABLE "project_phase_change" DROP CONSTRAINT "FK_393bbfe7ff61a45909f7d3e4302"');
    await runner.query('DROP INDEX "public"."IDX_e1cf710a8999e4ac353f7f0590"');
    await runner.query('DROP INDEX "public"."IDX_ee565e8206519a64f79e626078"');
    await runner.query('DROP TABLE "progress_report"');
    await runner.query('DROP TYPE "public"."progress_report_status"');
    await runner.query('DROP TYPE "public"."progress_report_period_kind"');
    await runner.query('DROP INDEX "public"."IDX_735be9b430db8d0da7ef24fb9c"');
    await runner.query('DROP TABLE "project_phase_change"');
    await runner.query('DROP TYPE "public"."project_phase_change_phase"');
  }
}
