import { useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { graphql } from '../../gql';
import { useT } from '../../i18n';
import { SelectField } from '../../ui/SelectField';

/** Open working groups by name, topic or description; without a search term the first few by name. */
export const WorkingGroupPickerQuery = graphql(`
  query WorkingGroupPicker($search: String) {
    workingGroups(first: 20, filter: { search: $search }) {
      totalCount
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

export interface PickedWorkingGroup {
  id: string;
  name: string;
}

interface WorkingGroupPickerProps {
  /** The select's id; the search field gets `${id}-search`. */
  id: string;
  value: PickedWorkingGroup | null;
  onChange: (group: PickedWorkingGroup | null) => void;
}

const DEBOUNCE_MS = 250;

/**
 * Picks one working group, the way features/members/MunicipalityPicker picks a municipality:
 * a search field, then a plain select of the hits (every keyboard and screen reader handles it).
 */
export function WorkingGroupPicker({ id, value, onChange }: WorkingGroupPickerProps) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(search.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search]);
  const { data, loading, error } = useQuery(WorkingGroupPickerQuery, {
    variables: { search: debounced || null },
  });
  const hits = data?.workingGroups.edges.map((edge) => edge.node) ?? [];
  const options = value && !hits.some((hit) => hit.id === value.id) ? [value, ...hits] : hits;
  const statusId = `${id}-status`;

  let status = '';
  if (error) status = t('municipalityPicker.failed');
  else if (loading) status = t('municipalityPicker.searching');
  else if (debounced && data) status = t('projects.form.workingGroupHits', { count: hits.length });

  return (
    <div className="hub-municipality-picker">
      <div className="kern-form-input">
        <label className="kern-label" htmlFor={`${id}-search`}>
          {t('projects.form.workingGroupSearch')}
        </label>
        <input
          className="kern-form-input__input"
          id={`${id}-search`}
          type="search"
          autoComplete="off"
          value={search}
          aria-describedby={statusId}
          onChange={(event) => setSearch(event.target.value)}
          onKeyDown={(event) => {
            // Enter searches here; it must not submit the surrounding form.
            if (event.key === 'Enter') event.preventDefault();
          }}
        />
        <p className="kern-hint" id={statusId} role="status">
          {status}
        </p>
      </div>
      <SelectField
        id={id}
        label={
          <>
            {t('projects.form.workingGroup')}{' '}
            <span className="kern-label__optional">{t('projects.form.optional')}</span>
          </>
        }
        value={value?.id ?? ''}
        onChange={(groupId) => onChange(options.find((group) => group.id === groupId) ?? null)}
      >
        <option value="">{t('projects.form.noWorkingGroup')}</option>
        {options.map((group) => (
          <option key={group.id} value={group.id}>
            {group.name}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
