import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';
import { useT } from '../../i18n';
import { SearchPicker, useDebouncedSearch } from '../../ui/SearchPicker';

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

/** Picks one working group the way MunicipalityPicker picks a municipality; without a search, the first few by name. */
export function WorkingGroupPicker({ id, value, onChange }: WorkingGroupPickerProps) {
  const t = useT();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedSearch(search);
  const { data, loading, error } = useQuery(WorkingGroupPickerQuery, {
    variables: { search: debounced || null },
  });
  const hits = data?.workingGroups.edges.map((edge) => edge.node) ?? [];

  let status = '';
  if (error) status = t('municipalityPicker.failed');
  else if (loading) status = t('municipalityPicker.searching');
  else if (debounced && data) status = t('projects.form.workingGroupHits', { count: hits.length });

  return (
    <SearchPicker
      id={id}
      searchLabel={t('projects.form.workingGroupSearch')}
      label={
        <>
          {t('projects.form.workingGroup')}{' '}
          <span className="kern-label__optional">{t('projects.form.optional')}</span>
        </>
      }
      search={search}
      onSearchChange={setSearch}
      status={status}
      hits={hits}
      value={value}
      onChange={onChange}
      noneLabel={t('projects.form.noWorkingGroup')}
      optionLabel={(group) => group.name}
    />
  );
}
