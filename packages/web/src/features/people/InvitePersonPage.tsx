import { useMutation } from '@apollo/client/react';
import { limits } from '@hub/shared';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { Role } from '../../gql/graphql';
import { useT } from '../../i18n';
import { useViewer } from '../../session/useViewer';
import { Alert } from '../../ui/Alert';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { noFormErrors } from '../../ui/formErrors';
import { Page } from '../../ui/Page';
import { TextField } from '../../ui/TextField';
import { useFormErrors } from '../../ui/useFormErrors';
import { MunicipalityPicker, type PickedMunicipality } from '../members/MunicipalityPicker';
import '../members/members.css';
import { SelectField } from '../../ui/SelectField';
import { peoplePaths } from './peoplePaths';
import { personErrorMessage } from './personErrors';
import { roleLabel, roles } from './roles';

const InvitePerson = graphql(`
  mutation InvitePerson($input: InviteUserInput!) {
    inviteUser(input: $input) {
      user {
        id
        name
        email
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

type InviteField = 'name' | 'email' | 'role' | 'municipalityId' | 'position';
const fieldIds: Record<InviteField, string> = {
  name: 'invite-name',
  email: 'invite-email',
  role: 'invite-role',
  municipalityId: 'invite-municipality',
  position: 'invite-position',
};

/** A plausibility check only; the API validates the address itself. */
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

const empty = { name: '', email: '', position: '', role: 'OFFICER' as Role };

/** Coordinators invite one person: name, e-mail, role, an officer's municipality, position. */
export function InvitePersonPage() {
  const t = useT();
  const { viewer } = useViewer();
  const [values, setValues] = useState(empty);
  const [municipality, setMunicipality] = useState<PickedMunicipality | null>(null);
  const form = useFormErrors(fieldIds, personErrorMessage);
  const [invited, setInvited] = useState<string | null>(null);
  const [invite, { loading }] = useMutation(InvitePerson, { refetchQueries: ['PeoplePage'] });
  const set = (field: keyof typeof values) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    form.fieldChanged(field);
  };
  const officer = values.role === 'OFFICER';

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
            role: values.role,
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
        setMunicipality(null);
      }
    } catch (error) {
      form.showRequestError(error);
    }
  };

  const municipalityError = form.errorOf('municipalityId');
  if (viewer && viewer.role !== 'COORDINATOR') {
    return (
      <Page title={t('people.invite.title')}>
        <Alert variant="warning" title={t('people.invite.forbidden')} />
      </Page>
    );
  }
  return (
    <Page title={t('people.invite.title')}>
      <p>
        <Link className="kern-link" to={peoplePaths.list}>
          {t('people.import.back')}
        </Link>
      </p>
      <p className="kern-body">{t('people.invite.intro')}</p>
      {invited ? (
        <Alert variant="success" title={t('people.invite.done', { name: invited })} role="status" />
      ) : null}
      <ErrorSummary {...form.summary} />
      <form className="hub-form" noValidate onSubmit={submit}>
        <TextField
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
        <SelectField id={fieldIds.role} label={t('people.role')} value={values.role} onChange={set('role')}>
          {roles.map((role) => (
            <option key={role} value={role}>
              {t(roleLabel[role])}
            </option>
          ))}
        </SelectField>
        {officer ? (
          <MunicipalityPicker
            id={fieldIds.municipalityId}
            searchLabel={t('people.invite.municipalitySearch')}
            label={t('people.municipality')}
            value={municipality}
            onChange={(picked) => {
              setMunicipality(picked);
              form.fieldChanged('municipalityId');
            }}
            error={municipalityError ? municipalityError(t) : undefined}
          />
        ) : null}
        <TextField
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
    </Page>
  );
}
