import { useQuery } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import { graphql } from '../../gql';
import { useT } from '../../i18n';
import { SelectField } from '../../ui/SelectField';
import { kindLabel } from './labels';

/** The directory's own search (umlauts, typos, relevance), a few hits for picking one. */
export const MunicipalityPickerQuery = graphql(`
  query MunicipalityPicker($search: String!) {
    municipalities(first: 10, filter: { search: $search }) {
      totalCount
      edges {
        node {
          id
          name
          kind
          district {
            id
            name
          }
        }
      }
    }
  }
`);

export interface PickedMunicipality {
  id: string;
  name: string;
}

interface MunicipalityPickerProps {
  /** The select's id; the search field gets `${id}-search`. */
  id: string;
  /** Label of the search field and of the select (e.g. "Kommune suchen", "Kommune"). */
  searchLabel: string;
  label: string;
  value: PickedMunicipality | null;
  onChange: (municipality: PickedMunicipality | null) => void;
  error?: string;
}

const MIN_SEARCH = 2;
const DEBOUNCE_MS = 250;

/**
 * Picks one municipality of the directory: type part of the name (umlauts may be written as ae/oe/ue),
 * then choose among the hits in a plain select, which every keyboard and screen reader handles.
 */
export function MunicipalityPicker({
  id,
  searchLabel,
  label,
  value,
  onChange,
  error,
}: MunicipalityPickerProps) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(search.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search]);
  const skip = debounced.length < MIN_SEARCH;
  const {
    data,
    loading,
    error: queryError,
  } = useQuery(MunicipalityPickerQuery, {
    variables: { search: debounced },
    skip,
  });
  const hits = skip ? [] : (data?.municipalities.edges.map((edge) => edge.node) ?? []);
  const options = value && !hits.some((hit) => hit.id === value.id) ? [{ ...value, extra: '' }] : [];
  const statusId = `${id}-status`;

  let status = '';
  if (queryError) status = t('municipalityPicker.failed');
  else if (!skip && loading) status = t('municipalityPicker.searching');
  else if (!skip && data) status = t('municipalityPicker.hits', { count: hits.length });

  return (
    <div className="hub-municipality-picker">
      <div className="kern-form-input">
        <label className="kern-label" htmlFor={`${id}-search`}>
          {searchLabel}
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
        label={label}
        value={value?.id ?? ''}
        error={error ? () => error : undefined}
        onChange={(chosenId) => {
          const chosen = [...options, ...hits].find((hit) => hit.id === chosenId);
          onChange(chosen ? { id: chosen.id, name: chosen.name } : null);
        }}
      >
        <option value="">{t('municipalityPicker.none')}</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
        {hits.map((hit) => (
          <option key={hit.id} value={hit.id}>
            {`${hit.name} (${t(kindLabel[hit.kind])}${hit.district && hit.district.id !== hit.id ? `, ${hit.district.name}` : ''})`}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
