import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications about threads were written with links to `/diskussionen/<Thread:id>`, a page the
 * web app does not have; the thread page is `/diskussionen/themen/<DiscussionThread:id>` (the ID
 * the API gives threads). Rewrites the stored links (base64url of the global ID, as toGlobalId).
 */
export class ThreadNotificationLinks1796080000000 implements MigrationInterface {
  name = 'ThreadNotificationLinks1796080000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE notification
          SET link = '/diskussionen/themen/'
                     || translate(encode(convert_to('DiscussionThread:' || subject_id::text, 'UTF8'), 'base64'), E'+/=\\n', '-_')
        WHERE subject_type = 'THREAD' AND link NOT LIKE '/diskussionen/themen/%'`,
    );
  }

  public async down(): Promise<void> {
    // The old links led nowhere; there is nothing worth restoring.
  }
}
