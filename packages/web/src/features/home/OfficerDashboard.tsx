import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import { useLocale, useT } from '../../i18n';
import { paths } from '../../paths';
import { Alert } from '../../ui/Alert';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { OpenVotesSlot } from '../initiatives/OpenVotesSlot';
import { formatCalendarDate, formatMeetingTime } from '../meetings/berlinTime';
import { actionItemParams, meetingPaths } from '../meetings/meetingPaths';
import { memberPaths } from '../members/memberPaths';
import { formatDate } from '../projects/money';
import { projectPaths } from '../projects/projectPaths';
import { ActivityList } from './ActivityList';
import { DashboardSection } from './DashboardSection';
import { UnreadDiscussionsSlot } from './DashboardSlots';
import { InvitationAnswer } from './InvitationAnswer';
import './dashboard.css';

const OfficerDashboardQuery = graphql(`
  query OfficerDashboard {
    officerDashboard {
      municipality {
        id
        name
        membership {
          id
          status
        }
      }
      profileCompleteness
      profileChecks {
        kind
        done
      }
      openActionItemCount
      overdueActionItemCount
      actionItems {
        id
        title
        dueDate
        overdue
        meeting {
          id
          title
        }
      }
      upcomingMeetingCount
      unansweredInvitationCount
      upcomingMeetings {
        id
        title
        startsAt
        endsAt
        viewerInvitation {
          id
          response
        }
      }
      staleProjectCount
      staleProjects {
        id
        title
        latestStatusUpdate {
          id
          reportedOn
        }
      }
      adoptedProjectsLikeOurs {
        id
        title
        adoptionCount
        leadMunicipality {
          id
          name
        }
      }
      workingGroupActivity {
        ...ActivityList_entry
      }
    }
  }
`);

