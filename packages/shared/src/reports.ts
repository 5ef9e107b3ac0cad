/** How long a reporting period lasts. */
export enum PeriodKind {
  QUARTER = 'QUARTER',
  HALF_YEAR = 'HALF_YEAR',
  YEAR = 'YEAR',
}

/** A reporting period: the 1st–4th quarter, 1st–2nd half or the whole of a calendar year. */
export interface Period {
  kind: PeriodKind;
  year: number;
  /** 1–4 for quarters, 1–2 for half-years, 1 for a year. */
  index: number;
}

/** Periods are calendar periods in Berlin time: a quarter starts at midnight of its first day there. */
export const reportTimeZone = 'Europe/Berlin';

const monthsPerPeriod: Record<PeriodKind, number> = {
  [PeriodKind.QUARTER]: 3,
  [PeriodKind.HALF_YEAR]: 6,
  [PeriodKind.YEAR]: 12,
};

/** How many periods of the kind make a year. */
export const periodsPerYear = (kind: PeriodKind): number => 12 / monthsPerPeriod[kind];

export const reportLimits = {
  title: { maxLength: 200 },
  sections: { max: 12 },
  sectionTitle: { maxLength: 200 },
  sectionBody: { maxLength: 20_000 },
  highlights: { max: 50 },
  reviewComment: { maxLength: 2_000 },
  years: { min: 2000, max: 2100 },
  /** Quarters in the figures' time series. */
  seriesQuarters: { default: 8, max: 40 },
} as const;

/** Whether the period names a real period (index within the year, year within the limits). */
export function isValidPeriod(period: Period): boolean {
  return (
    Number.isInteger(period.year) &&
    Number.isInteger(period.index) &&
    period.year >= reportLimits.years.min &&
    period.year <= reportLimits.years.max &&
    period.index >= 1 &&
    period.index <= periodsPerYear(period.kind)
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The first calendar day of the period and the first day after it, as `YYYY-MM-DD` (Berlin dates). */
export function periodDates(period: Period): { startsOn: string; endsBefore: string } {
  const months = monthsPerPeriod[period.kind];
  const firstMonth = (period.index - 1) * months; // 0-based
  const endMonth = firstMonth + months;
  const endYear = period.year + Math.floor(endMonth / 12);
  return {
    startsOn: `${period.year}-${pad(firstMonth + 1)}-01`,
    endsBefore: `${endYear}-${pad((endMonth % 12) + 1)}-01`,
  };
}

/** The period of the same kind just before. */
export function previousPeriod(period: Period): Period {
  if (period.index > 1) return { ...period, index: period.index - 1 };
  return { kind: period.kind, year: period.year - 1, index: periodsPerYear(period.kind) };
}

/** The period of the kind that contains the calendar date (`YYYY-MM-DD`, a Berlin date). */
export function periodContaining(kind: PeriodKind, isoDate: string): Period {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return { kind, year, index: Math.floor((month - 1) / monthsPerPeriod[kind]) + 1 };
}

/** Today's calendar date in Berlin (`YYYY-MM-DD`). */
export function berlinDate(at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: reportTimeZone }).format(at);
}

/** `count` consecutive quarters ending with `last`, oldest first. */
export function quartersUpTo(last: Period, count: number): Period[] {
  const quarters: Period[] = [];
  let current: Period = { kind: PeriodKind.QUARTER, year: last.year, index: last.index };
  for (let i = 0; i < count; i++) {
    quarters.unshift(current);
    current = previousPeriod(current);
  }
  return quarters;
}

/** "Q1 2026", "1. Halbjahr 2026", "2026" — the period as a German heading. */
export function periodLabelDe(period: Period): string {
  switch (period.kind) {
    case PeriodKind.QUARTER:
      return `Q${period.index} ${period.year}`;
    case PeriodKind.HALF_YEAR:
      return `${period.index}. Halbjahr ${period.year}`;
    case PeriodKind.YEAR:
      return String(period.year);
  }
}

/** Where a progress report stands: written, reviewed by a second coordinator, then frozen. */
export enum ProgressReportStatus {
  DRAFT = 'DRAFT',
  IN_REVIEW = 'IN_REVIEW',
  APPROVED = 'APPROVED',
  PUBLISHED = 'PUBLISHED',
}
