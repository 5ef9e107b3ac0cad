const euro = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });
const germanDate = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeZone: 'UTC' });
const englishDate = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

/**
 * Euro cents as German-formatted euros (1.234,56 €), in either language. Takes `unknown`: the
 * API's SafeInt scalar is generated as unknown.
 */
export function formatEuro(cents: unknown): string {
  return euro.format(Number(cents) / 100);
}

/** An ISO date (YYYY-MM-DD) for people. */
export function formatDate(iso: string, locale: 'de' | 'en'): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return (locale === 'de' ? germanDate : englishDate).format(date);
}

/**
 * Parses euros as people type them ("1500", "1.500,50", "1500.5") into cents; null when it is
 * not an amount. Negative amounts are left to the API, which explains them.
 */
export function parseEuroToCents(text: string): number | null {
  const trimmed = text.trim().replace(/\s|€/g, '');
  if (!/^-?[\d.,]+$/.test(trimmed)) return null;
  let normalised = trimmed;
  if (trimmed.includes(',')) normalised = trimmed.replace(/\./g, '').replace(',', '.');
  else if (/^\d{1,3}(\.\d{3})+$/.test(trimmed)) normalised = trimmed.replace(/\./g, '');
  const value = Number(normalised);
  return Number.isFinite(value) ? Math.round(value * 100) : null;
}
