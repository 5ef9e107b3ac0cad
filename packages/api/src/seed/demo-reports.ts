import { randomUUID } from 'node:crypto';
import { type Period, PeriodKind, ProgressReportStatus, periodDates, periodLabelDe } from '@hub/shared';
import type { EntityManager } from 'typeorm';
import { toGlobalId } from '../graphql/relay';
import { emitDomainEvent } from '../modules/events';
import { projectActivity } from '../modules/projects/project.figures';
import { ProgressReport } from '../modules/reports/progress-report.entity';
import { reportContent } from '../modules/reports/progress-report.service';

/** The two demo quarters: those in which the demo projects report most. */
const QUARTERS: Period[] = [
  { kind: PeriodKind.QUARTER, year: 2025, index: 3 },
  { kind: PeriodKind.QUARTER, year: 2025, index: 4 },
];

const number = (n: number) => n.toLocaleString('de-DE');

const DAY = 24 * 60 * 60 * 1000;

/** Who did what: one coordinator compiles, submits and publishes, a second one reviews. */
export interface DemoReportPeople {
  compiledBy: string;
  reviewedBy: string;
}

/** One step of a report's review flow, as the domain event it would have written. */
interface FlowStep {
  type:
    | 'progressReport.create'
    | 'progressReport.submit'
    | 'progressReport.review'
    | 'progressReport.publish';
  daysAfterQuarter: number;
  actorId: string;
  payload: Record<string, unknown>;
}

/**
 * The four-eyes flow each demo report went through: compiled and submitted by the first
 * coordinator, reviewed by the second (Q3 returned once with a request, then approved), published
 * by the first three weeks after the quarter.
 */
function reviewFlow(period: Period, people: DemoReportPeople, reportId: string, title: string): FlowStep[] {
  const { compiledBy, reviewedBy } = people;
  const returnedFirst = period.index === 3;
  return [
    {
      type: 'progressReport.create',
      daysAfterQuarter: 3,
      actorId: compiledBy,
      payload: { period: periodLabelDe(period), version: 1 },
    },
    {
      type: 'progressReport.submit',
      daysAfterQuarter: 10,
      actorId: compiledBy,
      payload: { status: ProgressReportStatus.IN_REVIEW },
    },
    ...(returnedFirst
      ? ([
          {
            type: 'progressReport.review',
            daysAfterQuarter: 12,
            actorId: reviewedBy,
            payload: { approved: false, comment: RETURNED_COMMENT },
          },
          {
            type: 'progressReport.submit',
            daysAfterQuarter: 14,
            actorId: compiledBy,
            payload: { status: ProgressReportStatus.IN_REVIEW },
          },
        ] satisfies FlowStep[])
      : []),
    {
      type: 'progressReport.review',
      daysAfterQuarter: 16,
      actorId: reviewedBy,
      payload: { approved: true, comment: APPROVED_COMMENT },
    },
    {
      type: 'progressReport.publish',
      daysAfterQuarter: 20,
      actorId: compiledBy,
      payload: { reportId: toGlobalId('ProgressReport', reportId), title },
    },
  ];
}

const RETURNED_COMMENT = 'Bitte im Abschnitt „Zusammenarbeit“ noch die überfälligen Aufgaben einordnen.';
const APPROVED_COMMENT =
  'Geprüft: Kennzahlen und Projektabschnitte stimmen mit Protokollen und Sachständen überein.';

/** The instant `days` after the quarter's end (09:00 UTC). */
function afterQuarter(period: Period, days: number): Date {
  const at = new Date(`${periodDates(period).endsBefore}T09:00:00Z`);
  return new Date(at.getTime() + days * DAY);
}

/**
 * Two published quarterly reports computed from what the demo network holds (members, projects,
 * status updates, meetings), each through the whole review flow: compiled and submitted by the
 * coordination, approved by a second coordinator (the first returned once), published three weeks
 * after its quarter, with the domain events (and audit entries) of every step, marked as demo.
 */
