import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MembershipSinceComment1796060730075 implements MigrationInterface {
  name = 'MembershipSinceComment1796060730075';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'COMMENT ON COLUMN "network_membership"."since" IS \'when it was (last) accepted; reactivation keeps it\'',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('COMMENT ON COLUMN "network_membership"."since" IS \'when it (last) became ACTIVE\'');
  }
}
