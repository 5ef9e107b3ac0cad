import { useMutation, useQuery } from '@apollo/client/react';
import { INITIATIVE_ROUND_ELIGIBLE, initiativeLimits } from '@hub/shared';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { graphql } from '../../gql';
import type { InitiativeStatus, PrioritisationMethod } from '../../gql/graphql';
import { useT } from '../../i18n';
import { Checkbox } from '../../ui/Checkbox';
import { DateField } from '../../ui/DateField';
import { ErrorSummary } from '../../ui/ErrorSummary';
import type { FormErrors } from '../../ui/formErrors';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import { RadioGroup } from '../../ui/RadioGroup';
import { TextField } from '../../ui/TextField';
import { useFormErrors } from '../../ui/useFormErrors';
import { berlinToIso } from '../meetings/berlinTime';
import { initiativePaths } from './initiativePaths';
import { methodLabel, statusLabel } from './labels';
import { NumberField } from './NumberField';
import './initiatives.css';

export const OpenRoundPageQuery = graphql(`
  query OpenRoundPage($filter: InitiativeFilter) {
    viewerCanOpenPrioritisationRound
    initiatives(first: 100, filter: $filter) {
      edges {
        node {
          id
          title
          status
          supportCount
        }
      }
    }
  }
`);

const OpenRoundMutation = graphql(`
  mutation OpenPrioritisationRound($input: OpenPrioritisationRoundInput!) {
    openPrioritisationRound(input: $input) {
      round {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const METHODS: PrioritisationMethod[] = ['DOT_VOTING', 'RATING'];

type Field = 'title' | 'initiativeIds' | 'deadline' | 'method' | 'pointsPerMunicipality' | 'quorumPercent';
const fieldIds: Record<Field, string> = {
  title: 'round-title',
  initiativeIds: 'round-initiatives',
  deadline: 'round-deadline',
  method: 'round-method-DOT_VOTING',
  pointsPerMunicipality: 'round-points',
  quorumPercent: 'round-quorum',
};

/** Today in Berlin, `YYYY-MM-DD`. */
const berlinToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());

const wholeNumber = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);

/** A coordinator opens a prioritisation round: the proposals, the deadline, the method and the quorum. */
export function OpenRoundPage() {
  const t = useT();
  const navigate = useNavigate();
  const { data, loading: loadingProposals } = useQuery(OpenRoundPageQuery, {
    variables: { filter: { statuses: [...INITIATIVE_ROUND_ELIGIBLE] as InitiativeStatus[] } },
    fetchPolicy: 'cache-and-network',
  });
  const [openRound, { loading }] = useMutation(OpenRoundMutation);
  const [title, setTitle] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [deadline, setDeadline] = useState('');
  const [method, setMethod] = useState<PrioritisationMethod>('DOT_VOTING');
  const [points, setPoints] = useState(String(initiativeLimits.points.default));
  const [quorum, setQuorum] = useState(String(initiativeLimits.quorumPercent.default));
  const form = useFormErrors(fieldIds);
  const proposals = data?.initiatives.edges.map((edge) => edge.node) ?? [];
  const today = berlinToday();

  const validate = (): FormErrors<Field> => {
    const fields: FormErrors<Field>['fields'] = {};
    if (title.trim().length < initiativeLimits.roundTitle.minLength)
      fields.title = (tr) => tr('initiatives.form.required', { field: tr('initiatives.round.name') });
    if (chosen.length < initiativeLimits.roundInitiatives.min)
      fields.initiativeIds = (tr) => tr('initiatives.round.proposalsRequired');
    if (!deadline || deadline < today) fields.deadline = (tr) => tr('initiatives.round.deadlineRequired');
    const pointCount = wholeNumber(points);
    if (
      method === 'DOT_VOTING' &&
      (pointCount === null ||
        pointCount < initiativeLimits.points.min ||
        pointCount > initiativeLimits.points.max)
    )
      fields.pointsPerMunicipality = (tr) =>
        tr('initiatives.round.pointsInvalid', {
          min: initiativeLimits.points.min,
          max: initiativeLimits.points.max,
        });
    const quorumValue = wholeNumber(quorum);
    if (
      quorumValue === null ||
      quorumValue < initiativeLimits.quorumPercent.min ||
      quorumValue > initiativeLimits.quorumPercent.max
    )
      fields.quorumPercent = (tr) =>
        tr('initiatives.round.quorumInvalid', {
          min: initiativeLimits.quorumPercent.min,
          max: initiativeLimits.quorumPercent.max,
        });
    return { fields, form: [] };
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading || !form.check(validate())) return;
    try {
      const { data: result } = await openRound({
        variables: {
          input: {
            title: title.trim(),
            initiativeIds: chosen,
            // The round is open for the whole chosen day, German time.
            deadline: berlinToIso(deadline, '23:59') ?? deadline,
            method,
            pointsPerMunicipality: method === 'DOT_VOTING' ? wholeNumber(points) : null,
            quorumPercent: wholeNumber(quorum) ?? 0,
          },
        },
      });
      const payload = result?.openPrioritisationRound;
      if (payload?.round) {
        void navigate(initiativePaths.round(payload.round.id));
        return;
      }
      form.showUserErrors(payload?.userErrors ?? []);
    } catch (failure) {
      form.showRequestError(failure);
    }
  };

  if (!data && loadingProposals) return <LoadingIndicator />;
  return (
    <Page title={t('initiatives.round.create.title')}>
      <p className="kern-body">{t('initiatives.round.create.intro')}</p>
      <ErrorSummary {...form.summary} />
      <form className="hub-form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          id={fieldIds.title}
          label={t('initiatives.round.name')}
          value={title}
          onChange={(value) => {
            setTitle(value);
            form.fieldChanged('title');
          }}
          maxLength={initiativeLimits.roundTitle.maxLength}
          error={form.errorOf('title')}
        />
        <fieldset className="kern-fieldset" id={fieldIds.initiativeIds} tabIndex={-1}>
          <legend className="kern-label">{t('initiatives.round.proposals')}</legend>
          <div className="kern-fieldset__body">
            {proposals.length === 0 ? (
              <p className="kern-body">{t('initiatives.round.noProposals')}</p>
            ) : null}
            {proposals.map((proposal) => (
              <Checkbox
                key={proposal.id}
                id={`round-initiative-${proposal.id}`}
                label={`${proposal.title} (${t(statusLabel(proposal.status))}, ${t('initiatives.supporters', { count: proposal.supportCount })})`}
                checked={chosen.includes(proposal.id)}
                onChange={(checked) => {
                  setChosen((current) =>
                    checked ? [...current, proposal.id] : current.filter((id) => id !== proposal.id),
                  );
                  form.fieldChanged('initiativeIds');
                }}
              />
            ))}
          </div>
          {form.errorOf('initiativeIds') ? (
            <p className="kern-error">
              <span className="kern-icon kern-icon--danger" aria-hidden="true" />
              <span className="kern-body">{form.errorOf('initiativeIds')?.(t)}</span>
            </p>
          ) : null}
        </fieldset>
        <DateField
          id={fieldIds.deadline}
          label={t('initiatives.round.deadline')}
          hint={t('initiatives.round.deadlineHint')}
          value={deadline}
          min={today}
          onChange={(value) => {
            setDeadline(value);
            form.fieldChanged('deadline');
          }}
          required
          error={form.errorOf('deadline')}
        />
        <RadioGroup
          name="round-method"
          legend={t('initiatives.round.method')}
          options={METHODS.map((value) => ({ value, label: t(methodLabel(value)) }))}
          value={method}
          onChange={setMethod}
        >
          <p className="kern-hint">{t(`initiatives.round.methodHint.${method}`)}</p>
        </RadioGroup>
        {method === 'DOT_VOTING' ? (
          <NumberField
            id={fieldIds.pointsPerMunicipality}
            label={t('initiatives.round.points')}
            value={points}
            min={initiativeLimits.points.min}
            max={initiativeLimits.points.max}
            onChange={(value) => {
              setPoints(value);
              form.fieldChanged('pointsPerMunicipality');
            }}
            error={form.errorOf('pointsPerMunicipality')}
          />
        ) : null}
        <NumberField
          id={fieldIds.quorumPercent}
          label={t('initiatives.round.quorum')}
          hint={t('initiatives.round.quorumHint')}
          value={quorum}
          min={initiativeLimits.quorumPercent.min}
          max={initiativeLimits.quorumPercent.max}
          onChange={(value) => {
            setQuorum(value);
            form.fieldChanged('quorumPercent');
          }}
          error={form.errorOf('quorumPercent')}
        />
        <div className="hub-form__actions">
          <button type="submit" className="kern-btn kern-btn--primary" aria-disabled={loading || undefined}>
            <span className="kern-label">{t('initiatives.round.submit')}</span>
          </button>
        </div>
      </form>
    </Page>
  );
}
