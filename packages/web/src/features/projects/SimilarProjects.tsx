import { useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { ProjectCategory } from '../../gql/graphql';
import { useT } from '../../i18n';
import { projectPaths } from './projectPaths';

export const SimilarProjectsQuery = graphql(`
  query SimilarProjects($title: String!, $summary: String, $category: ProjectCategory) {
    similarProjects(title: $title, summary: $summary, category: $category) {
      score
      project {
        id
        title
        leadMunicipality {
          id
          name
        }
        viewerCan {
          adopt
        }
      }
    }
  }
`);

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

interface SimilarProjectsProps {
  title: string;
  summary: string;
  category: ProjectCategory | '';
}

/** While a project is written: similar existing projects, with a way to adopt one instead. */
export function SimilarProjects({ title, summary, category }: SimilarProjectsProps) {
  const t = useT();
  const input = useDebounced({ title: title.trim(), summary: summary.trim(), category }, 400);
  const { data } = useQuery(SimilarProjectsQuery, {
    variables: { title: input.title, summary: input.summary || null, category: input.category || null },
    skip: input.title.length < 3,
  });
  const similar = input.title.length < 3 ? [] : (data?.similarProjects ?? []);
  return (
    <SimilarProjectsAlert
      className="hub-project-similar"
      intro={t('projects.similar.intro')}
      similar={similar}
    />
  );
}

/** A similar existing project as both screens ask for it. */
interface SimilarProjectItem {
  project: {
    id: string;
    title: string;
    leadMunicipality: { name: string };
    viewerCan: { adopt: boolean };
  };
}

/**
 * The hint "nothing twice" (projects and initiative proposals): the similar projects, each linked
 * with a way to adopt it; announced politely as it changes, empty when there are none.
 */
export function SimilarProjectsAlert({
  className,
  intro,
  similar,
}: {
  className: string;
  intro: string;
  similar: SimilarProjectItem[];
}) {
  const t = useT();
  return (
    <div aria-live="polite" className={className}>
      {similar.length ? (
        <div className="kern-alert kern-alert--info hub-alert">
          <div className="kern-alert__header">
            <span className="kern-icon kern-icon--info" aria-hidden="true" />
            <h2 className="kern-title">{t('projects.similar.title')}</h2>
          </div>
          <div className="kern-alert__body">
            <p className="kern-body">{intro}</p>
            <ul className="kern-list">
              {similar.map(({ project }) => (
                <li key={project.id} className="kern-body">
                  <Link className="kern-link" to={projectPaths.detail(project.id)}>
                    {project.title}
                  </Link>{' '}
                  ({project.leadMunicipality.name}){' '}
                  {project.viewerCan.adopt ? (
                    <Link className="kern-btn kern-btn--secondary" to={projectPaths.adopt(project.id)}>
                      <span className="kern-label">
                        {t('projects.similar.adopt', { title: project.title })}
                      </span>
                    </Link>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        </div>
      ) : null}
    </div>
  );
}
