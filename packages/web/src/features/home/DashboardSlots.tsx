import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { useT } from '../../i18n';
import { NetworkFiguresSection } from '../dashboard/NetworkFiguresSection';
import { discussionPaths } from '../discussions/discussionPaths';
import { reportPaths } from '../reports/reportPaths';
import { DashboardSection } from './DashboardSection';

/** What the other parts of the hub add to the start pages (discussions, figures, reports). */

export const UnreadDiscussionsQuery = graphql(`
  query DashboardUnreadDiscussions {
    discussionThreads(first: 5, filter: { unread: true }) {
      totalCount
      edges {
        node {
          id
          title
          unreadCount
          firstUnreadPostNumber
        }
      }
    }
  }
`);

/** Officer: the threads with posts she has not read, each opening at the first unread post. */
export function UnreadDiscussionsSlot() {
  const t = useT();
  const { data } = useQuery(UnreadDiscussionsQuery);
  const threads = data?.discussionThreads;
  if (!threads) return null;
  return (
    <DashboardSection title={t('dashboard.discussions.title')}>
      {threads.totalCount ? (
        <ul className="hub-dashboard-list">
          {threads.edges.map(({ node }) => (
            <li key={node.id} className="hub-dashboard-list__item">
              <Link
                className="kern-link"
                to={discussionPaths.thread(node.id, node.firstUnreadPostNumber ?? undefined)}
              >
                {node.title}
              </Link>
              <span className="kern-body kern-body--small hub-dashboard-list__meta">
                {t('discussions.unreadPosts', { count: node.unreadCount })}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="kern-body">{t('dashboard.discussions.none')}</p>
      )}
      <p className="hub-dashboard-links">
        <Link className="kern-link" to={discussionPaths.list}>
          {t('dashboard.discussions.all')}
        </Link>
      </p>
    </DashboardSection>
  );
}

/** Coordinator and ministry: the network's figures with the change against the previous quarter. */
export function NetworkFiguresSlot({ phases = false }: { phases?: boolean }) {
  return <NetworkFiguresSection phases={phases} />;
}

export const LatestReportsQuery = graphql(`
  query DashboardLatestReports {
    progressReports(first: 3) {
      edges {
        node {
          id
          title
          period {
            label
          }
        }
      }
    }
  }
`);

/** Ministry: the latest progress reports it may read (the published ones). */
export function LatestReportsSlot() {
  const t = useT();
  const { data } = useQuery(LatestReportsQuery);
  const reports = data?.progressReports.edges.map((edge) => edge.node);
  if (!reports) return null;
  return (
    <DashboardSection title={t('dashboard.reports.title')}>
      {reports.length ? (
        <ul className="hub-dashboard-list">
          {reports.map((report) => (
            <li key={report.id} className="hub-dashboard-list__item">
              <Link className="kern-link" to={reportPaths.detail(report.id)}>
                {report.title}
              </Link>
              <span className="kern-body kern-body--small hub-dashboard-list__meta">
                {report.period.label}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="kern-body">{t('dashboard.reports.none')}</p>
      )}
      <p className="hub-dashboard-links">
        <Link className="kern-link" to={reportPaths.list}>
          {t('dashboard.reports.all')}
        </Link>
      </p>
    </DashboardSection>
  );
}
