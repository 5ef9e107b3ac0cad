import type { AppLocale } from './translate';

/** A DateTime from the API (ISO 8601) as people in the given language write it. */
export function formatDateTime(iso: string, locale: AppLocale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(date);
}
