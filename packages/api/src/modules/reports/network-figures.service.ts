import type { Period } from '@hub/shared';
import {
  isValidPeriod,
  PeriodKind,
  ProjectCategory,
  ProjectPhase,
  periodDates,
  periodLabelDe,
  previousPeriod,
} from '@hub/shared';
import type { EntityManager } from 'typeorm';
import type { PeriodBounds } from '../../db/period-bounds';
import { toGlobalId } from '../../graphql/relay';
import { fail } from '../../graphql/user-error';
import { meetingFigures } from '../meetings';
import { membershipFigures } from '../network';
import { projectFigures } from '../projects';
import { workingGroupFigures } from '../working-groups';
import type { NetworkFigures, ReportPeriod } from './network-figures.types';

/** The period as the API shows it: kind, number, its first and last Berlin day and a label. */
export function reportPeriod(period: Period): ReportPeriod {
  const { startsOn, endsBefore } = periodDates(period);
  const last = new Date(`${endsBefore}T00:00:00Z`);
  last.setUTCDate(last.getUTCDate() - 1);
  return {
    kind: period.kind,
    year: period.year,
    index: period.index,
    startsOn,
    endsOn: last.toISOString().slice(0, 10),
    label: periodLabelDe(period),
  };
}

/** The input's period, or a userError/BAD_USER_INPUT-style failure for a period that does not exist. */
export function checkedPeriod(input: Period, field = 'period'): Period {
  const period = { kind: input.kind, year: input.year, index: input.index };
  if (!Object.values(PeriodKind).includes(period.kind) || !isValidPeriod(period))
    fail('INVALID_PERIOD', 'There is no such period (quarter 1–4, half-year 1–2, year 1).', field);
  return period;
}

const phases = Object.values(ProjectPhase);
const categories = Object.values(ProjectCategory);

/**
 * The network's figures for each period, computed from history by each owning module's figure
 * queries: five statements whatever the number of periods.
 */
export async function computeNetworkFigures(
  manager: EntityManager,
  periods: readonly Period[],
): Promise<NetworkFigures[]> {
  if (!periods.length) return [];
  const bounds: PeriodBounds[] = periods.map(periodDates);
  // A transaction (publishing a report) has one connection and one snapshot: one statement after
  // the other. Outside one, each statement is its own snapshot anyway, so they run side by side on
  // pool connections and the request waits for the slowest, not for the sum.
  const [members, projects, meetings, groups] = manager.queryRunner?.isTransactionActive
    ? ([
        await membershipFigures(manager, bounds),
        await projectFigures(manager, bounds),
        await meetingFigures(manager, bounds),
        await workingGroupFigures(manager, bounds),
      ] as const)
    : await Promise.all([
        membershipFigures(manager, bounds),
        projectFigures(manager, bounds),
        meetingFigures(manager, bounds),
        workingGroupFigures(manager, bounds),
      ]);
  return periods.map((period, i) => {
    const m = members[i];
    const p = projects[i];
    const mt = meetings[i];
    return {
      period: reportPeriod(period),
      memberCount: m.memberCount,
      membersJoined: m.membersJoined,
      membersLeft: m.membersLeft,
      populationCovered: m.populationCovered,
      statePopulation: m.statePopulation,
      populationShare: m.statePopulation ? m.populationCovered / m.statePopulation : 0,
      projectCount: p.projectCount,
      projectsPublished: p.projectsPublished,
      projectsByPhase: phases.map((phase) => ({ phase, count: p.byPhase[phase] ?? 0 })),
      projectsByCategory: categories.map((category) => ({ category, count: p.byCategory[category] ?? 0 })),
      projectsByDistrict: p.byDistrict.map((d) => ({
        ...d,
        districtId: toGlobalId('Municipality', d.districtId),
      })),
      adoptionCount: p.adoptionCount,
      adoptionsInPeriod: p.adoptionsInPeriod,
      estimatedSavingCents: p.estimatedSavingCents,
      savingsInPeriodCents: p.savingsInPeriodCents,
      oneOffCostCents: p.oneOffCostCents,
      yearlyCostCents: p.yearlyCostCents,
      fundingCents: p.fundingCents,
      ...mt,
      attendanceRate: mt.attendanceRecorded ? mt.attendances / mt.attendanceRecorded : null,
      workingGroupsActive: groups[i].workingGroupsActive,
      workingGroupMemberships: groups[i].workingGroupMemberships,
      workingGroupMembersJoined: groups[i].workingGroupMembersJoined,
    };
  });
}

/** The period's figures and those of the period before. */
export async function compareWithPrevious(
  manager: EntityManager,
  period: Period,
): Promise<{ current: NetworkFigures; previous: NetworkFigures }> {
  const [current, previous] = await computeNetworkFigures(manager, [period, previousPeriod(period)]);
  return { current, previous };
}
