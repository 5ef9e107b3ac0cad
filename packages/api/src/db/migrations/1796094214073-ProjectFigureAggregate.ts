import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The project figures as a maintained aggregate (see project-figures.entity.ts): per project its
 * share of the figures per Berlin quarter, and their sums, which the figure queries read.
 *
 * Kept by PostgreSQL triggers rather than by the domain events, because the figures depend on
 * rows that no event describes completely and that are also written without the API: the phase
 * history is itself written by triggers (ReportHistoryTriggers, PhaseHistoryIntervals), and seeds,
 * the bench and hand-made UPDATEs write projects, costs and status updates directly. A trigger sees
 * every such write in the writing transaction, so a rolled-back mutation leaves no trace and a
 * committed one is counted before anyone can read it.
 *
 * Each trigger is per statement (with its transition tables) and only notes the touched projects
 * in project_figure_pending; a deferred constraint trigger refreshes them all in one pass when the
 * transaction commits (hub_flush_project_figures): their shares are recomputed from the current
 * rows and the difference is applied to the sums. So a mutation, a seed of 10,000 projects or a
 * status update with its chain of phase-history triggers each costs one refresh per project, and
 * the order in which nested triggers fire does not matter. A reader inside a writing transaction
 * flushes first (projectFigures does), so it sees its own writes.
 */
const BERLIN_QUARTER = `
  CREATE FUNCTION hub_berlin_quarter(instant timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT date_trunc('quarter', instant AT TIME ZONE 'Europe/Berlin')::date
  $$`;

/*
 * The same rules as the history queries they replace: a published project counts from its
 * publication with the phase whose interval holds at a period's end ([valid_from, valid_to) turned
 * into quarters: an interval counts at the end of quarter Q when it starts before that end and does
 * not end before it); costs and funding are today's amounts of the projects published by then; an
 * adoption dates from the adopting project's creation or, if earlier, its publication, whatever its
 * status.
 */
const PROJECT_FIGURE_ROWS = `
  CREATE FUNCTION hub_project_figure_rows(ids uuid[])
  RETURNS TABLE (project_id uuid, quarter date, figure varchar, key varchar, amount bigint)
  LANGUAGE sql STABLE AS $$
    WITH p AS (
      SELECT p.id, p.category::text AS category, COALESCE(m.district_id, m.id)::text AS district,
             CASE WHEN p.status = 'PUBLISHED' AND p.published_at IS NOT NULL
                  THEN hub_berlin_quarter(p.published_at) END AS published,
             CASE WHEN p.origin_project_id IS NOT NULL
                  THEN hub_berlin_quarter(LEAST(p.created_at, COALESCE(p.published_at, p.created_at))) END AS adopted,
             COALESCE(p.estimated_saving_cents, 0)::bigint AS saving
        FROM project p JOIN municipality m ON m.id = p.lead_municipality_id
       WHERE p.id = ANY(ids)),
    phases AS (
      SELECT h.project_id, h.phase::text AS phase,
             GREATEST(hub_berlin_quarter(h.valid_from), p.published) AS counts_from,
             hub_berlin_quarter(h.valid_to) AS counts_until
        FROM p JOIN project_phase_change h ON h.project_id = p.id
       WHERE p.published IS NOT NULL AND h.valid_from IS NOT NULL),
    shares (project_id, quarter, figure, key, amount) AS (
      SELECT id, published, 'PUBLISHED', '', 1::bigint FROM p WHERE published IS NOT NULL
      UNION ALL SELECT id, published, 'CATEGORY', category, 1 FROM p WHERE published IS NOT NULL
      UNION ALL SELECT id, published, 'DISTRICT', district, 1 FROM p WHERE published IS NOT NULL
      UNION ALL SELECT project_id, counts_from, 'PHASE', phase, 1 FROM phases
                 WHERE counts_until IS NULL OR counts_until > counts_from
      UNION ALL SELECT project_id, counts_until, 'PHASE', phase, -1 FROM phases WHERE counts_until > counts_from
      UNION ALL SELECT p.id, p.published, c.recurrence::text, '', c.amount_cents
                  FROM p JOIN project_cost c ON c.project_id = p.id WHERE p.published IS NOT NULL
      UNION ALL SELECT p.id, p.published, 'FUNDING', '', f.amount_cents
                  FROM p JOIN project_funding f ON f.project_id = p.id WHERE p.published IS NOT NULL
      UNION ALL SELECT id, adopted, 'ADOPTION', '', 1 FROM p WHERE adopted IS NOT NULL
      UNION ALL SELECT id, adopted, 'SAVING', '', saving FROM p WHERE adopted IS NOT NULL)
    SELECT project_id, quarter, figure, key, sum(amount)::bigint FROM shares
     GROUP BY 1, 2, 3, 4 HAVING sum(amount) <> 0
  $$`;

