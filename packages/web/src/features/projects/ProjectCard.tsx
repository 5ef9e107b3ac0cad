import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { ProjectCard_ProjectFragment } from '../../gql/graphql';
import { useT } from '../../i18n';
import { categoryLabel, phaseLabel } from './labels';
import { formatEuro } from './money';
import { projectPaths } from './projectPaths';

export const ProjectCardFragment = graphql(`
  fragment ProjectCard_project on Project {
    id
    title
    summary
    category
    phase
    status
    isDemo
    isNetworkProject
    adoptionCount
    progressPercent
    leadMunicipality {
      id
      name
    }
    costSummary {
      oneOffTotalCents
      yearlyTotalCents
      hasCostInformation
    }
  }
`);

/** One project in the catalogue: title (the link), lead municipality, phase, costs and reuse. */
export function ProjectCard({ project }: { project: ProjectCard_ProjectFragment }) {
  const t = useT();
  return (
    <article className="kern-card hub-project-card">
      <div className="kern-card__container">
        <header className="kern-card__header">
          <h2 className="kern-title">
            <Link className="kern-link" to={projectPaths.detail(project.id)}>
              {project.title}
            </Link>
          </h2>
          <p className="kern-subline">{t('projects.lead', { name: project.leadMunicipality.name })}</p>
        </header>
        <div className="kern-card__body">
          {project.summary ? <p className="kern-body">{project.summary}</p> : null}
          <p className="kern-body hub-project-card__meta">
            <span className="kern-badge kern-badge--info">{t(categoryLabel(project.category))}</span>
            <span className="kern-badge kern-badge--info">{t(phaseLabel(project.phase))}</span>
            {project.isDemo ? (
              <span className="kern-badge kern-badge--warning">{t('projects.demo')}</span>
            ) : null}
            {project.status === 'DRAFT' ? (
              <span className="kern-badge kern-badge--warning">{t('projects.draft')}</span>
            ) : null}
            {project.isNetworkProject ? (
              <span className="kern-badge kern-badge--info">{t('projects.networkProject')}</span>
            ) : null}
          </p>
          <p className="kern-body hub-project-card__meta">
            <span>{t('projects.adoptions', { count: project.adoptionCount })}</span>
            {project.progressPercent !== null ? (
              <span>{t('projects.progress', { percent: project.progressPercent })}</span>
            ) : null}
            {project.costSummary.hasCostInformation ? (
              <>
                <span>
                  {t('projects.oneOff', { amount: formatEuro(project.costSummary.oneOffTotalCents) })}
                </span>
                <span>
                  {t('projects.yearly', { amount: formatEuro(project.costSummary.yearlyTotalCents) })}
                </span>
              </>
            ) : null}
          </p>
        </div>
      </div>
    </article>
  );
}
