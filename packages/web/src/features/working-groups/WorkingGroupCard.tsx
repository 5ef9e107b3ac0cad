import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { WorkingGroupCard_WorkingGroupFragment } from '../../gql/graphql';
import { useT } from '../../i18n';
import { workingGroupPaths } from './workingGroupPaths';

export const WorkingGroupCardFragment = graphql(`
  fragment WorkingGroupCard_workingGroup on WorkingGroup {
    id
    name
    topic
    description
    archived
    memberCount
    viewerMembership {
      id
      role
      status
    }
  }
`);

/** One group in the list: name (the link), topic, member count and the viewer's relation to it. */
export function WorkingGroupCard({ workingGroup }: { workingGroup: WorkingGroupCard_WorkingGroupFragment }) {
  const t = useT();
  const relation = workingGroup.viewerMembership;
  return (
    <article className="kern-card hub-wg-card">
      <div className="kern-card__container">
        <header className="kern-card__header">
          <h2 className="kern-title">
            <Link className="kern-link" to={workingGroupPaths.detail(workingGroup.id)}>
              {workingGroup.name}
            </Link>
          </h2>
          <p className="kern-subline">{workingGroup.topic}</p>
        </header>
        <div className="kern-card__body">
          {workingGroup.description ? (
            <p className="kern-body hub-wg-card__description">{workingGroup.description}</p>
          ) : null}
          <p className="kern-body hub-wg-card__meta">
            <span>{t('workingGroups.memberCount', { count: workingGroup.memberCount })}</span>
            {workingGroup.archived ? (
              <span className="kern-badge kern-badge--warning">{t('workingGroups.archived')}</span>
            ) : null}
            {relation ? (
              <span className="kern-badge kern-badge--info">
                {relation.status === 'REQUESTED'
                  ? t('workingGroups.relation.requested')
                  : relation.role === 'LEAD'
                    ? t('workingGroups.relation.lead')
                    : t('workingGroups.relation.member')}
              </span>
            ) : null}
          </p>
        </div>
      </div>
    </article>
  );
}
