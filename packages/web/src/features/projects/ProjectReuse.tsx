import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { ProjectReuse_ProjectFragment } from '../../gql/graphql';
import { useT } from '../../i18n';
import { roleLabel } from './labels';
import { formatEuro } from './money';
import { projectPaths } from './projectPaths';

export const ProjectReuseFragment = graphql(`
  fragment ProjectReuse_project on Project {
    id
    adaptationNotes
    estimatedSavingCents
    participants {
      role
      municipality {
        id
        name
      }
    }
    lineage {
      id
      title
      leadMunicipality {
        id
        name
      }
    }
    adopters {
      id
      title
      leadMunicipality {
        id
        name
      }
    }
  }
`);

/** Participating municipalities, the origin chain and the projects that reuse this one. */
export function ProjectReuse({ project }: { project: ProjectReuse_ProjectFragment }) {
  const t = useT();
  return (
    <>
      <section className="hub-project-section" aria-labelledby="project-participants">
        <h2 className="kern-heading-medium" id="project-participants">
          {t('projects.participants.title')}
        </h2>
        <ul className="kern-list">
          {project.participants.map((participant) => (
            <li key={participant.municipality.id} className="kern-body">
              {participant.municipality.name} ({t(roleLabel(participant.role))})
            </li>
          ))}
        </ul>
      </section>
      <section className="hub-project-section" aria-labelledby="project-reuse">
        <h2 className="kern-heading-medium" id="project-reuse">
          {t('projects.reuse.title')}
        </h2>
        {project.lineage.length ? (
          <>
            <h3 className="kern-heading-small">{t('projects.reuse.lineage')}</h3>
            <ol className="kern-list">
              {project.lineage.map((origin) => (
                <li key={origin.id} className="kern-body">
                  <Link className="kern-link" to={projectPaths.detail(origin.id)}>
                    {origin.title}
                  </Link>{' '}
                  ({origin.leadMunicipality.name})
                </li>
              ))}
            </ol>
            {project.adaptationNotes ? (
              <p className="kern-body">{t('projects.reuse.adapted', { text: project.adaptationNotes })}</p>
            ) : null}
            {project.estimatedSavingCents !== null && project.estimatedSavingCents !== undefined ? (
              <p className="kern-body">
                {t('projects.reuse.saving', { amount: formatEuro(project.estimatedSavingCents) })}
              </p>
            ) : null}
          </>
        ) : null}
        <h3 className="kern-heading-small">{t('projects.reuse.adopters')}</h3>
        {project.adopters.length === 0 ? (
          <p className="kern-body">{t('projects.reuse.noAdopters')}</p>
        ) : (
          <ul className="kern-list">
            {project.adopters.map((adopter) => (
              <li key={adopter.id} className="kern-body">
                <Link className="kern-link" to={projectPaths.detail(adopter.id)}>
                  {adopter.title}
                </Link>{' '}
                ({adopter.leadMunicipality.name})
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
