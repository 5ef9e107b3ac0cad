import type { ReactNode } from 'react';
import { useT } from '../../i18n';

/** One kind of data of the processing record, as the notice and the record both show it. */
export interface Activity {
  table: string;
  title: string;
  purpose: string;
  recipients: string;
  retention: string;
}

/** A term and its description in the documents' definition lists. */
export function DocumentPair({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="hub-document__pair">
      <dt className="kern-body kern-body--bold">{term}</dt>
      <dd className="kern-body">{children}</dd>
    </div>
  );
}

/**
 * A kind of data with its purpose, recipients and retention; `children` adds further pairs (the
 * record names the erasure and the table). `idPrefix` keeps the heading ids unique per page.
 */
export function ActivitySection({
  activity,
  idPrefix,
  children,
}: {
  activity: Activity;
  idPrefix: string;
  children?: ReactNode;
}) {
  const t = useT();
  const headingId = `${idPrefix}-${activity.table}`;
  return (
    <section aria-labelledby={headingId}>
      <h3 className="kern-heading-small" id={headingId}>
        {activity.title}
      </h3>
      <dl>
        <DocumentPair term={t('privacy.record.purpose')}>{activity.purpose}</DocumentPair>
        <DocumentPair term={t('privacy.record.recipients')}>{activity.recipients}</DocumentPair>
        <DocumentPair term={t('privacy.record.retention')}>{activity.retention}</DocumentPair>
        {children}
      </dl>
    </section>
  );
}
