import { type Period, PeriodKind, ProgressReportStatus, periodDates, periodLabelDe } from '@hub/shared';
import type { EntityManager } from 'typeorm';
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

/**
 * Two published quarterly reports computed from what the demo network holds (members, projects,
 * status updates, meetings), as the coordination would have published them three weeks after
 * each quarter. Written directly: the demo has one coordinator, so no second review is recorded.
 */
export async function seedDemoReports(manager: EntityManager, coordinatorId: string | null): Promise<number> {
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
      createdById: coordinatorId,
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
    const published = new Date(`${endsBefore}T09:00:00Z`);
    published.setUTCDate(published.getUTCDate() + 20);
    report.snapshot = await reportContent(manager, report);
    report.status = ProgressReportStatus.PUBLISHED;
    report.submittedById = coordinatorId;
    report.publishedById = coordinatorId;
    report.publishedAt = published;
    await manager.getRepository(ProgressReport).insert(report);
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
