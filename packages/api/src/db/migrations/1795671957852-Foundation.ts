import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795671957852 implements MigrationInterface {
  name = 'Foundation1795671957852';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE TABLE "audit_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "actor_id" uuid, "action" character varying(80) NOT NULL, "entity_type" character varying(60) NOT NULL, "entity_id" uuid, "before" jsonb, "after" jsonb, "request_id" character varying(64), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_481efbe8b0a403efe3f47a6528f" PRIMARY KEY ("id")); COMMENT ON COLUMN "audit_event"."actor_id" IS \'null for the system and anonymous actions\'',
    );
    await runner.query('CREATE INDEX "IDX_f44b7e9c0d50176bc07e018f63" ON "audit_event"  ("actor_id") ');
    await runner.query(
      'CREATE INDEX "IDX_c0ea392536b5c4cba7012b6f7b" ON "audit_event"  ("entity_type", "entity_id") ',
    );
    await runner.query(
      'CREATE TABLE "rate_limit_bucket" ("key" character varying(300) NOT NULL, "count" integer NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_f1310cfeb2b77745eb48247c6c7" PRIMARY KEY ("key"))',
    );
    await runner.query(
      "CREATE TYPE \"public\".\"municipality_kind\" AS ENUM('KREISFREIE_STADT', 'LANDKREIS', 'VERBANDSGEMEINDE', 'VERBANDSFREIE_GEMEINDE', 'STADT', 'ORTSGEMEINDE', 'GEMEINDEFREIES_GEBIET')",
    );
    await runner.query(
      'CREATE TABLE "municipality" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ars" character varying(12) NOT NULL, "ags" character varying(8), "name" character varying(200) NOT NULL, "kind" "public"."municipality_kind" NOT NULL, "is_town" boolean NOT NULL DEFAULT false, "parent_id" uuid, "district_id" uuid, "population" integer, "area_km2" numeric(10,2), "postcode" character varying(5), "latitude" double precision, "longitude" double precision, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_281ad341f20df7c41b83a182e2a" PRIMARY KEY ("id")); COMMENT ON COLUMN "municipality"."ars" IS \'Amtlicher Regionalschlüssel\'; COMMENT ON COLUMN "municipality"."ags" IS \'Amtlicher Gemeindeschlüssel\'; COMMENT ON COLUMN "municipality"."is_town" IS \'Has town rights (Stadt).\'; COMMENT ON COLUMN "municipality"."district_id" IS \'Landkreis or kreisfreie Stadt it lies in\'',
    );
    await runner.query('CREATE UNIQUE INDEX "IDX_8ef853b05dee2144894adb7961" ON "municipality"  ("ars") ');
    await runner.query('CREATE INDEX "IDX_fe5d60f310977d7001671b8951" ON "municipality"  ("parent_id") ');
    await runner.query('CREATE INDEX "IDX_1b013b7bf24cc1b204e596f603" ON "municipality"  ("district_id") ');
    await runner.query("CREATE TYPE \"public\".\"user_role\" AS ENUM('COORDINATOR', 'OFFICER', 'MINISTRY')");
    await runner.query('CREATE TYPE "public"."user_locale" AS ENUM(\'DE\', \'EN\')');
    await runner.query("CREATE TYPE \"public\".\"user_status\" AS ENUM('INVITED', 'ACTIVE', 'DEACTIVATED')");
    await runner.query(
      'CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "name" character varying(120) NOT NULL, "position" character varying(120), "phone" character varying(40), "organisation" character varying(200), "role" "public"."user_role" NOT NULL, "municipality_id" uuid, "locale" "public"."user_locale" NOT NULL DEFAULT \'DE\', "status" "public"."user_status" NOT NULL DEFAULT \'INVITED\', "password_hash" character varying(200), "is_demo" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id")); COMMENT ON COLUMN "app_user"."email" IS \'stored lower-cased\'; COMMENT ON COLUMN "app_user"."organisation" IS \'for coordinators and ministry staff\'; COMMENT ON COLUMN "app_user"."municipality_id" IS \'the municipality an officer belongs to\'; COMMENT ON COLUMN "app_user"."is_demo" IS \'created by the demo seed\'',
    );
    await runner.query('CREATE UNIQUE INDEX "IDX_3fa909d0e37c531ebc23770339" ON "app_user"  ("email") ');
    await runner.query('CREATE INDEX "IDX_6cecf0f20a41280d83a2cbb739" ON "app_user"  ("municipality_id") ');
    await runner.query(
      'CREATE TABLE "session" ("id" character varying(64) NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_f55da76ac1c3ac420f444d2ff11" PRIMARY KEY ("id")); COMMENT ON COLUMN "session"."id" IS \'sha256 of the cookie token\'',
    );
    await runner.query('CREATE INDEX "IDX_30e98e8746699fb9af235410af" ON "session"  ("user_id") ');
    await runner.query('CREATE INDEX "IDX_2223e981900a413ce4ce6386f9" ON "session"  ("expires_at") ');
    await runner.query('CREATE TYPE "public"."token_purpose" AS ENUM(\'INVITATION\', \'PASSWORD_RESET\')');
    await runner.query(
      'CREATE TABLE "user_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "purpose" "public"."token_purpose" NOT NULL, "token_hash" character varying(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_48cb6b5c20faa63157b3c1baf7f" PRIMARY KEY ("id")); COMMENT ON COLUMN "user_token"."token_hash" IS \'sha256 of the token in the link\'',
    );
    await runner.query('CREATE INDEX "IDX_79ac751931054ef450a2ee4777" ON "user_token"  ("user_id") ');
    await runner.query(
      'CREATE UNIQUE INDEX "IDX_108995b1a4145b5b06dbf34104" ON "user_token"  ("token_hash") ',
    );
    await runner.query(
      'CREATE TABLE "outbox_message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "recipient" character varying(254) NOT NULL, "subject" character varying(300) NOT NULL, "body" text NOT NULL, "kind" character varying(60) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT \'0\', "last_error" text, CONSTRAINT "PK_2f36ee5236f2793f3e7bd554589" PRIMARY KEY ("id")); COMMENT ON COLUMN "outbox_message"."kind" IS \'e.g. INVITATION, PASSWORD_RESET\'',
    );
    await runner.query('CREATE INDEX "IDX_c3d0193604680e18248384ed01" ON "outbox_message"  ("created_at") ');
    await runner.query(
      'ALTER TABLE "municipality" ADD CONSTRAINT "FK_fe5d60f310977d7001671b8951b" FOREIGN KEY ("parent_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "municipality" ADD CONSTRAINT "FK_1b013b7bf24cc1b204e596f6038" FOREIGN KEY ("district_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "app_user" ADD CONSTRAINT "FK_6cecf0f20a41280d83a2cbb7390" FOREIGN KEY ("municipality_id") REFERENCES "municipality"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "session" ADD CONSTRAINT "FK_30e98e8746699fb9af235410aff" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "user_token" ADD CONSTRAINT "FK_79ac751931054ef450a2ee47778" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "user_token" DROP CONSTRAINT "FK_79ac751931054ef450a2ee47778"');
    await runner.query('ALTER TABLE "session" DROP CONSTRAINT "FK_30e98e8746699fb9af235410aff"');
    await runner.query('ALTER TABLE "app_user" DROP CONSTRAINT "FK_6cecf0f20a41280d83a2cbb7390"');
    await runner.query('ALTER TABLE "municipality" DROP CONSTRAINT "FK_1b013b7bf24cc1b204e596f6038"');
    await runner.query('ALTER TABLE "municipality" DROP CONSTRAINT "FK_fe5d60f310977d7001671b8951b"');
    await runner.query('DROP INDEX "public"."IDX_c3d0193604680e18248384ed01"');
    await runner.query('DROP TABLE "outbox_message"');
    await runner.query('DROP INDEX "public"."IDX_108995b1a4145b5b06dbf34104"');
    await runner.query('DROP INDEX "public"."IDX_79ac751931054ef450a2ee4777"');
    await runner.query('DROP TABLE "user_token"');
    await runner.query('DROP TYPE "public"."token_purpose"');
    await runner.query('DROP INDEX "public"."IDX_2223e981900a413ce4ce6386f9"');
    await runner.query('DROP INDEX "public"."IDX_30e98e8746699fb9af235410af"');
    await runner.query('DROP TABLE "session"');
    await runner.query('DROP INDEX "public"."IDX_6cecf0f20a41280d83a2cbb739"');
    await runner.query('DROP INDEX "public"."IDX_3fa909d0e37c531ebc23770339"');
    await runner.query('DROP TABLE "app_user"');
    await runner.query('DROP TYPE "public"."user_status"');
    await runner.query('DROP TYPE "public"."user_locale"');
    await runner.query('DROP TYPE "public"."user_role"');
    await runner.query('DROP INDEX "public"."IDX_1b013b7bf24cc1b204e596f603"');
    await runner.query('DROP INDEX "public"."IDX_fe5d60f310977d7001671b8951"');
    await runner.query('DROP INDEX "public"."IDX_8ef853b05dee2144894adb7961"');
    await runner.query('DROP TABLE "municipality"');
    await runner.query('DROP TYPE "public"."municipality_kind"');
    await runner.query('DROP TABLE "rate_limit_bucket"');
    await runner.query('DROP INDEX "public"."IDX_c0ea392536b5c4cba7012b6f7b"');
    await runner.query('DROP INDEX "public"."IDX_f44b7e9c0d50176bc07e018f63"');
    await runner.query('DROP TABLE "audit_event"');
  }
}
