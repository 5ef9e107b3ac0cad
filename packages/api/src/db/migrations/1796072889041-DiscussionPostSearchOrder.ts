import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DiscussionPostSearchOrder1796072889041 implements MigrationInterface {
  name = 'DiscussionPostSearchOrder1796072889041';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE INDEX "IDX_5837c02cd9e4266c52b1f624bc" ON "discussion_post"  ("created_at", "id") ',
    );
    // Thread lists: pinned first, then by last activity (the sort of findThreads, as an expression).
    await runner.query(
      'CREATE INDEX "discussion_thread_list_order_idx" ON "discussion_thread" ((CASE WHEN pinned_at IS NULL THEN 0 ELSE 1 END) DESC, "last_post_at" DESC, "id" DESC)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX "public"."discussion_thread_list_order_idx"');
    await runner.query('DROP INDEX "public"."IDX_5837c02cd9e4266c52b1f624bc"');
  }
}
