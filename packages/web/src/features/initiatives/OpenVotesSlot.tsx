import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { formatDateTime, useLocale, useT } from '../../i18n';
import { DashboardSection } from '../home/DashboardSection';
import { initiativePaths } from './initiativePaths';

const OpenVotesQuery = graphql(`
  query DashboardOpenVotes {
    prioritisationRounds(status: OPEN, first: 10) {
      edges {
        node {
          id
          title
          status
          deadline
          viewerCan {
            vote
          }
          viewerBallot {
            updatedAt
          }
        }
      }
    }
  }
`);

/** Officer: the open prioritisation rounds in which her municipality has not voted yet. */
export function OpenVotesSlot() {
  const t = useT();
  const { locale } = useLocale();
  const { data } = useQuery(OpenVotesQuery, { fetchPolicy: 'cache-and-network' });
  const open = data?.prioritisationRounds.edges
    .map((edge) => edge.node)
    .filter((round) => round.status === 'OPEN' && round.viewerCan.vote);
  // Quiet while no round asks for the municipality's voice at all.
  if (!open?.length) return null;
  const rounds = open.filter((round) => !round.viewerBallot);
  return (
    <DashboardSection title={t('dashboard.rounds.title')}>
      {rounds.length ? (
        <ul className="hub-dashboard-list">
          {rounds.map((round) => (
            <li key={round.id} className="hub-dashboard-list__item">
              <Link className="kern-link" to={initiativePaths.round(round.id)}>
                {round.title}
              </Link>
              <span className="kern-body kern-body--small hub-dashboard-list__meta">
                {t('dashboard.rounds.until', { date: formatDateTime(round.deadline, locale) })}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="kern-body">{t('dashboard.rounds.none')}</p>
      )}
      <p className="hub-dashboard-links">
        <Link className="kern-link" to={initiativePaths.list}>
          {t('dashboard.rounds.all')}
        </Link>
      </p>
    </DashboardSection>
  );
}
