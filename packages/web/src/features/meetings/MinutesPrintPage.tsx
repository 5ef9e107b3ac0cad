import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import { formatDateTime, useLocale, useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import { formatCalendarDate, formatMeetingTime } from './berlinTime';
import { MinutesHtml } from './MinutesHtml';
import { meetingPaths } from './meetingPaths';
import './meetings.css';

export const MinutesPrintPageQuery = graphql(`
  query MinutesPrintPage($id: ID!) {
    meeting(id: $id) {
      id
      title
      startsAt
      endsAt
      location
      workingGroup {
        id
        name
      }
      agendaItems {
        id
        position
        title
      }
      invitations {
        id
        attended
        user {
          id
          name
        }
        municipality {
          id
          name
        }
      }
      minutesRevisions {
        id
        revision
        html
        publishedAt
        itemNotes {
          agendaItemId
          html
        }
        outcomes {
          outcomeId
          agendaItemId
          kind
          title
          dueDate
          ownerUser {
            id
            name
          }
          ownerMunicipality {
            id
            name
          }
        }
      }
    }
  }
`);

/** Published minutes for printing: every revision, newest first, with attendees and outcomes. */
export function MinutesPrintPage() {
  const t = useT();
  const { locale } = useLocale();
  const { meetingId = '' } = useParams();
  const { data, loading, error } = useQuery(MinutesPrintPageQuery, { variables: { id: meetingId } });
  const meeting = data?.meeting;
  if (!data && loading) {
    return (
      <Page title={t('meetings.minutes.title')}>
        <LoadingIndicator />
      </Page>
    );
  }
  if (!meeting || meeting.minutesRevisions.length === 0) {
    return (
      <Page title={t('meetings.minutes.title')}>
        <Alert
          variant="warning"
          title={error ? apiErrorMessage(error, t) : t('meetings.minutes.notYet')}
          role="alert"
        />
      </Page>
    );
  }
  const revisions = [...meeting.minutesRevisions].reverse();
  const present = (meeting.invitations ?? []).filter((i) => i.attended);
  return (
    <Page title={t('meetings.minutes.printTitle', { title: meeting.title })}>
      <div className="hub-minutes-print">
        <p className="hub-no-print">
          <Link className="kern-link" to={meetingPaths.detail(meeting.id)}>
            {t('meetings.minutes.backToMeeting')}
          </Link>{' '}
          <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => window.print()}>
            <span className="kern-label">{t('meetings.minutes.print')}</span>
          </button>
        </p>
        <p className="kern-body">
          {formatMeetingTime(meeting.startsAt, meeting.endsAt, locale)}
          {meeting.location ? ` · ${meeting.location}` : ''}
          {meeting.workingGroup ? ` · ${meeting.workingGroup.name}` : ''}
        </p>
        {present.length ? (
          <p className="kern-body">
            {t('meetings.minutes.present')}:{' '}
            {present.map((i) => [i.user?.name, i.municipality?.name].filter(Boolean).join(', ')).join('; ')}
          </p>
        ) : null}
        {revisions.map((revision, index) => (
          <article key={revision.id} aria-labelledby={`revision-${revision.revision}`}>
            <h2 className="kern-heading-medium" id={`revision-${revision.revision}`}>
              {t('meetings.minutes.publishedTitle', {
                revision: revision.revision,
                date: formatDateTime(revision.publishedAt, locale),
              })}
              {index > 0 ? ` – ${t('meetings.minutes.superseded')}` : ''}
            </h2>
            <MinutesHtml html={revision.html} />
            {meeting.agendaItems.map((item) => {
              const note = revision.itemNotes.find((n) => n.agendaItemId === item.id);
              // Each revision shows its outcomes as they stood when it was published.
              const outcomes = revision.outcomes.filter((o) => o.agendaItemId === item.id);
              if (!note && outcomes.length === 0) return null;
              return (
                <section key={item.id} aria-label={item.title}>
                  <h3 className="kern-heading-small">
                    {item.position}. {item.title}
                  </h3>
                  {note ? <MinutesHtml html={note.html} /> : null}
                  {outcomes.length ? (
                    <ul>
                      {outcomes.map((o) => (
                        <li key={o.outcomeId}>
                          <strong>{t(`meetings.outcome.kind.${o.kind}`)}:</strong> {o.title}
                          {o.kind === 'ACTION_ITEM'
                            ? ` (${[o.ownerUser?.name, o.ownerMunicipality?.name].filter(Boolean).join(', ')}${o.dueDate ? `, ${formatCalendarDate(o.dueDate, locale)}` : ''})`
                            : ''}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </section>
              );
            })}
          </article>
        ))}
      </div>
    </Page>
  );
}
