import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { useConfirm } from '../../ui/ConfirmDialog';

const CreateFeedMutation = graphql(`
  mutation CreateCalendarFeed {
    createCalendarFeed {
      url
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const RevokeFeedMutation = graphql(`
  mutation RevokeCalendarFeed {
    revokeCalendarFeed {
      url
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** The personal calendar subscription: a secret URL, shown once, that can be revoked. */
export function CalendarFeed() {
  const t = useT();
  const { confirm, dialog } = useConfirm();
  const [create, creating] = useMutation(CreateFeedMutation);
  const [revoke, revoking] = useMutation(RevokeFeedMutation);
  const [url, setUrl] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section className="hub-meeting-section" aria-labelledby="meetings-feed">
      <h2 className="kern-heading-medium" id="meetings-feed">
        {t('meetings.feed.title')}
      </h2>
      <p className="kern-body">{t('meetings.feed.intro')}</p>
      <div className="hub-form__actions">
        <button
          type="button"
          className="kern-btn kern-btn--secondary"
          disabled={creating.loading}
          onClick={async () => {
            const result = await create();
            setUrl(result.data?.createCalendarFeed.url ?? null);
            setNotice(null);
          }}
        >
          <span className="kern-label">{t('meetings.feed.create')}</span>
        </button>
        <button
          type="button"
          className="kern-btn kern-btn--tertiary"
          disabled={revoking.loading}
          onClick={async () => {
            const confirmed = await confirm({
              title: t('meetings.feed.confirmRevoke.title'),
              consequence: t('meetings.feed.confirmRevoke.consequence'),
              confirmLabel: t('meetings.feed.revoke'),
            });
            if (!confirmed) return;
            await revoke();
            setUrl(null);
            setNotice(t('meetings.feed.revoked'));
          }}
        >
          <span className="kern-label">{t('meetings.feed.revoke')}</span>
        </button>
      </div>
      {dialog}
      {url ? (
        <div className="kern-form-input">
          <label className="kern-label" htmlFor="meetings-feed-url">
            {t('meetings.feed.url')}
          </label>
          <input
            className="kern-form-input__input"
            id="meetings-feed-url"
            readOnly
            value={url}
            onFocus={(e) => e.target.select()}
          />
        </div>
      ) : null}
      {notice ? <Alert variant="success" title={notice} role="status" /> : null}
    </section>
  );
}
