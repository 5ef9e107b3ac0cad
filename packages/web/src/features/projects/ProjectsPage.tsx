import { useApolloClient, useQuery } from '@apollo/client/react';
import { type FormEvent, useId, useState } from 'react';
import { Link } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import type { ProjectSort } from '../../gql/graphql';
import { useT } from '../../i18n';
import { paths } from '../../paths';
import { useViewer } from '../../session/useViewer';
import { Alert } from '../../ui/Alert';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import { narrowScreen, useMediaQuery } from '../../ui/useMediaQuery';
import { ProjectsPageQuery } from './catalogueDocument';
import { catalogueVariables, NO_CATALOGUE_FILTERS } from './catalogueQuery';
import { categoryLabel, phaseLabel } from './labels';
import { NetworkFigures } from './NetworkFigures';
import { ProjectCard } from './ProjectCard';
import { projectPaths } from './projectPaths';
import './projects.css';
import { Checkbox } from '../../ui/Checkbox';
import { SelectField } from '../../ui/SelectField';
import type { ExportFormat } from '../../ui/saveExport';
import { useDraft, useUrlFilters } from '../../ui/useUrlFilters';

const SORTS: ProjectSort[] = ['NEWEST', 'RECENTLY_UPDATED', 'MOST_ADOPTED'];
/** With a search text, relevance comes first and is the default order. */
const SEARCH_SORTS: ProjectSort[] = ['RELEVANCE', ...SORTS];

const countOf = (facets: { value: string; count: number }[] | undefined, value: string) =>
  facets?.find((f) => f.value === value)?.count ?? 0;

const NO_FILTERS = NO_CATALOGUE_FILTERS;

function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/**
 * The catalogue: full-text search, facets with counts, sorting. `publicView` is the "Markt der
 * Projekte" for visitors who are not signed in (the API shows them published projects only).
 */
