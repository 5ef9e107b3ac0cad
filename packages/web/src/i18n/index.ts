export type { MessageKey } from './catalogue';
export { formatDateTime } from './format';
export { I18nProvider, useLocale, useT } from './I18nProvider';
export {
  type AppLocale,
  apiLocaleOf,
  localeNames,
  type PlainMessageKey,
  type Translate,
  withPageMessages,
} from './translate';
