import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { ProjectCategory } from '../../gql/graphql';
import { useT } from '../../i18n';
import { useDebouncedSearch } from '../../ui/SearchPicker';
import { SimilarProjectsAlert } from '../projects/SimilarProjects';

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
    <SimilarProjectsAlert
      className="hub-initiative-similar"
      intro={t('initiatives.form.similarIntro')}
      similar={similar}
    />
  );
}