export function ProjectsPage({ publicView = false }: { publicView?: boolean }) {
  const t = useT();
  const client = useApolloClient();
  const { viewer } = useViewer();
  const [filters, applyFilters] = useUrlFilters(NO_FILTERS);
  const { categories, phases, district: districtId, openSource, hasCosts, reusable } = filters;
  const searchText = filters.search;
  const [search, setSearch] = useDraft(searchText);
  const setSort = (value: ProjectSort) => applyFilters({ sort: value });
  const variables = catalogueVariables(filters);
  const { filter, sort } = variables;
  // On a phone the filters fold behind a button, so that the first project shows without scrolling.
  const narrow = useMediaQuery(narrowScreen);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const filtersId = useId();
  const activeFilters =
    categories.length + phases.length + [districtId, openSource, hasCosts, reusable].filter(Boolean).length;

  const { data, previousData, error, loading, fetchMore } = useQuery(ProjectsPageQuery, {
    variables,
    fetchPolicy: 'cache-and-network',
  });
  const shown = data ?? previousData;
  const facets = shown?.projectFacets;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    applyFilters({ search: search.trim() });
  };
  // The filters go; the chosen order stays, as it always has.
  const reset = () => applyFilters({ ...NO_FILTERS, sort: filters.sort });
  const download = async (format: ExportFormat) => {
    const { downloadCatalogue } = await import('./catalogueExport');
    await downloadCatalogue(client, filter, format);
  };
  const loadMore = () =>
    fetchMore({
      variables: { after: shown?.projects.pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        ...fetchMoreResult,
        projects: {
          ...fetchMoreResult.projects,
          edges: [...previous.projects.edges, ...fetchMoreResult.projects.edges],
        },
      }),
    });

  const mayCreate = shown?.viewerCan.createProject ?? false;
  return (
    <Page title={publicView ? t('projects.publicTitle') : t('projects.title')}>
      <p className="kern-body">{publicView ? t('projects.publicIntro') : t('projects.intro')}</p>
      {publicView && !viewer ? (
        <p className="kern-body">
          {t('projects.publicSignIn.text')}{' '}
          <Link className="kern-link" to={paths.signIn}>
            {t('projects.publicSignIn.link')}
          </Link>
        </p>
      ) : null}
      {mayCreate ? (
        <p>
          <Link className="kern-btn kern-btn--primary" to={projectPaths.create}>
            <span className="kern-label">{t('projects.create.link')}</span>
          </Link>
        </p>
      ) : null}
      <div className="hub-project-layout">
        {/* biome-ignore lint/a11y/useSemanticElements: <search> is not yet in React's JSX types; the role says the same. */}
        <form role="search" aria-label={t('projects.search.label')} onSubmit={submit}>
          <div className="kern-form-input">
            <label className="kern-label" htmlFor="projects-search">
              {t('projects.search.field')}
            </label>
            <div className="kern-hint" id="projects-search-hint">
              {t('projects.search.hint')}
            </div>
            <input
              className="kern-form-input__input"
              id="projects-search"
              type="search"
              value={search}
              aria-describedby="projects-search-hint"
              onChange={(event) => setSearch(event.target.value)}
            />
          </div>
          <p className="hub-project-search-actions">
            <button type="submit" className="kern-btn kern-btn--primary">
              <span className="kern-label">{t('projects.search.submit')}</span>
            </button>
            {narrow !== false ? (
              <button
                type="button"
                className={`kern-btn kern-btn--secondary${narrow === null ? ' hub-narrow-only' : ''}`}
                aria-expanded={filtersOpen}
                aria-controls={filtersId}
                onClick={() => setFiltersOpen(!filtersOpen)}
              >
                <span className="kern-label">
                  {filtersOpen ? t('projects.filters.hide') : t('projects.filters.show')}
                  {activeFilters ? ` (${t('projects.filters.active', { count: activeFilters })})` : ''}
                </span>
              </button>
            ) : null}
          </p>
          <div
            className={`hub-project-filters${narrow === null ? ' hub-wide-only' : ''}`}
            id={filtersId}
            hidden={narrow === true && !filtersOpen}
          >
            <fieldset className="kern-fieldset">
              <legend className="kern-label">{t('projects.facet.category')}</legend>
              <div className="kern-fieldset__body">
                {(facets?.categories ?? []).map((facet) => (
                  <Checkbox
                    key={facet.value}
                    id={`projects-category-${facet.value}`}
                    label={t('projects.facet.count', {
                      label: t(categoryLabel(facet.value)),
                      count: facet.count,
                    })}
                    checked={categories.includes(facet.value)}
                    onChange={() => applyFilters({ categories: toggle(categories, facet.value) })}
                  />
                ))}
              </div>
            </fieldset>
            <fieldset className="kern-fieldset">
              <legend className="kern-label">{t('projects.facet.phase')}</legend>
              <div className="kern-fieldset__body">
                {(facets?.phases ?? []).map((facet) => (
                  <Checkbox
                    key={facet.value}
                    id={`projects-phase-${facet.value}`}
                    label={t('projects.facet.count', {
                      label: t(phaseLabel(facet.value)),
                      count: facet.count,
                    })}
                    checked={phases.includes(facet.value)}
                    onChange={() => applyFilters({ phases: toggle(phases, facet.value) })}
                  />
                ))}
              </div>
            </fieldset>
            <SelectField
              id="projects-district"
              label={t('projects.facet.district')}
              value={districtId}
              onChange={(value) => applyFilters({ district: value })}
            >
              <option value="">{t('projects.facet.anyDistrict')}</option>
              {(facets?.districts ?? []).map((facet) => (
                <option key={facet.district.id} value={facet.district.id}>
                  {t('projects.facet.count', { label: facet.district.name, count: facet.count })}
                </option>
              ))}
            </SelectField>
            <fieldset className="kern-fieldset">
              <legend className="kern-label">{t('projects.facet.more')}</legend>
              <div className="kern-fieldset__body">
                {(
                  [
                    ['open-source', 'openSource', 'projects.facet.openSource', facets?.openSource],
                    ['has-costs', 'hasCosts', 'projects.facet.hasCosts', facets?.hasCosts],
                    ['reusable', 'reusable', 'projects.facet.reusable', facets?.reusable],
                  ] as const
                ).map(([id, name, label, counts]) => (
                  <Checkbox
                    key={id}
                    id={`projects-${id}`}
                    label={t('projects.facet.count', { label: t(label), count: countOf(counts, 'true') })}
                    checked={filters[name]}
                    onChange={(checked) => applyFilters({ [name]: checked })}
                  />
                ))}
              </div>
            </fieldset>
            <p>
              <button type="button" className="kern-btn kern-btn--secondary" onClick={reset}>
                <span className="kern-label">{t('projects.search.reset')}</span>
              </button>
            </p>
          </div>
        </form>

        <section aria-labelledby="projects-results">
          <SelectField
            id="projects-sort"
            label={t('projects.sort.label')}
            value={sort}
            onChange={(value) => setSort(value as ProjectSort)}
          >
            {(searchText ? SEARCH_SORTS : SORTS).map((value) => (
              <option key={value} value={value}>
                {t(`projects.sort.${value}`)}
              </option>
            ))}
          </SelectField>
          <h2 className="kern-heading-medium" id="projects-results" aria-live="polite">
            {shown ? t('projects.results', { count: shown.projects.totalCount }) : t('projects.title')}
          </h2>
          {error ? (
            <Alert variant="danger" title={t('projects.loadFailed')} role="alert">
              <p className="kern-body">{apiErrorMessage(error, t)}</p>
            </Alert>
          ) : null}
          {!shown && loading ? <LoadingIndicator /> : null}
          {shown && shown.projects.edges.length === 0 ? (
            <p className="kern-body">{t('projects.empty')}</p>
          ) : null}
          <ul className="hub-project-list">
            {shown?.projects.edges.map(({ node }) => (
              <li key={node.id}>
                <ProjectCard project={node} />
              </li>
            ))}
          </ul>
          {shown?.projects.pageInfo.hasNextPage ? (
            <button type="button" className="kern-btn kern-btn--secondary" onClick={() => void loadMore()}>
              <span className="kern-label">{t('projects.loadMore')}</span>
            </button>
          ) : null}
          <p className="hub-export-links">
            <button
              type="button"
              className="kern-btn kern-btn--tertiary"
              onClick={() => void download('csv')}
            >
              <span className="kern-label">{t('projects.csv')}</span>
            </button>
            <button
              type="button"
              className="kern-btn kern-btn--tertiary"
              onClick={() => void download('xlsx')}
            >
              <span className="kern-label">{t('projects.xlsx')}</span>
            </button>
          </p>
        </section>
      </div>
      <NetworkFigures />
    </Page>
  );
}

/** The public "Markt der Projekte", readable without signing in. */
export function MarketplacePage() {
  return <ProjectsPage publicView />;
}
