import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import { useLocale, useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { ScrollTable } from '../../ui/ScrollTable';
import { memberPaths } from '../members/memberPaths';
import { NetworkMap } from '../members/NetworkMap';
import { categoryLabel, phaseLabel } from '../projects/labels';
import { formatEuro } from '../projects/money';
import { catalogueFilterPath } from '../projects/projectPaths';
import { DashboardSection } from './DashboardSection';
import { LatestReportsSlot, NetworkFiguresSlot } from './DashboardSlots';
import './dashboard.css';

const MinistryDashboardQuery = graphql(`
  query MinistryDashboard {
    ministryDashboard {
      projectCount
      projectsByPhase {
        phase
        count
      }
      projectsByCategory {
        category
        count
      }
      projectsByDistrict {
        district {
          id
          name
        }
        count
      }
      investment {
        projectsWithCosts
        oneOffCents
        yearlyCents
        fundingCents
      }
    }
    networkStatistics {
      memberCount
      populationCovered
      populationShare
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

interface CountRow {
  key: string;
  label: string;
  count: number;
  to: string;
}

/** A table of project counts; each row links to the catalogue filtered to it. */
function CountTable({ caption, heading, rows }: { caption: string; heading: string; rows: CountRow[] }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <ScrollTable label={caption}>
      <table className="kern-table kern-table--striped hub-dashboard-table">
        <caption className="kern-sr-only">{caption}</caption>
        <thead className="kern-table__header">
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              {heading}
            </th>
            <th scope="col" className="kern-table__header kern-table__header--numeric">
              {t('dashboard.ministry.projects')}
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {rows.map((row) => (
            <tr key={row.key} className="kern-table__row">
              <th scope="row" className="kern-table__cell">
                <Link className="kern-link" to={row.to}>
                  {row.label}
                </Link>
              </th>
              <td className="kern-table__cell kern-table__cell--numeric">
                {row.count.toLocaleString(locale)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}

function Figure({ value, label }: { value: ReactNode; label: string }) {
  return (
    <li>
      <strong>{value}</strong>
      {label}
    </li>
  );
}

/**
 * The ministry's start page: members on the map, published projects by phase, topic and Landkreis,
 * costs and funding. Aggregates only; no names of people and no contact data.
 */
export default function MinistryDashboard() {
  const t = useT();
  const { locale } = useLocale();
  const { data, loading, error } = useQuery(MinistryDashboardQuery, { fetchPolicy: 'cache-and-network' });
  const board = data?.ministryDashboard;
  const members = data?.networkStatistics;
  if (!board || !members) {
    if (error) return <Alert variant="danger" title={apiErrorMessage(error, t)} role="alert" />;
    return loading ? <LoadingIndicator /> : null;
  }
  const number = (value: number) => value.toLocaleString(locale);
  const money = board.investment;
  return (
    <div className="hub-dashboard">
      <NetworkFiguresSlot />
      <DashboardSection title={t('dashboard.ministry.members.title')}>
        <p className="kern-body">
          {t('dashboard.ministry.members.summary', {
            count: number(members.memberCount),
            population: number(members.populationCovered),
            share: members.populationShare.toLocaleString(locale, {
              style: 'percent',
              maximumFractionDigits: 1,
            }),
          })}
        </p>
        <NetworkMap
          points={members.locations.map((l) => ({
            id: l.municipality.id,
            name: l.municipality.name,
            latitude: l.latitude,
            longitude: l.longitude,
          }))}
          description={t('members.map.description', { count: members.locations.length })}
        />
        <p className="hub-dashboard-links">
          <Link className="kern-link" to={memberPaths.map}>
            {t('dashboard.ministry.members.map')}
          </Link>
        </p>
      </DashboardSection>

      <DashboardSection title={t('dashboard.ministry.investment.title')}>
        <ul className="hub-members-stats">
          <Figure value={formatEuro(money.oneOffCents)} label={t('dashboard.ministry.investment.oneOff')} />
          <Figure value={formatEuro(money.yearlyCents)} label={t('dashboard.ministry.investment.yearly')} />
          <Figure value={formatEuro(money.fundingCents)} label={t('dashboard.ministry.investment.funding')} />
        </ul>
        <p className="kern-body kern-body--small">
          {t('dashboard.ministry.investment.note', { count: money.projectsWithCosts })}{' '}
          <Link className="kern-link" to={catalogueFilterPath({ hasCosts: true })}>
            {t('dashboard.ministry.projects.title')}
          </Link>
        </p>
      </DashboardSection>

      <LatestReportsSlot />

      <DashboardSection title={t('dashboard.ministry.projects.title')} wide>
        <p className="kern-body">{t('dashboard.ministry.projects.summary', { count: board.projectCount })}</p>
        <div className="hub-dashboard-tables">
          <div>
            <h3 className="kern-heading-small hub-dashboard-subheading">{t('dashboard.ministry.byPhase')}</h3>
            <CountTable
              caption={t('dashboard.ministry.byPhase')}
              heading={t('dashboard.ministry.phase')}
              rows={board.projectsByPhase.map((row) => ({
                key: row.phase,
                label: t(phaseLabel(row.phase)),
                count: row.count,
                to: catalogueFilterPath({ phase: row.phase }),
              }))}
            />
          </div>
          <div>
            <h3 className="kern-heading-small hub-dashboard-subheading">
              {t('dashboard.ministry.byCategory')}
            </h3>
            <CountTable
              caption={t('dashboard.ministry.byCategory')}
              heading={t('dashboard.ministry.category')}
              rows={board.projectsByCategory.map((row) => ({
                key: row.category,
                label: t(categoryLabel(row.category)),
                count: row.count,
                to: catalogueFilterPath({ category: row.category }),
              }))}
            />
          </div>
          <div>
            <h3 className="kern-heading-small hub-dashboard-subheading">
              {t('dashboard.ministry.byDistrict')}
            </h3>
            <CountTable
              caption={t('dashboard.ministry.byDistrict')}
              heading={t('dashboard.ministry.district')}
              rows={board.projectsByDistrict.map((row) => ({
                key: row.district.id,
                label: row.district.name,
                count: row.count,
                to: catalogueFilterPath({ districtId: row.district.id }),
              }))}
            />
          </div>
        </div>
      </DashboardSection>
    </div>
  );
}
