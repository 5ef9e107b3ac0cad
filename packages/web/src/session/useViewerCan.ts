import { useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import type { ViewerCanQuery } from '../gql/graphql';

const ViewerCanQueryDocument = graphql(`
  query ViewerCan {
    viewerCan {
      createProject
      chooseProjectMunicipality
      setNetworkProject
      createMeeting
      planMeetings
      createWorkingGroup
      listPeople
      invitePeople
      listMemberships
      administerMemberships
      exportMemberships
      readParticipation
      listMailDeliveries
    }
  }
`);

/**
 * What the viewer may do across the hub, as the API's policies answer (`Query.viewerCan`): screens
 * ask this instead of checking roles. Null until the answer is there. Pages that run a query of
 * their own select the answers they need in it instead.
 */
export function useViewerCan(): ViewerCanQuery['viewerCan'] | null {
  return useQuery(ViewerCanQueryDocument).data?.viewerCan ?? null;
}
