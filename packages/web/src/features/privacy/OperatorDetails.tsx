import { graphql } from '../../gql';
import type { OperatorDetails_OperatorFragment } from '../../gql/graphql';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';

export const OperatorDetailsFragment = graphql(`
  fragment OperatorDetails_operator on OperatorDetails {
    name
    address
    representative
    email
    phone
    register
    vatId
    dataProtectionOfficer
    supervisoryAuthority
    missingSettings
  }
`);

/** A warning for operators: the imprint is incomplete until these settings are filled in. */
export function MissingOperatorSettings({ operator }: { operator: OperatorDetails_OperatorFragment }) {
  const t = useT();
  if (!operator.missingSettings.length) return null;
  return (
    <Alert variant="warning" title={t('privacy.operator.missingTitle')}>
      <p className="kern-body">
        {t('privacy.operator.missingText')} <code>{operator.missingSettings.join(', ')}</code>
      </p>
    </Alert>
  );
}

/** The operator's details as a definition list (only the fields that are filled in). */
export function OperatorDetailsList({ operator }: { operator: OperatorDetails_OperatorFragment }) {
  const t = useT();
  const rows = [
    { label: t('privacy.operator.name'), value: operator.name },
    { label: t('privacy.operator.address'), value: operator.address },
    { label: t('privacy.operator.representative'), value: operator.representative },
    { label: t('privacy.operator.email'), value: operator.email, href: `mailto:${operator.email}` },
    { label: t('privacy.operator.phone'), value: operator.phone },
    { label: t('privacy.operator.register'), value: operator.register },
    { label: t('privacy.operator.vatId'), value: operator.vatId },
  ].filter((row) => row.value);
  if (!rows.length) return <p className="kern-body">{t('privacy.operator.notSet')}</p>;
  return (
    <dl>
      {rows.map((row) => (
        <div key={row.label} className="hub-document__pair">
          <dt className="kern-body kern-body--bold">{row.label}</dt>
          <dd className="kern-body">
            {row.href ? (
              <a className="kern-link" href={row.href}>
                {row.value}
              </a>
            ) : (
              row.value
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
