import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type { ProjectCategory } from '../../gql/graphql';
import { useT } from '../../i18n';
import { useDebouncedSearch } from '../../ui/SearchPicker';
import { projectPaths } from '../projects/projectPaths';

const SimilarProjectsForInitiativeQuery = graphql(`
  query SimilarProjectsForInitiative($draft: InitiativeDraftInput!) {
    similarProjectsForInitiative(draft: $draft) {
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

interface SimilarProjectsHintProps {
  title: string;
  problem: string;
  goal: string;
  category: ProjectCategory | '';
}

/**
 * While a proposal is written: existing projects that may already do what it asks for, each with a
 * way to adopt it instead ("nothing twice"). Shown before anything is saved.
 */
export function SimilarProjectsHint({ title, problem, goal, category }: SimilarProjectsHintProps) {
  const t = useT();
  const draftTitle = useDebouncedSearch(title, 400);
  const draftProblem = useDebouncedSearch(problem, 400);
  const draftGoal = useDebouncedSearch(goal, 400);
  const { data } = useQuery(SimilarProjectsForInitiativeQuery, {
    variables: {
      draft: {
        title: draftTitle,
        problem: draftProblem || null,
        goal: draftGoal || null,
        category: category || null,
      },
    },
    skip: draftTitle.length < 3,
  });
  const similar = draftTitle.length < 3 ? [] : (data?.similarProjectsForInitiative ?? []);
  return (
    <div aria-live="polite" className="hub-initiative-similar">
      {similar.length ? (
        <div className="kern-alert kern-alert--info hub-alert">
          <div className="kern-alert__header">
            <span className="kern-icon kern-icon--info" aria-hidden="true" />
            <h2 className="kern-title">{t('projects.similar.title')}</h2>
          </div>
          <div className="kern-alert__body">
            <p className="kern-body">{t('initiatives.form.similarIntro')}</p>
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
