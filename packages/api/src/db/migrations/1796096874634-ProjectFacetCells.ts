import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The catalogue's facet counts of the published projects as a maintained table: one row per
 * combination of the facet dimensions (category, phase, Landkreis of the lead municipality, open
 * source, has costs) with the number of published projects in it — a few thousand cells that
 * `projectFacets` groups instead of every published project with a probe into its costs.
 * Drafts stay out: who may see them depends on the viewer, so projectFacets counts those it may
 * read live (few, by the status index).
 *
 * Kept the way ProjectFigureAggregate keeps the figures, for the same reasons (seeds, the bench and
 * triggers write projects and costs without the API; a rolled-back write must leave no trace):
 * statement triggers note the touched projects in project_facet_pending, and a deferred constraint
 * trigger refreshes them at commit. project_facet_member holds each published project's cell, so
 * that a refresh subtracts what it counted before and adds what it counts now.
 */
const FACET_ROWS = `
  CREATE FUNCTION hub_project_facet_rows(ids uuid[])
  RETURNS TABLE (project_id uuid, category project_category, phase project_phase, district_id uuid,
                 solution_open_source boolean, has_costs boolean)
  LANGUAGE sql STABLE AS $$
    SELECT p.id, p.category, p.phase, m.district_id, p.solution_open_source,
           EXISTS (SELECT 1 FROM project_cost c WHERE c.project_id = p.id)
      FROM project p LEFT JOIN municipality m ON m.id = p.lead_municipality_id
     WHERE p.id = ANY(ids) AND p.status = 'PUBLISHED'
  $$`;

export const CELL = 'category, phase, district_id, solution_open_source, has_costs';

/** Replaces the projects' cells by fresh ones and applies the difference to the counts (ordered: fewer lock waits). */
export const REFRESH = `
  CREATE FUNCTION hub_refresh_project_facets(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
    IF COALESCE(cardinality(ids), 0) = 0 THEN RETURN; END IF;
    WITH old AS (DELETE FROM project_facet_member m WHERE m.project_id = ANY(ids) RETURNING ${CELL}),
         diff AS (SELECT ${CELL}, sum(d.projects)::integer AS projects
                    FROM (SELECT ${CELL}, -1 AS projects FROM old
                          UNION ALL SELECT ${CELL}, 1 FROM hub_project_facet_rows(ids)) d
                   GROUP BY ${CELL} HAVING sum(d.projects) <> 0)
    INSERT INTO project_facet_cell AS c (${CELL}, projects)
    SELECT * FROM diff ORDER BY ${CELL}
    ON CONFLICT (${CELL}) DO UPDATE SET projects = c.projects + EXCLUDED.projects;
    DELETE FROM project_facet_cell WHERE projects = 0;
    INSERT INTO project_facet_member (project_id, ${CELL})
    SELECT * FROM hub_project_facet_rows(ids);
  END $$`;

/** From scratch: what the migration does once, and what a test compares the maintained counts with. */
export const REBUILD = `
  CREATE FUNCTION hub_rebuild_project_facets() RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
    DELETE FROM project_facet_pending;
    DELETE FROM project_facet_member;
    DELETE FROM project_facet_cell;
    PERFORM hub_refresh_project_facets(ARRAY(SELECT id FROM project WHERE status = 'PUBLISHED'));
  END $$`;

/** Refreshes the projects noted in this transaction; nothing to do when none are. */
const FLUSH = `
  CREATE FUNCTION hub_flush_project_facets() RETURNS void LANGUAGE plpgsql AS $$
  DECLARE
    ids uuid[];
  BEGIN
    IF NOT EXISTS (SELECT 1 FROM project_facet_pending) THEN RETURN; END IF;
    WITH noted AS (DELETE FROM project_facet_pending RETURNING project_id)
    SELECT array_agg(project_id ORDER BY project_id) INTO ids FROM noted;
    PERFORM hub_refresh_project_facets(ids);
  END $$`;

/** Fires once per noted project at commit; the first flushes them all, the others find none. */
const FLUSH_AT_COMMIT = `
  CREATE FUNCTION hub_flush_project_facets_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    PERFORM hub_flush_project_facets();
    RETURN NULL;
  END $$`;

const note = (ids: string) =>
  `INSERT INTO project_facet_pending (project_id) SELECT DISTINCT id FROM (${ids}) noted(id)
     WHERE id IS NOT NULL ON CONFLICT DO NOTHING`;

/** Costs: a project's first cost line or its last one removed changes "has costs". */
const COSTS = `
  CREATE FUNCTION hub_project_facets_after_costs() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      ${note('SELECT project_id FROM new_rows')};
    ELSIF TG_OP = 'DELETE' THEN
      ${note('SELECT project_id FROM old_rows')};
    ELSE
      ${note(`SELECT n.project_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.project_id <> o.project_id
         UNION ALL SELECT o.project_id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.project_id <> o.project_id`)};
    END IF;
    RETURN NULL;
  END $$`;

