import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import {
  type AppLocale,
  createTranslator,
  DEFAULT_LOCALE,
  type LoadedMessages,
  loadCatalogue,
  messagesAtHand,
  readStoredLocale,
  storeLocale,
  type Translate,
} from './translate';

interface I18nContextValue {
  locale: AppLocale;
  /** True when the person chose the language themselves (and did not just get the default). */
  localeChosen: boolean;
  setLocale: (locale: AppLocale) => void;
  t: Translate;
}

const I18nContext = createContext<I18nContextValue | null>(null);

/**
 * Provides the UI language: German by default, the person's choice kept in localStorage (and in a
 * cookie, so that the server renders a first view in it: `storedLocale` there, entry-server.tsx).
 */
export function I18nProvider({
  children,
  storedLocale: initialLocale,
}: {
  children: ReactNode;
  storedLocale?: AppLocale | null;
}) {
  const [storedLocale, setStoredLocale] = useState<AppLocale | null>(() =>
    initialLocale === undefined ? readStoredLocale() : initialLocale,
  );
  const locale = storedLocale ?? DEFAULT_LOCALE;
  const [catalogue, setCatalogue] = useState<{ locale: AppLocale; messages: LoadedMessages } | null>(() => {
    const messages = messagesAtHand(locale);
    return messages ? { locale, messages } : null;
  });

  useEffect(() => {
    if (catalogue?.locale === locale) return;
    let current = true;
    void loadCatalogue(locale).then((messages) => {
      if (current) setCatalogue({ locale, messages });
    });
    return () => {
      current = false;
    };
  }, [locale, catalogue]);

  const shownLocale = catalogue?.locale;
  useEffect(() => {
    if (shownLocale) document.documentElement.lang = shownLocale;
  }, [shownLocale]);

  const setLocale = useCallback((next: AppLocale) => {
    setStoredLocale(next);
    storeLocale(next);
  }, []);

  // Until a newly chosen language has arrived, the page stays in the one it is in.
  const shown = catalogue;
  const value = useMemo<I18nContextValue | null>(
    () =>
      shown && {
        locale: shown.locale,
        localeChosen: storedLocale !== null,
        setLocale,
        t: createTranslator(shown.messages, shown.locale),
      },
    [shown, storedLocale, setLocale],
  );

  // Only a first load in English waits (a few milliseconds) for its catalogue.
  if (!value) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18nContext(): I18nContextValue {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useT and useLocale need an <I18nProvider> above them.');
  return context;
}

/** The translate function for the current language. */
export function useT(): Translate {
  return useI18nContext().t;
}

export function useLocale(): Pick<I18nContextValue, 'locale' | 'localeChosen' | 'setLocale'> {
  const { locale, localeChosen, setLocale } = useI18nContext();
  return { locale, localeChosen, setLocale };
}