/** Replaces the projects' shares by fresh ones and adds the difference to the sums (ordered: fewer lock waits). */
const REFRESH = `
  CREATE FUNCTION hub_refresh_project_figures(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
    IF COALESCE(cardinality(ids), 0) = 0 THEN RETURN; END IF;
    WITH old AS (DELETE FROM project_figure_contribution c WHERE c.project_id = ANY(ids)
                 RETURNING c.quarter, c.figure, c.key, c.amount),
         fresh AS (SELECT r.quarter, r.figure, r.key, r.amount FROM hub_project_figure_rows(ids) r),
         diff AS (SELECT d.quarter, d.figure, d.key, sum(d.amount)::bigint AS amount
                    FROM (SELECT o.quarter, o.figure, o.key, -o.amount AS amount FROM old o
                          UNION ALL SELECT * FROM fresh) d
                   GROUP BY 1, 2, 3 HAVING sum(d.amount) <> 0)
    INSERT INTO project_figure_quarter AS q (quarter, figure, key, amount)
    SELECT * FROM diff ORDER BY 1, 2, 3
    ON CONFLICT (quarter, figure, key) DO UPDATE SET amount = q.amount + EXCLUDED.amount;
    INSERT INTO project_figure_contribution (project_id, quarter, figure, key, amount)
    SELECT * FROM hub_project_figure_rows(ids);
  END $$`;

/** From scratch: what the migration does once, and what a test compares the maintained sums with. */
const REBUILD = `
  CREATE FUNCTION hub_rebuild_project_figures() RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
    DELETE FROM project_figure_pending;
    DELETE FROM project_figure_contribution;
    DELETE FROM project_figure_quarter;
    PERFORM hub_refresh_project_figures(ARRAY(SELECT id FROM project));
  END $$`;

/** Refreshes the projects noted in this transaction; nothing to do when none are. */
const FLUSH = `
  CREATE FUNCTION hub_flush_project_figures() RETURNS void LANGUAGE plpgsql AS $$
  DECLARE
    ids uuid[];
  BEGIN
    -- Rows of other transactions are not visible and those committed were flushed at their
    -- commit: nothing noted means nothing to write (also in a read-only transaction).
    IF NOT EXISTS (SELECT 1 FROM project_figure_pending) THEN RETURN; END IF;
    WITH noted AS (DELETE FROM project_figure_pending RETURNING project_id)
    SELECT array_agg(project_id ORDER BY project_id) INTO ids FROM noted;
    PERFORM hub_refresh_project_figures(ids);
  END $$`;

/** Fires once per noted project at commit; the first flushes them all, the others find none. */
const FLUSH_AT_COMMIT = `
  CREATE FUNCTION hub_flush_project_figures_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM hub_flush_project_figures();
    RETURN NULL;
  END $$`;

const note = (ids: string) =>
  `INSERT INTO project_figure_pending (project_id) SELECT DISTINCT id FROM (${ids}) noted(id)
     WHERE id IS NOT NULL ON CONFLICT DO NOTHING`;

/** Tables with a project_id whose rows feed the figures. */
const PROJECT_ROWS = `
  CREATE FUNCTION hub_project_figures_after_rows() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      ${note('SELECT project_id FROM new_rows')};
    ELSIF TG_OP = 'DELETE' THEN
      ${note('SELECT project_id FROM old_rows')};
    ELSE
      ${note('SELECT project_id FROM new_rows UNION ALL SELECT project_id FROM old_rows')};
    END IF;
    RETURN NULL;
  END $$`;

/** The project itself: only changes of the columns the figures read. */
const PROJECTS = `
  CREATE FUNCTION hub_project_figures_after_projects() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      ${note('SELECT id FROM new_rows')};
    ELSIF TG_OP = 'DELETE' THEN
      ${note('SELECT id FROM old_rows')};
    ELSE
      ${note(`SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
         WHERE (n.status, n.published_at, n.category, n.lead_municipality_id, n.origin_project_id,
                n.created_at, n.estimated_saving_cents)
               IS DISTINCT FROM (o.status, o.published_at, o.category, o.lead_municipality_id,
                                 o.origin_project_id, o.created_at, o.estimated_saving_cents)`)};
    END IF;
    RETURN NULL;
  END $$`;

