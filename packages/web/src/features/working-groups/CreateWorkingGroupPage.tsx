import { useMutation } from '@apollo/client/react';
import { Navigate, useNavigate } from 'react-router';
import { graphql } from '../../gql';
import { useT } from '../../i18n';
import { useViewerCan } from '../../session/useViewerCan';
import { Page } from '../../ui/Page';
import { WorkingGroupForm } from './WorkingGroupForm';
import { workingGroupPaths } from './workingGroupPaths';
import './working-groups.css';

const CreateWorkingGroupMutation = graphql(`
  mutation CreateWorkingGroup($input: CreateWorkingGroupInput!) {
    createWorkingGroup(input: $input) {
      workingGroup {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** Coordinators set up a working group; its leads are appointed on the group page afterwards. */
export function CreateWorkingGroupPage() {
  const t = useT();
  const navigate = useNavigate();
  const viewerCan = useViewerCan();
  const [create] = useMutation(CreateWorkingGroupMutation);
  if (viewerCan && !viewerCan.createWorkingGroup) return <Navigate replace to={workingGroupPaths.list} />;

  return (
    <Page title={t('workingGroups.create.title')}>
      <div className="hub-form-page">
        <p className="kern-body">{t('workingGroups.create.intro')}</p>
        <WorkingGroupForm
          initialValues={{ name: '', topic: '', description: '', goals: '' }}
          submitLabel={t('workingGroups.create.submit')}
          save={async (input) => {
            const payload = (await create({ variables: { input } })).data?.createWorkingGroup;
            if (payload?.workingGroup) navigate(workingGroupPaths.detail(payload.workingGroup.id));
            return payload?.userErrors ?? [];
          }}
        />
      </div>
    </Page>
  );
}
