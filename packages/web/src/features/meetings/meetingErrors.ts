import { firstUserErrorMessage, type UserError } from '../../errors/userErrorMessages';
import type { Translate } from '../../i18n';
import { type FormErrors, noFormErrors } from '../../ui/formErrors';

/** The message for the first of a payload's userErrors, in the viewer's language where known. */
export function meetingErrorMessage(errors: readonly UserError[], t: Translate): string | null {
  return firstUserErrorMessage(errors, t, 'meetings');
}

/**
 * What the browser checks before a meeting is created or changed: a title, a date, two times and
 * an end after the start. `startsAt` and `endsAt` are null when the date and time do not form one.
 */
export function meetingTimeErrors(
  title: string,
  date: string,
  startsAt: string | null,
  endsAt: string | null,
): FormErrors<string> {
  const found = noFormErrors<string>();
  if (!title.trim()) found.fields.title = (t) => t('meetings.form.titleRequired');
  if (!date) found.fields.date = (t) => t('meetings.form.dateRequired');
  else if (!startsAt) found.fields.startsAt = (t) => t('meetings.form.timeRequired');
  else if (!endsAt) found.fields.endsAt = (t) => t('meetings.form.timeRequired');
  else if (endsAt <= startsAt) found.fields.endsAt = (t) => t('meetings.userError.END_BEFORE_START');
  return found;
}
