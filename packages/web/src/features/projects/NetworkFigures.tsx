import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { useT } from '../../i18n';
import { categoryLabel } from './labels';
import { formatEuro } from './money';
import { projectPaths } from './projectPaths';

export const NetworkFiguresQuery = graphql(`
  query ProjectNetworkFigures {
    projectNetworkFigures {
      adoptionCount
      estimatedSavingsCents
      adoptionsByCategory {
        value
        count
      }
      mostReused {
        id
        title
        adoptionCount
      }
    }
  }
`);

/** Network figures of reuse: adoptions, estimated savings, most reused projects, adoptions per category. */
export function NetworkFigures() {
  const t = useT();
  const { data } = useQuery(NetworkFiguresQuery);
  const figures = data?.projectNetworkFigures;
  if (!figures || figures.adoptionCount === 0) return null;
  return (
    <section className="hub-project-section" aria-labelledby="project-figures">
      <h2 className="kern-heading-medium" id="project-figures">
        {t('projects.figures.title')}
      </h2>
      <p className="kern-body">
        {t('projects.figures.adoptions', { count: figures.adoptionCount })} ·{' '}
        {t('projects.figures.savings', { amount: formatEuro(figures.estimatedSavingsCents) })}
      </p>
      <h3 className="kern-heading-small">{t('projects.figures.mostReused')}</h3>
      <ol className="kern-list">
        {figures.mostReused.map((project) => (
          <li key={project.id} className="kern-body">
            <Link className="kern-link" to={projectPaths.detail(project.id)}>
              {project.title}
            </Link>{' '}
            ({t('projects.adoptions', { count: project.adoptionCount })})
          </li>
        ))}
      </ol>
      <h3 className="kern-heading-small">{t('projects.figures.byCategory')}</h3>
      <ul className="kern-list">
        {figures.adoptionsByCategory.map((entry) => (
          <li key={entry.value} className="kern-body">
            {t('projects.facet.count', { label: t(categoryLabel(entry.value)), count: entry.count })}
          </li>
        ))}
      </ul>
    </section>
  );
}
