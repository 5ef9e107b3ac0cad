import type { NetworkFigures } from './network-figures.types';

/** What a figure counts in: a number of things, euros, or a percentage. */
export type FigureUnit = 'count' | 'euro' | 'percent';

/** One line of a report's figures table: its German label, unit and value in that unit. */
export interface FigureRow {
  key: string;
  label: string;
  unit: FigureUnit;
  value: (figures: NetworkFigures) => number | null;
}

const euros = (cents: number) => cents / 100;
const percent = (share: number | null) => (share === null ? null : Math.round(share * 10_000) / 100);

/** The figures every export shows, in order: the one list the PDF, XLSX and CSV share. */
export const FIGURE_ROWS: readonly FigureRow[] = [
  { key: 'memberCount', label: 'Mitgliedskommunen', unit: 'count', value: (f) => f.memberCount },
  { key: 'membersJoined', label: 'Neue Mitglieder', unit: 'count', value: (f) => f.membersJoined },
  { key: 'membersLeft', label: 'Ausgetretene Mitglieder', unit: 'count', value: (f) => f.membersLeft },
  {
    key: 'populationCovered',
    label: 'Einwohnerinnen und Einwohner erreicht',
    unit: 'count',
    value: (f) => f.populationCovered,
  },
  {
    key: 'populationShare',
    label: 'Anteil an der Landesbevölkerung',
    unit: 'percent',
    value: (f) => percent(f.populationShare),
  },
  { key: 'projectCount', label: 'Veröffentlichte Projekte', unit: 'count', value: (f) => f.projectCount },
  {
    key: 'projectsPublished',
    label: 'Neu veröffentlichte Projekte',
    unit: 'count',
    value: (f) => f.projectsPublished,
  },
  { key: 'adoptionCount', label: 'Nachnutzungen insgesamt', unit: 'count', value: (f) => f.adoptionCount },
  {
    key: 'adoptionsInPeriod',
    label: 'Nachnutzungen im Zeitraum',
    unit: 'count',
    value: (f) => f.adoptionsInPeriod,
  },
  {
    key: 'estimatedSavingCents',
    label: 'Geschätzte Einsparung insgesamt',
    unit: 'euro',
    value: (f) => euros(f.estimatedSavingCents),
  },
  {
    key: 'oneOffCostCents',
    label: 'Investitionen (einmalig)',
    unit: 'euro',
    value: (f) => euros(f.oneOffCostCents),
  },
  {
    key: 'yearlyCostCents',
    label: 'Laufende Kosten pro Jahr',
    unit: 'euro',
    value: (f) => euros(f.yearlyCostCents),
  },
  { key: 'fundingCents', label: 'Fördermittel', unit: 'euro', value: (f) => euros(f.fundingCents) },
  { key: 'meetingsHeld', label: 'Sitzungen abgehalten', unit: 'count', value: (f) => f.meetingsHeld },
  { key: 'attendances', label: 'Teilnahmen', unit: 'count', value: (f) => f.attendances },
  {
    key: 'attendanceRate',
    label: 'Teilnahmequote',
    unit: 'percent',
    value: (f) => percent(f.attendanceRate),
  },
  {
    key: 'attendingMunicipalities',
    label: 'Teilnehmende Kommunen',
    unit: 'count',
    value: (f) => f.attendingMunicipalities,
  },
  { key: 'actionItemsDue', label: 'Fällige Aufgaben', unit: 'count', value: (f) => f.actionItemsDue },
  {
    key: 'actionItemsDoneOnTime',
    label: 'Aufgaben fristgerecht erledigt',
    unit: 'count',
    value: (f) => f.actionItemsDoneOnTime,
  },
  {
    key: 'actionItemsOverdue',
    label: 'Aufgaben überfällig',
    unit: 'count',
    value: (f) => f.actionItemsOverdue,
  },
  {
    key: 'workingGroupsActive',
    label: 'Aktive Arbeitsgruppen',
    unit: 'count',
    value: (f) => f.workingGroupsActive,
  },
  {
    key: 'workingGroupsMet',
    label: 'Arbeitsgruppen mit Sitzung',
    unit: 'count',
    value: (f) => f.workingGroupsMet,
  },
  {
    key: 'workingGroupMembersJoined',
    label: 'Neue Mitglieder in Arbeitsgruppen',
    unit: 'count',
    value: (f) => f.workingGroupMembersJoined,
  },
];

export const unitLabelsDe: Record<FigureUnit, string> = { count: 'Anzahl', euro: 'Euro', percent: 'Prozent' };

const formats: Record<FigureUnit, Intl.NumberFormat> = {
  count: new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 }),
  euro: new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }),
  percent: new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 }),
};

/** A figure as German text: "1.234", "12.500 €", "12,3 %"; "–" when there is none. */
export function formatFigure(unit: FigureUnit, value: number | null): string {
  if (value === null) return '–';
  return unit === 'percent' ? `${formats.percent.format(value)} %` : formats[unit].format(value);
}

/** The change against the previous period as German text with its sign ("+3", "−1.200 €", "±0"). */
export function formatChange(unit: FigureUnit, current: number | null, previous: number | null): string {
  if (current === null || previous === null) return '–';
  const change = Math.round((current - previous) * 100) / 100;
  if (change === 0) return '±0';
  const text = formatFigure(unit, Math.abs(change));
  return `${change > 0 ? '+' : '−'}${unit === 'percent' ? text.replace(' %', ' Prozentpunkte') : text}`;
}
