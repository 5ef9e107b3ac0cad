import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import { LazyThreadSection } from '../discussions/LazyThreadSection';
import { WorkingGroupActions } from './WorkingGroupActions';
import { WorkingGroupHistory } from './WorkingGroupHistory';
import { WorkingGroupLinks } from './WorkingGroupLinks';
import { WorkingGroupMembers } from './WorkingGroupMembers';
import { WorkingGroupRequests } from './WorkingGroupRequests';
import { workingGroupPaths } from './workingGroupPaths';
import './working-groups.css';
import { FollowButton } from '../notifications/FollowButton';

/**
 * Everything the group page shows. The membership and group mutations select it, so the page shows
 * their answer from the cache.
 */
export const WorkingGroupPageFragment = graphql(`
  fragment WorkingGroupPage_workingGroup on WorkingGroup {
  id
  name
  topic
  description
  goals
  archived
  viewerCan {
    edit
  }
  leads {
    id
    user {
      id
      name
      municipality {
        id
        name
      }
    }
  }
  ...WorkingGroupActions_workingGroup
  ...WorkingGroupRequests_workingGroup
  ...WorkingGroupMembers_workingGroup
  ...WorkingGroupHistory_workingGroup
  ...WorkingGroupLinks_workingGroup
  }
`);

export const WorkingGroupPageQuery = graphql(`
  query WorkingGroupPage($id: ID!) {
    workingGroup(id: $id) {
      id
      ...WorkingGroupPage_workingGroup
    }
  }
`);

/** One working group: what it is for, who leads it, its members, and what the viewer may do. */
export function WorkingGroupPage() {
  const t = useT();
  const { workingGroupId = '' } = useParams();
  const { data, loading, error, refetch } = useQuery(WorkingGroupPageQuery, {
    variables: { id: workingGroupId },
    fetchPolicy: 'cache-and-network',
  });
  const group = data?.workingGroup;

  if (!data && loading) {
    return (
      <Page title={t('workingGroups.title')}>
        <LoadingIndicator />
      </Page>
    );
  }
  if (!group) {
    const notFound = !error || apiErrorMessage(error, t) === t('error.BAD_USER_INPUT');
    return (
      <Page title={notFound ? t('workingGroups.notFound') : t('error.pageTitle')}>
        <Alert
          variant={notFound ? 'warning' : 'danger'}
          title={notFound ? t('workingGroups.notFoundText') : apiErrorMessage(error, t)}
          role="alert"
        >
          {notFound ? null : (
            <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => refetch()}>
              <span className="kern-label">{t('error.retry')}</span>
            </button>
          )}
        </Alert>
        <p>
          <Link className="kern-link" to={workingGroupPaths.list}>
            {t('workingGroups.backToList')}
          </Link>
        </p>
      </Page>
    );
  }

  return (
    <Page title={group.name}>
      <FollowButton subjectId={workingGroupId} />
      <p>
        <Link className="kern-link" to={workingGroupPaths.list}>
          {t('workingGroups.backToList')}
        </Link>
      </p>
      {group.archived ? <Alert variant="warning" title={t('workingGroups.archivedNotice')} /> : null}
      {group.viewerCan.edit ? (
        <p>
          <Link className="kern-btn kern-btn--secondary" to={workingGroupPaths.edit(group.id)}>
            <span className="kern-label">{t('workingGroups.edit.link')}</span>
          </Link>
        </p>
      ) : null}
      <dl className="kern-description-list">
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t('workingGroups.field.topic')}</dt>
          <dd className="kern-description-list-item__value">{group.topic}</dd>
        </div>
        <div className="kern-description-list-item">
          <dt className="kern-description-list-item__key">{t('workingGroups.leads')}</dt>
          <dd className="kern-description-list-item__value">
            {group.leads.length
              ? group.leads
                  .map((lead) =>
                    lead.user.municipality
                      ? `${lead.user.name} (${lead.user.municipality.name})`
                      : lead.user.name,
                  )
                  .join(', ')
              : t('workingGroups.noLeads')}
          </dd>
        </div>
      </dl>
      <section className="hub-wg-section" aria-labelledby="wg-description">
        <h2 className="kern-heading-medium" id="wg-description">
          {t('workingGroups.field.description')}
        </h2>
        <p className="kern-body hub-wg-text">{group.description || t('workingGroups.noDescription')}</p>
      </section>
      <section className="hub-wg-section" aria-labelledby="wg-goals">
        <h2 className="kern-heading-medium" id="wg-goals">
          {t('workingGroups.field.goals')}
        </h2>
        <p className="kern-body hub-wg-text">{group.goals || t('workingGroups.noGoals')}</p>
      </section>
      <WorkingGroupActions workingGroup={group} />
      <WorkingGroupRequests workingGroup={group} />
      <WorkingGroupMembers workingGroup={group} />
      <WorkingGroupLinks workingGroup={group} />
      <WorkingGroupHistory workingGroup={group} />
      <LazyThreadSection subjectId={group.id} />
    </Page>
  );
}
