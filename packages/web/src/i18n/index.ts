export type { MessageKey } from './de';
export { formatDateTime } from './format';
export { I18nProvider, useLocale, useT } from './I18nProvider';
export { type AppLocale, localeNames, type PlainMessageKey, type Translate } from './translate';
