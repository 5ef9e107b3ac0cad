import { useMutation, useQuery } from '@apollo/client/react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import { WorkingGroupForm } from './WorkingGroupForm';
import { workingGroupPaths } from './workingGroupPaths';
import './working-groups.css';

export const EditWorkingGroupPageQuery = graphql(`
  query EditWorkingGroupPage($id: ID!) {
    workingGroup(id: $id) {
      id
      name
      topic
      description
      goals
      viewerCan {
        edit
      }
    }
  }
`);

const UpdateWorkingGroupMutation = graphql(`
  mutation UpdateWorkingGroup($input: UpdateWorkingGroupInput!) {
    updateWorkingGroup(input: $input) {
      workingGroup {
        id
        name
        topic
        description
        goals
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** Leads and coordinators change a group's name, topic, description and goals. */
export function EditWorkingGroupPage() {
  const t = useT();
  const navigate = useNavigate();
  const { workingGroupId = '' } = useParams();
  const { data, loading, error } = useQuery(EditWorkingGroupPageQuery, {
    variables: { id: workingGroupId },
    fetchPolicy: 'network-only',
  });
  const [update] = useMutation(UpdateWorkingGroupMutation);
  const group = data?.workingGroup;

  if (loading) {
    return (
      <Page title={t('workingGroups.edit.title')}>
        <LoadingIndicator />
      </Page>
    );
  }
  if (!group) {
    return (
      <Page title={t('workingGroups.edit.title')}>
        <Alert
          variant="danger"
          title={error ? apiErrorMessage(error, t) : t('workingGroups.notFoundText')}
          role="alert"
        />
        <p>
          <Link className="kern-link" to={workingGroupPaths.list}>
            {t('workingGroups.backToList')}
          </Link>
        </p>
      </Page>
    );
  }
  if (!group.viewerCan.edit) return <Navigate replace to={workingGroupPaths.detail(group.id)} />;

  return (
    <Page
      title={t('workingGroups.edit.title')}
      heading={t('workingGroups.edit.heading', { name: group.name })}
    >
      <div className="hub-form-page">
        <WorkingGroupForm
          initialValues={{
            name: group.name,
            topic: group.topic,
            description: group.description,
            goals: group.goals,
          }}
          submitLabel={t('workingGroups.edit.submit')}
          save={async (values) => {
            const payload = (await update({ variables: { input: { id: group.id, ...values } } })).data
              ?.updateWorkingGroup;
            if (payload?.workingGroup) navigate(workingGroupPaths.detail(payload.workingGroup.id));
            return payload?.userErrors ?? [];
          }}
        />
      </div>
    </Page>
  );
}
