import { useMutation } from '@apollo/client/react';
import { workingGroupLimits } from '@hub/shared';
import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import { useT } from '../../i18n';
import { useViewer } from '../../session/useViewer';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { type FormErrors, formError, hasFormErrors, noFormErrors } from '../../ui/formErrors';
import { Page } from '../../ui/Page';
import { TextField } from '../../ui/TextField';
import { TextAreaField } from './TextAreaField';
import { workingGroupErrorMessage } from './workingGroupErrors';
import { workingGroupPaths } from './workingGroupPaths';
import './working-groups.css';

const CreateWorkingGroupMutation = graphql(`
  mutation CreateWorkingGroup($input: CreateWorkingGroupInput!) {
    createWorkingGroup(input: $input) {
      workingGroup {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

type Field = 'name' | 'topic' | 'description' | 'goals';
const fieldIds: Record<Field, string> = {
  name: 'wg-name',
  topic: 'wg-topic',
  description: 'wg-description',
  goals: 'wg-goals',
};
const { name: nameLimits, topic: topicLimits } = workingGroupLimits;

/** Coordinators set up a working group; its leads are appointed on the group page afterwards. */
export function CreateWorkingGroupPage() {
  const t = useT();
  const navigate = useNavigate();
  const { viewer } = useViewer();
  const [create, { loading }] = useMutation(CreateWorkingGroupMutation, {
    refetchQueries: ['WorkingGroupsPage'],
  });
  const [values, setValues] = useState<Record<Field, string>>({ name: '', topic: '', description: '', goals: '' });
  const [errors, setErrors] = useState<FormErrors<Field>>(noFormErrors);
  const [attempt, setAttempt] = useState(0);
  if (viewer && viewer.role !== 'COORDINATOR') return <Navigate replace to={workingGroupPaths.list} />;

  const set = (field: Field) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading) return;
    setAttempt((count) => count + 1);
    const clientErrors: FormErrors<Field> = noFormErrors();
    if (values.name.trim().length < nameLimits.minLength || values.name.trim().length > nameLimits.maxLength) {
      clientErrors.fields.name = (tr) => tr('workingGroups.validation.name', { min: nameLimits.minLength, max: nameLimits.maxLength });
    }
    if (values.topic.trim().length < topicLimits.minLength || values.topic.trim().length > topicLimits.maxLength) {
      clientErrors.fields.topic = (tr) => tr('workingGroups.validation.topic', { min: topicLimits.minLength, max: topicLimits.maxLength });
    }
    setErrors(clientErrors);
    if (hasFormErrors(clientErrors)) return;
    try {
      const { data } = await create({
        variables: {
          input: { name: values.name.trim(), topic: values.topic.trim(), description: values.description, goals: values.goals },
        },
      });
      const payload = data?.createWorkingGroup;
      if (payload?.workingGroup) navigate(workingGroupPaths.detail(payload.workingGroup.id));
      else if (payload) {
        const next: FormErrors<Field> = noFormErrors();
        for (const userError of payload.userErrors) {
          const field = userError.field?.split('.').pop() as Field | undefined;
          if (field && field in fieldIds && !next.fields[field]) next.fields[field] = workingGroupErrorMessage(userError);
          else next.form.push(workingGroupErrorMessage(userError));
        }
        setErrors(next);
      }
    } catch (error) {
      setErrors(formError((tr) => apiErrorMessage(error, tr)));
    }
  };

  return (
    <Page title={t('workingGroups.create.title')}>
      <div className="hub-form-page">
        <p className="kern-body">{t('workingGroups.create.intro')}</p>
        <ErrorSummary errors={errors} fieldIds={fieldIds} attempt={attempt} />
        <form className="hub-form" noValidate onSubmit={submit}>
          <TextField id={fieldIds.name} label={t('workingGroups.field.name')} value={values.name} onChange={set('name')} error={errors.fields.name} />
          <TextField
            id={fieldIds.topic}
            label={t('workingGroups.field.topic')}
            hint={t('workingGroups.field.topicHint')}
            value={values.topic}
            onChange={set('topic')}
            error={errors.fields.topic}
          />
          <TextAreaField
            id={fieldIds.description}
            label={t('workingGroups.field.description')}
            value={values.description}
            onChange={set('description')}
            maxLength={workingGroupLimits.description.maxLength}
            error={errors.fields.description}
          />
          <TextAreaField
            id={fieldIds.goals}
            label={t('workingGroups.field.goals')}
            value={values.goals}
            onChange={set('goals')}
            maxLength={workingGroupLimits.goals.maxLength}
            error={errors.fields.goals}
          />
          <div className="hub-form__actions">
            <button type="submit" className="kern-btn kern-btn--primary" aria-disabled={loading || undefined}>
              <span className="kern-label">{t('workingGroups.create.submit')}</span>
            </button>
          </div>
        </form>
      </div>
    </Page>
  );
}
