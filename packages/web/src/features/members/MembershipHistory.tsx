import { graphql } from '../../gql';
import type { MembershipHistory_MembershipFragment } from '../../gql/graphql';
import { formatDateTime, useLocale, useT } from '../../i18n';
import { ScrollTable } from '../../ui/ScrollTable';
import { statusLabel } from './labels';

export const MembershipHistoryFragment = graphql(`
  fragment MembershipHistory_membership on NetworkMembership {
    id
    history {
      id
      fromStatus
      toStatus
      note
      createdAt
      actor {
        id
        name
      }
    }
  }
`);

/** Every status change of a membership with date and actor, newest first. */
export function MembershipHistory({ membership }: { membership: MembershipHistory_MembershipFragment }) {
  const t = useT();
  const { locale } = useLocale();
  const events = [...membership.history].reverse();
  if (events.length === 0) return <p className="kern-body">{t('members.history.empty')}</p>;
  return (
    <ScrollTable label={t('members.history.caption')}>
      <table className="kern-table kern-table--striped">
        <caption className="kern-sr-only">{t('members.history.caption')}</caption>
        <thead className="kern-table__header">
          <tr className="kern-table__row">
            <th scope="col" className="kern-table__header">
              {t('members.history.date')}
            </th>
            <th scope="col" className="kern-table__header">
              {t('members.history.change')}
            </th>
            <th scope="col" className="kern-table__header">
              {t('members.history.actor')}
            </th>
            <th scope="col" className="kern-table__header">
              {t('members.history.note')}
            </th>
          </tr>
        </thead>
        <tbody className="kern-table__body">
          {events.map((event) => (
            <tr key={event.id} className="kern-table__row">
              <td className="kern-table__cell">{formatDateTime(event.createdAt, locale)}</td>
              <td className="kern-table__cell">
                {event.fromStatus
                  ? t('members.history.fromTo', {
                      from: t(statusLabel[event.fromStatus]),
                      to: t(statusLabel[event.toStatus]),
                    })
                  : t(statusLabel[event.toStatus])}
              </td>
              <td className="kern-table__cell">{event.actor?.name ?? t('members.history.system')}</td>
              <td className="kern-table__cell">{event.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollTable>
  );
}
