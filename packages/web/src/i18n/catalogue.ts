import type { de, PluralForms } from './de';
import type { dePages } from './de.pages';

/** The shape another language must fill for a part of the German messages: the same keys, any wording. */
type CatalogueOf<Messages> = {
  readonly [K in keyof Messages]: Messages[K] extends string ? string : PluralForms;
};

/** Every German message, from both parts: what `t()` calls are checked against. */
export type GermanMessages = typeof de & typeof dePages;
export type MessageKey = keyof GermanMessages;

/** The first load's messages (de.ts, en.ts). */
export type FirstLoadCatalogue = CatalogueOf<typeof de>;
/** The messages of the pages loaded on their first visit (de.pages.ts, en.pages.ts). */
export type PageMessageCatalogue = CatalogueOf<typeof dePages>;
