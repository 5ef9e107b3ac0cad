import type { ApolloClient } from '@apollo/client';
import { graphql } from '../../gql';
import type { ProjectFilter } from '../../gql/graphql';
import { type ExportFormat, saveExport } from '../../ui/saveExport';

const ProjectsXlsxQuery = graphql(`
  query ProjectsXlsx($filter: ProjectFilter) {
    projectCatalogueXlsx(filter: $filter)
  }
`);

const ProjectsCsvQuery = graphql(`
  query ProjectsCsv($filter: ProjectFilter) {
    projectCatalogueCsv(filter: $filter)
  }
`);

/**
 * The catalogue as filtered, downloaded as a file. Loaded with the first download (ProjectsPage):
 * the catalogue's first load does not carry it.
 */
export async function downloadCatalogue(
  client: ApolloClient,
  filter: ProjectFilter | undefined,
  format: ExportFormat,
): Promise<void> {
  const options = { variables: { filter }, fetchPolicy: 'network-only' } as const;
  const content =
    format === 'csv'
      ? (await client.query({ query: ProjectsCsvQuery, ...options })).data?.projectCatalogueCsv
      : (await client.query({ query: ProjectsXlsxQuery, ...options })).data?.projectCatalogueXlsx;
  if (content) saveExport(content, 'projekte', format);
}
