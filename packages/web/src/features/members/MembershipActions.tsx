import type { ApolloCache } from '@apollo/client';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useId, useState } from 'react';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import type { MembershipActions_MunicipalityFragment } from '../../gql/graphql';
import { type PlainMessageKey, useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { useConfirm } from '../../ui/ConfirmDialog';
import { membershipErrorMessage } from './membershipErrors';

export const MembershipActionsFragment = graphql(`
  fragment MembershipActions_municipality on Municipality {
    id
    name
    viewerCan {
      inviteToNetwork
      applyForMembership
    }
    membership {
      id
      status
      answerBy
      viewerCan {
        accept
        decline
        suspend
        reactivate
        end
      }
    }
  }
`);

/**
 * Every membership step answers with the membership and its municipality as the screens show them,
 * so the cache (and the municipality's page) shows the new state at once.
 */
export const MembershipPayloadFields = graphql(`
  fragment MembershipPayloadFields on MembershipPayload {
    membership {
      id
      status
      since
      createdAt
      ...MembershipHistory_membership
      municipality {
        id
        networkMember
        ...MembershipActions_municipality
        membership {
          id
          status
          since
          ...MembershipHistory_membership
        }
      }
    }
    userErrors {
      ...UserErrorFields
    }
  }
`);

const InviteMunicipality = graphql(`
  mutation InviteMunicipality($input: StartMembershipInput!) {
    inviteMunicipality(input: $input) {
      ...MembershipPayloadFields
    }
  }
`);
const ApplyForMembership = graphql(`
  mutation ApplyForMembership($input: StartMembershipInput!) {
    applyForMembership(input: $input) {
      ...MembershipPayloadFields
    }
  }
`);
const AcceptMembership = graphql(`
  mutation AcceptMembership($input: ChangeMembershipInput!) {
    acceptMembership(input: $input) {
      ...MembershipPayloadFields
    }
  }
`);
const DeclineMembership = graphql(`
  mutation DeclineMembership($input: ChangeMembershipInput!) {
    declineMembership(input: $input) {
      ...MembershipPayloadFields
    }
  }
`);
const SuspendMembership = graphql(`
  mutation SuspendMembership($input: ChangeMembershipInput!) {
    suspendMembership(input: $input) {
      ...MembershipPayloadFields
    }
  }
`);
const ReactivateMembership = graphql(`
  mutation ReactivateMembership($input: ChangeMembershipInput!) {
    reactivateMembership(input: $input) {
      ...MembershipPayloadFields
    }
  }
`);
const EndMembership = graphql(`
  mutation EndMembership($input: ChangeMembershipInput!) {
    endMembership(input: $input) {
      ...MembershipPayloadFields
    }
  }
`);

function forgetWaitingLists(cache: ApolloCache) {
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'viewerOpenSteps' });
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'networkMemberships' });
  cache.gc();
}

type Action = 'invite' | 'apply' | 'accept' | 'decline' | 'withdraw' | 'suspend' | 'reactivate' | 'end';

const actionLabel: Record<Action, PlainMessageKey> = {
  invite: 'members.action.invite',
  apply: 'members.action.apply',
  accept: 'members.action.accept',
  decline: 'members.action.decline',
  withdraw: 'members.action.withdraw',
  suspend: 'members.action.suspend',
  reactivate: 'members.action.reactivate',
  end: 'members.action.end',
};

/** The steps that take a membership away ask first: their dialog's title and consequence. */
const confirmation = {
  decline: { title: 'members.confirm.decline.title', consequence: 'members.confirm.decline.consequence' },
  suspend: { title: 'members.confirm.suspend.title', consequence: 'members.confirm.suspend.consequence' },
  end: { title: 'members.confirm.end.title', consequence: 'members.confirm.end.consequence' },
} as const;

/**
 * The membership workflow's buttons for one municipality: only those the API says the viewer may
 * use now (`viewerCan`), with an optional note kept in the history.
 */
