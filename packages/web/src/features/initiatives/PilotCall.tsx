import { useMutation } from '@apollo/client/react';
import { initiativeLimits } from '@hub/shared';
import { type FormEvent, useState } from 'react';
import { apiErrorMessage } from '../../errors/apiErrors';
import { firstUserErrorMessage } from '../../errors/userErrorMessages';
import { graphql } from '../../gql';
import type { PilotCall_InitiativeFragment } from '../../gql/graphql';
import { useLocale, useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { DateField } from '../../ui/DateField';
import { ErrorSummary } from '../../ui/ErrorSummary';
import type { FormErrors } from '../../ui/formErrors';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { useFormErrors } from '../../ui/useFormErrors';
import { formatDate } from '../projects/money';
import { applicationStatusLabel } from './labels';

export const PilotCallFragment = graphql(`
  fragment PilotCall_initiative on Initiative {
    id
    status
    callText
    callOpenedAt
    project {
      id
      title
    }
    pilotApplications {
      id
      statement
      canStartOn
      status
      ownMunicipality
      municipality {
        id
        name
      }
    }
    viewerCan {
      openCall
      applyAsPilot
      confirmPilots
      startRealisation
      complete
    }
  }
`);

/** What every initiative mutation of the pilot call returns: the call, the status and the history. */
export const PilotCallChangeFragment = graphql(`
  fragment PilotCallChange_initiative on Initiative {
    id
    status
    ...PilotCall_initiative
    ...InitiativeHistory_initiative
    ...InitiativeDecision_initiative
  }
`);

const OpenCallMutation = graphql(`
  mutation OpenPilotCall($input: OpenPilotCallInput!) {
    openPilotCall(input: $input) {
      initiative {
        ...PilotCallChange_initiative
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const ApplyMutation = graphql(`
  mutation ApplyAsPilot($input: ApplyAsPilotInput!) {
    applyAsPilot(input: $input) {
      initiative {
        ...PilotCallChange_initiative
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const ConfirmMutation = graphql(`
  mutation ConfirmPilot($input: PilotApplicationIdInput!) {
    confirmPilot(input: $input) {
      initiative {
        ...PilotCallChange_initiative
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const StartRealisationMutation = graphql(`
  mutation StartInitiativeRealisation($input: StartInitiativeRealisationInput!) {
    startInitiativeRealisation(input: $input) {
      initiative {
        ...PilotCallChange_initiative
        project {
          id
          title
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const CompleteMutation = graphql(`
  mutation CompleteInitiative($input: CompleteInitiativeInput!) {
    completeInitiative(input: $input) {
      initiative {
        ...PilotCallChange_initiative
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

type Outcome = { ok: boolean; text: string } | null;

/**
 * The call for pilot cities of a selected initiative: coordinators open it, officers of member
 * municipalities apply (what they bring, when they can start), coordinators confirm pilots and
 * start the realisation, which creates the network project.
 */
export function PilotCall({ initiative }: { initiative: PilotCall_InitiativeFragment }) {
  const t = useT();
  const { locale } = useLocale();
  const [message, setMessage] = useState<Outcome>(null);
  const [openCall, opening] = useMutation(OpenCallMutation);
  const [confirm, confirming] = useMutation(ConfirmMutation);
  const [start, starting] = useMutation(StartRealisationMutation);
  const [complete, completing] = useMutation(CompleteMutation);
  const [leadId, setLeadId] = useState('');
  const can = initiative.viewerCan;
  const hasCall = initiative.callOpenedAt !== null || initiative.pilotApplications.length > 0;
  if (!hasCall && !can.openCall) return null;

  /** Runs a mutation and says how it went; the payload updates the page through the cache. */
  const run = async (
    work: () => Promise<readonly { code: string; message: string; field?: string | null }[] | undefined>,
    done: string,
  ) => {
    setMessage(null);
    try {
      const problem = firstUserErrorMessage(await work(), t);
      setMessage(problem ? { ok: false, text: problem } : { ok: true, text: done });
    } catch (failure) {
      setMessage({ ok: false, text: apiErrorMessage(failure, t) });
    }
  };
  // An application outlives nothing but its municipality's record; without it there is nothing to show.
  const applications = initiative.pilotApplications.flatMap((application) =>
    application.municipality ? [{ ...application, municipality: application.municipality }] : [],
  );
  const confirmed = applications.filter((application) => application.status === 'CONFIRMED');
  return (
    <section className="hub-initiative-section" aria-labelledby="initiative-call">
      <h2 className="kern-heading-medium" id="initiative-call">
        {t('initiatives.call.heading')}
      </h2>
      {message ? (
        <Alert
          variant={message.ok ? 'success' : 'danger'}
          title={message.text}
          role={message.ok ? 'status' : 'alert'}
        />
      ) : null}
      {can.openCall ? (
        <p className="hub-initiative-actions">
          <button
            type="button"
            className="kern-btn kern-btn--primary"
            aria-disabled={opening.loading || undefined}
            onClick={() =>
              void run(
                async () =>
                  (await openCall({ variables: { input: { initiativeId: initiative.id } } })).data
                    ?.openPilotCall.userErrors,
                t('initiatives.call.opened'),
              )
            }
          >
            <span className="kern-label">{t('initiatives.call.open')}</span>
          </button>
        </p>
      ) : null}
      {hasCall ? (
        <>
          <p className="kern-body hub-initiative-text">
            {initiative.callText || t('initiatives.call.intro')}
          </p>
          <h3 className="kern-heading-small">
            {t('initiatives.call.applications', { count: applications.length })}
          </h3>
          {applications.length === 0 ? (
            <p className="kern-body">{t('initiatives.call.noApplications')}</p>
          ) : (
            <ul className="hub-initiative-applications">
              {applications.map((application) => (
                <li key={application.id}>
                  <p className="kern-body hub-initiative-meta">
                    <strong>{application.municipality.name}</strong>
                    <span
                      className={
                        application.status === 'CONFIRMED'
                          ? 'kern-badge kern-badge--success'
                          : 'kern-badge kern-badge--info'
                      }
                    >
                      {t(applicationStatusLabel(application.status))}
                    </span>
                    {application.canStartOn ? (
                      <span>
                        {t('initiatives.call.startsFrom', {
                          date: formatDate(application.canStartOn, locale),
                        })}
                      </span>
                    ) : null}
                  </p>
                  <p className="kern-body hub-initiative-text">{application.statement}</p>
                  {can.confirmPilots && application.status === 'APPLIED' ? (
                    <button
                      type="button"
                      className="kern-btn kern-btn--secondary"
                      aria-disabled={confirming.loading || undefined}
                      onClick={() =>
                        void run(
                          async () =>
                            (await confirm({ variables: { input: { applicationId: application.id } } })).data
                              ?.confirmPilot.userErrors,
                          t('initiatives.call.confirmed'),
                        )
                      }
                    >
                      <span className="kern-label">
                        {t('initiatives.call.confirmFor', { name: application.municipality.name })}
                      </span>
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
      {initiative.pilotApplications.some((application) => application.ownMunicipality) ? (
        <p className="kern-body">{t('initiatives.call.yourApplication')}</p>
      ) : can.applyAsPilot ? (
        <PilotApplicationForm
          initiativeId={initiative.id}
          onApplied={() => setMessage({ ok: true, text: t('initiatives.call.applied') })}
        />
      ) : null}
      {can.startRealisation ? (
        <div>
          <h3 className="kern-heading-small">{t('initiatives.realise.heading')}</h3>
          <p className="kern-body">{t('initiatives.realise.intro')}</p>
          {confirmed.length === 0 ? <p className="kern-body">{t('initiatives.realise.needsPilot')}</p> : null}
          {confirmed.length > 1 ? (
            <SelectField
              id="realise-lead"
              label={t('initiatives.realise.lead')}
              hint={t('initiatives.realise.leadHint')}
              value={leadId || confirmed[0].municipality.id}
              onChange={setLeadId}
            >
              {confirmed.map((application) => (
                <option key={application.municipality.id} value={application.municipality.id}>
                  {application.municipality.name}
                </option>
              ))}
            </SelectField>
          ) : null}
          <button
            type="button"
            className="kern-btn kern-btn--primary"
            aria-disabled={starting.loading || undefined}
            onClick={() =>
              void run(
                async () =>
                  (
                    await start({
                      variables: {
                        input: { initiativeId: initiative.id, leadMunicipalityId: leadId || null },
                      },
                    })
                  ).data?.startInitiativeRealisation.userErrors,
                t('initiatives.realise.done'),
              )
            }
          >
            <span className="kern-label">{t('initiatives.realise.submit')}</span>
          </button>
        </div>
      ) : null}
      {can.complete ? (
        <p className="hub-initiative-actions">
          <button
            type="button"
            className="kern-btn kern-btn--secondary"
            aria-disabled={completing.loading || undefined}
            onClick={() =>
              void run(
                async () =>
                  (await complete({ variables: { input: { initiativeId: initiative.id } } })).data
                    ?.completeInitiative.userErrors,
                t('initiatives.completed'),
              )
            }
          >
            <span className="kern-label">{t('initiatives.complete')}</span>
          </button>
        </p>
      ) : null}
    </section>
  );
}

type ApplicationField = 'statement' | 'canStartOn';
const applicationFieldIds: Record<ApplicationField, string> = {
  statement: 'pilot-statement',
  canStartOn: 'pilot-start',
};

/** An officer's application of her municipality: what it brings and from when it can start. */
// The answer puts the application into the page, which then shows it instead of this form; the
// confirmation is therefore the page's (`onApplied`), not this form's.
function PilotApplicationForm({ initiativeId, onApplied }: { initiativeId: string; onApplied: () => void }) {
  const t = useT();
  const [statement, setStatement] = useState('');
  const [canStartOn, setCanStartOn] = useState('');
  const [apply, { loading }] = useMutation(ApplyMutation);
  const form = useFormErrors(applicationFieldIds);
  const validate = (): FormErrors<ApplicationField> => {
    const fields: FormErrors<ApplicationField>['fields'] = {};
    if (statement.trim().length < initiativeLimits.pilotStatement.minLength)
      fields.statement = (tr) => tr('initiatives.call.statementRequired');
    if (!canStartOn) fields.canStartOn = (tr) => tr('initiatives.call.startRequired');
    return { fields, form: [] };
  };
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading || !form.check(validate())) return;
    try {
      const { data } = await apply({
        variables: { input: { initiativeId, statement: statement.trim(), canStartOn } },
      });
      const payload = data?.applyAsPilot;
      if (payload?.initiative && !payload.userErrors.length) onApplied();
      else form.showUserErrors(payload?.userErrors ?? []);
    } catch (failure) {
      form.showRequestError(failure);
    }
  };
  return (
    <form
      className="hub-form"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-labelledby="pilot-apply"
    >
      <h3 className="kern-heading-small" id="pilot-apply">
        {t('initiatives.call.apply')}
      </h3>
      <ErrorSummary {...form.summary} />
      <TextAreaField
        id={applicationFieldIds.statement}
        label={t('initiatives.call.statement')}
        hint={t('initiatives.call.statementHint')}
        value={statement}
        onChange={(value) => {
          setStatement(value);
          form.fieldChanged('statement');
        }}
        maxLength={initiativeLimits.pilotStatement.maxLength}
        required
        rows={4}
        error={form.errorOf('statement')}
      />
      <DateField
        id={applicationFieldIds.canStartOn}
        label={t('initiatives.call.startDate')}
        value={canStartOn}
        onChange={(value) => {
          setCanStartOn(value);
          form.fieldChanged('canStartOn');
        }}
        required
        error={form.errorOf('canStartOn')}
      />
      <div className="hub-form__actions">
        <button type="submit" className="kern-btn kern-btn--primary" aria-disabled={loading || undefined}>
          <span className="kern-label">{t('initiatives.call.submit')}</span>
        </button>
      </div>
    </form>
  );
}
