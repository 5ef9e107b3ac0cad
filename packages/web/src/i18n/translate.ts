import type { GermanMessages, MessageKey } from './catalogue';
import { de, type PluralForms } from './de';

export type AppLocale = 'de' | 'en';

export const DEFAULT_LOCALE: AppLocale = 'de';
/** Where the person's choice of language is kept (localStorage). */
export const LOCALE_STORAGE_KEY = 'hub.locale';
/**
 * The same choice as a cookie, for the server alone: it renders a page's first view in the language
 * the page will show (entry-server.tsx). A preference, no identifier: it holds `de` or `en`.
 */
export const LOCALE_COOKIE = 'hub_locale';

export function readStoredLocale(): AppLocale | null {
  try {
    const stored = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    return isAppLocale(stored) ? stored : null;
  } catch {
    // Storage can be unavailable (privacy settings); the default language still works.
    return null;
  }
}

/** Keeps the person's choice of language: in localStorage for the app, in a cookie for the server. */
export function storeLocale(locale: AppLocale): void {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // See readStoredLocale: the choice then lasts until the page is reloaded.
  }
  const secure = window.location.protocol === 'https:' ? '; Secure' : '';
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from browsers the hub supports (Firefox before 140); the value is a fixed language code.
  document.cookie = `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${365 * 24 * 3600}; SameSite=Lax${secure}`;
}

const localeCookiePattern = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([a-z]+)`);

/** The language choice in a Cookie header (the server's view of `storeLocale`), or null. */
export function localeOfCookie(header: string | undefined): AppLocale | null {
  const match = localeCookiePattern.exec(header ?? '');
  const locale = match?.[1] ?? null;
  return isAppLocale(locale) ? locale : null;
}

/** The API's name of a UI language (its `Locale` enum: accounts, documents). */
export const apiLocaleOf = (locale: AppLocale): 'DE' | 'EN' => (locale === 'en' ? 'EN' : 'DE');

/** Each language's name in that language, as a language switch shows it. */
export const localeNames: Record<AppLocale, string> = { de: 'Deutsch', en: 'English' };

/**
 * A language's messages as far as they have arrived: the first load's part, and the pages' part once a
 * lazy page asked for it. One object per language that grows, so a translator made earlier sees the
 * pages' messages as soon as they are merged in.
 */
export type LoadedMessages = Partial<Record<MessageKey, string | PluralForms>>;

/**
 * Where each part of each language comes from. German's first-load part is in the first load; the rest
 * are chunks of their own, fetched when needed (English only for people who chose it).
 */
const sources: Record<AppLocale, Record<'firstLoad' | 'pages', () => Promise<LoadedMessages>>> = {
  de: { firstLoad: async () => de, pages: async () => (await import('./de.pages')).dePages },
  en: {
    firstLoad: async () => (await import('./en')).en,
    pages: async () => (await import('./en.pages')).enPages,
  },
};

const loadedMessages: Record<AppLocale, LoadedMessages> = { de: { ...de }, en: {} };
const loading = new Map<string, Promise<void>>();
/** Languages shown or about to be shown: a lazy page needs the pages' messages of each. */
const localesInUse = new Set<AppLocale>();
let pagesWanted = false;

function loadPart(locale: AppLocale, part: 'firstLoad' | 'pages'): Promise<void> {
  const key = `${locale}:${part}`;
  let promise = loading.get(key);
  if (!promise) {
    promise = sources[locale][part]().then((messages) => {
      Object.assign(loadedMessages[locale], messages);
    });
    loading.set(key, promise);
  }
  return promise;
}

/** The messages at hand without waiting (German's first load always), or null when they must be loaded. */
export function messagesAtHand(locale: AppLocale): LoadedMessages | null {
  localesInUse.add(locale);
  return locale === 'de' || loading.has(`${locale}:firstLoad`) ? loadedMessages[locale] : null;
}

/** Loads a language for showing it: its first-load part, and its pages' part once any page needed it. */
export async function loadCatalogue(locale: AppLocale): Promise<LoadedMessages> {
  localesInUse.add(locale);
  await Promise.all([loadPart(locale, 'firstLoad'), pagesWanted ? loadPart(locale, 'pages') : undefined]);
  return loadedMessages[locale];
}

/**
 * Loads the pages' messages of the languages in use; a lazy page waits for this beside its own chunk
 * (`lazyPage`, `withPageMessages`), so it never renders before its messages are there.
 */
export async function loadPageMessages(): Promise<void> {
  pagesWanted = true;
  // A page opened directly loads before the language provider first renders: its language is the
  // one the provider will show.
  if (!localesInUse.size) localesInUse.add(readStoredLocale() ?? DEFAULT_LOCALE);
  await Promise.all([...localesInUse].map((locale) => loadPart(locale, 'pages')));
}

/** A page's module once it and the pages' messages have loaded (for routes declared with `lazy`). */
export async function withPageMessages<Module>(module: Promise<Module>): Promise<Module> {
  const [loaded] = await Promise.all([module, loadPageMessages()]);
  return loaded;
}

/** The `{name}` placeholders in a message, as a union of names. */
type Placeholders<Message extends string> = Message extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/** A message's text, or the texts of all its plural forms. */
type TextsOf<Message> = Message extends string ? Message : Message[keyof Message] & string;

type ParamsOf<K extends MessageKey> = GermanMessages[K] extends string
  ? [Placeholders<GermanMessages[K]>] extends [never]
    ? []
    : [params: Record<Placeholders<GermanMessages[K]>, string | number>]
  : [params: Record<Placeholders<TextsOf<GermanMessages[K]>>, string | number> & { count: number }];

/** Keys of messages without placeholders, which can be chosen at run time from a map. */
export type PlainMessageKey = { [K in MessageKey]: ParamsOf<K> extends [] ? K : never }[MessageKey];

/** Looks up a message and fills its placeholders; messages with placeholders require their values. */
export type Translate = <K extends MessageKey>(key: K, ...params: ParamsOf<K>) => string;

/**
 * A translator for one language; plural messages choose their form by `count` with the language's CLDR
 * rules. A key whose part has not arrived (a first-load module using a pages' key: a bug, see de.ts)
 * shows the key itself rather than breaking the page.
 */
export function createTranslator(messages: LoadedMessages, locale: AppLocale): Translate {
  const pluralRules = new Intl.PluralRules(locale);
  return (key, ...[params]) => {
    const entry = messages[key];
    if (entry === undefined) return key;
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
