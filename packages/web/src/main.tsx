import './styles/fonts.css';
import '@kern-ux/native/dist/kern.min.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './App';
import {
  DEFAULT_LOCALE,
  loadCatalogue,
  localeOfCookie,
  readStoredLocale,
  storeLocale,
} from './i18n/translate';

const container = document.getElementById('root')!;
const app = (
  <StrictMode>
    <App />
  </StrictMode>
);
const stored = readStoredLocale();
const locale = stored ?? DEFAULT_LOCALE;
// A choice made before the language cookie existed reaches the server from now on.
if (stored && localeOfCookie(document.cookie) !== stored) storeLocale(stored);

// A first view the server rendered (entry-server.tsx) in the language this browser shows is taken
// over as it stands; anything else is drawn anew.
if (container.firstElementChild && container.dataset.locale === locale) {
  // A language other than German hydrates once its messages are there, as its first render would wait.
  void loadCatalogue(locale).then(() => hydrateRoot(container, app));
} else {
  container.replaceChildren();
  createRoot(container).render(app);
}
