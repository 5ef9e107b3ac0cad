import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { MunicipalityLinks_MunicipalityFragment } from '../../gql/graphql';
import { formatDateTime, useLocale, useT } from '../../i18n';
import { meetingPaths } from '../meetings/meetingPaths';
import { phaseLabel, roleLabel } from '../projects/labels';
import { projectPaths } from '../projects/projectPaths';
import { workingGroupPaths } from '../working-groups/workingGroupPaths';

export const MunicipalityLinksFragment = graphql(`
  fragment MunicipalityLinks_municipality on Municipality {
    id
    projects(first: 20) {
      totalCount
      edges {
        role
        node {
          id
          title
          phase
          status
        }
      }
    }
    workingGroups {
      id
      name
      archived
    }
    meetings(first: 10) {
      totalCount
      edges {
        node {
          id
          title
          startsAt
          cancelled
        }
      }
    }
  }
`);

/** Its projects (with its role), the working groups its people are in, and the meetings they are invited to. */
export function MunicipalityLinks({
  municipality,
}: {
  municipality: MunicipalityLinks_MunicipalityFragment;
}) {
  const t = useT();
  const { locale } = useLocale();
  const { projects, workingGroups, meetings } = municipality;
  return (
    <>
      <section className="hub-members-section" aria-labelledby="municipality-projects">
        <h2 className="kern-heading-medium" id="municipality-projects">
          {t('members.links.projects', { count: projects.totalCount })}
        </h2>
        {projects.edges.length === 0 ? (
          <p className="kern-body">{t('members.links.noProjects')}</p>
        ) : (
          <ul className="hub-members-links">
            {projects.edges.map(({ role, node }) => (
              <li key={node.id} className="kern-body">
                <Link className="kern-link" to={projectPaths.detail(node.id)}>
                  {node.title}
                </Link>{' '}
                ({t(roleLabel(role))} · {t(phaseLabel(node.phase))}
                {node.status === 'DRAFT' ? ` · ${t('members.links.draft')}` : ''})
              </li>
            ))}
          </ul>
        )}
      </section>
      {workingGroups ? (
        <section className="hub-members-section" aria-labelledby="municipality-working-groups">
          <h2 className="kern-heading-medium" id="municipality-working-groups">
            {t('members.links.workingGroups')}
          </h2>
          {workingGroups.length === 0 ? (
            <p className="kern-body">{t('members.links.noWorkingGroups')}</p>
          ) : (
            <ul className="hub-members-links">
              {workingGroups.map((group) => (
                <li key={group.id} className="kern-body">
                  <Link className="kern-link" to={workingGroupPaths.detail(group.id)}>
                    {group.name}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {meetings ? (
        <section className="hub-members-section" aria-labelledby="municipality-meetings">
          <h2 className="kern-heading-medium" id="municipality-meetings">
            {t('members.links.meetings', { count: meetings.totalCount })}
          </h2>
          {meetings.edges.length === 0 ? (
            <p className="kern-body">{t('members.links.noMeetings')}</p>
          ) : (
            <ul className="hub-members-links">
              {meetings.edges.map(({ node }) => (
                <li key={node.id} className="kern-body">
                  <time dateTime={node.startsAt}>{formatDateTime(node.startsAt, locale)}</time>:{' '}
                  <Link className="kern-link" to={meetingPaths.detail(node.id)}>
                    {node.title}
                  </Link>
                  {node.cancelled ? ` (${t('members.links.cancelled')})` : ''}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </>
  );
}
