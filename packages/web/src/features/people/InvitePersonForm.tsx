import { useMutation } from '@apollo/client/react';
import { limits } from '@hub/shared';
import { type FormEvent, useState } from 'react';
import { graphql } from '../../gql';
import type { Role } from '../../gql/graphql';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { noFormErrors } from '../../ui/formErrors';
import { TextField } from '../../ui/TextField';
import { useFormErrors } from '../../ui/useFormErrors';
import { MunicipalityPicker, type PickedMunicipality } from '../members/MunicipalityPicker';
import '../members/members.css';
import { SelectField } from '../../ui/SelectField';
import { roleLabel, roles } from './roles';

const InvitePerson = graphql(`
  mutation InvitePerson($input: InviteUserInput!) {
    inviteUser(input: $input) {
      user {
        id
        name
        email
        # The municipality's officers as its pages list them, the new one included.
        municipality {
          id
          officers {
            id
            name
            position
            email
            phone
          }
        }
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

type InviteField = 'name' | 'email' | 'role' | 'municipalityId' | 'position';
const fields: readonly InviteField[] = ['name', 'email', 'role', 'municipalityId', 'position'];

/** A plausibility check only; the API validates the address itself. */
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

const empty = { name: '', email: '', position: '', role: 'OFFICER' as Role };

/**
 * Coordinators invite one person: name, e-mail, role, an officer's municipality, position. With
 * `municipality` given, it invites that municipality's officer (role and municipality fixed).
 */
export function InvitePersonForm({
  municipality: fixed,
  idPrefix = 'invite',
}: {
  municipality?: PickedMunicipality;
  /** Prefix of the fields' ids, unique on the page. */
  idPrefix?: string;
}) {
  const t = useT();
  const fieldIds = Object.fromEntries(fields.map((f) => [f, `${idPrefix}-${f}`])) as Record<
    InviteField,
    string
  >;
  const [values, setValues] = useState(empty);
  const [picked, setPicked] = useState<PickedMunicipality | null>(null);
  const municipality = fixed ?? picked;
  const form = useFormErrors(fieldIds, 'people');
  const [invited, setInvited] = useState<string | null>(null);
  const [invite, { loading }] = useMutation(InvitePerson);
  const set = (field: keyof typeof values) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    form.fieldChanged(field);
  };
  const officer = fixed !== undefined || values.role === 'OFFICER';

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (loading) return;
    setInvited(null);
    const clientErrors = noFormErrors<InviteField>();
    if (!values.name.trim()) clientErrors.fields.name = (tr) => tr('people.invite.nameRequired');
    if (!values.email.trim()) clientErrors.fields.email = (tr) => tr('people.invite.emailRequired');
    else if (!EMAIL.test(values.email.trim()))
      clientErrors.fields.email = (tr) => tr('people.importError.INVALID_EMAIL');
    if (officer && !municipality)
      clientErrors.fields.municipalityId = (tr) => tr('people.invite.municipalityRequired');
    if (!form.check(clientErrors)) return;
    try {
      const { data } = await invite({
        variables: {
          input: {
            name: values.name.trim(),
            email: values.email.trim(),
            role: fixed ? 'OFFICER' : values.role,
            municipalityId: officer ? (municipality?.id ?? null) : null,
            position: values.position.trim() || null,
          },
        },
      });
      const payload = data?.inviteUser;
      if (payload?.userErrors.length) form.showUserErrors(payload.userErrors);
      else if (payload?.user) {
        setInvited(payload.user.name);
        setValues(empty);
        setPicked(null);
      }
    } catch (error) {
      form.showRequestError(error);
    }
  };

  const municipalityError = form.errorOf('municipalityId');
  return (
    <>
      {invited ? (
        <Alert variant="success" title={t('people.invite.done', { name: invited })} role="status" />
      ) : null}
      <ErrorSummary {...form.summary} />
      <form className="hub-form" noValidate onSubmit={submit}>
        <TextField
          maxLength={limits.personName.maxLength}
          id={fieldIds.name}
          label={t('people.name')}
          autoComplete="off"
          value={values.name}
          onChange={set('name')}
          error={form.errorOf('name')}
        />
        <TextField
          id={fieldIds.email}
          label={t('field.email')}
          type="email"
          autoComplete="off"
          value={values.email}
          onChange={set('email')}
          error={form.errorOf('email')}
        />
        {fixed ? null : (
          <SelectField id={fieldIds.role} label={t('people.role')} value={values.role} onChange={set('role')}>
            {roles.map((role) => (
              <option key={role} value={role}>
                {t(roleLabel[role])}
              </option>
            ))}
          </SelectField>
        )}
        {officer && !fixed ? (
          <MunicipalityPicker
            id={fieldIds.municipalityId}
            searchLabel={t('people.invite.municipalitySearch')}
            label={t('people.municipality')}
            value={picked}
            onChange={(next) => {
              setPicked(next);
              form.fieldChanged('municipalityId');
            }}
            error={municipalityError ? municipalityError(t) : undefined}
          />
        ) : null}
        <TextField
          maxLength={limits.position.maxLength}
          id={fieldIds.position}
          label={t('people.profile.position')}
          autoComplete="off"
          value={values.position}
          onChange={set('position')}
          error={form.errorOf('position')}
          required={false}
          hint={t('people.profile.maxLength', { max: limits.position.maxLength })}
        />
        <div className="hub-form__actions">
          <button type="submit" className="kern-btn kern-btn--primary" aria-disabled={loading || undefined}>
            <span className="kern-label">{t('people.invite.submit')}</span>
          </button>
        </div>
      </form>
    </>
  );
}
