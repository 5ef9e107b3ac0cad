import { workingGroupLimits } from '@hub/shared';
import { type FormEvent, useState } from 'react';
import { useT } from '../../i18n';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { type FormErrors, noFormErrors } from '../../ui/formErrors';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { useFormErrors } from '../../ui/useFormErrors';

export type WorkingGroupField = 'name' | 'topic' | 'description' | 'goals';
export type WorkingGroupValues = Record<WorkingGroupField, string>;

interface UserError {
  field: string | null;
  message: string;
  code: string;
}

interface WorkingGroupFormProps {
  initialValues: WorkingGroupValues;
  submitLabel: string;
  /** Saves the values; resolves to the payload's userErrors (empty when saved). */
  save: (values: WorkingGroupValues) => Promise<readonly UserError[]>;
}

const fieldIds: Record<WorkingGroupField, string> = {
  name: 'wg-name',
  topic: 'wg-topic',
  description: 'wg-description',
  goals: 'wg-goals',
};
const { name: nameLimits, topic: topicLimits } = workingGroupLimits;

function validate(values: WorkingGroupValues): FormErrors<WorkingGroupField> {
  const errors: FormErrors<WorkingGroupField> = noFormErrors();
  const name = values.name.trim().length;
  const topic = values.topic.trim().length;
  if (name < nameLimits.minLength || name > nameLimits.maxLength) {
    errors.fields.name = (t) =>
      t('workingGroups.validation.name', { min: nameLimits.minLength, max: nameLimits.maxLength });
  }
  if (topic < topicLimits.minLength || topic > topicLimits.maxLength) {
    errors.fields.topic = (t) =>
      t('workingGroups.validation.topic', { min: topicLimits.minLength, max: topicLimits.maxLength });
  }
  return errors;
}

/** Name, topic, description and goals of a group, checked with the shared limits before sending. */
export function WorkingGroupForm({ initialValues, submitLabel, save }: WorkingGroupFormProps) {
  const t = useT();
  const [values, setValues] = useState<WorkingGroupValues>(initialValues);
  const form = useFormErrors(fieldIds, 'workingGroups');
  const [saving, setSaving] = useState(false);
  const set = (field: WorkingGroupField) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    form.fieldChanged(field);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (saving) return;
    if (!form.check(validate(values))) return;
    setSaving(true);
    try {
      const userErrors = await save({ ...values, name: values.name.trim(), topic: values.topic.trim() });
      if (userErrors.length) form.showUserErrors(userErrors);
    } catch (error) {
      form.showRequestError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <ErrorSummary {...form.summary} />
      <form className="hub-form" noValidate onSubmit={submit}>
        <TextField
          id={fieldIds.name}
          label={t('workingGroups.field.name')}
          value={values.name}
          onChange={set('name')}
          error={form.errorOf('name')}
        />
        <TextField
          id={fieldIds.topic}
          label={t('workingGroups.field.topic')}
          hint={t('workingGroups.field.topicHint')}
          value={values.topic}
          onChange={set('topic')}
          error={form.errorOf('topic')}
        />
        <TextAreaField
          id={fieldIds.description}
          label={t('workingGroups.field.description')}
          value={values.description}
          onChange={set('description')}
          maxLength={workingGroupLimits.description.maxLength}
          error={form.errorOf('description')}
        />
        <TextAreaField
          id={fieldIds.goals}
          label={t('workingGroups.field.goals')}
          value={values.goals}
          onChange={set('goals')}
          maxLength={workingGroupLimits.goals.maxLength}
          error={form.errorOf('goals')}
        />
        <div className="hub-form__actions">
          <button type="submit" className="kern-btn kern-btn--primary" aria-disabled={saving || undefined}>
            <span className="kern-label">{submitLabel}</span>
          </button>
        </div>
      </form>
    </>
  );
}
