import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SignInHardeningAndEmailChangeRevert1796060837468 implements MigrationInterface {
  name = 'SignInHardeningAndEmailChangeRevert1796060837468';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE TABLE "password_reset_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fcf4b02eae1403a2edaf87fd074" PRIMARY KEY ("id"))',
    );
    await runner.query('ALTER TABLE "user_token" ADD "previous_email" character varying(254)');
    await runner.query(
      'COMMENT ON COLUMN "user_token"."previous_email" IS \'the login address an EMAIL_CHANGE_REVERT link restores\'',
    );
    await runner.query('ALTER TYPE "public"."token_purpose" ADD VALUE \'EMAIL_CHANGE_REVERT\'');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE TYPE "public"."token_purpose_old" AS ENUM(\'INVITATION\', \'PASSWORD_RESET\')',
    );
    await runner.query(
      'ALTER TABLE "user_token" ALTER COLUMN "purpose" TYPE "public"."token_purpose_old" USING "purpose"::"text"::"public"."token_purpose_old"',
    );
    await runner.query('DROP TYPE "public"."token_purpose"');
    await runner.query('ALTER TYPE "public"."token_purpose_old" RENAME TO "token_purpose"');
    await runner.query(
      'COMMENT ON COLUMN "user_token"."previous_email" IS \'the login address an EMAIL_CHANGE_REVERT link restores\'',
    );
    await runner.query('ALTER TABLE "user_token" DROP COLUMN "previous_email"');
    await runner.query('DROP TABLE "password_reset_request"');
  }
}
