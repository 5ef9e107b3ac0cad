import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { FollowState } from '../../gql/graphql';
import { useT } from '../../i18n';
import { useViewer } from '../../session/useViewer';

export const FollowStateQuery = graphql(`
  query FollowState($subjectId: ID!) {
    followState(subjectId: $subjectId) {
      subjectId
      state
      automatic
      viewerCanFollow
    }
  }
`);

const SetFollowState = graphql(`
  mutation SetFollowState($input: SetFollowStateInput!) {
    setFollowState(input: $input) {
      follow {
        subjectId
        state
        automatic
        viewerCanFollow
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/**
 * Follow / unfollow and mute for a project, working group, municipality or thread: following
 * decides which notifications reach the viewer; muting silences the subject entirely.
 */
export function FollowButton({ subjectId }: { subjectId: string }) {
  const t = useT();
  const { viewer } = useViewer();
  const { data } = useQuery(FollowStateQuery, { variables: { subjectId }, skip: !viewer || !subjectId });
  const [setState, { loading }] = useMutation(SetFollowState, {
    update(cache, { data: result }) {
      const follow = result?.setFollowState.follow;
      if (follow)
        cache.writeQuery({
          query: FollowStateQuery,
          variables: { subjectId },
          data: { followState: follow },
        });
    },
  });
  const follow = data?.followState;
  if (!follow?.viewerCanFollow) return null;
  const change = (state: FollowState) => void setState({ variables: { input: { subjectId, state } } });
  const following = follow.state === 'FOLLOWING';
  const muted = follow.state === 'MUTED';
  return (
    <fieldset className="hub-follow">
      <legend className="kern-sr-only">{t('follow.label')}</legend>
      <p className="hub-follow__state" aria-live="polite">
        {t(`follow.state.${follow.state}`)}
        {following && follow.automatic ? ` ${t('follow.automatic')}` : ''}
      </p>
      <button
        type="button"
        className={following ? 'kern-btn kern-btn--secondary' : 'kern-btn kern-btn--primary'}
        disabled={loading}
        onClick={() => change(following ? 'NOT_FOLLOWING' : 'FOLLOWING')}
      >
        <span className="kern-label">{following ? t('follow.unfollow') : t('follow.follow')}</span>
      </button>
      <button
        type="button"
        className="kern-btn kern-btn--tertiary"
        disabled={loading}
        onClick={() => change(muted ? 'NOT_FOLLOWING' : 'MUTED')}
      >
        <span className="kern-label">{muted ? t('follow.unmute') : t('follow.mute')}</span>
      </button>
    </fieldset>
  );
}
