import { Navigate, Outlet, useLocation } from 'react-router';
import { apiErrorMessage } from '../errors/apiErrors';
import { useT } from '../i18n';
import { signInPath } from '../paths';
import { Alert } from '../ui/Alert';
import { LoadingIndicator } from '../ui/LoadingIndicator';
import { useViewer } from './useViewer';

/** Guards the routes below it: anonymous visitors go to the sign-in page and come back afterwards. */
export function RequireViewer() {
  const t = useT();
  const location = useLocation();
  const { viewer, loading, error, refetch } = useViewer();

  if (loading) return <LoadingIndicator />;
  if (error && !viewer) {
    return (
      <Alert variant="danger" title={t('session.checkFailed')} role="alert">
        <p className="kern-body">{apiErrorMessage(error, t)}</p>
        <div>
          <button type="button" className="kern-btn kern-btn--secondary" onClick={() => void refetch()}>
            <span className="kern-label">{t('error.retry')}</span>
          </button>
        </div>
      </Alert>
    );
  }
  if (!viewer) {
    return <Navigate replace to={signInPath(`${location.pathname}${location.search}${location.hash}`)} />;
  }
  return <Outlet />;
}