/** The start page of a digital officer: her municipality and everything waiting for her, each linked to its list. */
export default function OfficerDashboard() {
  const t = useT();
  const { locale } = useLocale();
  const { data, loading, error } = useQuery(OfficerDashboardQuery, { fetchPolicy: 'cache-and-network' });
  const board = data?.officerDashboard;
  if (!board) {
    if (error) return <Alert variant="danger" title={apiErrorMessage(error, t)} role="alert" />;
    return loading ? <LoadingIndicator /> : null;
  }
  const municipality = board.municipality;
  return (
    <div className="hub-dashboard">
      <DashboardSection title={t('dashboard.officer.municipality.title')}>
        <p className="kern-body kern-body--bold">{municipality.name}</p>
        <p className="kern-body">
          {t('dashboard.officer.membership', {
            status: t(`members.status.${municipality.membership?.status ?? 'NONE'}`),
          })}
        </p>
        <p className="kern-body">
          <label htmlFor="dashboard-completeness">
            {t('dashboard.officer.completeness', { percent: board.profileCompleteness })}
          </label>
          <progress
            id="dashboard-completeness"
            className="hub-dashboard-progress"
            max={100}
            value={board.profileCompleteness}
          />
        </p>
        <ul className="hub-dashboard-checks" aria-label={t('dashboard.officer.checks')}>
          {board.profileChecks.map((check) => (
            <li key={check.kind} className={`kern-body ${check.done ? 'is-done' : 'is-open'}`}>
              <span aria-hidden="true">{check.done ? '✓' : '○'}</span> {t(`dashboard.check.${check.kind}`)}
              <span className="kern-sr-only">
                {' '}
                ({check.done ? t('dashboard.check.done') : t('dashboard.check.open')})
              </span>
            </li>
          ))}
        </ul>
        <Link className="kern-link" to={memberPaths.municipality(municipality.id)}>
          {t('dashboard.officer.municipalityLink', { name: municipality.name })}
        </Link>
      </DashboardSection>

      <DashboardSection title={t('dashboard.actionItems.title')}>
        {board.openActionItemCount ? (
          <>
            <p className="kern-body">
              {t('dashboard.actionItems.summary', {
                count: board.openActionItemCount,
                overdue: board.overdueActionItemCount,
              })}
            </p>
            <ul className="hub-dashboard-list">
              {board.actionItems.map((item) => (
                <li key={item.id} className="hub-dashboard-list__item">
                  <span className="kern-body kern-body--bold">{item.title}</span>
                  {item.overdue ? (
                    <span className="hub-meeting-overdue"> · {t('meetings.outcome.overdue')}</span>
                  ) : null}
                  <span className="kern-body kern-body--small hub-dashboard-list__meta">
                    {item.dueDate
                      ? t('dashboard.actionItems.due', { date: formatCalendarDate(item.dueDate, locale) })
                      : t('dashboard.actionItems.noDue')}
                  </span>
                  {item.meeting ? (
                    <Link className="kern-link kern-body--small" to={meetingPaths.detail(item.meeting.id)}>
                      {t('dashboard.actionItems.from', { meeting: item.meeting.title })}
                    </Link>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="kern-body">{t('dashboard.actionItems.none')}</p>
        )}
        <p className="hub-dashboard-links">
          <Link className="kern-link" to={meetingPaths.actionItems}>
            {t('dashboard.actionItems.all')}
          </Link>
          {board.overdueActionItemCount ? (
            <Link className="kern-link" to={`${meetingPaths.actionItems}?${actionItemParams.overdue}=1`}>
              {t('dashboard.actionItems.overdueLink')}
            </Link>
          ) : null}
        </p>
      </DashboardSection>

      <DashboardSection title={t('dashboard.meetings.title')}>
        {board.upcomingMeetingCount ? (
          <>
            <p className="kern-body">
              {t('dashboard.meetings.summary', {
                count: board.upcomingMeetingCount,
                unanswered: board.unansweredInvitationCount,
              })}
            </p>
            <ul className="hub-dashboard-list">
              {board.upcomingMeetings.map((meeting) => (
                <li key={meeting.id} className="hub-dashboard-list__item">
                  <Link className="kern-link kern-body--bold" to={meetingPaths.detail(meeting.id)}>
                    {meeting.title}
                  </Link>
                  <span className="kern-body kern-body--small hub-dashboard-list__meta">
                    {formatMeetingTime(meeting.startsAt, meeting.endsAt, locale)}
                  </span>
                  {meeting.viewerInvitation ? (
                    <InvitationAnswer meeting={meeting} response={meeting.viewerInvitation.response} />
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="kern-body">{t('dashboard.meetings.none')}</p>
        )}
        <p className="hub-dashboard-links">
          <Link className="kern-link" to={meetingPaths.list}>
            {t('dashboard.meetings.all')}
          </Link>
        </p>
      </DashboardSection>

      <UnreadDiscussionsSlot />
      <OpenVotesSlot />

      <DashboardSection title={t('dashboard.stale.title')}>
        {board.staleProjectCount ? (
          <>
            <p className="kern-body">{t('dashboard.stale.summary', { count: board.staleProjectCount })}</p>
            <ul className="hub-dashboard-list">
              {board.staleProjects.map((project) => (
                <li key={project.id} className="hub-dashboard-list__item">
                  <Link className="kern-link" to={projectPaths.detail(project.id)}>
                    {project.title}
                  </Link>
                  <span className="kern-body kern-body--small hub-dashboard-list__meta">
                    {project.latestStatusUpdate
                      ? t('dashboard.stale.last', {
                          date: formatDate(project.latestStatusUpdate.reportedOn, locale),
                        })
                      : t('dashboard.stale.never')}
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="kern-body">{t('dashboard.stale.none')}</p>
        )}
        <p className="hub-dashboard-links">
          <Link className="kern-link" to={memberPaths.municipality(municipality.id)}>
            {t('dashboard.stale.all', { name: municipality.name })}
          </Link>
        </p>
      </DashboardSection>

      <DashboardSection title={t('dashboard.reuse.title')}>
        <p className="kern-body">{t('dashboard.reuse.intro')}</p>
        {board.adoptedProjectsLikeOurs.length ? (
          <ul className="hub-dashboard-list">
            {board.adoptedProjectsLikeOurs.map((project) => (
              <li key={project.id} className="hub-dashboard-list__item">
                <Link className="kern-link" to={projectPaths.detail(project.id)}>
                  {project.title}
                </Link>
                <span className="kern-body kern-body--small hub-dashboard-list__meta">
                  {project.leadMunicipality.name} ·{' '}
                  {t('dashboard.reuse.adoptions', { count: project.adoptionCount })}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="kern-body">{t('dashboard.reuse.none')}</p>
        )}
        <p className="hub-dashboard-links">
          <Link className="kern-link" to={projectPaths.list}>
            {t('dashboard.reuse.all')}
          </Link>
        </p>
      </DashboardSection>

      <DashboardSection title={t('dashboard.groupActivity.title')} wide>
        <ActivityList entries={board.workingGroupActivity} empty={t('dashboard.groupActivity.none')} />
        <p className="hub-dashboard-links">
          <Link className="kern-link" to={paths.workingGroups}>
            {t('dashboard.groupActivity.all')}
          </Link>
        </p>
      </DashboardSection>
    </div>
  );
}
