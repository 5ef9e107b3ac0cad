import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SessionClient1796075364164 implements MigrationInterface {
  name = 'SessionClient1796075364164';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "session" ADD "client" character varying(60)');
    await runner.query(
      'COMMENT ON COLUMN "session"."client" IS \'coarse client (browser and system family) for the person’s own overview and data export\'',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      'COMMENT ON COLUMN "session"."client" IS \'coarse client (browser and system family) for the person’s own overview and data export\'',
    );
    await runner.query('ALTER TABLE "session" DROP COLUMN "client"');
  }
}
