import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { InitiativeDecision_InitiativeFragment } from '../../gql/graphql';
import { formatDateTime, useLocale, useT } from '../../i18n';
import { meetingPaths } from '../meetings/meetingPaths';
import { statusLabel } from './labels';

export const InitiativeDecisionFragment = graphql(`
  fragment InitiativeDecision_initiative on Initiative {
    id
    status
    decision
    decisionReason
    decidedAt
    decisionMeeting {
      id
      title
    }
    viewerCan {
      decide
    }
  }
`);

/**
 * The steering decision with its reason and the meeting it was taken in (a decision outcome there
 * links back). Coordinators record it on that outcome, so they are pointed to the meetings.
 */
export function InitiativeDecision({ initiative }: { initiative: InitiativeDecision_InitiativeFragment }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <section className="hub-initiative-section" aria-labelledby="initiative-decision">
      <h2 className="kern-heading-medium" id="initiative-decision">
        {t('initiatives.decision.heading')}
      </h2>
      {initiative.decision ? (
        <dl className="hub-initiative-dl">
          <dt>{t('initiatives.decision.outcome')}</dt>
          <dd className="kern-body">
            {t(statusLabel(initiative.decision))}
            {initiative.decidedAt
              ? ` (${t('initiatives.decision.decidedOn', { date: formatDateTime(initiative.decidedAt, locale) })})`
              : ''}
          </dd>
          <dt>{t('initiatives.decision.reason')}</dt>
          <dd className="kern-body hub-initiative-text">{initiative.decisionReason || '–'}</dd>
          <dt>{t('initiatives.decision.meeting')}</dt>
          <dd className="kern-body">
            {initiative.decisionMeeting ? (
              <Link className="kern-link" to={meetingPaths.detail(initiative.decisionMeeting.id)}>
                {initiative.decisionMeeting.title}
              </Link>
            ) : (
              '–'
            )}
          </dd>
        </dl>
      ) : (
        <p className="kern-body">{t('initiatives.decision.none')}</p>
      )}
      {initiative.viewerCan.decide ? (
        <p className="kern-body">
          {t('initiatives.decision.howTo')}{' '}
          <Link className="kern-link" to={meetingPaths.list}>
            {t('initiatives.decision.toMeetings')}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
