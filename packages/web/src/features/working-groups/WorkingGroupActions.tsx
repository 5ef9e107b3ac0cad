import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { WorkingGroupActions_WorkingGroupFragment } from '../../gql/graphql';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { useConfirm } from '../../ui/ConfirmDialog';
import { actionErrorMessage } from './workingGroupErrors';

export const WorkingGroupActionsFragment = graphql(`
  fragment WorkingGroupActions_workingGroup on WorkingGroup {
    id
    name
    archived
    viewerMembership {
      id
      role
      status
    }
    viewerCan {
      requestToJoin
      leave
      archive
    }
  }
`);

const RequestToJoinMutation = graphql(`
  mutation RequestToJoinWorkingGroup($input: RequestToJoinWorkingGroupInput!) {
    requestToJoinWorkingGroup(input: $input) {
      membership {
        id
        status
      }
      workingGroup {
        ...WorkingGroupPage_workingGroup
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const LeaveMutation = graphql(`
  mutation LeaveWorkingGroup($input: WorkingGroupIdInput!) {
    leaveWorkingGroup(input: $input) {
      membership {
        id
        status
      }
      workingGroup {
        ...WorkingGroupPage_workingGroup
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const ArchiveMutation = graphql(`
  mutation ArchiveWorkingGroup($input: WorkingGroupIdInput!) {
    archiveWorkingGroup(input: $input) {
      workingGroup {
        ...WorkingGroupPage_workingGroup
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** The viewer's relation to the group and what they may do: ask to join, leave or withdraw, archive. */
export function WorkingGroupActions({
  workingGroup,
}: {
  workingGroup: WorkingGroupActions_WorkingGroupFragment;
}) {
  const t = useT();
  const { confirm, dialog } = useConfirm();
  const [requestToJoin, joining] = useMutation(RequestToJoinMutation);
  const [leave, leaving] = useMutation(LeaveMutation);
  const [archive, archiving] = useMutation(ArchiveMutation);
  const [message, setMessage] = useState<{ kind: 'success' | 'danger'; text: string } | null>(null);
  const busy = joining.loading || leaving.loading || archiving.loading;
  const own = workingGroup.viewerMembership;
  const input = { workingGroupId: workingGroup.id };

  const run = async (
    work: () => Promise<
      { userErrors: readonly { field: string | null; message: string; code: string }[] } | undefined
    >,
    success: string,
  ) => {
    if (busy) return;
    try {
      const payload = await work();
      if (payload?.userErrors.length)
        setMessage({ kind: 'danger', text: actionErrorMessage(t, payload.userErrors) });
      else setMessage({ kind: 'success', text: success });
    } catch (error) {
      setMessage({ kind: 'danger', text: actionErrorMessage(t, undefined, error) });
    }
  };

  const relation = !own
    ? t('workingGroups.relation.none')
    : own.status === 'REQUESTED'
      ? t('workingGroups.relation.requestedLong')
      : own.role === 'LEAD'
        ? t('workingGroups.relation.leadLong')
        : t('workingGroups.relation.memberLong');

  return (
    <section className="hub-wg-section" aria-labelledby="wg-relation">
      <h2 className="kern-heading-medium" id="wg-relation">
        {t('workingGroups.relation.heading')}
      </h2>
      <div aria-live="polite">{message ? <Alert variant={message.kind} title={message.text} /> : null}</div>
      {dialog}
      <p className="kern-body">{workingGroup.archived ? t('workingGroups.archivedNotice') : relation}</p>
      {!workingGroup.archived && own?.status === 'ACTIVE' && !workingGroup.viewerCan.leave ? (
        <p className="kern-body">{t('workingGroups.lastLeadHint')}</p>
      ) : null}
      <div className="hub-wg-actions">
        {workingGroup.viewerCan.requestToJoin ? (
          <button
            type="button"
            className="kern-btn kern-btn--primary"
            aria-disabled={busy || undefined}
            onClick={() =>
              run(
                async () => (await requestToJoin({ variables: { input } })).data?.requestToJoinWorkingGroup,
                t('workingGroups.requested'),
              )
            }
          >
            <span className="kern-label">{t('workingGroups.requestToJoin')}</span>
          </button>
        ) : null}
        {workingGroup.viewerCan.leave ? (
          <button
            type="button"
            className="kern-btn kern-btn--secondary"
            aria-disabled={busy || undefined}
            onClick={async () => {
              const withdraw = own?.status === 'REQUESTED';
              const confirmed = await confirm(
                withdraw
                  ? {
                      title: t('workingGroups.confirmWithdraw.title', { name: workingGroup.name }),
                      consequence: t('workingGroups.confirmWithdraw.consequence'),
                      confirmLabel: t('workingGroups.withdraw'),
                    }
                  : {
                      title: t('workingGroups.confirmLeave.title', { name: workingGroup.name }),
                      consequence: t('workingGroups.confirmLeave.consequence'),
                      confirmLabel: t('workingGroups.leave'),
                    },
              );
              if (!confirmed) return;
              run(
                async () => (await leave({ variables: { input } })).data?.leaveWorkingGroup,
                withdraw ? t('workingGroups.withdrawn') : t('workingGroups.left'),
              );
            }}
          >
            <span className="kern-label">
              {own?.status === 'REQUESTED' ? t('workingGroups.withdraw') : t('workingGroups.leave')}
            </span>
          </button>
        ) : null}
        {workingGroup.viewerCan.archive ? (
          <button
            type="button"
            className="kern-btn kern-btn--tertiary"
            aria-disabled={busy || undefined}
            onClick={async () => {
              const confirmed = await confirm({
                title: t('workingGroups.confirmArchive.title', { name: workingGroup.name }),
                consequence: t('workingGroups.confirmArchive.consequence'),
                confirmLabel: t('workingGroups.archive'),
              });
              if (!confirmed) return;
              run(
                async () => (await archive({ variables: { input } })).data?.archiveWorkingGroup,
                t('workingGroups.archivedDone'),
              );
            }}
          >
            <span className="kern-label">{t('workingGroups.archive')}</span>
          </button>
        ) : null}
      </div>
    </section>
  );
}
