import type { Period } from '@hub/shared';
import { periodDates } from '@hub/shared';

/** A period as the figure queries take it: Berlin calendar dates, the end exclusive. */
export interface PeriodBounds {
  startsOn: string;
  endsBefore: string;
}

export const boundsOf = (period: Period): PeriodBounds => periodDates(period);

/**
 * The SQL that turns the bound arrays `$1` (first days) and `$2` (first days after) into the
 * CTE `periods(i, starts_on, ends_before, starts, ends)`: `i` counts from 1 in the order given,
 * `starts`/`ends` are the instants midnight Berlin time begins those days (so a quarter ends at
 * 23:00 UTC on 31 March in winter time and at 22:00 UTC on 30 June in summer time).
 * MATERIALIZED: inlined, the time-zone conversions were recomputed in every join filter, once per
 * project and history row (half the time of the phase figures on 10,000 projects).
 */
export const PERIODS_CTE = `periods AS MATERIALIZED (
  SELECT x.i::int AS i, x.s AS starts_on, x.e AS ends_before,
         (x.s::timestamp AT TIME ZONE 'Europe/Berlin') AS starts,
         (x.e::timestamp AT TIME ZONE 'Europe/Berlin') AS ends
    FROM unnest($1::date[], $2::date[]) WITH ORDINALITY AS x(s, e, i))`;

/** The query parameters `$1` and `$2` for PERIODS_CTE. */
export const periodParams = (bounds: readonly PeriodBounds[]): [string[], string[]] => [
  bounds.map((b) => b.startsOn),
  bounds.map((b) => b.endsBefore),
];
