import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Discussions1796070288070 implements MigrationInterface {
  name = 'Discussions1796070288070';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE TABLE "discussion_forum_category" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(80) NOT NULL, "description" character varying(500) NOT NULL DEFAULT \'\', "position" integer NOT NULL DEFAULT \'0\', "archived_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6bf7b73194a20d16eb0d2e75406" PRIMARY KEY ("id")); COMMENT ON COLUMN "discussion_forum_category"."position" IS \'order on the forum page\'; COMMENT ON COLUMN "discussion_forum_category"."archived_at" IS \'archived categories take no new threads\'',
    );
    await runner.query(
      'CREATE UNIQUE INDEX "IDX_c991cb41399696115e24c6d7cd" ON "discussion_forum_category"  ("name") ',
    );
    await runner.query(
      'CREATE TABLE "discussion_thread" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "subject_type" character varying(20) NOT NULL, "subject_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "author_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_post_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_post_number" integer NOT NULL DEFAULT \'0\', "change_seq" bigint NOT NULL DEFAULT \'0\', "locked_at" TIMESTAMP WITH TIME ZONE, "lock_reason" character varying(500), "pinned_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_1965fcdba12f581678be29eeba5" PRIMARY KEY ("id")); COMMENT ON COLUMN "discussion_thread"."subject_id" IS \'the project, group, meeting, forum category, … it belongs to\'; COMMENT ON COLUMN "discussion_thread"."author_id" IS \'who started it; null once erased\'; COMMENT ON COLUMN "discussion_thread"."last_post_number" IS \'number of the newest post (posts are numbered 1, 2, … per thread)\'; COMMENT ON COLUMN "discussion_thread"."change_seq" IS \'counts changes of the thread and its posts\'',
    );
    await runner.query(
      'CREATE INDEX "IDX_7c1218f40760e2d6725c007252" ON "discussion_thread"  ("author_id") ',
    );
    await runner.query(
      'CREATE INDEX "IDX_3fa3138558ec18749d30460e10" ON "discussion_thread"  ("last_post_at", "id") ',
    );
    await runner.query(
      'CREATE INDEX "IDX_5638aff64777f7b260ba0f93f0" ON "discussion_thread"  ("subject_type", "subject_id", "last_post_at") ',
    );
    // TypeORM keeps the expressions of generated columns here; created by hand since no earlier
    // migration needed it, and with the database's own name (the generator's was a scratch one).
    await runner.query(
      'CREATE TABLE IF NOT EXISTS "typeorm_metadata" ("type" varchar NOT NULL, "database" varchar, "schema" varchar, "table" varchar, "name" varchar, "value" text)',
    );
    await runner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value")
       VALUES (current_database(), 'public', 'discussion_post', 'GENERATED_COLUMN', 'search_vector', $1)`,
      ["to_tsvector('public.german_unaccent'::regconfig, body)"],
    );
    await runner.query(
      'CREATE TABLE "discussion_post" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "thread_id" uuid NOT NULL, "number" integer NOT NULL, "author_id" uuid, "body" text NOT NULL, "body_html" text NOT NULL, "reply_to_post_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "edited_at" TIMESTAMP WITH TIME ZONE, "deleted_at" TIMESTAMP WITH TIME ZONE, "hidden_at" TIMESTAMP WITH TIME ZONE, "hidden_reason" character varying(500), "change_seq" bigint NOT NULL, "search_vector" tsvector GENERATED ALWAYS AS (to_tsvector(\'public.german_unaccent\'::regconfig, body)) STORED NOT NULL, CONSTRAINT "PK_8722e6438f6ac65a54884312774" PRIMARY KEY ("id")); COMMENT ON COLUMN "discussion_post"."number" IS \'1, 2, … within the thread\'; COMMENT ON COLUMN "discussion_post"."author_id" IS \'null once erased\'; COMMENT ON COLUMN "discussion_post"."change_seq" IS \'the thread\'\'s change number of the post\'\'s last change\'',
    );
    await runner.query('CREATE INDEX "IDX_52ee3efc22559de70465e10ac8" ON "discussion_post"  ("author_id") ');
    await runner.query(
      'CREATE INDEX "IDX_80f850ecedf3e44e6907b4aa2d" ON "discussion_post"  ("reply_to_post_id") ',
    );
    await runner.query(
      'CREATE INDEX "IDX_d51101deaa5961b2badeb760fb" ON "discussion_post"  ("thread_id", "change_seq") ',
    );
    await runner.query(
      'CREATE UNIQUE INDEX "IDX_ea7ca958ce8817e16ebc33d45d" ON "discussion_post"  ("thread_id", "number") ',
    );
    await runner.query(
      'CREATE TABLE "discussion_post_revision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "post_id" uuid NOT NULL, "body" text NOT NULL, "body_html" text NOT NULL, "written_at" TIMESTAMP WITH TIME ZONE NOT NULL, "replaced_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ed707e139e1dbac5c25a6ce3bc5" PRIMARY KEY ("id")); COMMENT ON COLUMN "discussion_post_revision"."written_at" IS \'when this version was first written\'; COMMENT ON COLUMN "discussion_post_revision"."replaced_at" IS \'when the edit replaced it\'',
    );
    await runner.query(
      'CREATE INDEX "IDX_30698918272abd692fc01ba395" ON "discussion_post_revision"  ("post_id", "replaced_at") ',
    );
    await runner.query(
      'CREATE TABLE "discussion_post_reference" ("post_id" uuid NOT NULL, "target_type" character varying(20) NOT NULL, "target_id" uuid NOT NULL, CONSTRAINT "PK_a0f97de0d9d63323b8a386325e5" PRIMARY KEY ("post_id", "target_type", "target_id")); COMMENT ON COLUMN "discussion_post_reference"."target_type" IS \'\'\'USER\'\', \'\'MUNICIPALITY\'\' or \'\'PROJECT\'\'\'',
    );
    await runner.query(
      'CREATE INDEX "IDX_8dafcdd0ec557fe836a45bf151" ON "discussion_post_reference"  ("target_type", "target_id") ',
    );
    await runner.query(
      'CREATE TABLE "discussion_read_state" ("user_id" uuid NOT NULL, "thread_id" uuid NOT NULL, "last_read_number" integer NOT NULL DEFAULT \'0\', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5a3555e64babdc8477c614de973" PRIMARY KEY ("user_id", "thread_id"))',
    );
    await runner.query(
      'CREATE INDEX "IDX_827ff4e835a63ffd6be1f4a2ed" ON "discussion_read_state"  ("thread_id") ',
    );
    await runner.query(
      'ALTER TABLE "discussion_thread" ADD CONSTRAINT "FK_7c1218f40760e2d6725c007252d" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "discussion_post" ADD CONSTRAINT "FK_a547eb79be69c1ec344ebe82c5b" FOREIGN KEY ("thread_id") REFERENCES "discussion_thread"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "discussion_post" ADD CONSTRAINT "FK_52ee3efc22559de70465e10ac8b" FOREIGN KEY ("author_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "discussion_post" ADD CONSTRAINT "FK_80f850ecedf3e44e6907b4aa2de" FOREIGN KEY ("reply_to_post_id") REFERENCES "discussion_post"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "discussion_post_revision" ADD CONSTRAINT "FK_e4b4cc9fc87834cd5efe6743508" FOREIGN KEY ("post_id") REFERENCES "discussion_post"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "discussion_post_reference" ADD CONSTRAINT "FK_79f5f49122ee44e4f8a8b595f17" FOREIGN KEY ("post_id") REFERENCES "discussion_post"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "discussion_read_state" ADD CONSTRAINT "FK_604aafa4ba89c5c6c8c2d2000ea" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await runner.query(
      'ALTER TABLE "discussion_read_state" ADD CONSTRAINT "FK_827ff4e835a63ffd6be1f4a2ed9" FOREIGN KEY ("thread_id") REFERENCES "discussion_thread"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    // German full-text search over posts (TypeORM cannot declare a GIN index).
    await runner.query(
      'CREATE INDEX "discussion_post_search_idx" ON "discussion_post" USING GIN ("search_vector")',
    );
    // Live WebSockets close when their session ends, whichever way it ends (sign-out,
    // deactivation, purge): every API process hears of it on this channel.
    await runner.query(`CREATE FUNCTION hub_notify_session_end() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('hub_session_end', OLD.id); RETURN OLD; END $$`);
    await runner.query(
      'CREATE TRIGGER session_end_notify AFTER DELETE ON "session" FOR EACH ROW EXECUTE FUNCTION hub_notify_session_end()',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TRIGGER IF EXISTS session_end_notify ON "session"');
    await runner.query('DROP FUNCTION IF EXISTS hub_notify_session_end()');
    await runner.query('DROP INDEX IF EXISTS "public"."discussion_post_search_idx"');
    await runner.query(
      'ALTER TABLE "discussion_read_state" DROP CONSTRAINT "FK_827ff4e835a63ffd6be1f4a2ed9"',
    );
    await runner.query(
      'ALTER TABLE "discussion_read_state" DROP CONSTRAINT "FK_604aafa4ba89c5c6c8c2d2000ea"',
    );
    await runner.query(
      'ALTER TABLE "discussion_post_reference" DROP CONSTRAINT "FK_79f5f49122ee44e4f8a8b595f17"',
    );
    await runner.query(
      'ALTER TABLE "discussion_post_revision" DROP CONSTRAINT "FK_e4b4cc9fc87834cd5efe6743508"',
    );
    await runner.query('ALTER TABLE "discussion_post" DROP CONSTRAINT "FK_80f850ecedf3e44e6907b4aa2de"');
    await runner.query('ALTER TABLE "discussion_post" DROP CONSTRAINT "FK_52ee3efc22559de70465e10ac8b"');
    await runner.query('ALTER TABLE "discussion_post" DROP CONSTRAINT "FK_a547eb79be69c1ec344ebe82c5b"');
    await runner.query('ALTER TABLE "discussion_thread" DROP CONSTRAINT "FK_7c1218f40760e2d6725c007252d"');
    await runner.query('DROP INDEX "public"."IDX_827ff4e835a63ffd6be1f4a2ed"');
    await runner.query('DROP TABLE "discussion_read_state"');
    await runner.query('DROP INDEX "public"."IDX_8dafcdd0ec557fe836a45bf151"');
    await runner.query('DROP TABLE "discussion_post_reference"');
    await runner.query('DROP INDEX "public"."IDX_30698918272abd692fc01ba395"');
    await runner.query('DROP TABLE "discussion_post_revision"');
    await runner.query('DROP INDEX "public"."IDX_ea7ca958ce8817e16ebc33d45d"');
    await runner.query('DROP INDEX "public"."IDX_d51101deaa5961b2badeb760fb"');
    await runner.query('DROP INDEX "public"."IDX_80f850ecedf3e44e6907b4aa2d"');
    await runner.query('DROP INDEX "public"."IDX_52ee3efc22559de70465e10ac8"');
    await runner.query('DROP TABLE "discussion_post"');
    await runner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "name" = 'search_vector' AND "table" = 'discussion_post'`,
    );
    await runner.query('DROP INDEX "public"."IDX_5638aff64777f7b260ba0f93f0"');
    await runner.query('DROP INDEX "public"."IDX_3fa3138558ec18749d30460e10"');
    await runner.query('DROP INDEX "public"."IDX_7c1218f40760e2d6725c007252"');
    await runner.query('DROP TABLE "discussion_thread"');
    await runner.query('DROP INDEX "public"."IDX_c991cb41399696115e24c6d7cd"');
    await runner.query('DROP TABLE "discussion_forum_category"');
  }
}
