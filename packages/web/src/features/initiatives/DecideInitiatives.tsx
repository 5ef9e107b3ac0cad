import type { Reference } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { INITIATIVE_DECIDABLE, initiativeLimits } from '@hub/shared';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { InitiativeDecision, InitiativeStatus } from '../../gql/graphql';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { ErrorSummary } from '../../ui/ErrorSummary';
import type { FormErrors } from '../../ui/formErrors';
import { RadioGroup } from '../../ui/RadioGroup';
import { TextAreaField } from '../../ui/TextAreaField';
import { useFormErrors } from '../../ui/useFormErrors';
import { initiativePaths } from './initiativePaths';
import { statusLabel } from './labels';

const DecidableInitiativesQuery = graphql(`
  query DecidableInitiatives($filter: InitiativeFilter) {
    initiatives(first: 50, filter: $filter) {
      edges {
        node {
          id
          title
          status
          viewerCan {
            decide
          }
        }
      }
    }
  }
`);

const DecideInitiativesMutation = graphql(`
  mutation DecideInitiatives($input: DecideInitiativesInput!) {
    decideInitiatives(input: $input) {
      initiatives {
        id
        title
        status
        ...InitiativeDecision_initiative
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

type Choice = InitiativeDecision | 'NONE';
const CHOICES: Choice[] = ['NONE', 'SELECTED', 'DEFERRED', 'REJECTED'];

/**
 * On a decision outcome of a meeting: the steering committee selects, defers or rejects initiatives,
 * each with its reason. The initiatives then link to this meeting, and the outcome to them.
 */
function DecideInitiatives({ outcomeId }: { outcomeId: string }) {
  const t = useT();
  const { data } = useQuery(DecidableInitiativesQuery, {
    variables: { filter: { statuses: [...INITIATIVE_DECIDABLE] as InitiativeStatus[] } },
    fetchPolicy: 'cache-and-network',
  });
  const [decide, { loading }] = useMutation(DecideInitiativesMutation, {
    // The outcome links the initiatives it decided: added to it in the cache, so it shows them at once.
    update(cache, { data: result }) {
      const decided = result?.decideInitiatives.initiatives ?? [];
      if (!decided.length) return;
      cache.modify({
        id: cache.identify({ __typename: 'Outcome', id: outcomeId }),
        fields: {
          initiatives: (existing: readonly Reference[] = [], { toReference }) => [
            ...existing,
            ...decided.flatMap((initiative) => toReference(initiative) ?? []),
          ],
        },
      });
    },
  });
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const initiatives = (data?.initiatives.edges ?? [])
    .map((edge) => edge.node)
    .filter((i) => i.viewerCan.decide);
  const fieldIds: Record<string, string> = { decisions: `decide-${outcomeId}-list` };
  for (const initiative of initiatives) {
    fieldIds[`reason.${initiative.id}`] = `decide-${outcomeId}-${initiative.id}-reason`;
  }
  const form = useFormErrors(fieldIds);
  const chosen = initiatives.filter((initiative) => (choices[initiative.id] ?? 'NONE') !== 'NONE');

  const validate = (): FormErrors<string> => {
    const fields: FormErrors<string>['fields'] = {};
    if (!chosen.length) fields.decisions = (tr) => tr('initiatives.decision.noneChosen');
    for (const initiative of chosen) {
      if (!reasons[initiative.id]?.trim())
        fields[`reason.${initiative.id}`] = (tr) => tr('initiatives.decision.reasonRequired');
    }
    return { fields, form: [] };
  };
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    if (loading || !form.check(validate())) return;
    try {
      const { data: result } = await decide({
        variables: {
          input: {
            outcomeId,
            decisions: chosen.map((initiative) => ({
              initiativeId: initiative.id,
              decision: choices[initiative.id] as InitiativeDecision,
              reason: reasons[initiative.id].trim(),
            })),
          },
        },
      });
      const payload = result?.decideInitiatives;
      if (payload && !payload.userErrors.length) {
        setSaved(true);
        setChoices({});
        setReasons({});
        return;
      }
      form.showUserErrors(
        (payload?.userErrors ?? []).map((userError) => ({
          ...userError,
          // `decisions.2.reason` names the third initiative sent; the form keys reasons by initiative.
          field: reasonFieldOf(userError.field, chosen) ?? userError.field,
        })),
      );
    } catch (failure) {
      form.showRequestError(failure);
    }
  };

  // Nothing the viewer may decide (or not loaded yet): the outcome shows no form.
  if (!initiatives.length && !saved) return null;
  return (
    <details className="hub-initiative-decide-panel">
      <summary className="kern-link">{t('initiatives.decision.recordInMeeting')}</summary>
      <form className="hub-form" noValidate onSubmit={(event) => void submit(event)}>
        <ErrorSummary {...form.summary} />
        {saved ? <Alert variant="success" title={t('initiatives.decision.saved')} role="status" /> : null}
        {initiatives.length === 0 ? null : (
          <div id={fieldIds.decisions} tabIndex={-1}>
            {initiatives.map((initiative) => {
              const choice = choices[initiative.id] ?? 'NONE';
              return (
                <div key={initiative.id} className="hub-initiative-decide">
                  <p className="kern-body">
                    <Link className="kern-link" to={initiativePaths.detail(initiative.id)}>
                      {initiative.title}
                    </Link>{' '}
                    <span className="kern-body--small">({t(statusLabel(initiative.status))})</span>
                  </p>
                  <RadioGroup
                    name={`decide-${outcomeId}-${initiative.id}`}
                    legend={t('initiatives.decision.outcomeFor', { title: initiative.title })}
                    options={CHOICES.map((value) => ({
                      value,
                      label: value === 'NONE' ? t('initiatives.decision.notDecided') : t(statusLabel(value)),
                    }))}
                    value={choice}
                    onChange={(value) => {
                      setChoices((current) => ({ ...current, [initiative.id]: value }));
                      form.fieldChanged('decisions');
                    }}
                  />
                  {choice !== 'NONE' ? (
                    <TextAreaField
                      id={fieldIds[`reason.${initiative.id}`]}
                      label={t('initiatives.decision.reasonFor', { title: initiative.title })}
                      value={reasons[initiative.id] ?? ''}
                      onChange={(value) => {
                        setReasons((current) => ({ ...current, [initiative.id]: value }));
                        form.fieldChanged(`reason.${initiative.id}`);
                      }}
                      maxLength={initiativeLimits.reason.maxLength}
                      required
                      rows={2}
                      error={form.errorOf(`reason.${initiative.id}`)}
                    />
                  ) : null}
                </div>
              );
            })}
            {form.errorOf('decisions') ? (
              <p className="kern-error">
                <span className="kern-icon kern-icon--danger" aria-hidden="true" />
                <span className="kern-body">{form.errorOf('decisions')?.(t)}</span>
              </p>
            ) : null}
            <div className="hub-form__actions">
              <button
                type="submit"
                className="kern-btn kern-btn--primary"
                aria-disabled={loading || undefined}
              >
                <span className="kern-label">{t('initiatives.decision.submit')}</span>
              </button>
            </div>
          </div>
        )}
      </form>
    </details>
  );
}

/**
 * Asked per decision outcome rather than with the meeting: nested under every agenda item's outcomes,
 * the initiatives would multiply the meeting page's query cost beyond the limit.
 */
const OutcomeInitiativesQuery = graphql(`
  query OutcomeInitiatives($id: ID!) {
    node(id: $id) {
      id
      ... on Outcome {
        initiatives {
          id
          title
          decision
        }
      }
    }
  }
`);

/**
 * On a meeting's decision outcome: the initiatives it decided (each linked, with what was decided),
 * and for those who record the minutes the form that decides more.
 */
export function OutcomeInitiatives({ outcomeId, mayDecide }: { outcomeId: string; mayDecide: boolean }) {
  const { data } = useQuery(OutcomeInitiativesQuery, { variables: { id: outcomeId } });
  const node = data?.node;
  const initiatives = node && 'initiatives' in node ? node.initiatives : [];
  return (
    <>
      <DecidedInitiatives initiatives={initiatives} />
      {mayDecide ? <DecideInitiatives outcomeId={outcomeId} /> : null}
    </>
  );
}

/** The initiatives a decision outcome decided, each linked, with what was decided. */
function DecidedInitiatives({
  initiatives,
}: {
  initiatives: readonly { id: string; title: string; decision: InitiativeDecision | null }[];
}) {
  const t = useT();
  if (!initiatives.length) return null;
  return (
    <div className="kern-body kern-body--small">
      <p className="kern-body kern-body--small">{t('initiatives.decision.decidedHere')}:</p>
      <ul className="kern-list">
        {initiatives.map((initiative) => (
          <li key={initiative.id}>
            <Link className="kern-link" to={initiativePaths.detail(initiative.id)}>
              {initiative.title}
            </Link>
            {initiative.decision ? ` – ${t(statusLabel(initiative.decision))}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The form's field of a server error on `decisions.<n>.reason`, by the position in what was sent. */
function reasonFieldOf(field: string | null | undefined, sent: readonly { id: string }[]): string | null {
  const match = /^(?:input\.)?decisions\.(\d+)\.reason$/.exec(field ?? '');
  const initiative = match ? sent[Number(match[1])] : undefined;
  return initiative ? `reason.${initiative.id}` : null;
}
