import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CELL, REBUILD, REFRESH } from './1796096874634-ProjectFacetCells';

/**
 * Two roll-ups of project_facet_cell, kept by the same refresh: the cells without the Landkreis
 * (category, phase, open source, has costs: a few hundred, against a few thousand cells with it,
 * nearly one per published project) and the count per Landkreis (a few dozen). Without filters the
 * catalogue's facets read these instead of every cell (project.search.ts, publishedCellRows).
 * One statement applies the difference to all three tables, in the same order (cell tables, then
 * rows in key order) in every transaction: concurrent refreshes wait for each other, never deadlock.
 */
const ALL_DISTRICTS = 'category, phase, solution_open_source, has_costs';

const applyTo = (table: string, columns: string) =>
  `INSERT INTO ${table} AS c (${columns}, projects)
   SELECT ${columns}, sum(d.projects)::integer FROM diff d GROUP BY ${columns}
   HAVING sum(d.projects) <> 0 ORDER BY ${columns}
   ON CONFLICT (${columns}) DO UPDATE SET projects = c.projects + EXCLUDED.projects`;

const REFRESH_WITH_ROLLUPS = `
  CREATE OR REPLACE FUNCTION hub_refresh_project_facets(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
    IF COALESCE(cardinality(ids), 0) = 0 THEN RETURN; END IF;
    WITH old AS (DELETE FROM project_facet_member m WHERE m.project_id = ANY(ids) RETURNING ${CELL}),
         diff AS (SELECT ${CELL}, sum(d.projects)::integer AS projects
                    FROM (SELECT ${CELL}, -1 AS projects FROM old
                          UNION ALL SELECT ${CELL}, 1 FROM hub_project_facet_rows(ids)) d
                   GROUP BY ${CELL} HAVING sum(d.projects) <> 0),
         cells AS (${applyTo('project_facet_cell', CELL)}),
         all_districts AS (${applyTo('project_facet_cell_all_districts', ALL_DISTRICTS)})
    ${applyTo('project_facet_district', 'district_id')};
    DELETE FROM project_facet_cell WHERE projects = 0;
    DELETE FROM project_facet_cell_all_districts WHERE projects = 0;
    DELETE FROM project_facet_district WHERE projects = 0;
    INSERT INTO project_facet_member (project_id, ${CELL})
    SELECT * FROM hub_project_facet_rows(ids);
  END $$`;

const REBUILD_WITH_ROLLUPS = `
  CREATE OR REPLACE FUNCTION hub_rebuild_project_facets() RETURNS void LANGUAGE plpgsql AS $$
  BEGIN
    DELETE FROM project_facet_pending;
    DELETE FROM project_facet_member;
    DELETE FROM project_facet_cell;
    DELETE FROM project_facet_cell_all_districts;
    DELETE FROM project_facet_district;
    PERFORM hub_refresh_project_facets(ARRAY(SELECT id FROM project WHERE status = 'PUBLISHED'));
  END $$`;

export class ProjectFacetRollups1796103368587 implements MigrationInterface {
  name = 'ProjectFacetRollups1796103368587';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE TABLE project_facet_cell_all_districts (
         category project_category NOT NULL, phase project_phase NOT NULL, solution_open_source boolean,
         has_costs boolean NOT NULL, projects integer NOT NULL,
         CONSTRAINT project_facet_cell_all_districts_key UNIQUE NULLS NOT DISTINCT (${ALL_DISTRICTS}))`,
    );
    await runner.query(
      `CREATE TABLE project_facet_district (
         district_id uuid, projects integer NOT NULL,
         CONSTRAINT project_facet_district_key UNIQUE NULLS NOT DISTINCT (district_id))`,
    );
    await runner.query(REFRESH_WITH_ROLLUPS);
    await runner.query(REBUILD_WITH_ROLLUPS);
    await runner.query('SELECT hub_rebuild_project_facets()');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(REFRESH.replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION'));
    await runner.query(REBUILD.replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION'));
    await runner.query('DROP TABLE project_facet_district');
    await runner.query('DROP TABLE project_facet_cell_all_districts');
  }
}
