import { useMutation, useQuery } from '@apollo/client/react';
import { limits } from '@hub/shared';
import { type FormEvent, lazy, Suspense, useEffect, useState } from 'react';
import { graphql } from '../../gql';
import type { Locale } from '../../gql/graphql';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { noFormErrors } from '../../ui/formErrors';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { useFormErrors } from '../../ui/useFormErrors';
import { NotificationSettings } from '../notifications/NotificationSettings';

const UpdateProfile = graphql(`
  mutation UpdateProfile($input: UpdateProfileInput!) {
    updateProfile(input: $input) {
      user {
        ...SessionViewer
        phone
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ProfilePageQuery = graphql(`
  query ProfilePage {
    viewer {
      id
      name
      email
      phone
      position
      locale
    }
  }
`);

// Loaded on demand: the download and erasure controls are not needed to edit the profile.
const MyDataSection = lazy(() => import('../privacy/MyDataSection'));

type ProfileField = 'name' | 'email' | 'currentPassword' | 'position' | 'phone';
const fieldIds: Record<ProfileField, string> = {
  name: 'profile-name',
  email: 'profile-email',
  currentPassword: 'profile-current-password',
  position: 'profile-position',
  phone: 'profile-phone',
};

/** Everyone keeps their own profile: name, position, phone, e-mail and language. */
export function ProfilePage() {
  const t = useT();
  const { data, loading } = useQuery(ProfilePageQuery);
  const viewer = data?.viewer ?? null;
  // The answer carries every field of the page (SessionViewer and the phone): the cache updates it.
  const [update, { loading: saving }] = useMutation(UpdateProfile);
  const [values, setValues] = useState({
    name: '',
    email: '',
    currentPassword: '',
    position: '',
    phone: '',
    locale: 'DE' as Locale,
  });
  const form = useFormErrors(fieldIds, 'people');
  // The previous address that was told about a change, or true for a save without one.
  const [saved, setSaved] = useState<string | boolean>(false);

  useEffect(() => {
    if (viewer) {
      setValues({
        name: viewer.name,
        email: viewer.email ?? '',
        currentPassword: '',
        position: viewer.position ?? '',
        phone: viewer.phone ?? '',
        locale: viewer.locale,
      });
    }
  }, [viewer]);

  if (loading || !viewer) return <LoadingIndicator />;
  const set = (field: keyof typeof values) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    if (field !== 'locale') form.fieldChanged(field);
  };
  // Changing the sign-in address needs the password, so a session left open is not enough.
  const emailChanges = values.email.trim().toLowerCase() !== (viewer.email ?? '').toLowerCase();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (saving) return;
    setSaved(false);
    const clientErrors = noFormErrors<ProfileField>();
    if (!values.name.trim()) clientErrors.fields.name = (tr) => tr('people.profile.nameRequired');
    if (emailChanges && !values.currentPassword)
      clientErrors.fields.currentPassword = (tr) => tr('people.profile.currentPasswordRequired');
    if (!form.check(clientErrors)) return;
    try {
      const { data } = await update({
        variables: {
          input: {
            name: values.name.trim(),
            email: values.email.trim(),
            currentPassword: emailChanges ? values.currentPassword : null,
            position: values.position.trim() || null,
            phone: values.phone.trim() || null,
            locale: values.locale,
          },
        },
      });
      const payload = data?.updateProfile;
      if (payload?.userErrors.length) form.showUserErrors(payload.userErrors);
      else setSaved(emailChanges ? (viewer.email ?? true) : true);
    } catch (error) {
      form.showRequestError(error);
    }
  };

  return (
    <Page title={t('people.profile.title')}>
      {saved ? (
        <Alert
          variant="success"
          title={
            typeof saved === 'string'
              ? t('people.profile.emailChanged', { email: saved })
              : t('people.profile.saved')
          }
          role="status"
        />
      ) : null}
      <ErrorSummary {...form.summary} />
      <form className="hub-form" noValidate onSubmit={submit}>
        <TextField
          maxLength={limits.personName.maxLength}
          id={fieldIds.name}
          label={t('people.name')}
          autoComplete="name"
          value={values.name}
          onChange={set('name')}
          error={form.errorOf('name')}
        />
        <TextField
          id={fieldIds.email}
          label={t('field.email')}
          type="email"
          autoComplete="email"
          value={values.email}
          onChange={set('email')}
          error={form.errorOf('email')}
        />
        {emailChanges ? (
          <TextField
            id={fieldIds.currentPassword}
            label={t('people.profile.currentPassword')}
            type="password"
            autoComplete="current-password"
            value={values.currentPassword}
            onChange={set('currentPassword')}
            error={form.errorOf('currentPassword')}
            hint={t('people.profile.currentPasswordHint')}
          />
        ) : null}
        <TextField
          maxLength={limits.position.maxLength}
          id={fieldIds.position}
          label={t('people.profile.position')}
          autoComplete="organization-title"
          value={values.position}
          onChange={set('position')}
          error={form.errorOf('position')}
          required={false}
          hint={t('people.profile.maxLength', { max: limits.position.maxLength })}
        />
        <TextField
          maxLength={limits.phone.maxLength}
          id={fieldIds.phone}
          label={t('people.profile.phone')}
          autoComplete="tel"
          value={values.phone}
          onChange={set('phone')}
          error={form.errorOf('phone')}
          required={false}
        />
        <SelectField
          id="profile-locale"
          label={t('people.profile.locale')}
          value={values.locale}
          onChange={set('locale')}
        >
          <option value="DE">Deutsch</option>
          <option value="EN">English</option>
        </SelectField>
        <p className="kern-body kern-body--small">{t('people.profile.privacy')}</p>
        <div className="hub-form__actions">
          <button type="submit" className="kern-btn kern-btn--primary" aria-disabled={saving || undefined}>
            <span className="kern-label">{t('people.profile.save')}</span>
          </button>
        </div>
      </form>
      <NotificationSettings />
      <Suspense fallback={<LoadingIndicator />}>
        <MyDataSection />
      </Suspense>
    </Page>
  );
}
