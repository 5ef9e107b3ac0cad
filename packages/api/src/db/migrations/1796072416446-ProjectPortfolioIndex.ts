import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProjectPortfolioIndex1796072416446 implements MigrationInterface {
  name = 'ProjectPortfolioIndex1796072416446';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE INDEX "IDX_project_portfolio" ON "project"  ("status", "phase", "category", "lead_municipality_id", "id") ',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX "public"."IDX_project_portfolio"');
  }
}
