import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../../gql';
import type { MunicipalityKind } from '../../gql/graphql';
import { useT } from '../../i18n';
import { SearchPicker, useDebouncedSearch } from '../../ui/SearchPicker';
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

type Hit = PickedMunicipality & { kind?: MunicipalityKind; district?: { id: string; name: string } | null };

/**
 * Picks one municipality of the directory: type part of the name (umlauts may be written as ae/oe/ue),
 * then choose among the hits.
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
  const debounced = useDebouncedSearch(search);
  const skip = debounced.length < MIN_SEARCH;
  const {
    data,
    loading,
    error: queryError,
  } = useQuery(MunicipalityPickerQuery, {
    variables: { search: debounced },
    skip,
  });
  const hits: Hit[] = skip ? [] : (data?.municipalities.edges.map((edge) => edge.node) ?? []);

  let status = '';
  if (queryError) status = t('municipalityPicker.failed');
  else if (!skip && loading) status = t('municipalityPicker.searching');
  else if (!skip && data) status = t('municipalityPicker.hits', { count: hits.length });

  return (
    <SearchPicker<Hit>
      id={id}
      searchLabel={searchLabel}
      label={label}
      search={search}
      onSearchChange={setSearch}
      status={status}
      hits={hits}
      value={value}
      onChange={(chosen) => onChange(chosen ? { id: chosen.id, name: chosen.name } : null)}
      noneLabel={t('municipalityPicker.none')}
      optionLabel={(hit) =>
        hit.kind
          ? `${hit.name} (${t(kindLabel[hit.kind])}${hit.district && hit.district.id !== hit.id ? `, ${hit.district.name}` : ''})`
          : hit.name
      }
      error={error ? () => error : undefined}
    />
  );
}
