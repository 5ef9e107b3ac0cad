import { useRouteError } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { Page } from '../../ui/Page';

/** Shown inside the layout when a page fails to render, instead of a blank screen. */
export function RouteErrorPage() {
  const t = useT();
  const error = useRouteError();
  return (
    <Page title={t('error.pageTitle')}>
      <Alert variant="danger" title={apiErrorMessage(error, t)} role="alert" />
    </Page>
  );
}
