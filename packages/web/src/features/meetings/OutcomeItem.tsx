import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { ActionItemStatus, OutcomeItem_OutcomeFragment } from '../../gql/graphql';
import { useLocale, useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { Select } from '../../ui/Select';
import { OutcomeInitiatives } from '../initiatives/DecideInitiatives';
import { formatCalendarDate } from './berlinTime';
import { meetingErrorMessage } from './meetingErrors';
import { LinkedProjects } from './ProjectPicker';

export const OutcomeItemFragment = graphql(`
  fragment OutcomeItem_outcome on Outcome {
    id
    kind
    title
    description
    status
    dueDate
    overdue
    ownerUser {
      id
      name
    }
    ownerMunicipality {
      id
      name
    }
    projects {
      id
      title
    }
    viewerCan {
      update
    }
  }
`);

const UpdateActionItemMutation = graphql(`
  mutation UpdateActionItem($input: UpdateActionItemInput!) {
    updateActionItem(input: $input) {
      outcome {
        id
        ...OutcomeItem_outcome
        completedAt
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const statuses: ActionItemStatus[] = ['OPEN', 'IN_PROGRESS', 'DONE', 'DROPPED'];

/** A decision, information or action item; owners change an action item's status in place. */
export function OutcomeItem({
  outcome,
  context,
  mayRecordDecisions = false,
}: {
  outcome: OutcomeItem_OutcomeFragment;
  context?: string;
  /** Those who write the minutes record, on a decision, what it decided about network initiatives. */
  mayRecordDecisions?: boolean;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [update, { loading }] = useMutation(UpdateActionItemMutation, {
    // The item itself is updated from the answer wherever it is shown. Whether it still belongs
    // to the open items carried over by later meetings, and to the board's filtered list, depends on
    // its new status: those lists are read again where they are on screen.
    update(cache) {
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'actionItems' });
      // The normalized store (InMemoryCache) is keyed by `Typename:id`; extract() types it loosely.
      for (const id of Object.keys(cache.extract() as Record<string, unknown>)) {
        if (id.startsWith('Meeting:')) cache.evict({ id, fieldName: 'openActionItems' });
      }
      cache.gc();
    },
  });
  const [problem, setProblem] = useState<string | null>(null);
  const owner = [outcome.ownerUser?.name, outcome.ownerMunicipality?.name].filter(Boolean).join(', ');
  const selectId = `outcome-status-${outcome.id}`;
  return (
    <li className="hub-meeting-item">
      <p className="kern-body">
        <strong>{t(`meetings.outcome.kind.${outcome.kind}`)}:</strong> {outcome.title}
        {context ? <span className="kern-body--small"> ({context})</span> : null}
      </p>
      {outcome.kind === 'ACTION_ITEM' ? (
        <p className="kern-body kern-body--small">
          {t('meetings.outcome.owner')}: {owner || '–'}
          {outcome.dueDate
            ? ` · ${t('meetings.outcome.dueDate')}: ${formatCalendarDate(outcome.dueDate, locale)}`
            : ''}
          {outcome.overdue ? (
            <span className="hub-meeting-overdue"> · {t('meetings.outcome.overdue')}</span>
          ) : null}
          {outcome.status && !outcome.viewerCan.update
            ? ` · ${t(`meetings.actionStatus.${outcome.status}`)}`
            : ''}
        </p>
      ) : null}
      <LinkedProjects projects={outcome.projects} />
      {outcome.kind === 'DECISION' ? (
        <OutcomeInitiatives outcomeId={outcome.id} mayDecide={mayRecordDecisions} />
      ) : null}
      {outcome.kind === 'ACTION_ITEM' && outcome.status && outcome.viewerCan.update ? (
        <div className="kern-form-input">
          <label className="kern-label" htmlFor={selectId}>
            {t('meetings.outcome.status', { title: outcome.title })}
          </label>
          <Select
            id={selectId}
            value={outcome.status}
            disabled={loading}
            onChange={async (event) => {
              const result = await update({
                variables: {
                  input: { actionItemId: outcome.id, status: event.target.value as ActionItemStatus },
                },
              });
              setProblem(meetingErrorMessage(result.data?.updateActionItem.userErrors ?? [], t));
            }}
          >
            {statuses.map((status) => (
              <option key={status} value={status}>
                {t(`meetings.actionStatus.${status}`)}
              </option>
            ))}
          </Select>
        </div>
      ) : null}
      {problem ? <Alert variant="danger" title={problem} role="alert" /> : null}
    </li>
  );
}