/** A municipality moved to another Landkreis: its projects count there. */
const MUNICIPALITIES = `
  CREATE FUNCTION hub_project_figures_after_municipalities() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    ${note(`SELECT p.id FROM new_rows n JOIN old_rows o ON o.id = n.id
        JOIN project p ON p.lead_municipality_id = n.id
       WHERE n.district_id IS DISTINCT FROM o.district_id`)};
    RETURN NULL;
  END $$`;

const TRIGGERS: [table: string, fn: string, ops: ('INSERT' | 'UPDATE' | 'DELETE')[]][] = [
  ['project', 'hub_project_figures_after_projects', ['INSERT', 'UPDATE', 'DELETE']],
  ['project_phase_change', 'hub_project_figures_after_rows', ['INSERT', 'UPDATE', 'DELETE']],
  ['project_cost', 'hub_project_figures_after_rows', ['INSERT', 'UPDATE', 'DELETE']],
  ['project_funding', 'hub_project_figures_after_rows', ['INSERT', 'UPDATE', 'DELETE']],
  ['municipality', 'hub_project_figures_after_municipalities', ['UPDATE']],
];

/** Transition tables allow one event per trigger: a trigger per table and event. */
const transitions = {
  INSERT: 'NEW TABLE AS new_rows',
  UPDATE: 'NEW TABLE AS new_rows OLD TABLE AS old_rows',
  DELETE: 'OLD TABLE AS old_rows',
};

export class ProjectFigureAggregate1796094214073 implements MigrationInterface {
  name = 'ProjectFigureAggregate1796094214073';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'CREATE TABLE "project_figure_contribution" ("project_id" uuid NOT NULL, "quarter" date NOT NULL, "figure" character varying(20) NOT NULL, "key" character varying(40) NOT NULL, "amount" bigint NOT NULL, CONSTRAINT "PK_713ebb3545f8ea6fb8e193b489c" PRIMARY KEY ("project_id", "quarter", "figure", "key")); COMMENT ON COLUMN "project_figure_contribution"."quarter" IS \'first day of the Berlin quarter; -infinity before any\'; COMMENT ON COLUMN "project_figure_contribution"."key" IS \'phase, category or district id; \'\'\'\' for none\'',
    );
    await runner.query(
      'CREATE TABLE "project_figure_quarter" ("quarter" date NOT NULL, "figure" character varying(20) NOT NULL, "key" character varying(40) NOT NULL, "amount" bigint NOT NULL, CONSTRAINT "PK_bd8ce85fc7154b6bd4fa814be7b" PRIMARY KEY ("quarter", "figure", "key")); COMMENT ON COLUMN "project_figure_quarter"."quarter" IS \'first day of the Berlin quarter; -infinity before any\'',
    );
    await runner.query(
      'CREATE TABLE "project_figure_pending" ("project_id" uuid NOT NULL, CONSTRAINT "PK_6faafc5215bce58910220752383" PRIMARY KEY ("project_id"))',
    );
    for (const sql of [
      BERLIN_QUARTER,
      PROJECT_FIGURE_ROWS,
      REFRESH,
      REBUILD,
      FLUSH,
      FLUSH_AT_COMMIT,
      PROJECT_ROWS,
      PROJECTS,
      MUNICIPALITIES,
    ])
      await runner.query(sql);
    for (const [table, fn, ops] of TRIGGERS)
      for (const op of ops)
        await runner.query(
          `CREATE TRIGGER project_figures_${op.toLowerCase()} AFTER ${op} ON ${table}
           REFERENCING ${transitions[op]} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
        );
    await runner.query(
      `CREATE CONSTRAINT TRIGGER project_figures_flush AFTER INSERT ON project_figure_pending
       DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION hub_flush_project_figures_at_commit()`,
    );
    // The projects there are: the shares and sums from their history.
    await runner.query('SELECT hub_rebuild_project_figures()');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TRIGGER project_figures_flush ON project_figure_pending');
    for (const [table, , ops] of TRIGGERS)
      for (const op of ops)
        await runner.query(`DROP TRIGGER project_figures_${op.toLowerCase()} ON ${table}`);
    for (const fn of [
      'hub_project_figures_after_municipalities()',
      'hub_project_figures_after_projects()',
      'hub_project_figures_after_rows()',
      'hub_flush_project_figures_at_commit()',
      'hub_flush_project_figures()',
      'hub_rebuild_project_figures()',
      'hub_refresh_project_figures(uuid[])',
      'hub_project_figure_rows(uuid[])',
      'hub_berlin_quarter(timestamptz)',
    ])
      await runner.query(`DROP FUNCTION ${fn}`);
    await runner.query('DROP TABLE "project_figure_pending"');
    await runner.query('DROP TABLE "project_figure_quarter"');
    await runner.query('DROP TABLE "project_figure_contribution"');
  }
}