export function MembershipActions({
  municipality,
  onChanged,
  compact = false,
}: {
  municipality: MembershipActions_MunicipalityFragment;
  onChanged?: () => void;
  /** Buttons only, without the note field (in tables). */
  compact?: boolean;
}) {
  const t = useT();
  const { confirm, dialog } = useConfirm();
  const noteId = useId();
  const [note, setNote] = useState('');
  const [message, setMessage] = useState<{ variant: 'success' | 'danger'; text: string } | null>(null);
  const client = useApolloClient();
  const [invite, inviting] = useMutation(InviteMunicipality);
  const [apply, applying] = useMutation(ApplyForMembership);
  const [accept, accepting] = useMutation(AcceptMembership);
  const [decline, declining] = useMutation(DeclineMembership);
  const [suspend, suspending] = useMutation(SuspendMembership);
  const [reactivate, reactivating] = useMutation(ReactivateMembership);
  const [end, ending] = useMutation(EndMembership);
  const busy = [inviting, applying, accepting, declining, suspending, reactivating, ending].some(
    (s) => s.loading,
  );

  const membership = municipality.membership;
  const available: Action[] = [];
  if (municipality.viewerCan.inviteToNetwork) available.push('invite');
  if (municipality.viewerCan.applyForMembership) available.push('apply');
  if (membership?.viewerCan.accept) available.push('accept');
  // Declining an invitation one did not receive is withdrawing it (the coordinators' side).
  const asked = membership?.viewerCan.accept ?? false;
  if (membership?.viewerCan.decline)
    available.push(membership.answerBy === 'MUNICIPALITY' && !asked ? 'withdraw' : 'decline');
  if (membership?.viewerCan.suspend) available.push('suspend');
  if (membership?.viewerCan.reactivate) available.push('reactivate');
  if (membership?.viewerCan.end) available.push('end');
  const waitingFor =
    membership?.answerBy && !asked
      ? t(
          membership.answerBy === 'MUNICIPALITY'
            ? compact
              ? 'members.answerBy.municipalityShort'
              : 'members.answerBy.municipality'
            : compact
              ? 'members.answerBy.coordinatorsShort'
              : 'members.answerBy.coordinators',
          { name: municipality.name },
        )
      : null;
  // After the last possible step (an officer accepting), the outcome must still be announced.
  if (available.length === 0 && !message && !waitingFor) return null;

  const run = async (action: Action) => {
    if (busy) return;
    if (action === 'decline' || action === 'suspend' || action === 'end') {
      const name = { name: municipality.name };
      const confirmed = await confirm({
        title: t(confirmation[action].title, name),
        consequence: t(confirmation[action].consequence, name),
        confirmLabel: t(actionLabel[action]),
      });
      if (!confirmed) return;
    }
    setMessage(null);
    const start = { input: { municipalityId: municipality.id, note: note.trim() || null } };
    const change = { input: { membershipId: membership?.id ?? '', note: note.trim() || null } };
    const perform: Record<
      Action,
      () => Promise<{ userErrors: { code: string; message: string }[] } | undefined>
    > = {
      invite: async () => (await invite({ variables: start })).data?.inviteMunicipality,
      apply: async () => (await apply({ variables: start })).data?.applyForMembership,
      accept: async () => (await accept({ variables: change })).data?.acceptMembership,
      decline: async () => (await decline({ variables: change })).data?.declineMembership,
      withdraw: async () => (await decline({ variables: change })).data?.declineMembership,
      suspend: async () => (await suspend({ variables: change })).data?.suspendMembership,
      reactivate: async () => (await reactivate({ variables: change })).data?.reactivateMembership,
      end: async () => (await end({ variables: change })).data?.endMembership,
    };
    try {
      const data = await perform[action]();
      const errors = data?.userErrors ?? [];
      if (errors.length)
        setMessage({ variant: 'danger', text: errors.map((e) => membershipErrorMessage(t, e)).join(' ') });
      else {
        // The membership and its municipality are updated from the answer. Which municipalities
        // wait for an answer (the start page's open steps, the administration's lists by status)
        // follows from the new status on the server: those lists are read again where they are
        // shown, and the message waits for them, so the page never shows the old step with the news.
        await client.refetchQueries({ updateCache: forgetWaitingLists });
        setNote('');
        setMessage({ variant: 'success', text: t('members.action.done', { name: municipality.name }) });
        onChanged?.();
      }
    } catch (error) {
      setMessage({ variant: 'danger', text: apiErrorMessage(error, t) });
    }
  };

  return (
    <div className="hub-members-actions-block">
      {dialog}
      {waitingFor ? <p className="hub-members-waiting">{waitingFor}</p> : null}
      {message ? (
        <Alert
          variant={message.variant}
          title={message.text}
          role={message.variant === 'danger' ? 'alert' : 'status'}
        />
      ) : null}
      {compact || available.length === 0 ? null : (
        <div className="kern-form-input">
          <label className="kern-label" htmlFor={noteId}>
            {t('members.action.note')}
          </label>
          <input
            className="kern-form-input__input"
            id={noteId}
            type="text"
            maxLength={1000}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        </div>
      )}
      <div className="hub-members-actions">
        {available.map((action) => (
          <button
            key={action}
            type="button"
            className={`kern-btn ${action === 'end' || action === 'decline' || action === 'withdraw' || action === 'suspend' ? 'kern-btn--secondary' : 'kern-btn--primary'}`}
            aria-disabled={busy || undefined}
            onClick={() => run(action)}
          >
            <span className="kern-label">
              {t(actionLabel[action])}
              <span className="kern-sr-only">: {municipality.name}</span>
            </span>
          </button>
        ))}
      </div>
    </div>
  );
}
