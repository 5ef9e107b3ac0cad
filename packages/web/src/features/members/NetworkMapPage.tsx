import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import { useLocale, useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import { memberPaths } from './memberPaths';
import { NetworkMap } from './NetworkMap';
import './members.css';
import { ScrollTable } from '../../ui/ScrollTable';

export const NetworkMapPageQuery = graphql(`
  query NetworkMapPage {
    networkStatistics {
      memberCount
      populationCovered
      statePopulation
      populationShare
      byDistrict {
        district {
          id
          name
        }
        memberCount
        populationCovered
        population
      }
      locations {
        latitude
        longitude
        municipality {
          id
          name
        }
      }
    }
  }
`);

/** The network at a glance: key figures, the map of members and, as its text alternative, the tables. */
export function NetworkMapPage() {
  const t = useT();
  const { locale } = useLocale();
  const { data, loading, error, refetch } = useQuery(NetworkMapPageQuery);
  const statistics = data?.networkStatistics;
  const number = (value: number) => value.toLocaleString(locale);
  const percent = (value: number) =>
    value.toLocaleString(locale, { style: 'percent', maximumFractionDigits: 1 });

  return (
    <Page title={t('members.map.pageTitle')}>
      <p>
        <Link className="kern-link" to={memberPaths.directory}>
          {t('members.municipality.back')}
        </Link>
      </p>
      {error && !statistics ? (
        <Alert variant="danger" title={apiErrorMessage(error, t)} role="alert">
          <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => refetch()}>
            <span className="kern-label">{t('error.retry')}</span>
          </button>
        </Alert>
      ) : null}
      {loading && !statistics ? <LoadingIndicator /> : null}
      {statistics ? (
        <>
          <ul className="hub-members-stats" aria-label={t('members.map.figures')}>
            <li>
              <strong>{number(statistics.memberCount)}</strong>
              {t('members.map.memberCount')}
            </li>
            <li>
              <strong>{number(statistics.populationCovered)}</strong>
              {t('members.map.population')}
            </li>
            <li>
              <strong>{percent(statistics.populationShare)}</strong>
              {t('members.map.share', { total: number(statistics.statePopulation) })}
            </li>
          </ul>
          <NetworkMap
            points={statistics.locations.map((l) => ({
              id: l.municipality.id,
              name: l.municipality.name,
              latitude: l.latitude,
              longitude: l.longitude,
            }))}
            description={t('members.map.description', { count: statistics.locations.length })}
          />
          <section className="hub-members-section" aria-labelledby="map-districts">
            <h2 className="kern-heading-medium" id="map-districts">
              {t('members.map.byDistrict')}
            </h2>
            <ScrollTable label={t('members.map.byDistrictCaption')}>
              <table className="kern-table kern-table--striped">
                <caption className="kern-sr-only">{t('members.map.byDistrictCaption')}</caption>
                <thead className="kern-table__header">
                  <tr className="kern-table__row">
                    <th scope="col" className="kern-table__header">
                      {t('members.map.district')}
                    </th>
                    <th scope="col" className="kern-table__header kern-table__header--numeric">
                      {t('members.map.members')}
                    </th>
                    <th scope="col" className="kern-table__header kern-table__header--numeric">
                      {t('members.map.covered')}
                    </th>
                  </tr>
                </thead>
                <tbody className="kern-table__body">
                  {statistics.byDistrict.map((row) => (
                    <tr key={row.district.id} className="kern-table__row">
                      <th scope="row" className="kern-table__cell">
                        <Link className="kern-link" to={memberPaths.municipality(row.district.id)}>
                          {row.district.name}
                        </Link>
                      </th>
                      <td className="kern-table__cell kern-table__cell--numeric">{row.memberCount}</td>
                      <td className="kern-table__cell kern-table__cell--numeric">
                        {row.population ? percent(row.populationCovered / row.population) : '–'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          </section>
          <section className="hub-members-section" aria-labelledby="map-members">
            <h2 className="kern-heading-medium" id="map-members">
              {t('members.map.memberList')}
            </h2>
            <ul>
              {[...statistics.locations]
                .sort((a, b) => a.municipality.name.localeCompare(b.municipality.name, 'de'))
                .map((l) => (
                  <li key={l.municipality.id}>
                    <Link className="kern-link" to={memberPaths.municipality(l.municipality.id)}>
                      {l.municipality.name}
                    </Link>
                  </li>
                ))}
            </ul>
          </section>
        </>
      ) : null}
    </Page>
  );
}
