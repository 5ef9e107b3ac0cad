/**
 * The server's half of a first view (packages/api/src/server/first-view.ts): renders a page with the
 * answers the API embeds in it, so that the browser shows the cards as soon as the document arrives
 * and the app, once its scripts ran, takes the markup over (hydrateRoot in main.tsx) instead of
 * drawing it anew. Bundled for Node at build time (scripts/serverEntry.ts) into dist-server/.
 */
import { ApolloClient, ApolloLink } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { renderToString } from 'react-dom/server';
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router';
import { createCache } from './apollo';
import { type FirstViewAnswer, writeAnswers } from './firstView';
import { I18nProvider } from './i18n';
import { type AppLocale, DEFAULT_LOCALE, loadCatalogue, localeOfCookie } from './i18n/translate';
import { routes } from './routes';

export type { FirstViewAnswer };
/** The language a request's cookie chose (the API keys its cache of rendered pages by it). */
export { localeOfCookie };

const { query, dataRoutes } = createStaticHandler(routes);

/** Every language's first-load messages, loaded before the first render (the browser loads its own). */
export const ready: Promise<unknown> = Promise.all((['de', 'en'] as AppLocale[]).map(loadCatalogue));

export interface RenderedPage {
  /** The markup inside `<div id="root">`. */
  html: string;
  /** The language it is in (the page's `lang`; main.tsx hydrates only when it shows the same). */
  locale: AppLocale;
}

/**
 * The page at `url` as the app's first render draws it with `answers` in its cache, in the language
 * the `Cookie` header chose (localeOfCookie). The cache answers every query the first render asks;
 * one it cannot answer renders as loading, as in the browser, and is never sent anywhere.
 */
export async function renderPage(
  url: string,
  answers: FirstViewAnswer[],
  cookieHeader: string | undefined,
): Promise<RenderedPage> {
  await ready;
  const context = await query(new Request(url));
  if (context instanceof Response) throw new Error(`${url}: the router answered ${context.status}`);
  const client = new ApolloClient({
    cache: createCache({ resultCaching: false }),
    link: ApolloLink.empty(),
    ssrMode: true,
  });
  writeAnswers(client.cache, answers);
  const storedLocale = localeOfCookie(cookieHeader);
  const html = renderToString(
    <I18nProvider storedLocale={storedLocale}>
      <ApolloProvider client={client}>
        <StaticRouterProvider
          router={createStaticRouter(dataRoutes, context)}
          context={context}
          hydrate={false}
        />
      </ApolloProvider>
    </I18nProvider>,
  );
  return { html, locale: storedLocale ?? DEFAULT_LOCALE };
}