/** The project itself: only changes of the columns the facets read. */
const PROJECTS = `
  CREATE FUNCTION hub_project_facets_after_projects() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP = 'INSERT' THEN
      ${note("SELECT id FROM new_rows WHERE status = 'PUBLISHED'")};
    ELSIF TG_OP = 'DELETE' THEN
      ${note("SELECT id FROM old_rows WHERE status = 'PUBLISHED'")};
    ELSE
      ${note(`SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
         WHERE (n.status, n.category, n.phase, n.lead_municipality_id, n.solution_open_source)
               IS DISTINCT FROM (o.status, o.category, o.phase, o.lead_municipality_id, o.solution_open_source)`)};
    END IF;
    RETURN NULL;
  END $$`;

/** A municipality moved to another Landkreis: its published projects count there. */
const MUNICIPALITIES = `
  CREATE FUNCTION hub_project_facets_after_municipalities() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    ${note(`SELECT p.id FROM new_rows n JOIN old_rows o ON o.id = n.id
        JOIN project p ON p.lead_municipality_id = n.id
       WHERE n.district_id IS DISTINCT FROM o.district_id AND p.status = 'PUBLISHED'`)};
    RETURN NULL;
  END $$`;

const TRIGGERS: [table: string, fn: string, ops: ('INSERT' | 'UPDATE' | 'DELETE')[]][] = [
  ['project', 'hub_project_facets_after_projects', ['INSERT', 'UPDATE', 'DELETE']],
  ['project_cost', 'hub_project_facets_after_costs', ['INSERT', 'UPDATE', 'DELETE']],
  ['municipality', 'hub_project_facets_after_municipalities', ['UPDATE']],
];

/** Transition tables allow one event per trigger: a trigger per table and event. */
const transitions = {
  INSERT: 'NEW TABLE AS new_rows',
  UPDATE: 'NEW TABLE AS new_rows OLD TABLE AS old_rows',
  DELETE: 'OLD TABLE AS old_rows',
};

export class ProjectFacetCells1796096874634 implements MigrationInterface {
  name = 'ProjectFacetCells1796096874634';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE project_facet_cell (
         category project_category NOT NULL, phase project_phase NOT NULL, district_id uuid,
         solution_open_source boolean, has_costs boolean NOT NULL, projects integer NOT NULL,
         CONSTRAINT project_facet_cell_key UNIQUE NULLS NOT DISTINCT (${CELL}))`,
    );
    // No foreign key: a deleted project's cell is subtracted by the trigger that sees the deletion.
    await runner.query(
      `CREATE TABLE project_facet_member (
         project_id uuid PRIMARY KEY, category project_category NOT NULL, phase project_phase NOT NULL,
         district_id uuid, solution_open_source boolean, has_costs boolean NOT NULL)`,
    );
    await runner.query('CREATE TABLE project_facet_pending (project_id uuid PRIMARY KEY)');
    for (const sql of [FACET_ROWS, REFRESH, REBUILD, FLUSH, FLUSH_AT_COMMIT, COSTS, PROJECTS, MUNICIPALITIES])
      await runner.query(sql);
    for (const [table, fn, ops] of TRIGGERS)
      for (const op of ops)
        await runner.query(
          `CREATE TRIGGER project_facets_${op.toLowerCase()} AFTER ${op} ON ${table}
           REFERENCING ${transitions[op]} FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
        );
    await runner.query(
      `CREATE CONSTRAINT TRIGGER project_facets_flush AFTER INSERT ON project_facet_pending
       DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION hub_flush_project_facets_at_commit()`,
    );
    await runner.query('SELECT hub_rebuild_project_facets()');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TRIGGER project_facets_flush ON project_facet_pending');
    for (const [table, , ops] of TRIGGERS)
      for (const op of ops) await runner.query(`DROP TRIGGER project_facets_${op.toLowerCase()} ON ${table}`);
    for (const fn of [
      'hub_project_facets_after_municipalities()',
      'hub_project_facets_after_projects()',
      'hub_project_facets_after_costs()',
      'hub_flush_project_facets_at_commit()',
      'hub_flush_project_facets()',
      'hub_rebuild_project_facets()',
      'hub_refresh_project_facets(uuid[])',
      'hub_project_facet_rows(uuid[])',
    ])
      await runner.query(`DROP FUNCTION ${fn}`);
    await runner.query('DROP TABLE project_facet_pending');
    await runner.query('DROP TABLE project_facet_member');
    await runner.query('DROP TABLE project_facet_cell');
  }
}
