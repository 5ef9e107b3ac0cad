import { de, type MessageCatalogue, type MessageKey, type PluralForms } from './de';

export type AppLocale = 'de' | 'en';

/** Each language's name in that language, as a language switch shows it. */
export const localeNames: Record<AppLocale, string> = { de: 'Deutsch', en: 'English' };

/**
 * The catalogue of a language: German is in the first load; English is a chunk of its own, fetched
 * only for people who chose it.
 */
export async function loadCatalogue(locale: AppLocale): Promise<MessageCatalogue> {
  return locale === 'de' ? de : (await import('./en')).en;
}

/** The catalogue at hand without waiting: German always, others once loaded. */
export const preloadedCatalogues: Partial<Record<AppLocale, MessageCatalogue>> = { de };

/** The `{name}` placeholders in a message, as a union of names. */
type Placeholders<Message extends string> = Message extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** A message's text, or the texts of all its plural forms. */
type TextsOf<Message> = Message extends string ? Message : Message[keyof Message] & string;

type ParamsOf<K extends MessageKey> = (typeof de)[K] extends string
  ? [Placeholders<(typeof de)[K]>] extends [never]
    ? []
    : [params: Record<Placeholders<(typeof de)[K]>, string | number>]
  : [params: Record<Placeholders<TextsOf<(typeof de)[K]>>, string | number> & { count: number }];

/** Keys of messages without placeholders, which can be chosen at run time from a map. */
export type PlainMessageKey = { [K in MessageKey]: ParamsOf<K> extends [] ? K : never }[MessageKey];

/** Looks up a message and fills its placeholders; messages with placeholders require their values. */
export type Translate = <K extends MessageKey>(key: K, ...params: ParamsOf<K>) => string;

/** A translator for one language; plural messages choose their form by `count` with the language's CLDR rules. */
export function createTranslator(catalogue: MessageCatalogue, locale: AppLocale): Translate {
  const pluralRules = new Intl.PluralRules(locale);
  return (key, ...[params]) => {
    const entry: string | PluralForms = catalogue[key];
    const values: Record<string, string | number> | undefined = params;
    const message =
      typeof entry === 'string' ? entry : pluralForm(entry, pluralRules.select(Number(values?.count ?? 0)));
    if (!values) return message;
    return message.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
      name in values ? String(values[name]) : placeholder,
    );
  };
}

export function isAppLocale(value: unknown): value is AppLocale {
  return value === 'de' || value === 'en';
}

function pluralForm(forms: PluralForms, category: Intl.LDMLPluralRule): string {
  return forms[category] ?? forms.other;
}
