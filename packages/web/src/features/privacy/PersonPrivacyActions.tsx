import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { apiErrorMessage } from '../../errors/apiErrors';
import { userErrorMessage } from '../../errors/userErrors';
import { graphql } from '../../gql';
import type { PersonPrivacyActions_UserFragment } from '../../gql/graphql';
import { useT } from '../../i18n';
import { useConfirm } from '../../ui/ConfirmDialog';
import { usePersonalDataDownload } from './usePersonalDataDownload';

export const PersonPrivacyActionsFragment = graphql(`
  fragment PersonPrivacyActions_user on User {
    id
    name
    erasureRequestedAt
    viewerCanExportData
    viewerCanErase
  }
`);

const ErasePerson = graphql(`
  mutation ErasePerson($input: ErasePersonInput!) {
    erasePerson(input: $input) {
      person {
        id
        name
        erased
        email
        phone
        position
        status
        erasureRequestedAt
        viewerCanExportData
        viewerCanErase
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** A coordinator's data-protection actions on a person: export their data, erase them. */
export function PersonPrivacyActions({ person }: { person: PersonPrivacyActions_UserFragment }) {
  const t = useT();
  const { download, busy, problem } = usePersonalDataDownload();
  const { confirm, dialog } = useConfirm();
  // No refetch: the row stays (now showing the pseudonym) so the message about it can be read.
  const [erase] = useMutation(ErasePerson);
  const [message, setMessage] = useState<string | null>(null);
  // Rendered on after an erasure (when neither action is left), so the message stays readable.
  if (!person.viewerCanExportData && !person.viewerCanErase && !message && !problem) return null;

  const eraseAfterConfirming = async () => {
    const confirmed = await confirm({
      title: t('privacy.erase.confirm.title', { name: person.name }),
      consequence: t('privacy.erase.confirm.consequence', { name: person.name }),
      confirmLabel: t('privacy.erase.confirm.confirm'),
    });
    if (!confirmed) return;
    setMessage(null);
    try {
      const { data } = await erase({ variables: { input: { personId: person.id } } });
      const errors = data?.erasePerson.userErrors ?? [];
      setMessage(
        errors.length
          ? errors.map((e) => userErrorMessage(e, 'privacy')(t)).join(' ')
          : t('privacy.erase.done', { pseudonym: data?.erasePerson.person?.name ?? '' }),
      );
    } catch (error) {
      setMessage(apiErrorMessage(error, t));
    }
  };

  return (
    <>
      {person.erasureRequestedAt ? (
        <span className="kern-badge kern-badge--warning">{t('privacy.erase.requested')}</span>
      ) : null}
      {person.viewerCanExportData ? (
        <button
          type="button"
          className="kern-btn kern-btn--secondary kern-btn--x-small"
          aria-disabled={busy || undefined}
          onClick={() => download(person.id, 'html')}
        >
          <span className="kern-label">
            {t('privacy.export.action')}
            <span className="kern-sr-only">: {person.name}</span>
          </span>
        </button>
      ) : null}
      {person.viewerCanErase ? (
        <button
          type="button"
          className="kern-btn kern-btn--secondary kern-btn--x-small"
          onClick={eraseAfterConfirming}
        >
          <span className="kern-label">
            {t('privacy.erase.action')}
            <span className="kern-sr-only">: {person.name}</span>
          </span>
        </button>
      ) : null}
      {problem || message ? (
        <p className="kern-body kern-body--small" role="status">
          {problem ?? message}
        </p>
      ) : null}
      {dialog}
    </>
  );
}