export async function seedDemoReports(manager: EntityManager, people: DemoReportPeople): Promise<number> {
  for (const period of QUARTERS) {
    const label = periodLabelDe(period);
    const { startsOn, endsBefore } = periodDates(period);
    const active = await projectActivity(manager, { startsOn, endsBefore });
    const highlights = active.slice(0, 2).map((p) => p.id);
    const report = manager.getRepository(ProgressReport).create({
      periodKind: period.kind,
      year: period.year,
      periodIndex: period.index,
      title: `Fortschrittsbericht ${label}`,
      status: ProgressReportStatus.DRAFT,
      version: 1,
      sections: [],
      highlightProjectIds: highlights,
      createdById: people.compiledBy,
    });
    const draft = await reportContent(manager, report);
    const { current, previous } = draft;
    report.sections = [
      {
        title: 'Zusammenfassung',
        body: `Am Ende von ${label} zählte das Netzwerk **${number(current.memberCount)} Mitgliedskommunen** (${previous.period.label}: ${number(previous.memberCount)}) und **${number(current.projectCount)} veröffentlichte Projekte**. ${number(active.length)} Projekte haben im Quartal einen Sachstand oder Meilenstein gemeldet.`,
      },
      {
        title: 'Zusammenarbeit',
        body: `Im Quartal fanden ${number(current.meetingsHeld)} Sitzungen statt. Von den fälligen Aufgaben wurden ${number(current.actionItemsDoneOnTime)} fristgerecht erledigt; ${number(current.actionItemsOverdue)} waren am Quartalsende überfällig.\n\n*Demodaten: Dieser Bericht wurde aus dem Demonetzwerk berechnet.*`,
      },
    ];
    report.snapshot = await reportContent(manager, report);
    report.id = randomUUID();
    const flow = reviewFlow(period, people, report.id, report.title);
    const lastOf = (type: FlowStep['type']) =>
      afterQuarter(period, flow.filter((step) => step.type === type).at(-1)!.daysAfterQuarter);
    // Inserted as the last steps left it: a published row cannot be changed afterwards.
    Object.assign(report, {
      status: ProgressReportStatus.PUBLISHED,
      submittedById: people.compiledBy,
      reviewedById: people.reviewedBy,
      reviewedAt: lastOf('progressReport.review'),
      reviewComment: APPROVED_COMMENT,
      publishedById: people.compiledBy,
      publishedAt: lastOf('progressReport.publish'),
      createdAt: lastOf('progressReport.create'),
      updatedAt: lastOf('progressReport.publish'),
    });
    await manager.getRepository(ProgressReport).insert(report);
    await seedFlowEvents(
      manager,
      report.id,
      flow.map((step) => ({ ...step, at: afterQuarter(period, step.daysAfterQuarter) })),
    );
  }
  await emitDomainEvent(manager, {
    actorId: null,
    type: 'demo.reportsSeeded',
    subjectType: 'System',
    subjectId: null,
    payload: { reports: QUARTERS.length },
  });
  return QUARTERS.length;
}

/** The flow's domain events and their audit entries, back-dated, marked as demo (nobody is notified). */
async function seedFlowEvents(
  manager: EntityManager,
  reportId: string,
  steps: (FlowStep & { at: Date })[],
): Promise<void> {
  await manager.query(
    `WITH step AS (
       SELECT * FROM unnest($2::text[], $3::timestamptz[], $4::uuid[], $5::jsonb[]) AS s(type, occurred_at, actor_id, payload)
     ),
     event AS (
       INSERT INTO domain_event (type, occurred_at, actor_id, subject_type, subject_id, payload)
       SELECT type, occurred_at, actor_id, 'ProgressReport', $1, payload || '{"demo": true}'::jsonb
         FROM step WHERE occurred_at <= now() ORDER BY occurred_at
       RETURNING type, occurred_at, actor_id, subject_type, subject_id, payload
     )
     INSERT INTO audit_event (actor_id, action, entity_type, entity_id, after, created_at)
     SELECT actor_id, type, subject_type, subject_id, payload, occurred_at FROM event`,
    [
      reportId,
      steps.map((s) => s.type),
      steps.map((s) => s.at),
      steps.map((s) => s.actorId),
      steps.map((s) => JSON.stringify(s.payload)),
    ],
  );
}
