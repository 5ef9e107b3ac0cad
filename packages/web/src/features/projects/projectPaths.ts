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
