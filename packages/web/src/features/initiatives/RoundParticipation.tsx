import { useQuery, useSubscription } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { RoundParticipation_RoundFragment } from '../../gql/graphql';
import { useLocale, useT } from '../../i18n';
import { useLiveAnswers } from '../../live/useLiveAnswers';

export const RoundParticipationFragment = graphql(`
  fragment RoundParticipation_round on PrioritisationRound {
    id
    status
    quorumPercent
    participation {
      ballots
      eligible
      sharePercent
      quorumReached
    }
  }
`);

/** Asked while the live subscription is not delivering (socket down or not yet answered). */
const RoundParticipationQuery = graphql(`
  query RoundParticipation($id: ID!) {
    prioritisationRound(id: $id) {
      id
      ...RoundParticipation_round
    }
  }
`);

/** The round at once and after every ballot or its closing, from any API process. */
const RoundChangedSubscription = graphql(`
  subscription RoundParticipationLive($roundId: ID!) {
    roundChanged(roundId: $roundId) {
      id
      ...RoundParticipation_round
    }
  }
`);

const FALLBACK_INTERVAL_MS = 15_000;

/** How many member municipalities have voted against the quorum; live while the round is open. */
export function RoundParticipation({ round }: { round: RoundParticipation_RoundFragment }) {
  const t = useT();
  const { locale } = useLocale();
  const open = round.status === 'OPEN';
  // Only those who may see the participation of an open round (coordinators) follow it.
  const following = open && round.participation != null;
  const { live, answered, dropped } = useLiveAnswers();
  // Both answers land in the cache under the round, which re-renders this component with them.
  useSubscription(RoundChangedSubscription, {
    variables: { roundId: round.id },
    skip: !following,
    onData: answered,
    onError: dropped,
  });
  useQuery(RoundParticipationQuery, {
    variables: { id: round.id },
    skip: !following || live,
    pollInterval: FALLBACK_INTERVAL_MS,
    fetchPolicy: 'network-only',
  });
  const participation = round.participation;
  if (!participation) return null;
  const { ballots, eligible, sharePercent, quorumReached } = participation;
  return (
    <section className="hub-initiative-section hub-participation" aria-labelledby="round-participation">
      <h2 className="kern-heading-medium" id="round-participation">
        {t('initiatives.participation.heading')}
      </h2>
      <p className="kern-body" aria-live="polite">
        {t('initiatives.participation.summary', {
          voted: ballots,
          members: eligible,
          percent: new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB').format(sharePercent),
          quorum: round.quorumPercent,
        })}{' '}
        <strong>
          {quorumReached
            ? t('initiatives.participation.reached')
            : open
              ? t('initiatives.participation.notReached')
              : t('initiatives.participation.failed')}
        </strong>
      </p>
      <progress
        aria-label={t('initiatives.participation.label')}
        max={Math.max(eligible, 1)}
        value={ballots}
      />
      {open ? <p className="kern-body kern-body--small">{t('initiatives.participation.live')}</p> : null}
    </section>
  );
}
