import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each phase-history row knows the interval in which its phase held: [valid_from, valid_to), the
 * first row of a project from -infinity (a project counts with its first known phase before
 * that), the latest row open-ended. A BEFORE INSERT trigger closes the row before the new one and
 * opens the new one up to the next, so back-dated status updates slot in; existing rows are
 * filled by a window once.
 */
export class PhaseHistoryIntervals1796073728102 implements MigrationInterface {
  name = 'PhaseHistoryIntervals1796073728102';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE "project_phase_change" ADD "valid_from" TIMESTAMP WITH TIME ZONE');
    await runner.query(
      'COMMENT ON COLUMN "project_phase_change"."valid_from" IS \'-infinity for a project\'\'s first row\'',
    );
    await runner.query('ALTER TABLE "project_phase_change" ADD "valid_to" TIMESTAMP WITH TIME ZONE');
    await runner.query(
      'COMMENT ON COLUMN "project_phase_change"."valid_to" IS \'null while it is the latest row\'',
    );
    await runner.query(`
      UPDATE project_phase_change c SET valid_from = w.valid_from, valid_to = w.valid_to
        FROM (SELECT id,
                     CASE WHEN row_number() OVER o = 1 THEN '-infinity'::timestamptz ELSE effective_at END AS valid_from,
                     lead(effective_at) OVER o AS valid_to
                FROM project_phase_change WINDOW o AS (PARTITION BY project_id ORDER BY effective_at, id)) w
       WHERE w.id = c.id`);
    await runner.query(`
      CREATE FUNCTION hub_phase_change_interval() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        before_id bigint;
      BEGIN
        -- Rows of the same instant order by id: the new row (largest id) comes after them.
        SELECT id INTO before_id FROM project_phase_change
         WHERE project_id = NEW.project_id AND effective_at <= NEW.effective_at
         ORDER BY effective_at DESC, id DESC LIMIT 1;
        IF before_id IS NULL THEN
          NEW.valid_from := '-infinity';
          UPDATE project_phase_change SET valid_from = effective_at
           WHERE project_id = NEW.project_id AND valid_from = '-infinity';
        ELSE
          NEW.valid_from := NEW.effective_at;
          UPDATE project_phase_change SET valid_to = NEW.effective_at WHERE id = before_id;
        END IF;
        NEW.valid_to := (SELECT min(effective_at) FROM project_phase_change
                          WHERE project_id = NEW.project_id AND effective_at > NEW.effective_at);
        RETURN NEW;
      END $$`);
    await runner.query(`
      CREATE TRIGGER phase_change_interval BEFORE INSERT ON project_phase_change
      FOR EACH ROW EXECUTE FUNCTION hub_phase_change_interval()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TRIGGER phase_change_interval ON project_phase_change');
    await runner.query('DROP FUNCTION hub_phase_change_interval()');
    await runner.query(
      'COMMENT ON COLUMN "project_phase_change"."valid_to" IS \'null while it is the latest row\'',
    );
    await runner.query('ALTER TABLE "project_phase_change" DROP COLUMN "valid_to"');
    await runner.query(
      'COMMENT ON COLUMN "project_phase_change"."valid_from" IS \'-infinity for a project\'\'s first row\'',
    );
    await runner.query('ALTER TABLE "project_phase_change" DROP COLUMN "valid_from"');
  }
}
