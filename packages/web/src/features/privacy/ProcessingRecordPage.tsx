import { useQuery } from '@apollo/client/react';
import { apiErrorMessage } from '../../errors/apiErrors';
import { apiLocaleOf, formatDateTime, useLocale, useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import { ActivitySection, DocumentPair } from './ActivitySection';
import { MissingOperatorSettings, OperatorDetailsList } from './OperatorDetails';
import { ProcessingRecordQuery } from './processingRecordQuery';
import './privacy.css';

/**
 * The record of processing activities (Verzeichnis von Verarbeitungstätigkeiten, Art. 30 DSGVO):
 * one entry per kind of personal data in the registry, with the retention rules as configured.
 */
export default function ProcessingRecordPage() {
  const t = useT();
  const { locale } = useLocale();
  const { data, loading, error } = useQuery(ProcessingRecordQuery, {
    variables: { language: apiLocaleOf(locale) },
  });
  const record = data?.processingRecord;
  return (
    <Page title={t('privacy.record.title')}>
      {loading && !record ? <LoadingIndicator /> : null}
      {error ? <Alert variant="danger" title={apiErrorMessage(error, t)} role="alert" /> : null}
      {record ? (
        <div className="hub-document">
          <MissingOperatorSettings operator={record.operator} />
          <p className="kern-body">
            {t('privacy.record.intro', { date: formatDateTime(record.generatedAt, locale) })}
          </p>
          <h2 className="kern-heading-medium">{t('privacy.notice.controller')}</h2>
          <OperatorDetailsList operator={record.operator} />
          <h2 className="kern-heading-medium">{t('privacy.record.subjects')}</h2>
          <p className="kern-body">{t('privacy.record.subjectsText')}</p>
          <h2 className="kern-heading-medium">{t('privacy.record.activities')}</h2>
          {record.activities.map((activity) => (
            <ActivitySection key={activity.table} activity={activity} idPrefix="activity">
              <DocumentPair term={t('privacy.record.erasure')}>{activity.erasure}</DocumentPair>
              <DocumentPair term={t('privacy.record.table')}>
                <code>{activity.table}</code>
              </DocumentPair>
            </ActivitySection>
          ))}
          <h2 className="kern-heading-medium">{t('privacy.record.retentionTitle')}</h2>
          <dl>
            {record.retention.map((rule) => (
              <div key={rule.kind} className="hub-document__pair">
                <dt className="kern-body kern-body--bold">{rule.kind}</dt>
                <dd className="kern-body">{rule.period}</dd>
              </div>
            ))}
          </dl>
          <h2 className="kern-heading-medium">{t('privacy.record.measures')}</h2>
          <ul className="kern-list">
            <li>{t('privacy.record.measure.access')}</li>
            <li>{t('privacy.record.measure.passwords')}</li>
            <li>{t('privacy.record.measure.audit')}</li>
            <li>{t('privacy.record.measure.retention')}</li>
            <li>{t('privacy.record.measure.rights')}</li>
          </ul>
        </div>
      ) : null}
    </Page>
  );
}
