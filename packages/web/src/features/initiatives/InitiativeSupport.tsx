import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { apiErrorMessage } from '../../errors/apiErrors';
import { firstUserErrorMessage } from '../../errors/userErrorMessages';
import { graphql } from '../../gql';
import type { InitiativeSupport_InitiativeFragment } from '../../gql/graphql';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';

export const InitiativeSupportFragment = graphql(`
  fragment InitiativeSupport_initiative on Initiative {
    id
    supportCount
    supporters {
      id
      name
    }
    viewerSupports
    viewerCan {
      support
    }
  }
`);

const SupportInitiativeMutation = graphql(`
  mutation SupportInitiative($input: InitiativeIdInput!) {
    supportInitiative(input: $input) {
      initiative {
        id
        ...InitiativeSupport_initiative
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const WithdrawSupportMutation = graphql(`
  mutation WithdrawInitiativeSupport($input: InitiativeIdInput!) {
    withdrawInitiativeSupport(input: $input) {
      initiative {
        id
        ...InitiativeSupport_initiative
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** How many member municipalities are interested and which, and "Wir sind interessiert" for an officer's own municipality. */
export function InitiativeSupport({ initiative }: { initiative: InitiativeSupport_InitiativeFragment }) {
  const t = useT();
  const [support, supporting] = useMutation(SupportInitiativeMutation);
  const [withdraw, withdrawing] = useMutation(WithdrawSupportMutation);
  const loading = supporting.loading || withdrawing.loading;
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const supports = initiative.viewerSupports;
  const toggle = async () => {
    if (loading) return;
    try {
      const variables = { input: { initiativeId: initiative.id } };
      const userErrors = supports
        ? (await withdraw({ variables })).data?.withdrawInitiativeSupport.userErrors
        : (await support({ variables })).data?.supportInitiative.userErrors;
      const problem = firstUserErrorMessage(userErrors, t);
      setMessage(
        problem
          ? { ok: false, text: problem }
          : { ok: true, text: supports ? t('initiatives.support.withdrawn') : t('initiatives.support.done') },
      );
    } catch (failure) {
      setMessage({ ok: false, text: apiErrorMessage(failure, t) });
    }
  };
  return (
    <section className="hub-initiative-section" aria-labelledby="initiative-support">
      <h2 className="kern-heading-medium" id="initiative-support">
        {t('initiatives.support.heading')}
      </h2>
      <p className="kern-body">
        {t('initiatives.supporters', { count: initiative.supportCount })}
        {supports ? ` ${t('initiatives.support.yours')}` : ''}
      </p>
      {initiative.supporters.length ? (
        <p className="kern-body">{initiative.supporters.map((m) => m.name).join(', ')}</p>
      ) : null}
      {initiative.viewerCan.support ? (
        <p className="hub-initiative-actions">
          <button
            type="button"
            className={`kern-btn ${supports ? 'kern-btn--secondary' : 'kern-btn--primary'}`}
            aria-disabled={loading || undefined}
            onClick={() => void toggle()}
          >
            <span className="kern-label">
              {supports ? t('initiatives.support.withdraw') : t('initiatives.support.button')}
            </span>
          </button>
        </p>
      ) : null}
      {message ? (
        <Alert
          variant={message.ok ? 'success' : 'danger'}
          title={message.text}
          role={message.ok ? 'status' : 'alert'}
        />
      ) : null}
    </section>
  );
}
