import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import { formatDateTime, useLocale, useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import { kindLabel, statusLabel } from './labels';
import { MembershipActions } from './MembershipActions';
import { MembershipHistory } from './MembershipHistory';
import { MunicipalityLinks } from './MunicipalityLinks';
import { memberPaths } from './memberPaths';
import './members.css';
import { FollowButton } from '../notifications/FollowButton';

export const MunicipalityPageQuery = graphql(`
  query MunicipalityPage($id: ID!) {
    municipality(id: $id) {
      id
      name
      kind
      ars
      ags
      population
      areaKm2
      postcode
      parent {
        id
        name
      }
      district {
        id
        name
      }
      children {
        id
        name
      }
      networkMember
      membership {
        id
        status
        since
        ...MembershipHistory_membership
      }
      officers {
        id
        name
        position
        email
        phone
      }
      ...MembershipActions_municipality
      ...MunicipalityLinks_municipality
    }
  }
`);

/** A municipality: key facts, parent and children, membership with its history, its digital officers. */
export function MunicipalityPage() {
  const t = useT();
  const { locale } = useLocale();
  const { municipalityId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(MunicipalityPageQuery, {
    variables: { id: municipalityId },
  });
  const municipality = data?.municipality;

  if (loading && !data) return <LoadingIndicator />;
  if (error && !data) {
    return (
      <Page title={t('error.pageTitle')}>
        <Alert variant="danger" title={apiErrorMessage(error, t)} role="alert">
          <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => refetch()}>
            <span className="kern-label">{t('error.retry')}</span>
          </button>
        </Alert>
      </Page>
    );
  }
  if (!municipality) {
    return (
      <Page title={t('members.municipality.notFound')}>
        <Link className="kern-link" to={memberPaths.directory}>
          {t('members.municipality.back')}
        </Link>
      </Page>
    );
  }
  const number = (value: number | null, digits = 0) =>
    value === null ? '–' : value.toLocaleString(locale, { maximumFractionDigits: digits });
  return (
    <Page title={municipality.name}>
      <FollowButton subjectId={municipalityId} />
      <p>
        <Link className="kern-link" to={memberPaths.directory}>
          {t('members.municipality.back')}
        </Link>
      </p>
      <section className="hub-members-section" aria-labelledby="municipality-facts">
        <h2 className="kern-heading-medium" id="municipality-facts">
          {t('members.municipality.facts')}
        </h2>
        <dl className="hub-members-facts kern-body">
          <dt>{t('members.municipality.kind')}</dt>
          <dd>{t(kindLabel[municipality.kind])}</dd>
          <dt>{t('members.municipality.ars')}</dt>
          <dd>{municipality.ars}</dd>
          {municipality.ags ? (
            <>
              <dt>{t('members.municipality.ags')}</dt>
              <dd>{municipality.ags}</dd>
            </>
          ) : null}
          <dt>{t('members.municipality.population')}</dt>
          <dd>{number(municipality.population)}</dd>
          <dt>{t('members.municipality.area')}</dt>
          <dd>{municipality.areaKm2 === null ? '–' : `${number(municipality.areaKm2, 2)} km²`}</dd>
          {municipality.postcode ? (
            <>
              <dt>{t('members.municipality.postcode')}</dt>
              <dd>{municipality.postcode}</dd>
            </>
          ) : null}
          {municipality.parent ? (
            <>
              <dt>{t('members.municipality.parent')}</dt>
              <dd>
                <Link className="kern-link" to={memberPaths.municipality(municipality.parent.id)}>
                  {municipality.parent.name}
                </Link>
              </dd>
            </>
          ) : null}
          {municipality.district &&
          municipality.district.id !== municipality.parent?.id &&
          municipality.district.id !== municipality.id ? (
            <>
              <dt>{t('members.municipality.district')}</dt>
              <dd>
                <Link className="kern-link" to={memberPaths.municipality(municipality.district.id)}>
                  {municipality.district.name}
                </Link>
              </dd>
            </>
          ) : null}
        </dl>
        {municipality.children.length ? (
          <details>
            <summary className="kern-body">
              {t('members.municipality.children', { count: municipality.children.length })}
            </summary>
            <ul>
              {municipality.children.map((child) => (
                <li key={child.id}>
                  <Link className="kern-link" to={memberPaths.municipality(child.id)}>
                    {child.name}
                  </Link>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>

      <section className="hub-members-section" aria-labelledby="municipality-membership">
        <h2 className="kern-heading-medium" id="municipality-membership">
          {t('members.municipality.membership')}
        </h2>
        <p className="kern-body">
          {municipality.membership
            ? municipality.membership.since && municipality.membership.status === 'ACTIVE'
              ? t('members.municipality.memberSince', {
                  date: formatDateTime(municipality.membership.since, locale),
                })
              : t(statusLabel[municipality.membership.status])
            : t('members.municipality.noMembership')}
        </p>
        <MembershipActions municipality={municipality} />
        {municipality.membership ? (
          <>
            <h3 className="kern-heading-small">{t('members.history.heading')}</h3>
            <MembershipHistory membership={municipality.membership} />
          </>
        ) : null}
      </section>

      <section className="hub-members-section" aria-labelledby="municipality-officers">
        <h2 className="kern-heading-medium" id="municipality-officers">
          {t('members.municipality.officers')}
        </h2>
        {municipality.officers.length === 0 ? (
          <p className="kern-body">{t('members.municipality.noOfficers')}</p>
        ) : (
          <ul className="hub-wg-list">
            {municipality.officers.map((officer) => (
              <li key={officer.id} className="kern-body">
                <strong>{officer.name}</strong>
                {officer.position ? `, ${officer.position}` : ''}
                {officer.email ? (
                  <>
                    {' · '}
                    <a className="kern-link" href={`mailto:${officer.email}`}>
                      {officer.email}
                    </a>
                  </>
                ) : null}
                {officer.phone ? ` · ${officer.phone}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      <MunicipalityLinks municipality={municipality} />
    </Page>
  );
}
