import { graphql } from '../../gql';
import type { WorkingGroupMembers_WorkingGroupFragment } from '../../gql/graphql';
import { formatDateTime, useLocale, useT } from '../../i18n';
import { useViewer } from '../../session/useViewer';
import { Alert } from '../../ui/Alert';
import { ScrollTable } from '../../ui/ScrollTable';
import { useManageMembership } from './useManageMembership';

export const WorkingGroupMembersFragment = graphql(`
  fragment WorkingGroupMembers_workingGroup on WorkingGroup {
    id
    name
    memberCount
    viewerCan {
      manageMembers
      appointLead
    }
    members {
      id
      role
      joinedAt
      user {
        id
        name
        position
        email
        municipality {
          id
          name
        }
      }
    }
  }
`);

/** The active members with their municipalities; leads and coordinators appoint, demote and remove. */
export function WorkingGroupMembers({
  workingGroup,
}: {
  workingGroup: WorkingGroupMembers_WorkingGroupFragment;
}) {
  const t = useT();
  const { locale } = useLocale();
  const { viewer } = useViewer();
  const { run, busy, message, dialog } = useManageMembership(workingGroup.name);
  const { manageMembers, appointLead } = workingGroup.viewerCan;
  const leadCount = workingGroup.members.filter((m) => m.role === 'LEAD').length;

  return (
    <section className="hub-wg-section" aria-labelledby="wg-members">
      <h2 className="kern-heading-medium" id="wg-members">
        {t('workingGroups.members.heading', { count: workingGroup.memberCount })}
      </h2>
      <div aria-live="polite">{message ? <Alert variant={message.kind} title={message.text} /> : null}</div>
      {dialog}
      {workingGroup.members.length === 0 ? (
        <p className="kern-body">{t('workingGroups.members.empty')}</p>
      ) : (
        <ScrollTable label={t('workingGroups.members.caption')}>
          <table className="kern-table kern-table--striped">
            <caption className="kern-sr-only">{t('workingGroups.members.caption')}</caption>
            <thead className="kern-table__header">
              <tr className="kern-table__row">
                <th scope="col" className="kern-table__header">
                  {t('workingGroups.members.name')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('workingGroups.members.municipality')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('workingGroups.members.role')}
                </th>
                <th scope="col" className="kern-table__header">
                  {t('workingGroups.members.since')}
                </th>
                {manageMembers ? (
                  <th scope="col" className="kern-table__header kern-table__header--action">
                    {t('workingGroups.members.actions')}
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="kern-table__body">
              {workingGroup.members.map((member) => {
                const isLead = member.role === 'LEAD';
                const lastLead = isLead && leadCount === 1;
                const self = member.user.id === viewer?.id;
                return (
                  <tr key={member.id} className="kern-table__row">
                    <th scope="row" className="kern-table__cell">
                      {member.user.name}
                      {member.user.position ? (
                        <div className="kern-body kern-body--small">{member.user.position}</div>
                      ) : null}
                      {member.user.email ? (
                        <div className="kern-body kern-body--small">
                          <a className="kern-link" href={`mailto:${member.user.email}`}>
                            {member.user.email}
                          </a>
                        </div>
                      ) : null}
                    </th>
                    <td className="kern-table__cell">{member.user.municipality?.name ?? '–'}</td>
                    <td className="kern-table__cell">
                      {isLead ? t('workingGroups.role.LEAD') : t('workingGroups.role.MEMBER')}
                    </td>
                    <td className="kern-table__cell">
                      {member.joinedAt ? formatDateTime(member.joinedAt, locale) : '–'}
                    </td>
                    {manageMembers ? (
                      <td className="kern-table__cell kern-table__cell--action">
                        <div className="hub-wg-table-actions">
                          {appointLead && !isLead ? (
                            <button
                              type="button"
                              className="kern-btn kern-btn--secondary kern-btn--x-small"
                              aria-disabled={busy || undefined}
                              onClick={() => run('appointLead', member.id, member.user.name)}
                            >
                              <span className="kern-label">
                                {t('workingGroups.members.appointLead')}
                                <span className="kern-sr-only">: {member.user.name}</span>
                              </span>
                            </button>
                          ) : null}
                          {isLead && !lastLead ? (
                            <button
                              type="button"
                              className="kern-btn kern-btn--secondary kern-btn--x-small"
                              aria-disabled={busy || undefined}
                              onClick={() => run('demoteLead', member.id, member.user.name)}
                            >
                              <span className="kern-label">
                                {t('workingGroups.members.demoteLead')}
                                <span className="kern-sr-only">: {member.user.name}</span>
                              </span>
                            </button>
                          ) : null}
                          {!self && !lastLead ? (
                            <button
                              type="button"
                              className="kern-btn kern-btn--tertiary kern-btn--x-small"
                              aria-disabled={busy || undefined}
                              onClick={() => run('remove', member.id, member.user.name)}
                            >
                              <span className="kern-label">
                                {t('workingGroups.members.remove')}
                                <span className="kern-sr-only">: {member.user.name}</span>
                              </span>
                            </button>
                          ) : null}
                        </div>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </section>
  );
}
