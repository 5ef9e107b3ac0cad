import { graphql } from '../../gql';
import type { WorkingGroupRequests_WorkingGroupFragment } from '../../gql/graphql';
import { formatDateTime, useLocale, useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { useManageMembership } from './useManageMembership';

export const WorkingGroupRequestsFragment = graphql(`
  fragment WorkingGroupRequests_workingGroup on WorkingGroup {
    id
    name
    pendingRequests {
      id
      requestedAt
      requestNote
      user {
        id
        name
        position
        municipality {
          id
          name
        }
      }
    }
  }
`);

/** Open requests to join, for the leads and coordinators: accept or decline each. */
export function WorkingGroupRequests({
  workingGroup,
}: {
  workingGroup: WorkingGroupRequests_WorkingGroupFragment;
}) {
  const t = useT();
  const { locale } = useLocale();
  const { run, busy, message, dialog } = useManageMembership(workingGroup.name);
  const requests = workingGroup.pendingRequests;
  if (!requests) return null;

  return (
    <section className="hub-wg-section" aria-labelledby="wg-requests">
      <h2 className="kern-heading-medium" id="wg-requests">
        {t('workingGroups.requests.heading', { count: requests.length })}
      </h2>
      <div aria-live="polite">{message ? <Alert variant={message.kind} title={message.text} /> : null}</div>
      {dialog}
      {requests.length === 0 ? (
        <p className="kern-body">{t('workingGroups.requests.empty')}</p>
      ) : (
        <ul className="hub-wg-list">
          {requests.map((request) => (
            <li key={request.id} className="kern-card">
              <div className="kern-card__container">
                <div className="kern-card__body">
                  <p className="kern-body">
                    <strong>{request.user.name}</strong>
                    {request.user.municipality ? `, ${request.user.municipality.name}` : null}
                  </p>
                  {request.requestedAt ? (
                    <p className="kern-body kern-body--small">
                      {t('workingGroups.requests.since', {
                        date: formatDateTime(request.requestedAt, locale),
                      })}
                    </p>
                  ) : null}
                  {request.requestNote ? (
                    <p className="kern-body hub-wg-text">{request.requestNote}</p>
                  ) : null}
                  <div className="hub-wg-table-actions">
                    <button
                      type="button"
                      className="kern-btn kern-btn--primary"
                      aria-disabled={busy || undefined}
                      onClick={() => run('accept', request.id, request.user.name)}
                    >
                      <span className="kern-label">
                        {t('workingGroups.requests.accept')}
                        <span className="kern-sr-only">: {request.user.name}</span>
                      </span>
                    </button>
                    <button
                      type="button"
                      className="kern-btn kern-btn--secondary"
                      aria-disabled={busy || undefined}
                      onClick={() => run('decline', request.id, request.user.name)}
                    >
                      <span className="kern-label">
                        {t('workingGroups.requests.decline')}
                        <span className="kern-sr-only">: {request.user.name}</span>
                      </span>
                    </button>
                  </div>
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
