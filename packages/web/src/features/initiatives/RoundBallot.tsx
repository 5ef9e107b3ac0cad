import { useMutation } from '@apollo/client/react';
import { RATING_CRITERIA, type RatingCriterion } from '@hub/shared';
import { type FormEvent, useState } from 'react';
import { graphql } from '../../gql';
import type { BallotVoteInput, RoundBallot_RoundFragment } from '../../gql/graphql';
import { formatDateTime, useLocale, useT } from '../../i18n';
import { useViewer } from '../../session/useViewer';
import { Alert } from '../../ui/Alert';
import { ErrorSummary } from '../../ui/ErrorSummary';
import type { FormErrors } from '../../ui/formErrors';
import { SelectField } from '../../ui/SelectField';
import { useFormErrors } from '../../ui/useFormErrors';
import { criterionLabel } from './labels';
import { NumberField } from './NumberField';

export const RoundBallotFragment = graphql(`
  fragment RoundBallot_round on PrioritisationRound {
    id
    method
    pointsPerMunicipality
    initiatives {
      id
      title
    }
    viewerCan {
      vote
    }
    viewerBallot {
      updatedAt
      votes {
        initiativeId
        points
        benefit
        feasibility
        transferability
        urgency
      }
    }
  }
`);

const CastBallotMutation = graphql(`
  mutation CastRoundBallot($input: CastRoundBallotInput!) {
    castRoundBallot(input: $input) {
      round {
        id
        ...RoundBallot_round
        ...RoundParticipation_round
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

type Ballot = RoundBallot_RoundFragment['viewerBallot'];
type Ratings = Record<RatingCriterion, string>;

/** The ballot as the form edits it: points as typed, ratings as chosen ('' for none yet). */
function draftOf(round: RoundBallot_RoundFragment, ballot: Ballot) {
  const points: Record<string, string> = {};
  const ratings: Record<string, Ratings> = {};
  for (const initiative of round.initiatives) {
    const vote = ballot?.votes.find((v) => v.initiativeId === initiative.id);
    points[initiative.id] = String(vote?.points ?? 0);
    ratings[initiative.id] = {
      benefit: vote?.benefit ? String(vote.benefit) : '',
      feasibility: vote?.feasibility ? String(vote.feasibility) : '',
      transferability: vote?.transferability ? String(vote.transferability) : '',
      urgency: vote?.urgency ? String(vote.urgency) : '',
    };
  }
  return { points, ratings };
}

const pointsField = (initiativeId: string) => `points.${initiativeId}`;
const ratingField = (initiativeId: string) => `ratings.${initiativeId}`;

/**
 * The ballot of the viewer's municipality: points distributed with the remainder always in view, or
 * each proposal rated on the four criteria. Cast and changed until the deadline.
 */
export function RoundBallot({ round }: { round: RoundBallot_RoundFragment }) {
  const t = useT();
  const { viewer } = useViewer();
  const [draft, setDraft] = useState(() => draftOf(round, round.viewerBallot));
  const [saved, setSaved] = useState(false);
  const [cast, { loading }] = useMutation(CastBallotMutation);
  const fieldIds: Record<string, string> = {};
  for (const initiative of round.initiatives) {
    fieldIds[pointsField(initiative.id)] = `ballot-points-${initiative.id}`;
    fieldIds[ratingField(initiative.id)] = `ballot-${initiative.id}-benefit`;
  }
  fieldIds.votes = 'ballot-heading';
  const form = useFormErrors(fieldIds);
  if (!round.viewerCan.vote) {
    return round.viewerBallot ? <BallotCast ballot={round.viewerBallot} /> : null;
  }
  const dotVoting = round.method === 'DOT_VOTING';
  const total = round.pointsPerMunicipality ?? 0;
  const parsed = round.initiatives.map((initiative) => {
    const text = draft.points[initiative.id]?.trim() ?? '';
    return /^\d+$/.test(text) ? Number(text) : null;
  });
  const given = parsed.reduce<number>((sum, value) => sum + (value ?? 0), 0);
  const remaining = total - given;

  const validate = (): FormErrors<string> => {
    const fields: FormErrors<string>['fields'] = {};
    const formProblems: FormErrors<string>['form'] = [];
    round.initiatives.forEach((initiative, index) => {
      if (dotVoting) {
        const value = parsed[index];
        if (value === null || value > total)
          fields[pointsField(initiative.id)] = (tr) => tr('initiatives.ballot.pointsInvalid', { max: total });
      } else if (RATING_CRITERIA.some((criterion) => !draft.ratings[initiative.id]?.[criterion])) {
        fields[ratingField(initiative.id)] = (tr) =>
          tr('initiatives.ballot.ratingMissing', { title: initiative.title });
      }
    });
    if (dotVoting && remaining < 0) formProblems.push((tr) => tr('initiatives.ballot.overBudget'));
    if (dotVoting && given === 0 && !Object.keys(fields).length)
      formProblems.push((tr) => tr('initiatives.ballot.noPoints'));
    return { fields, form: formProblems };
  };

  const votes = (): BallotVoteInput[] =>
    round.initiatives.map((initiative, index) =>
      dotVoting
        ? { initiativeId: initiative.id, points: parsed[index] ?? 0 }
        : {
            initiativeId: initiative.id,
            benefit: Number(draft.ratings[initiative.id].benefit),
            feasibility: Number(draft.ratings[initiative.id].feasibility),
            transferability: Number(draft.ratings[initiative.id].transferability),
            urgency: Number(draft.ratings[initiative.id].urgency),
          },
    );

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    if (loading || !form.check(validate())) return;
    try {
      const { data } = await cast({ variables: { input: { roundId: round.id, votes: votes() } } });
      const payload = data?.castRoundBallot;
      if (payload?.round && !payload.userErrors.length) setSaved(true);
      else form.showUserErrors(payload?.userErrors ?? []);
    } catch (failure) {
      form.showRequestError(failure);
    }
  };

  const setPoints = (initiativeId: string, value: string) => {
    setDraft((current) => ({ ...current, points: { ...current.points, [initiativeId]: value } }));
    form.fieldChanged(pointsField(initiativeId));
    setSaved(false);
  };
  const setRating = (initiativeId: string, criterion: RatingCriterion, value: string) => {
    setDraft((current) => ({
      ...current,
      ratings: {
        ...current.ratings,
        [initiativeId]: { ...current.ratings[initiativeId], [criterion]: value },
      },
    }));
    form.fieldChanged(ratingField(initiativeId));
    setSaved(false);
  };

  return (
    <section className="hub-initiative-section" aria-labelledby="ballot-heading">
      <h2 className="kern-heading-medium" id="ballot-heading" tabIndex={-1}>
        {t('initiatives.ballot.heading')}
      </h2>
      <p className="kern-body">
        {viewer?.municipality ? `${t('initiatives.ballot.for', { name: viewer.municipality.name })} ` : ''}
        {t('initiatives.ballot.changeable')}
      </p>
      {round.viewerBallot ? <BallotCast ballot={round.viewerBallot} /> : null}
      <ErrorSummary {...form.summary} />
      {saved ? <Alert variant="success" title={t('initiatives.ballot.saved')} role="status" /> : null}
      <form className="hub-form" noValidate onSubmit={(event) => void submit(event)}>
        {dotVoting
          ? round.initiatives.map((initiative) => (
              <div className="hub-ballot-row" key={initiative.id}>
                <NumberField
                  id={fieldIds[pointsField(initiative.id)]}
                  label={t('initiatives.ballot.pointsFor', { title: initiative.title })}
                  value={draft.points[initiative.id] ?? '0'}
                  min={0}
                  max={total}
                  onChange={(value) => setPoints(initiative.id, value)}
                  error={form.errorOf(pointsField(initiative.id))}
                />
              </div>
            ))
          : round.initiatives.map((initiative) => (
              <fieldset className="kern-fieldset" key={initiative.id}>
                <legend className="kern-label">
                  {t('initiatives.ballot.ratingFor', { title: initiative.title })}
                </legend>
                <div className="kern-fieldset__body">
                  <p className="kern-hint">{t('initiatives.ballot.ratingScale')}</p>
                  <div className="hub-rating-criteria">
                    {RATING_CRITERIA.map((criterion) => (
                      <SelectField
                        key={criterion}
                        id={`ballot-${initiative.id}-${criterion}`}
                        label={t('initiatives.ballot.ratingCriterion', {
                          criterion: t(criterionLabel(criterion)),
                          title: initiative.title,
                        })}
                        value={draft.ratings[initiative.id]?.[criterion] ?? ''}
                        onChange={(value) => setRating(initiative.id, criterion, value)}
                        error={criterion === 'benefit' ? form.errorOf(ratingField(initiative.id)) : undefined}
                      >
                        <option value="">–</option>
                        {[1, 2, 3, 4, 5].map((value) => (
                          <option key={value} value={String(value)}>
                            {value}
                          </option>
                        ))}
                      </SelectField>
                    ))}
                  </div>
                </div>
              </fieldset>
            ))}
        {dotVoting ? (
          <p
            className={`kern-body hub-ballot-remaining${remaining < 0 ? ' hub-ballot-remaining--over' : ''}`}
            aria-live="polite"
          >
            {remaining >= 0
              ? t('initiatives.ballot.remaining', { count: remaining, total })
              : t('initiatives.ballot.overspent', { count: -remaining, total })}
          </p>
        ) : null}
        <div className="hub-form__actions">
          <button type="submit" className="kern-btn kern-btn--primary" aria-disabled={loading || undefined}>
            <span className="kern-label">
              {round.viewerBallot ? t('initiatives.ballot.update') : t('initiatives.ballot.submit')}
            </span>
          </button>
        </div>
      </form>
    </section>
  );
}

/** When and by whom the municipality's ballot was cast or last changed (it stays secret from others). */
function BallotCast({ ballot }: { ballot: NonNullable<Ballot> }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <p className="kern-body">
      {t('initiatives.ballot.cast', { date: formatDateTime(ballot.updatedAt, locale) })}
    </p>
  );
}
