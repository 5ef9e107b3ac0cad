import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NetworkMembership1795672240334 implements MigrationInterface {
  name = 'NetworkMembership1795672240334';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      "CREATE TYPE \"public\".\"membership_status\" AS ENUM('INVITED', 'APPLIED', 'ACTIVE', 'SUSPENDED', 'LEFT', 'DECLINED')",
    );
    await runner.query(
      'CREATE TABLE "network_membership" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "status" "public"."membership_status" NOT NULL, "since" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "REL_8d1f34bd3ed4f539a1ddb414b8" UNIQUE ("municipality_id"), CONSTRAINT "PK_2285cd04012f9c6aebab91fa91e" PRIMARY KEY ("id")); COMMENT ON COLUMN "network_membership"."since" IS \'when it (last) became ACTIVE\'',
    );
    await runner.query('CREATE INDEX "IDX_6885da362d6eaa3943b22684b8" ON "network_membership"  ("status") ');
    await runner.query(
      "CREATE TYPE \"public\".\"membership_event_status\" AS ENUM('INVITED', 'APPLIED', 'ACTIVE', 'SUSPENDED', 'LEFT', 'DECLINED')",
    );
    await runner.query(
      'CREATE TABLE "membership_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "membership_id" uuid NOT NULL, "from_status" "public"."membership_event_status", "to_status" "public"."membership_event_status" NOT NULL, "actor_id" uuid, "note" character varying(1000), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a5bbbf1d51331d1ff4e6419c48e" PRIMARY KEY ("id")); COMMENT ON COLUMN "membership_event"."actor_id" IS \'null for the system, or once the person is erased\'',
    );
    await runner.query('CREATE INDEX "IDX_f654c828136b060495a0cd103d" ON "membership_event"  ("actor_id") ');
    await runner.query(
      'CREATE INDEX "IDX_7659d786fed8aacf4633f23813" ON "membership_event"  ("membership_id", "created_at") ',
    );
    await runner.query(
      'ALTER TABLE "network_membership" ADD CONSTRAINT "FK_8d1f34bd3ed4f539a1ddb414b87" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "membership_event" ADD CONSTRAINT "FK_6afe8f10329efe64980c380aba0" FOREIGN KEY ("membership_id") REFERENCES "network_membership"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "membership_event" ADD CONSTRAINT "FK_f654c828136b060495a0cd103db" FOREIGN KEY ("actor_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "membership_event" DROP CONSTRAINT "FK_f654c828136b060495a0cd103db"');
    await runner.query('ALTER TABLE "membership_event" DROP CONSTRAINT "FK_6afe8f10329efe64980c380aba0"');
    await runner.query('ALTER TABLE "network_membership" DROP CONSTRAINT "FK_8d1f34bd3ed4f539a1ddb414b87"');
    await runner.query('DROP INDEX "public"."IDX_7659d786fed8aacf4633f23813"');
    await runner.query('DROP INDEX "public"."IDX_f654c828136b060495a0cd103d"');
    await runner.query('DROP TABLE "membership_event"');
    await runner.query('DROP TYPE "public"."membership_event_status"');
    await runner.query('DROP INDEX "public"."IDX_6885da362d6eaa3943b22684b8"');
    await runner.query('DROP TABLE "network_membership"');
    await runner.query('DROP TYPE "public"."membership_status"');
  }
}
