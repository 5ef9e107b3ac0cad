import { paths } from '../../paths';

/** URLs of the working-group pages; German, like the rest of the app's paths. */
export const workingGroupPaths = {
  list: paths.workingGroups,
  create: `${paths.workingGroups}/neu`,
  detailPattern: `${paths.workingGroups}/:workingGroupId`,
  detail: (id: string) => `${paths.workingGroups}/${encodeURIComponent(id)}`,
  editPattern: `${paths.workingGroups}/:workingGroupId/bearbeiten`,
  edit: (id: string) => `${paths.workingGroups}/${encodeURIComponent(id)}/bearbeiten`,
} as const;
