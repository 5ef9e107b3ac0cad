import { useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import type { UserError } from '../../errors/userErrors';
import { graphql } from '../../gql';
import type { AdoptProjectInput } from '../../gql/graphql';
import { projectPaths } from './projectPaths';

const AdoptProjectMutation = graphql(`
  mutation AdoptProject($input: AdoptProjectInput!) {
    adoptProject(input: $input) {
      project {
        id
        costs {
          label
        }
      }
      origin {
        id
        title
        adoptionCount
        leadMunicipality {
          id
          name
        }
      }
      notifiedPeople
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** What the new project's page confirms after an adoption (router state, so a reload does not repeat it). */
export interface AdoptionConfirmation {
  originTitle: string;
  originLead: string;
  copiedCosts: number;
  notifiedPeople: number;
}

export function adoptionConfirmationOf(state: unknown): AdoptionConfirmation | null {
  const adoption = (state as { adoption?: AdoptionConfirmation } | null)?.adoption;
  return adoption && typeof adoption.originTitle === 'string' ? adoption : null;
}

/** Adopts a project (Nachnutzung) and opens the new project with a confirmation; resolves to the userErrors. */
export function useAdoptProject() {
  const navigate = useNavigate();
  const [mutate, { loading }] = useMutation(AdoptProjectMutation);
  const adopt = async (input: AdoptProjectInput): Promise<readonly UserError[]> => {
    const { data } = await mutate({ variables: { input } });
    const payload = data?.adoptProject;
    if (payload?.project && payload.origin) {
      const adoption: AdoptionConfirmation = {
        originTitle: payload.origin.title,
        originLead: payload.origin.leadMunicipality.name,
        copiedCosts: payload.project.costs.length,
        notifiedPeople: payload.notifiedPeople,
      };
      void navigate(projectPaths.detail(payload.project.id), { state: { adoption } });
      return [];
    }
    return payload?.userErrors ?? [];
  };
  return { adopt, loading };
}
