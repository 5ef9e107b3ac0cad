import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { apiLocaleOf, useLocale, useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import { peoplePaths } from '../people/peoplePaths';
import { ActivitySection } from './ActivitySection';
import { MissingOperatorSettings, OperatorDetailsList } from './OperatorDetails';
import { privacyPaths } from './privacyPaths';
import { ProcessingRecordQuery } from './processingRecordQuery';
import './privacy.css';

/** The privacy notice (Art. 13 DSGVO), generated from the settings and the personal-data registry. */
export default function PrivacyNoticePage() {
  const t = useT();
  const { locale } = useLocale();
  const { data, loading, error } = useQuery(ProcessingRecordQuery, {
    variables: { language: apiLocaleOf(locale) },
  });
  const record = data?.processingRecord;
  return (
    <Page title={t('privacy.notice.title')}>
      {loading && !record ? <LoadingIndicator /> : null}
      {error ? <Alert variant="danger" title={apiErrorMessage(error, t)} role="alert" /> : null}
      {record ? (
        <div className="hub-document">
          <MissingOperatorSettings operator={record.operator} />
          <p className="kern-body">{t('privacy.notice.intro')}</p>
          <section aria-labelledby="notice-controller">
            <h2 className="kern-heading-medium" id="notice-controller">
              {t('privacy.notice.controller')}
            </h2>
            <OperatorDetailsList operator={record.operator} />
            <h3 className="kern-heading-small">{t('privacy.notice.dpo')}</h3>
            <p className="kern-body">
              {record.operator.dataProtectionOfficer || t('privacy.operator.notSet')}
            </p>
          </section>
          <section aria-labelledby="notice-data">
            <h2 className="kern-heading-medium" id="notice-data">
              {t('privacy.notice.dataTitle')}
            </h2>
            <p className="kern-body">{t('privacy.notice.dataIntro')}</p>
            {record.activities.map((activity) => (
              <ActivitySection key={activity.table} activity={activity} idPrefix="notice" />
            ))}
            <p className="kern-body">{t('privacy.notice.legalBasis')}</p>
            <p className="kern-body">{t('privacy.notice.cookies')}</p>
          </section>
          <section aria-labelledby="notice-rights">
            <h2 className="kern-heading-medium" id="notice-rights">
              {t('privacy.notice.rightsTitle')}
            </h2>
            <p className="kern-body">{t('privacy.notice.rights')}</p>
            <p className="kern-body">
              {t('privacy.notice.selfService')}{' '}
              <Link className="kern-link" to={peoplePaths.profile}>
                {t('privacy.myData.title')}
              </Link>
            </p>
            <p className="kern-body">
              {t('privacy.notice.complaint')} {record.operator.supervisoryAuthority}
            </p>
          </section>
          <p className="kern-body">
            <Link className="kern-link" to={privacyPaths.processingRecord}>
              {t('privacy.record.title')}
            </Link>{' '}
            ·{' '}
            <Link className="kern-link" to={privacyPaths.imprint}>
              {t('privacy.imprint.title')}
            </Link>
          </p>
        </div>
      ) : null}
    </Page>
  );
}
