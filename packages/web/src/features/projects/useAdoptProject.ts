import { useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { graphql } from '../../gql';
import { projectPaths } from './projectPaths';

const AdoptProjectMutation = graphql(`
  mutation AdoptProject($input: AdoptProjectInput!) {
    adoptProject(input: $input) {
      project {
        id
      }
      origin {
        id
        adoptionCount
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** Adopts a project (Nachnutzung) and opens the new project; resolves to the userErrors, if any. */
export function useAdoptProject() {
  const navigate = useNavigate();
  const [mutate, { loading }] = useMutation(AdoptProjectMutation);
  const adopt = async (input: {
    projectId: string;
    adaptations?: string | null;
    estimatedSavingCents?: number | null;
    /** Coordinators adopt on behalf of a municipality; officers for their own. */
    municipalityId?: string | null;
  }) => {
    const { data } = await mutate({ variables: { input } });
    const payload = data?.adoptProject;
    if (payload?.project) {
      navigate(projectPaths.detail(payload.project.id));
      return [];
    }
    return payload?.userErrors ?? [];
  };
  return { adopt, loading };
}
