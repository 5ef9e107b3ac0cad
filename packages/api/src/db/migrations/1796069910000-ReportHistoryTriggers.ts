import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rules the database itself keeps for the figures and the progress reports:
 *
 * - project_phase_change is written by triggers, so that every way a project's phase changes
 *   (the API, the seeds, a hand-made UPDATE) leaves history: a row when a project is created, when
 *   its phase changes, and for each status update (effective at the start of its reporting day in
 *   Berlin). Existing projects get their history from their status updates and creation.
 * - A published progress report is frozen: an UPDATE that changes anything but the person
 *   references (which erasure sets to NULL) and a DELETE are refused.
 */
export class ReportHistoryTriggers1796069910000 implements MigrationInterface {
  name = 'ReportHistoryTriggers1796069910000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE FUNCTION hub_project_phase_history() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' OR NEW.phase IS DISTINCT FROM OLD.phase THEN
          INSERT INTO project_phase_change (project_id, phase, effective_at, source)
          VALUES (NEW.id, NEW.phase::text::project_phase_change_phase,
                  CASE WHEN TG_OP = 'INSERT' THEN NEW.created_at ELSE now() END, 'PROJECT');
        END IF;
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE TRIGGER project_phase_history AFTER INSERT OR UPDATE OF phase ON project
      FOR EACH ROW EXECUTE FUNCTION hub_project_phase_history()`);
    await runner.query(`
      CREATE FUNCTION hub_status_update_phase_history() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO project_phase_change (project_id, phase, effective_at, source)
        VALUES (NEW.project_id, NEW.phase::text::project_phase_change_phase,
                NEW.reported_on::timestamp AT TIME ZONE 'Europe/Berlin', 'STATUS_UPDATE');
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE TRIGGER status_update_phase_history AFTER INSERT ON project_status_update
      FOR EACH ROW EXECUTE FUNCTION hub_status_update_phase_history()`);
    await runner.query(`
      INSERT INTO project_phase_change (project_id, phase, effective_at, source)
      SELECT id, phase::text::project_phase_change_phase, created_at, 'PROJECT' FROM project
      UNION ALL
      SELECT project_id, phase::text::project_phase_change_phase,
             reported_on::timestamp AT TIME ZONE 'Europe/Berlin', 'STATUS_UPDATE'
        FROM project_status_update`);

    await runner.query(`
      CREATE FUNCTION hub_progress_report_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        people text[] := ARRAY['created_by_id', 'submitted_by_id', 'reviewed_by_id', 'published_by_id', 'updated_at'];
      BEGIN
        IF OLD.status <> 'PUBLISHED' THEN
          RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END IF;
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'progress report % is published and cannot be deleted', OLD.id
            USING ERRCODE = 'check_violation';
        END IF;
        IF (to_jsonb(NEW) - people) IS DISTINCT FROM (to_jsonb(OLD) - people) THEN
          RAISE EXCEPTION 'progress report % is published and frozen; publish a correction instead', OLD.id
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await runner.query(`
      CREATE TRIGGER progress_report_frozen BEFORE UPDATE OR DELETE ON progress_report
      FOR EACH ROW EXECUTE FUNCTION hub_progress_report_frozen()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TRIGGER progress_report_frozen ON progress_report');
    await runner.query('DROP FUNCTION hub_progress_report_frozen()');
    await runner.query('DROP TRIGGER status_update_phase_history ON project_status_update');
    await runner.query('DROP FUNCTION hub_status_update_phase_history()');
    await runner.query('DROP TRIGGER project_phase_history ON project');
    await runner.query('DROP FUNCTION hub_project_phase_history()');
    await runner.query('DELETE FROM project_phase_change');
  }
}
