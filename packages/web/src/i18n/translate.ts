import { de, type MessageCatalogue, type MessageKey } from './de';
import { en } from './en';

export type AppLocale = 'de' | 'en';

/** Each language's name in that language, as a language switch shows it. */
export const localeNames: Record<AppLocale, string> = { de: 'Deutsch', en: 'English' };

export const catalogues: Record<AppLocale, MessageCatalogue> = { de, en };

/** The `{name}` placeholders in a message, as a union of names. */
type Placeholders<Message extends string> = Message extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

type ParamsOf<K extends MessageKey> = [Placeholders<(typeof de)[K]>] extends [never]
  ? []
  : [params: Record<Placeholders<(typeof de)[K]>, string | number>];

/** Keys of messages without placeholders, which can be chosen at run time from a map. */
export type PlainMessageKey = { [K in MessageKey]: ParamsOf<K> extends [] ? K : never }[MessageKey];

/** Looks up a message and fills its placeholders; messages with placeholders require their values. */
export type Translate = <K extends MessageKey>(key: K, ...params: ParamsOf<K>) => string;

export function createTranslator(catalogue: MessageCatalogue): Translate {
  return (key, ...[params]) => {
    const message = catalogue[key];
    if (!params) return message;
    const values: Record<string, string | number> = params;
    return message.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
      name in values ? String(values[name]) : placeholder,
    );
  };
}

export function isAppLocale(value: unknown): value is AppLocale {
  return value === 'de' || value === 'en';
}
