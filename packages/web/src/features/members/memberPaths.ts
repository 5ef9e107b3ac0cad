import { paths } from '../../paths';

/** URLs of the member-network pages; German, like the rest of the app's paths. */
export const memberPaths = {
  directory: paths.members,
  municipalityPattern: `${paths.members}/kommunen/:municipalityId`,
  municipality: (id: string) => `${paths.members}/kommunen/${encodeURIComponent(id)}`,
  administration: `${paths.members}/verwaltung`,
  map: `${paths.members}/karte`,
} as const;
