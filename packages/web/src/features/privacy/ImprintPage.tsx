import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import { MissingOperatorSettings, OperatorDetailsList } from './OperatorDetails';
import { privacyPaths } from './privacyPaths';
import './privacy.css';

const ImprintPageQuery = graphql(`
  query ImprintPage {
    operatorDetails {
      ...OperatorDetails_operator
    }
  }
`);

/** The imprint (Impressum, § 5 DDG): the operator's details from the settings. */
export default function ImprintPage() {
  const t = useT();
  const { data, loading, error } = useQuery(ImprintPageQuery);
  const operator = data?.operatorDetails;
  return (
    <Page title={t('privacy.imprint.title')}>
      {loading && !operator ? <LoadingIndicator /> : null}
      {error ? <Alert variant="danger" title={apiErrorMessage(error, t)} role="alert" /> : null}
      {operator ? (
        <div className="hub-document">
          <MissingOperatorSettings operator={operator} />
          <h2 className="kern-heading-medium">{t('privacy.imprint.provider')}</h2>
          <OperatorDetailsList operator={operator} />
          <h2 className="kern-heading-medium">{t('privacy.imprint.contentTitle')}</h2>
          <p className="kern-body">{t('privacy.imprint.contentText')}</p>
          <p className="kern-body">
            <Link className="kern-link" to={privacyPaths.privacyNotice}>
              {t('privacy.notice.title')}
            </Link>
          </p>
        </div>
      ) : null}
    </Page>
  );
}
