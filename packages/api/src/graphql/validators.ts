import { limits } from '@hub/shared';
import { ValidateBy } from 'class-validator';
import { parseDate } from './scalars';

/**
 * A calendar date as YYYY-MM-DD that exists (no 31 February) within the years the API accepts:
 * what PostgreSQL's `date` takes, checked before it gets there.
 */
export function IsCalendarDate(): PropertyDecorator {
  return ValidateBy({
    name: 'isCalendarDate',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && parseDate(value) !== null,
      defaultMessage: (args) =>
        `${args?.property ?? 'The date'} must be a date as YYYY-MM-DD between the years ${limits.dateTime.minYear} and ${limits.dateTime.maxYear}`,
    },
  });
}
