import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { WorkingGroupLinks_WorkingGroupFragment } from '../../gql/graphql';
import { formatDateTime, useLocale, useT } from '../../i18n';
import { meetingPaths } from '../meetings/meetingPaths';
import { phaseLabel } from '../projects/labels';
import { projectPaths } from '../projects/projectPaths';

export const WorkingGroupLinksFragment = graphql(`
  fragment WorkingGroupLinks_workingGroup on WorkingGroup {
    id
    meetings(first: 20) {
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
    projects(first: 20) {
      totalCount
      edges {
        node {
          id
          title
          phase
          status
          leadMunicipality {
            id
            name
          }
        }
      }
    }
  }
`);

/** The group's meetings (latest first) and its projects, with links to them. */
export function WorkingGroupLinks({
  workingGroup,
}: {
  workingGroup: WorkingGroupLinks_WorkingGroupFragment;
}) {
  const t = useT();
  const { locale } = useLocale();
  const { meetings, projects } = workingGroup;
  return (
    <>
      {meetings ? (
        <section className="hub-wg-section" aria-labelledby="wg-meetings">
          <h2 className="kern-heading-medium" id="wg-meetings">
            {t('workingGroups.links.meetings', { count: meetings.totalCount })}
          </h2>
          {meetings.edges.length === 0 ? (
            <p className="kern-body">{t('workingGroups.links.noMeetings')}</p>
          ) : (
            <ul className="hub-wg-links">
              {meetings.edges.map(({ node }) => (
                <li key={node.id} className="kern-body">
                  <time dateTime={node.startsAt}>{formatDateTime(node.startsAt, locale)}</time>:{' '}
                  <Link className="kern-link" to={meetingPaths.detail(node.id)}>
                    {node.title}
                  </Link>
                  {node.cancelled ? ` (${t('workingGroups.links.cancelled')})` : ''}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <section className="hub-wg-section" aria-labelledby="wg-projects">
        <h2 className="kern-heading-medium" id="wg-projects">
          {t('workingGroups.links.projects', { count: projects.totalCount })}
        </h2>
        {projects.edges.length === 0 ? (
          <p className="kern-body">{t('workingGroups.links.noProjects')}</p>
        ) : (
          <ul className="hub-wg-links">
            {projects.edges.map(({ node }) => (
              <li key={node.id} className="kern-body">
                <Link className="kern-link" to={projectPaths.detail(node.id)}>
                  {node.title}
                </Link>{' '}
                ({node.leadMunicipality.name} · {t(phaseLabel(node.phase))}
                {node.status === 'DRAFT' ? ` · ${t('workingGroups.links.draft')}` : ''})
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
