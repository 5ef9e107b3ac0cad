import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';
import { useT } from '../../i18n';
import { useConfirm } from '../../ui/ConfirmDialog';
import { actionErrorMessage } from './workingGroupErrors';

const AcceptMutation = graphql(`
  mutation AcceptWorkingGroupRequest($input: WorkingGroupMembershipIdInput!) {
    acceptWorkingGroupRequest(input: $input) {
      membership {
        id
        status
      }
      workingGroup {
        ...WorkingGroupPage_workingGroup
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const DeclineMutation = graphql(`
  mutation DeclineWorkingGroupRequest($input: WorkingGroupMembershipIdInput!) {
    declineWorkingGroupRequest(input: $input) {
      membership {
        id
        status
      }
      workingGroup {
        ...WorkingGroupPage_workingGroup
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const AppointLeadMutation = graphql(`
  mutation AppointWorkingGroupLead($input: WorkingGroupMembershipIdInput!) {
    appointWorkingGroupLead(input: $input) {
      membership {
        id
        role
      }
      workingGroup {
        ...WorkingGroupPage_workingGroup
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const DemoteLeadMutation = graphql(`
  mutation DemoteWorkingGroupLead($input: WorkingGroupMembershipIdInput!) {
    demoteWorkingGroupLead(input: $input) {
      membership {
        id
        role
      }
      workingGroup {
        ...WorkingGroupPage_workingGroup
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const RemoveMutation = graphql(`
  mutation RemoveWorkingGroupMember($input: WorkingGroupMembershipIdInput!) {
    removeWorkingGroupMember(input: $input) {
      membership {
        id
        status
      }
      workingGroup {
        ...WorkingGroupPage_workingGroup
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export type MembershipAction = 'accept' | 'decline' | 'appointLead' | 'demoteLead' | 'remove';

/** The actions that take something away from a person ask first. */
const confirmations = {
  decline: {
    title: 'workingGroups.requests.confirmDecline.title',
    consequence: 'workingGroups.requests.confirmDecline.consequence',
    confirmLabel: 'workingGroups.requests.decline',
  },
  demoteLead: {
    title: 'workingGroups.members.confirmDemote.title',
    consequence: 'workingGroups.members.confirmDemote.consequence',
    confirmLabel: 'workingGroups.members.demoteLead',
  },
  remove: {
    title: 'workingGroups.members.confirmRemove.title',
    consequence: 'workingGroups.members.confirmRemove.consequence',
    confirmLabel: 'workingGroups.members.remove',
  },
} as const satisfies Partial<Record<MembershipAction, unknown>>;

/**
 * The leads' actions on one membership of the group `groupName`. Declining, demoting and removing
 * ask for a confirmation first (render `dialog`). Each answer carries the group page's data (the cache
 * updates the page) and leaves a message
 * (success or the reason it failed) for a polite live region.
 */
export function useManageMembership(groupName: string) {
  const t = useT();
  const { confirm, dialog } = useConfirm();
  const [accept, accepting] = useMutation(AcceptMutation);
  const [decline, declining] = useMutation(DeclineMutation);
  const [appointLead, appointing] = useMutation(AppointLeadMutation);
  const [demoteLead, demoting] = useMutation(DemoteLeadMutation);
  const [remove, removing] = useMutation(RemoveMutation);
  const [message, setMessage] = useState<{ kind: 'success' | 'danger'; text: string } | null>(null);
  const busy = [accepting, declining, appointing, demoting, removing].some((state) => state.loading);

  const run = async (action: MembershipAction, membershipId: string, personName: string) => {
    if (busy) return;
    if (action === 'decline' || action === 'demoteLead' || action === 'remove') {
      const texts = confirmations[action];
      const names = { name: personName, group: groupName };
      const confirmed = await confirm({
        title: t(texts.title, { name: personName }),
        consequence: t(texts.consequence, names),
        confirmLabel: t(texts.confirmLabel),
      });
      if (!confirmed) return;
    }
    const variables = { input: { membershipId } };
    try {
      const payload = await {
        accept: async () => (await accept({ variables })).data?.acceptWorkingGroupRequest,
        decline: async () => (await decline({ variables })).data?.declineWorkingGroupRequest,
        appointLead: async () => (await appointLead({ variables })).data?.appointWorkingGroupLead,
        demoteLead: async () => (await demoteLead({ variables })).data?.demoteWorkingGroupLead,
        remove: async () => (await remove({ variables })).data?.removeWorkingGroupMember,
      }[action]();
      if (payload?.userErrors.length)
        setMessage({ kind: 'danger', text: actionErrorMessage(t, payload.userErrors) });
      else setMessage({ kind: 'success', text: t(`workingGroups.done.${action}`, { name: personName }) });
    } catch (error) {
      setMessage({ kind: 'danger', text: actionErrorMessage(t, undefined, error) });
    }
  };

  return { run, busy, message, dialog };
}
