import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { EmailFrequency, NotificationType } from '../../gql/graphql';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { SelectField } from '../../ui/SelectField';

export const NotificationSettingsQuery = graphql(`
  query NotificationSettings {
    notificationPreferences {
      type
      email
      defaultEmail
    }
  }
`);

const SetNotificationPreference = graphql(`
  mutation SetNotificationPreference($input: SetNotificationPreferenceInput!) {
    setNotificationPreference(input: $input) {
      preferences {
        type
        email
        defaultEmail
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const frequencies: EmailFrequency[] = ['IMMEDIATELY', 'DAILY', 'WEEKLY', 'NEVER'];

/** E-mail per notification type (at once, daily, weekly, never), in the profile; saved on change. */
export function NotificationSettings() {
  const t = useT();
  const { data } = useQuery(NotificationSettingsQuery);
  const [save, { loading }] = useMutation(SetNotificationPreference, {
    update(cache, { data: saved }) {
      if (saved?.setNotificationPreference.preferences)
        cache.writeQuery({
          query: NotificationSettingsQuery,
          data: { notificationPreferences: saved.setNotificationPreference.preferences },
        });
    },
  });
  const [savedType, setSavedType] = useState<NotificationType | null>(null);

  return (
    <section
      id="benachrichtigungen"
      aria-labelledby="notification-settings-heading"
      className="hub-notification-settings"
    >
      <h2 id="notification-settings-heading" className="kern-heading-medium">
        {t('notifications.settings.title')}
      </h2>
      <p>{t('notifications.settings.intro')}</p>
      {savedType ? (
        <Alert
          variant="success"
          role="status"
          title={t('notifications.settings.saved', { type: t(`notificationType.${savedType}`) })}
        />
      ) : null}
      <div className="hub-notification-settings__grid">
        {data?.notificationPreferences.map((preference) => (
          <SelectField
            key={preference.type}
            id={`notification-email-${preference.type}`}
            label={t(`notificationType.${preference.type}`)}
            value={preference.email}
            disabled={loading}
            hint={t('notifications.settings.default', {
              value: t(`emailFrequency.${preference.defaultEmail}`),
            })}
            onChange={(value) => {
              setSavedType(null);
              void save({
                variables: { input: { type: preference.type, email: value as EmailFrequency } },
              }).then(() => setSavedType(preference.type));
            }}
          >
            {frequencies.map((frequency) => (
              <option key={frequency} value={frequency}>
                {t(`emailFrequency.${frequency}`)}
              </option>
            ))}
          </SelectField>
        ))}
      </div>
    </section>
  );
}
