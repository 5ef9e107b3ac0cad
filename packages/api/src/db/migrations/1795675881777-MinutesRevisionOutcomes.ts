import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MinutesRevisionOutcomes1795675881777 implements MigrationInterface {
  name = 'MinutesRevisionOutcomes1795675881777';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "meeting_minutes_revision" ADD "outcomes" jsonb NOT NULL DEFAULT \'[]\'');
    await runner.query(
      'COMMENT ON COLUMN "meeting_minutes_revision"."outcomes" IS \'the outcomes as published (OutcomeSnapshot)\'',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      'COMMENT ON COLUMN "meeting_minutes_revision"."outcomes" IS \'the outcomes as published (OutcomeSnapshot)\'',
    );
    await runner.query('ALTER TABLE "meeting_minutes_revision" DROP COLUMN "outcomes"');
  }
}
