import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DiscussionPostSearchOrder1796072889041 implements MigrationInterface {
  name = 'DiscussionPostSearchOrder1796072889041';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE INDEX "IDX_5837c02cd9e4266c52b1f624bc" ON "discussion_post"  ("created_at", "id") ',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX "public"."IDX_5837c02cd9e4266c52b1f624bc"');
  }
}
