import { graphql } from '../../gql';
import type { InitiativeHistory_InitiativeFragment } from '../../gql/graphql';
import { formatDateTime, useLocale, useT } from '../../i18n';
import { statusLabel } from './labels';

export const InitiativeHistoryFragment = graphql(`
  fragment InitiativeHistory_initiative on Initiative {
    id
    history {
      toStatus
      reason
      occurredAt
      actorName
    }
  }
`);

/** Every status change with its date, who made it and why, oldest first. */
export function InitiativeHistory({ initiative }: { initiative: InitiativeHistory_InitiativeFragment }) {
  const t = useT();
  const { locale } = useLocale();
  if (!initiative.history.length) return null;
  return (
    <section className="hub-initiative-section" aria-labelledby="initiative-history">
      <h2 className="kern-heading-medium" id="initiative-history">
        {t('initiatives.history.heading')}
      </h2>
      <ol className="hub-initiative-timeline">
        {initiative.history.map((change) => (
          <li key={`${change.occurredAt}-${change.toStatus}`} className="kern-body">
            <strong>
              {t('initiatives.history.entry', {
                date: formatDateTime(change.occurredAt, locale),
                state: t(statusLabel(change.toStatus)),
              })}
            </strong>
            {change.actorName ? ` ${t('initiatives.history.by', { name: change.actorName })}` : ''}
            {change.reason ? (
              <span className="kern-body hub-initiative-text">
                <br />
                {t('initiatives.history.reason', { reason: change.reason })}
              </span>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
