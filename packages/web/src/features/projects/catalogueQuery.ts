import type { ProjectCategory, ProjectFilter, ProjectPhase, ProjectSort } from '../../gql/graphql';

/**
 * The catalogue's filters as the address holds them (`useUrlFilters`) and the variables of its query.
 * Pure, so that the web build can also write the variables of the unfiltered first view for the
 * server (firstView.ts, scripts/firstViewOperations.ts): the server's answer then lands in the cache
 * under exactly the key the page reads.
 */
export const CATALOGUE_PAGE_SIZE = 20;

export const NO_CATALOGUE_FILTERS = {
  search: '',
  categories: [] as readonly string[],
  phases: [] as readonly string[],
  district: '',
  openSource: false,
  hasCosts: false,
  reusable: false,
  sort: '',
};

export type CatalogueFilters = {
  [Name in keyof typeof NO_CATALOGUE_FILTERS]: (typeof NO_CATALOGUE_FILTERS)[Name];
};

/** The order shown: the chosen one, or relevance with a search text and the newest without. */
export function catalogueSort({ search, sort }: Pick<CatalogueFilters, 'search' | 'sort'>): ProjectSort {
  const chosen = (sort as ProjectSort) || null;
  if (chosen === 'RELEVANCE' && !search) return 'NEWEST';
  return chosen ?? (search ? 'RELEVANCE' : 'NEWEST');
}

/** The query's variables for the filters (its first page). */
export function catalogueVariables(filters: CatalogueFilters): {
  first: number;
  filter: ProjectFilter;
  sort: ProjectSort;
} {
  const filter: ProjectFilter = {
    search: filters.search || null,
    categories: filters.categories.length ? (filters.categories as ProjectCategory[]) : null,
    phases: filters.phases.length ? (filters.phases as ProjectPhase[]) : null,
    districtIds: filters.district ? [filters.district] : null,
    openSource: filters.openSource || null,
    hasCosts: filters.hasCosts || null,
    reusable: filters.reusable || null,
  };
  return { first: CATALOGUE_PAGE_SIZE, filter, sort: catalogueSort(filters) };
}
