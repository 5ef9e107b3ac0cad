import { useApolloClient, useMutation } from '@apollo/client/react';
import { useCallback } from 'react';
import { graphql } from '../gql';
import { signedOutPath } from '../paths';
import { writeSessionViewer } from './session';
import type { Viewer } from './useViewer';

const SignOutMutation = graphql(`
  mutation SignOut {
    signOut {
      success
    }
  }
`);

/** Makes a person returned by a sign-in, invitation or password-reset mutation the current viewer. */
export function useStartSession(): (viewer: Viewer) => void {
  const client = useApolloClient();
  return useCallback((viewer: Viewer) => writeSessionViewer(client.cache, viewer), [client]);
}

/**
 * Signs out on the server, then loads the sign-in page afresh: a new page load leaves nothing of the
 * person's data in memory, which matters on the shared computers of a town hall.
 */
export function useSignOut(): { signOut: () => Promise<void>; signingOut: boolean } {
  const [signOutOnServer, { loading }] = useMutation(SignOutMutation);

  const signOut = useCallback(async () => {
    try {
      await signOutOnServer();
    } catch {
      // If the server could not be reached, the reload shows the person still signed in, which is true.
    }
    window.location.assign(signedOutPath);
  }, [signOutOnServer]);

  return { signOut, signingOut: loading };
}
