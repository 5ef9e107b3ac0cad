import { useMutation } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { graphql } from '../gql';
import { apiLocaleOf, useLocale } from '../i18n';
import type { Viewer } from './useViewer';

const SetLocaleMutation = graphql(`
  mutation SetLocale($input: SetLocaleInput!) {
    setLocale(input: $input) {
      viewer {
        id
        locale
      }
    }
  }
`);

/**
 * Stores a language the person chose with the switch on their account too, so that e-mails from the
 * hub reach them in that language. The default language alone is never pushed to the account.
 */
export function useViewerLocaleSync(viewer: Viewer | null): void {
  const { locale, localeChosen } = useLocale();
  const [saveLocale] = useMutation(SetLocaleMutation);
  const lastAttempt = useRef<string | null>(null);
  const wanted = apiLocaleOf(locale);
  const viewerId = viewer?.id;
  const viewerLocale = viewer?.locale;

  useEffect(() => {
    if (!viewerId || !localeChosen || viewerLocale === wanted) return;
    const attempt = `${viewerId}:${wanted}`;
    if (lastAttempt.current === attempt) return;
    lastAttempt.current = attempt;
    saveLocale({ variables: { input: { locale: wanted } } }).catch(() => {
      // Only the e-mail language is affected; the page itself already shows the chosen language.
    });
  }, [viewerId, viewerLocale, localeChosen, wanted, saveLocale]);
}
