import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FigureIndexes1796083026188 implements MigrationInterface {
  name = 'FigureIndexes1796083026188';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE INDEX "IDX_project_adoptions" ON "project"  ("origin_project_id", "created_at", "published_at", "estimated_saving_cents") WHERE "origin_project_id" IS NOT NULL',
    );
    await runner.query(
      'CREATE INDEX "IDX_project_figures" ON "project"  ("status", "published_at", "id", "category", "lead_municipality_id") ',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX "public"."IDX_project_figures"');
    await runner.query('DROP INDEX "public"."IDX_project_adoptions"');
  }
}
