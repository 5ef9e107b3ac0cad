import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { firstUserErrorMessage } from '../../errors/userErrorMessages';
import { graphql } from '../../gql';
import { formatDateTime, useLocale, useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { useConfirm } from '../../ui/ConfirmDialog';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import { initiativePaths } from './initiativePaths';
import { methodLabel, roundStatusLabel } from './labels';
import { RoundBallot } from './RoundBallot';
import { RoundParticipation } from './RoundParticipation';
import { RoundResult } from './RoundResult';
import './initiatives.css';

export const RoundPageQuery = graphql(`
  query RoundPage($id: ID!) {
    prioritisationRound(id: $id) {
      id
      title
      status
      method
      deadline
      quorumPercent
      pointsPerMunicipality
      closedAt
      initiatives {
        id
        title
      }
      viewerCan {
        vote
        close
      }
      ...RoundBallot_round
      ...RoundParticipation_round
      ...RoundResult_round
    }
  }
`);

const CloseRoundMutation = graphql(`
  mutation ClosePrioritisationRound($input: RoundIdInput!) {
    closePrioritisationRound(input: $input) {
      round {
        id
        status
        closedAt
        viewerCan {
          vote
          close
        }
        ...RoundBallot_round
        ...RoundParticipation_round
        ...RoundResult_round
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/**
 * A prioritisation round: its rules; while open the ballot of the viewer's municipality (officers)
 * and the participation against the quorum (coordinators); once closed the ranked result.
 */
export function RoundPage() {
  const t = useT();
  const { locale } = useLocale();
  const { roundId = '' } = useParams();
  const { data, loading, error } = useQuery(RoundPageQuery, { variables: { id: roundId } });
  const [close, closing] = useMutation(CloseRoundMutation);
  const { confirm, dialog } = useConfirm();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const round = data?.prioritisationRound;

  if (loading && !data) return <LoadingIndicator />;
  if (error && !round) {
    return (
      <Page title={t('initiatives.round.loadFailed')}>
        <Alert variant="danger" title={apiErrorMessage(error, t)} role="alert" />
      </Page>
    );
  }
  if (!round) {
    return (
      <Page title={t('initiatives.round.notFound')}>
        <p className="kern-body">{t('initiatives.page.notFoundText')}</p>
        <Link className="kern-link" to={initiativePaths.list}>
          {t('initiatives.page.back')}
        </Link>
      </Page>
    );
  }
  const closeNow = async () => {
    const confirmed = await confirm({
      title: t('initiatives.round.confirmClose.title', { title: round.title }),
      consequence: t('initiatives.round.confirmClose.consequence'),
      confirmLabel: t('initiatives.round.close'),
    });
    if (!confirmed) return;
    setMessage(null);
    try {
      const { data: result } = await close({ variables: { input: { roundId: round.id } } });
      const problem = firstUserErrorMessage(result?.closePrioritisationRound.userErrors, t);
      setMessage(problem ? { ok: false, text: problem } : { ok: true, text: t('initiatives.round.closed') });
    } catch (failure) {
      setMessage({ ok: false, text: apiErrorMessage(failure, t) });
    }
  };
  const open = round.status === 'OPEN';
  return (
    <Page title={round.title}>
      <p>
        <Link className="kern-link" to={initiativePaths.list}>
          {t('initiatives.page.back')}
        </Link>
      </p>
      {dialog}
      <dl className="hub-initiative-dl">
        <dt>{t('initiatives.round.meta.status')}</dt>
        <dd className="kern-body">
          {t(roundStatusLabel(round.status))}
          {round.closedAt
            ? ` (${t('initiatives.rounds.closedOn', { date: formatDateTime(round.closedAt, locale) })})`
            : ''}
        </dd>
        <dt>{t('initiatives.round.meta.method')}</dt>
        <dd className="kern-body">{t(methodLabel(round.method))}</dd>
        {round.pointsPerMunicipality !== null ? (
          <>
            <dt>{t('initiatives.round.meta.points')}</dt>
            <dd className="kern-body">{round.pointsPerMunicipality}</dd>
          </>
        ) : null}
        <dt>{t('initiatives.round.meta.deadline')}</dt>
        <dd className="kern-body">{formatDateTime(round.deadline, locale)}</dd>
        <dt>{t('initiatives.round.meta.quorum')}</dt>
        <dd className="kern-body">{`${round.quorumPercent} %`}</dd>
        <dt>{t('initiatives.round.proposals')}</dt>
        <dd className="kern-body">
          <ul className="kern-list">
            {round.initiatives.map((initiative) => (
              <li key={initiative.id}>
                <Link className="kern-link" to={initiativePaths.detail(initiative.id)}>
                  {initiative.title}
                </Link>
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      {open ? <p className="kern-body">{t('initiatives.round.secret')}</p> : null}
      {message ? (
        <Alert
          variant={message.ok ? 'success' : 'danger'}
          title={message.text}
          role={message.ok ? 'status' : 'alert'}
        />
      ) : null}
      <RoundParticipation round={round} />
      {round.viewerCan.close ? (
        <p className="hub-initiative-actions">
          <button
            type="button"
            className="kern-btn kern-btn--secondary"
            aria-disabled={closing.loading || undefined}
            onClick={() => void closeNow()}
          >
            <span className="kern-label">{t('initiatives.round.close')}</span>
          </button>
        </p>
      ) : null}
      {open ? <RoundBallot round={round} /> : <RoundResult round={round} />}
    </Page>
  );
}
