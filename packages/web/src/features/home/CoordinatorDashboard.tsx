import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import { formatDateTime, useLocale, useT } from '../../i18n';
import { paths } from '../../paths';
import { Alert } from '../../ui/Alert';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { ScrollTable } from '../../ui/ScrollTable';
import { meetingPaths } from '../meetings/meetingPaths';
import { memberPaths } from '../members/memberPaths';
import { ActivityList } from './ActivityList';
import { DashboardSection } from './DashboardSection';
import { NetworkFiguresSlot } from './DashboardSlots';
import './dashboard.css';

const CoordinatorDashboardQuery = graphql(`
  query CoordinatorDashboard {
    coordinatorDashboard {
      applicationCount
      joinRequestCount
      minutesAwaitingApprovalCount
      minutesAwaitingApproval {
        id
        title
      }
      unansweredInvitationCount
      meetingsWithUnansweredInvitations {
        id
        title
      }
      failedDeliveryCount
      failedDeliveries {
        id
        recipient
        subject
        createdAt
        attempts
        lastError
      }
      networkActivity {
        ...ActivityList_entry
      }
    }
  }
`);

/** The coordinators' start page: the work waiting (each count linked to its list) and the network's activity. */
export default function CoordinatorDashboard() {
  const t = useT();
  const { locale } = useLocale();
  const { data, loading, error } = useQuery(CoordinatorDashboardQuery, { fetchPolicy: 'cache-and-network' });
  const board = data?.coordinatorDashboard;
  if (!board) {
    if (error) return <Alert variant="danger" title={apiErrorMessage(error, t)} role="alert" />;
    return loading ? <LoadingIndicator /> : null;
  }
  const work = [
    {
      count: board.applicationCount,
      text: t('dashboard.work.applications', { count: board.applicationCount }),
      to: memberPaths.administration,
    },
    {
      count: board.joinRequestCount,
      text: t('dashboard.work.joinRequests', { count: board.joinRequestCount }),
      to: paths.workingGroups,
    },
    {
      count: board.minutesAwaitingApprovalCount,
      text: t('dashboard.work.minutes', { count: board.minutesAwaitingApprovalCount }),
      to:
        board.minutesAwaitingApproval.length === 1
          ? meetingPaths.detail(board.minutesAwaitingApproval[0].id)
          : meetingPaths.list,
    },
    {
      count: board.unansweredInvitationCount,
      text: t('dashboard.work.invitations', { count: board.unansweredInvitationCount }),
      to: meetingPaths.list,
    },
    {
      count: board.failedDeliveryCount,
      text: t('dashboard.work.deliveries', { count: board.failedDeliveryCount }),
      to: '#dashboard-deliveries',
    },
  ];
  return (
    <div className="hub-dashboard">
      <NetworkFiguresSlot phases />
      <DashboardSection title={t('dashboard.work.title')}>
        <ul className="hub-dashboard-work">
          {work.map((item) => (
            <li key={item.text} className={item.count ? 'has-work' : undefined}>
              {item.count ? (
                item.to.startsWith('#') ? (
                  <a className="kern-link" href={item.to}>
                    {item.text}
                  </a>
                ) : (
                  <Link className="kern-link" to={item.to}>
                    {item.text}
                  </Link>
                )
              ) : (
                <span className="kern-body">{item.text}</span>
              )}
            </li>
          ))}
        </ul>
        {board.minutesAwaitingApproval.length ? (
          <>
            <h3 className="kern-heading-small hub-dashboard-subheading">{t('dashboard.work.minutesList')}</h3>
            <ul className="hub-dashboard-list">
              {board.minutesAwaitingApproval.map((meeting) => (
                <li key={meeting.id} className="hub-dashboard-list__item">
                  <Link className="kern-link" to={meetingPaths.detail(meeting.id)}>
                    {meeting.title}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {board.meetingsWithUnansweredInvitations.length ? (
          <>
            <h3 className="kern-heading-small hub-dashboard-subheading">
              {t('dashboard.work.invitationsList')}
            </h3>
            <ul className="hub-dashboard-list">
              {board.meetingsWithUnansweredInvitations.map((meeting) => (
                <li key={meeting.id} className="hub-dashboard-list__item">
                  <Link className="kern-link" to={meetingPaths.detail(meeting.id)}>
                    {meeting.title}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </DashboardSection>

      <DashboardSection title={t('dashboard.activity.title')}>
        <ActivityList entries={board.networkActivity} empty={t('dashboard.activity.none')} />
      </DashboardSection>

      {board.failedDeliveries.length ? (
        <section
          className="hub-dashboard-panel hub-dashboard-panel--wide"
          aria-labelledby="dashboard-deliveries"
        >
          <h2 className="kern-heading-small" id="dashboard-deliveries" tabIndex={-1}>
            {t('dashboard.deliveries.title')}
          </h2>
          <ScrollTable label={t('dashboard.deliveries.title')}>
            <table className="kern-table kern-table--striped">
              <caption className="kern-sr-only">{t('dashboard.deliveries.title')}</caption>
              <thead className="kern-table__header">
                <tr className="kern-table__row">
                  <th scope="col" className="kern-table__header">
                    {t('dashboard.deliveries.recipient')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('dashboard.deliveries.subject')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('dashboard.deliveries.created')}
                  </th>
                  <th scope="col" className="kern-table__header kern-table__header--numeric">
                    {t('dashboard.deliveries.attempts')}
                  </th>
                  <th scope="col" className="kern-table__header">
                    {t('dashboard.deliveries.error')}
                  </th>
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {board.failedDeliveries.map((delivery) => (
                  <tr key={delivery.id} className="kern-table__row">
                    <td className="kern-table__cell">{delivery.recipient}</td>
                    <td className="kern-table__cell">{delivery.subject}</td>
                    <td className="kern-table__cell">{formatDateTime(delivery.createdAt, locale)}</td>
                    <td className="kern-table__cell kern-table__cell--numeric">{delivery.attempts}</td>
                    <td className="kern-table__cell">{delivery.lastError}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        </section>
      ) : null}
    </div>
  );
}
