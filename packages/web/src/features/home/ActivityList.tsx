import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { ActivityList_EntryFragment } from '../../gql/graphql';
import type { PlainMessageKey } from '../../i18n';
import { formatDateTime, useLocale, useT } from '../../i18n';
import { meetingPaths } from '../meetings/meetingPaths';
import { memberPaths } from '../members/memberPaths';
import { phaseLabel } from '../projects/labels';
import { projectPaths } from '../projects/projectPaths';
import { workingGroupPaths } from '../working-groups/workingGroupPaths';

export const ActivityListFragment = graphql(`
  fragment ActivityList_entry on ActivityEntry {
    id
    type
    occurredAt
    phase
    membershipStatus
    actor {
      id
      name
    }
    project {
      id
      title
    }
    meeting {
      id
      title
    }
    workingGroup {
      id
      name
    }
    municipality {
      id
      name
    }
  }
`);

const KNOWN_TYPES = new Set([
  'project.publish',
  'project.statusUpdate',
  'project.adopt',
  'meeting.create',
  'minutes.publish',
  'membership.status',
  'workingGroup.create',
  'workingGroup.update',
  'workingGroupMembership.accept',
  'workingGroupMembership.appoint',
]);

const typeLabel = (type: string) =>
  `dashboard.activity.type.${KNOWN_TYPES.has(type) ? type : 'other'}` as PlainMessageKey;

/** What an entry is about, as a link to its page (the first object the viewer may read). */
function subjectLink(entry: ActivityList_EntryFragment): { to: string; text: string } | null {
  if (entry.project) return { to: projectPaths.detail(entry.project.id), text: entry.project.title };
  if (entry.meeting) return { to: meetingPaths.detail(entry.meeting.id), text: entry.meeting.title };
  if (entry.workingGroup)
    return { to: workingGroupPaths.detail(entry.workingGroup.id), text: entry.workingGroup.name };
  if (entry.municipality)
    return { to: memberPaths.municipality(entry.municipality.id), text: entry.municipality.name };
  return null;
}

/** A feed of domain events, newest first: what happened, to what (linked), who and when. */
export function ActivityList({
  entries,
  empty,
}: {
  entries: readonly ActivityList_EntryFragment[];
  empty: string;
}) {
  const t = useT();
  const { locale } = useLocale();
  if (!entries.length) return <p className="kern-body">{empty}</p>;
  return (
    <ul className="hub-dashboard-list">
      {entries.map((entry) => {
        const subject = subjectLink(entry);
        const detail = entry.phase
          ? t(phaseLabel(entry.phase))
          : entry.membershipStatus
            ? t(`members.status.${entry.membershipStatus}`)
            : null;
        return (
          <li key={entry.id} className="hub-dashboard-list__item">
            <span className="kern-body kern-body--bold">{t(typeLabel(entry.type))}</span>
            {detail ? <span className="kern-body"> ({detail})</span> : null}
            {subject ? (
              <>
                {': '}
                <Link className="kern-link" to={subject.to}>
                  {subject.text}
                </Link>
              </>
            ) : null}
            <span className="kern-body kern-body--small hub-dashboard-list__meta">
              <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt, locale)}</time>
              {entry.actor ? ` · ${t('dashboard.activity.by', { name: entry.actor.name })}` : ''}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
