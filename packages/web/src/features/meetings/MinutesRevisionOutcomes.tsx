import { graphql } from '../../gql';
import type { MinutesRevisionOutcomes_RevisionFragment } from '../../gql/graphql';
import { useLocale, useT } from '../../i18n';
import { formatCalendarDate } from './berlinTime';
import { LinkedProjects } from './ProjectPicker';

export const MinutesRevisionOutcomesFragment = graphql(`
  fragment MinutesRevisionOutcomes_revision on MinutesRevision {
    id
    revision
    outcomes {
      outcomeId
      agendaItemId
      agendaItemTitle
      agendaItemPosition
      kind
      title
      dueDate
      status
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
    }
  }
`);

/** The outcomes of one published revision, as they stood at its publication. */
export function MinutesRevisionOutcomes({
  revision,
}: {
  revision: MinutesRevisionOutcomes_RevisionFragment;
}) {
  const t = useT();
  const { locale } = useLocale();
  if (revision.outcomes.length === 0) {
    return <p className="kern-body kern-body--small">{t('meetings.revisions.noOutcomes')}</p>;
  }
  return (
    <ul
      className="hub-meeting-list"
      aria-label={t('meetings.revisions.outcomesOf', { revision: revision.revision })}
    >
      {revision.outcomes.map((o) => {
        const owner = [o.ownerUser?.name, o.ownerMunicipality?.name].filter(Boolean).join(', ');
        return (
          <li key={o.outcomeId} className="hub-meeting-item">
            <p className="kern-body">
              <strong>{t(`meetings.outcome.kind.${o.kind}`)}:</strong> {o.title}{' '}
              <span className="kern-body--small">
                ({o.agendaItemPosition}. {o.agendaItemTitle})
              </span>
            </p>
            {o.kind === 'ACTION_ITEM' ? (
              <p className="kern-body kern-body--small">
                {t('meetings.outcome.owner')}: {owner || '–'}
                {o.dueDate
                  ? ` · ${t('meetings.outcome.dueDate')}: ${formatCalendarDate(o.dueDate, locale)}`
                  : ''}
                {o.status
                  ? ` · ${t('meetings.revisions.statusThen', { status: t(`meetings.actionStatus.${o.status}`) })}`
                  : ''}
              </p>
            ) : null}
            <LinkedProjects projects={o.projects} />
          </li>
        );
      })}
    </ul>
  );
}
