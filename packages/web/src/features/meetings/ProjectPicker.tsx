import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import { useT } from '../../i18n';
import { PickerSearchField, useDebouncedSearch } from '../../ui/SearchPicker';
import { projectPaths } from '../projects/projectPaths';

const ProjectPickerQuery = graphql(`
  query MeetingProjectPicker($search: String!) {
    projects(filter: { search: $search }, first: 8) {
      edges {
        node {
          id
          title
          leadMunicipality {
            id
            name
          }
        }
      }
    }
  }
`);

export interface PickedProject {
  id: string;
  title: string;
}

/**
 * Searches the projects the viewer may see (the catalogue query) and picks one or several to link.
 * Enter in the search field searches instead of submitting the surrounding form.
 */
export function ProjectPicker({
  idPrefix,
  multiple,
  selected,
  onChange,
}: {
  idPrefix: string;
  multiple: boolean;
  selected: PickedProject[];
  onChange: (projects: PickedProject[]) => void;
}) {
  const t = useT();
  const [text, setText] = useState('');
  const debounced = useDebouncedSearch(text);
  // Cleared at once after a pick; typed text waits for the pause.
  const search = text.trim() ? debounced : '';
  const { data, loading, error } = useQuery(ProjectPickerQuery, {
    variables: { search },
    skip: search.length < 2,
  });
  const chosen = new Set(selected.map((p) => p.id));
  const results = search.length < 2 ? [] : (data?.projects.edges ?? []).map((e) => e.node);
  const pick = (project: PickedProject) => {
    onChange(multiple ? [...selected, project] : [project]);
    setText('');
  };
  const status =
    search.length < 2
      ? ''
      : loading
        ? t('meetings.projects.searching')
        : error
          ? t('meetings.projects.searchFailed')
          : t('meetings.projects.found', { count: results.length });
  return (
    <fieldset className="kern-fieldset hub-project-picker">
      <legend className="kern-label">
        {multiple ? t('meetings.projects.legendMany') : t('meetings.projects.legendOne')}
      </legend>
      <div className="kern-fieldset__body">
        {selected.length ? (
          <ul className="hub-meeting-list" aria-label={t('meetings.projects.selected')}>
            {selected.map((project) => (
              <li key={project.id}>
                <span className="kern-body">{project.title}</span>{' '}
                <button
                  type="button"
                  className="kern-btn kern-btn--tertiary"
                  onClick={() => onChange(selected.filter((p) => p.id !== project.id))}
                >
                  <span className="kern-label">
                    {t('meetings.projects.unlink', { title: project.title })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="kern-body kern-body--small">{t('meetings.projects.none')}</p>
        )}
        <PickerSearchField
          id={`${idPrefix}-project-search`}
          label={t('meetings.projects.search')}
          value={text}
          onChange={setText}
          status={status}
        />
        {results.length ? (
          <ul className="hub-meeting-list" aria-label={t('meetings.projects.results')}>
            {results.map((project) => (
              <li key={project.id}>
                <button
                  type="button"
                  className="kern-btn kern-btn--tertiary"
                  disabled={chosen.has(project.id)}
                  onClick={() => pick({ id: project.id, title: project.title })}
                >
                  <span className="kern-label">
                    {t('meetings.projects.link', {
                      title: project.title,
                      municipality: project.leadMunicipality.name,
                    })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </fieldset>
  );
}

/** Linked projects as links to their pages. */
export function LinkedProjects({ projects }: { projects: readonly PickedProject[] }) {
  const t = useT();
  if (projects.length === 0) return null;
  return (
    <p className="kern-body kern-body--small">
      {t('meetings.projects.linked')}:{' '}
      {projects.map((project, index) => (
        <span key={project.id}>
          {index > 0 ? ', ' : ''}
          <Link className="kern-link" to={projectPaths.detail(project.id)}>
            {project.title}
          </Link>
        </span>
      ))}
    </p>
  );
}
