import { graphql } from '../../gql';
import type { NetworkFigureValuesFragment } from '../../gql/graphql';
import type { PlainMessageKey } from '../../i18n';
import { meetingPaths } from '../meetings/meetingPaths';
import { memberPaths } from '../members/memberPaths';
import { projectPaths } from '../projects/projectPaths';
import type { FigureFormat } from './figureFormat';

/** The figures every figure view reads; one fragment so that the views agree. */
export const NetworkFigureValues = graphql(`
  fragment NetworkFigureValues on NetworkFigures {
    period {
      kind
      year
      index
      label
      startsOn
      endsOn
    }
    memberCount
    membersJoined
    populationCovered
    statePopulation
    populationShare
    projectCount
    projectsPublished
    projectsByPhase {
      phase
      count
    }
    projectsByCategory {
      category
      count
    }
    adoptionCount
    estimatedSavingCents
    oneOffCostCents
    yearlyCostCents
    fundingCents
    meetingsHeld
    attendanceRate
    actionItemsDoneOnTime
    actionItemsOverdue
    workingGroupsActive
    workingGroupsMet
  }
`);

// SafeInt fields (cents, population) arrive as `unknown` from codegen; they are numbers.
type NumericKey = Exclude<
  keyof NetworkFigureValuesFragment,
  '__typename' | 'period' | 'projectsByPhase' | 'projectsByCategory'
>;

/** A figure's value as a number (null where there is none, e.g. an attendance rate without records). */
export function figureValue(figures: NetworkFigureValuesFragment, key: NumericKey): number | null {
  const value = figures[key];
  return value === null || value === undefined ? null : Number(value);
}

/** One figure: where it is read, how it is written, its label and the list behind it. */
export interface FigureDefinition {
  key: NumericKey;
  label: PlainMessageKey;
  format: FigureFormat;
  link: string;
}

/** The figures shown with their change, in order (the dashboards show the first ones). */
export const FIGURES: readonly FigureDefinition[] = [
  { key: 'memberCount', label: 'figures.members', format: 'count', link: memberPaths.directory },
  { key: 'populationCovered', label: 'figures.populationCovered', format: 'count', link: memberPaths.map },
  { key: 'populationShare', label: 'figures.populationShare', format: 'share', link: memberPaths.map },
  { key: 'projectCount', label: 'figures.projects', format: 'count', link: projectPaths.list },
  { key: 'adoptionCount', label: 'figures.adoptions', format: 'count', link: projectPaths.list },
  { key: 'estimatedSavingCents', label: 'figures.savings', format: 'euroCents', link: projectPaths.list },
  { key: 'meetingsHeld', label: 'figures.meetingsHeld', format: 'count', link: meetingPaths.list },
  {
    key: 'attendanceRate',
    label: 'figures.attendanceRate',
    format: 'share',
    link: meetingPaths.participation,
  },
  {
    key: 'actionItemsDoneOnTime',
    label: 'figures.actionItemsOnTime',
    format: 'count',
    link: meetingPaths.actionItems,
  },
  {
    key: 'actionItemsOverdue',
    label: 'figures.actionItemsOverdue',
    format: 'count',
    link: meetingPaths.actionItems,
  },
  { key: 'oneOffCostCents', label: 'figures.investment', format: 'euroCents', link: projectPaths.list },
  { key: 'yearlyCostCents', label: 'figures.yearlyCosts', format: 'euroCents', link: projectPaths.list },
  { key: 'fundingCents', label: 'figures.funding', format: 'euroCents', link: projectPaths.list },
  {
    key: 'workingGroupsActive',
    label: 'figures.workingGroupsActive',
    format: 'count',
    link: '/arbeitsgruppen',
  },
  { key: 'workingGroupsMet', label: 'figures.workingGroupsMet', format: 'count', link: '/arbeitsgruppen' },
];

/** This quarter in Berlin time, as the API takes a period. */
export function currentQuarter(now: Date = new Date()) {
  const [year, month] = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
  })
    .format(now)
    .split('-')
    .map(Number);
  return { kind: 'QUARTER' as const, year, index: Math.floor((month - 1) / 3) + 1 };
}
