import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';
import { useT } from '../../i18n';
import { actionErrorMessage } from './workingGroupErrors';

const AcceptMutation = graphql(`
  mutation AcceptWorkingGroupRequest($input: WorkingGroupMembershipIdInput!) {
    acceptWorkingGroupRequest(input: $input) {
      membership {
        id
        status
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
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export type MembershipAction = 'accept' | 'decline' | 'appointLead' | 'demoteLead' | 'remove';

const refetch = { refetchQueries: ['WorkingGroupPage'], awaitRefetchQueries: true };

/**
 * The leads' actions on one membership. Each refetches the group page and leaves a message
 * (success or the reason it failed) for a polite live region.
 */
export function useManageMembership() {
  const t = useT();
  const [accept, accepting] = useMutation(AcceptMutation, refetch);
  const [decline, declining] = useMutation(DeclineMutation, refetch);
  const [appointLead, appointing] = useMutation(AppointLeadMutation, refetch);
  const [demoteLead, demoting] = useMutation(DemoteLeadMutation, refetch);
  const [remove, removing] = useMutation(RemoveMutation, refetch);
  const [message, setMessage] = useState<{ kind: 'success' | 'danger'; text: string } | null>(null);
  const busy = [accepting, declining, appointing, demoting, removing].some((state) => state.loading);

  const run = async (action: MembershipAction, membershipId: string, personName: string) => {
    if (busy) return;
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

  return { run, busy, message };
}
