import { useMutation } from '@apollo/client/react';
import { initiativeLimits } from '@hub/shared';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { graphql } from '../../gql';
import type { ProjectCategory } from '../../gql/graphql';
import { useT } from '../../i18n';
import { ErrorSummary } from '../../ui/ErrorSummary';
import type { FormErrors } from '../../ui/formErrors';
import { Page } from '../../ui/Page';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { useFormErrors } from '../../ui/useFormErrors';
import { type PickedProject, ProjectPicker } from '../meetings/ProjectPicker';
import { CATEGORIES, categoryLabel } from '../projects/labels';
import { parseEuroToCents } from '../projects/money';

import { initiativePaths } from './initiativePaths';
import { SimilarProjectsHint } from './SimilarProjectsHint';
import './initiatives.css';

const ProposeInitiativeMutation = graphql(`
  mutation ProposeInitiative($input: ProposeInitiativeInput!) {
    proposeInitiative(input: $input) {
      initiative {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

type Field =
  | 'title'
  | 'category'
  | 'problem'
  | 'goal'
  | 'expectedBenefit'
  | 'costEstimateCents'
  | 'fundingProgrammes';

const fieldIds: Record<Field, string> = {
  title: 'initiative-title',
  category: 'initiative-category',
  problem: 'initiative-problem',
  goal: 'initiative-goal',
  expectedBenefit: 'initiative-benefit',
  costEstimateCents: 'initiative-cost',
  fundingProgrammes: 'initiative-funding',
};

interface Values {
  title: string;
  category: ProjectCategory | '';
  problem: string;
  goal: string;
  benefit: string;
  cost: string;
  funding: string;
  related: PickedProject[];
}

const empty: Values = {
  title: '',
  category: '',
  problem: '',
  goal: '',
  benefit: '',
  cost: '',
  funding: '',
  related: [],
};

const fundingLines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** "Initiative vorschlagen": problem, goal, benefit, rough costs and funding; similar projects are shown first. */
export function ProposeInitiativePage() {
  const t = useT();
  const navigate = useNavigate();
  const [values, setValues] = useState<Values>(empty);
  const [propose, { loading }] = useMutation(ProposeInitiativeMutation);
  const form = useFormErrors(fieldIds);
  const set = (field: keyof Values, formField?: Field) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    if (formField) form.fieldChanged(formField);
  };

  const validate = (): FormErrors<Field> => {
    const fields: FormErrors<Field>['fields'] = {};
    const required: [Field, string, string][] = [
      ['title', values.title, t('initiatives.form.titleField')],
      ['problem', values.problem, t('initiatives.form.problem')],
      ['goal', values.goal, t('initiatives.form.goal')],
      ['expectedBenefit', values.benefit, t('initiatives.form.benefit')],
      ['category', values.category, t('initiatives.form.category')],
    ];
    for (const [field, value, label] of required) {
      if (!value.trim()) fields[field] = (tr) => tr('initiatives.form.required', { field: label });
    }
    if (values.cost.trim() && parseEuroToCents(values.cost) === null)
      fields.costEstimateCents = (tr) => tr('initiatives.form.costInvalid');
    return { fields, form: [] };
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading || !form.check(validate())) return;
    try {
      const { data } = await propose({
        variables: {
          input: {
            title: values.title.trim(),
            problem: values.problem.trim(),
            goal: values.goal.trim(),
            expectedBenefit: values.benefit.trim(),
            category: values.category as ProjectCategory,
            costEstimateCents: values.cost.trim() ? parseEuroToCents(values.cost) : null,
            fundingProgrammes: fundingLines(values.funding),
            relatedProjectIds: values.related.map((project) => project.id),
          },
        },
      });
      const payload = data?.proposeInitiative;
      if (payload?.initiative) {
        void navigate(initiativePaths.detail(payload.initiative.id), {
          state: { proposed: true },
        });
        return;
      }
      form.showUserErrors(payload?.userErrors ?? []);
    } catch (failure) {
      form.showRequestError(failure);
    }
  };

  return (
    <Page title={t('initiatives.form.title')}>
      <p className="kern-body">{t('initiatives.form.intro')}</p>
      <ErrorSummary {...form.summary} />
      <form className="hub-form" noValidate onSubmit={(event) => void submit(event)}>
        <TextField
          id={fieldIds.title}
          label={t('initiatives.form.titleField')}
          value={values.title}
          onChange={set('title', 'title')}
          maxLength={initiativeLimits.title.maxLength}
          error={form.errorOf('title')}
        />
        <SelectField
          id={fieldIds.category}
          label={t('initiatives.form.category')}
          value={values.category}
          onChange={set('category', 'category')}
          required
          error={form.errorOf('category')}
        >
          <option value="">–</option>
          {CATEGORIES.map((value) => (
            <option key={value} value={value}>
              {t(categoryLabel(value))}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          id={fieldIds.problem}
          label={t('initiatives.form.problem')}
          value={values.problem}
          onChange={set('problem', 'problem')}
          maxLength={initiativeLimits.text.maxLength}
          required
          rows={4}
          error={form.errorOf('problem')}
        />
        {/* Before anything is saved: an existing project may already solve it ("nothing twice"). */}
        <SimilarProjectsHint
          title={values.title}
          problem={values.problem}
          goal={values.goal}
          category={values.category}
        />
        <TextAreaField
          id={fieldIds.goal}
          label={t('initiatives.form.goal')}
          value={values.goal}
          onChange={set('goal', 'goal')}
          maxLength={initiativeLimits.text.maxLength}
          required
          rows={3}
          error={form.errorOf('goal')}
        />
        <TextAreaField
          id={fieldIds.expectedBenefit}
          label={t('initiatives.form.benefit')}
          value={values.benefit}
          onChange={set('benefit', 'expectedBenefit')}
          maxLength={initiativeLimits.text.maxLength}
          required
          rows={3}
          error={form.errorOf('expectedBenefit')}
        />
        <TextField
          id={fieldIds.costEstimateCents}
          label={`${t('initiatives.form.costEstimate')} ${t('form.optional')}`}
          hint={t('initiatives.form.costHint')}
          value={values.cost}
          onChange={set('cost', 'costEstimateCents')}
          required={false}
          error={form.errorOf('costEstimateCents')}
        />
        <TextAreaField
          id={fieldIds.fundingProgrammes}
          label={t('initiatives.form.funding')}
          hint={t('initiatives.form.fundingHint')}
          value={values.funding}
          onChange={set('funding', 'fundingProgrammes')}
          maxLength={initiativeLimits.fundingProgramme.maxLength * initiativeLimits.fundingProgrammes.max}
          rows={3}
          error={form.errorOf('fundingProgrammes')}
        />
        <ProjectPicker
          idPrefix="initiative-related"
          multiple
          selected={values.related}
          onChange={(related) => setValues((current) => ({ ...current, related }))}
        />
        <div className="hub-form__actions">
          <button type="submit" className="kern-btn kern-btn--primary" aria-disabled={loading || undefined}>
            <span className="kern-label">{t('initiatives.form.submit')}</span>
          </button>
        </div>
      </form>
    </Page>
  );
}
