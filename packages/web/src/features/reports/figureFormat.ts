import type { AppLocale } from '../../i18n';

/** How a figure is written: a count, euros (from cents) or a share (0…1) as percent. */
export type FigureFormat = 'count' | 'euroCents' | 'share';

/** A figure as people of the locale write it ("1.234", "12.500 €", "12,3 %"); "–" when missing. */
export function formatFigure(
  value: number | null | undefined,
  format: FigureFormat,
  locale: AppLocale,
): string {
  if (value === null || value === undefined) return '–';
  const tag = locale === 'de' ? 'de-DE' : 'en-GB';
  switch (format) {
    case 'count':
      return value.toLocaleString(tag, { maximumFractionDigits: 0 });
    case 'euroCents':
      return (value / 100).toLocaleString(tag, {
        style: 'currency',
        currency: 'EUR',
        maximumFractionDigits: 0,
      });
    case 'share':
      return value.toLocaleString(tag, { style: 'percent', maximumFractionDigits: 1 });
  }
}

/** The change from `previous` to `current` with its sign ("+3", "−1.200 €", "+2,5 %-Pkt."); null when unchanged. */
export function formatChange(
  current: number | null | undefined,
  previous: number | null | undefined,
  format: FigureFormat,
  locale: AppLocale,
): string | null {
  if (current === null || current === undefined || previous === null || previous === undefined) return null;
  const change = current - previous;
  if (Math.abs(change) < 1e-9) return null;
  const sign = change > 0 ? '+' : '−';
  if (format === 'share') {
    const points = (Math.abs(change) * 100).toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB', {
      maximumFractionDigits: 1,
    });
    return `${sign}${points} ${locale === 'de' ? 'Prozentpunkte' : 'percentage points'}`;
  }
  return `${sign}${formatFigure(Math.abs(change), format, locale)}`;
}
