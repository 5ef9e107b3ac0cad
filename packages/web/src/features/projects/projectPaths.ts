import { paths } from '../../paths';

/** URLs of the project pages; the marketplace and project pages are public. */
export const projectPaths = {
  list: paths.projects,
  marketplace: '/markt',
  create: `${paths.projects}/neu`,
  detailPattern: `${paths.projects}/:projectId`,
  detail: (id: string) => `${paths.projects}/${encodeURIComponent(id)}`,
  editPattern: `${paths.projects}/:projectId/bearbeiten`,
  edit: (id: string) => `${paths.projects}/${encodeURIComponent(id)}/bearbeiten`,
  adoptPattern: `${paths.projects}/:projectId/nachnutzen`,
  adopt: (id: string) => `${paths.projects}/${encodeURIComponent(id)}/nachnutzen`,
} as const;

/** Query parameters that open the catalogue with a filter set (links from the dashboards' figures). */
/** The names are the catalogue's own filter names (ProjectsPage keeps its filters in the address). */
export const catalogueFilterParams = {
  phase: 'phases',
  category: 'categories',
  districtId: 'district',
  hasCosts: 'hasCosts',
} as const;

/** The catalogue filtered to one phase, category or Landkreis, or to projects with costs. */
export function catalogueFilterPath(filter: {
  phase?: string;
  category?: string;
  districtId?: string;
  hasCosts?: boolean;
}): string {
  const params = new URLSearchParams();
  if (filter.phase) params.set(catalogueFilterParams.phase, filter.phase);
  if (filter.category) params.set(catalogueFilterParams.category, filter.category);
  if (filter.districtId) params.set(catalogueFilterParams.districtId, filter.districtId);
  if (filter.hasCosts) params.set(catalogueFilterParams.hasCosts, '1');
  const query = params.toString();
  return query ? `${projectPaths.list}?${query}` : projectPaths.list;
}
