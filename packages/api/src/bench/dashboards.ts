/**
 * Latency of the three start-page dashboards through the real HTTP server, on the demo network
 * plus the 10,000 bench projects and a domain-event history to match (a publication and two status
 * updates per project):
 *   tsx src/bench/dashboards.ts          a temporary embedded PostgreSQL (deleted afterwards)
 * Prints p50/p95/p99 (ms) per dashboard, each as its role, beside a floor request sent alternately in
 * the same run; `run()` returns them for `pnpm bench`.
 */
import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import type { Prepared, ScenarioResult } from './harness';
import { benchmark, runIfMain } from './harness';
import { seedBenchProjects } from './projects';

const OFFICER_DASHBOARD = `query OfficerDashboard { officerDashboard {
  municipality { id name membership { id status } } profileCompleteness profileChecks { kind done }
  openActionItemCount overdueActionItemCount actionItems { id title dueDate overdue meeting { id title } }
  upcomingMeetingCount unansweredInvitationCount upcomingMeetings { id title startsAt endsAt viewerInvitation { id response } }
  staleProjectCount staleProjects { id title latestStatusUpdate { id reportedOn } }
  adoptedProjectsLikeOurs { id title adoptionCount leadMunicipality { id name } }
  workingGroupActivity { id type occurredAt phase membershipStatus actor { id name } project { id title }
    meeting { id title } workingGroup { id name } municipality { id name } }
} }`;
const COORDINATOR_DASHBOARD = `query CoordinatorDashboard { coordinatorDashboard {
  applicationCount joinRequestCount minutesAwaitingApprovalCount minutesAwaitingApproval { id title }
  unansweredInvitationCount meetingsWithUnansweredInvitations { id title }
  failedDeliveryCount failedDeliveries { id recipient subject createdAt attempts lastError }
  networkActivity { id type occurredAt phase membershipStatus actor { id name } project { id title }
    meeting { id title } workingGroup { id name } municipality { id name } }
} }`;
const MINISTRY_DASHBOARD = `query MinistryDashboard { ministryDashboard {
  projectCount projectsByPhase { phase count } projectsByCategory { category count }
  projectsByDistrict { district { id name } count }
  investment { projectsWithCosts oneOffCents yearlyCents fundingCents }
} }`;

interface Roles extends Prepared {
  officerId: string;
  coordinatorId: string;
  ministryId: string;
}

/** A domain-event history for the bench projects: published, and two status updates each. */
async function seedBenchEvents(dataSource: DataSource): Promise<void> {
  await dataSource.query(
    `INSERT INTO domain_event (type, occurred_at, subject_type, subject_id, payload)
     SELECT type, occurred_at, 'Project', id, payload FROM (
       SELECT 'project.publish' AS type, created_at AS occurred_at, id, jsonb_build_object('title', title) AS payload
         FROM project WHERE NOT is_demo
       UNION ALL
       SELECT 'project.statusUpdate', u.reported_on::timestamptz, u.project_id,
              jsonb_build_object('phase', u.phase, 'progressPercent', u.progress_percent, 'reportedOn', u.reported_on)
         FROM project_status_update u JOIN project p ON p.id = u.project_id AND NOT p.is_demo
     ) history ORDER BY occurred_at`,
  );
}

export function run(
  options: { iterations?: number; projects?: number; print?: boolean } = {},
): Promise<ScenarioResult[]> {
  const projects = options.projects ?? Number(process.env.BENCH_PROJECTS ?? 10_000);
  return benchmark<Roles>({
    name: 'dashboards',
    demo: true,
    async prepare(dataSource) {
      const seeding = Date.now();
      await seedBenchProjects(dataSource, projects);
      await seedBenchEvents(dataSource);
      // As autovacuum would after the bulk insert: index-only scans need the visibility map.
      await dataSource.query('VACUUM (ANALYZE) project');
      const [counts] = await dataSource.query(
        'SELECT (SELECT count(*)::int FROM project) AS projects, (SELECT count(*)::int FROM domain_event) AS events',
      );
      if (options.print !== false)
        console.log(
          `seeded ${counts.projects} projects, ${counts.events} domain events in ${Date.now() - seeding} ms`,
        );
      const ids = async (email: string) =>
        (await dataSource.query('SELECT id FROM app_user WHERE email = $1', [email]))[0].id as string;
      return {
        officerId: await ids('digital@kaiserslautern.demo'),
        coordinatorId: await ids('koordination@kl.digital.demo'),
        ministryId: await ids('ministerium@mdi.rlp.demo'),
      };
    },
    // Next to no SQL beyond the session, sent alternately as the same role: the ratio compares between runs.
    floor: { query: 'query Floor { viewerCanCreateProgressReport }' },
    scenarios: (roles) => [
      { scenario: 'officer dashboard (Kaiserslautern)', query: OFFICER_DASHBOARD, asUserId: roles.officerId },
      { scenario: 'coordinator dashboard', query: COORDINATOR_DASHBOARD, asUserId: roles.coordinatorId },
      { scenario: 'ministry dashboard', query: MINISTRY_DASHBOARD, asUserId: roles.ministryId },
    ],
    iterations: options.iterations,
    print: options.print,
  });
}

runIfMain(module, run);
