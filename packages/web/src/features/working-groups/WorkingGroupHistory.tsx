import { graphql } from '../../gql';
import type { WorkingGroupHistory_WorkingGroupFragment } from '../../gql/graphql';
import { formatDateTime, useLocale, useT } from '../../i18n';

export const WorkingGroupHistoryFragment = graphql(`
  fragment WorkingGroupHistory_workingGroup on WorkingGroup {
    id
    membershipHistory {
      id
      createdAt
      fromStatus
      toStatus
      fromRole
      toRole
      actor {
        id
        name
      }
      membership {
        id
        user {
          id
          name
        }
      }
    }
  }
`);

type MembershipEvent = NonNullable<WorkingGroupHistory_WorkingGroupFragment['membershipHistory']>[number];

/** The message that tells what one membership change was. */
function eventKey(event: MembershipEvent) {
  if (event.fromRole && event.fromRole !== event.toRole) {
    return event.toRole === 'LEAD'
      ? 'workingGroups.history.appointedLead'
      : 'workingGroups.history.demotedLead';
  }
  switch (event.toStatus) {
    case 'REQUESTED':
      return 'workingGroups.history.requested';
    case 'ACTIVE':
      if (event.fromStatus === 'REQUESTED') return 'workingGroups.history.accepted';
      return event.toRole === 'LEAD' ? 'workingGroups.history.addedAsLead' : 'workingGroups.history.added';
    case 'DECLINED':
      return 'workingGroups.history.declined';
    case 'LEFT':
      return event.fromStatus === 'REQUESTED'
        ? 'workingGroups.history.withdrew'
        : 'workingGroups.history.left';
    default:
      return 'workingGroups.history.removed';
  }
}

/** Who joined, left, led, and who decided, newest first: for the leads and coordinators. */
export function WorkingGroupHistory({
  workingGroup,
}: {
  workingGroup: WorkingGroupHistory_WorkingGroupFragment;
}) {
  const t = useT();
  const { locale } = useLocale();
  const history = workingGroup.membershipHistory;
  if (!history) return null;

  return (
    <section className="hub-wg-section" aria-labelledby="wg-history">
      <h2 className="kern-heading-medium" id="wg-history">
        {t('workingGroups.history.heading')}
      </h2>
      {history.length === 0 ? (
        <p className="kern-body">{t('workingGroups.history.empty')}</p>
      ) : (
        <ol className="hub-wg-history" reversed>
          {[...history].reverse().map((event) => (
            <li key={event.id} className="kern-body">
              <time dateTime={event.createdAt}>{formatDateTime(event.createdAt, locale)}</time>:{' '}
              {t(eventKey(event), {
                person: event.membership.user.name,
                actor: event.actor?.name ?? t('workingGroups.history.unknownActor'),
              })}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
