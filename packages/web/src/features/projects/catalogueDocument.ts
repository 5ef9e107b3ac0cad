import { graphql } from '../../gql';

/**
 * The catalogue page's query (ProjectsPage.tsx). In a module of its own: the first view's data that
 * the server embeds in the page (firstView.ts) is written into the cache with this document.
 */
export const ProjectsPageQuery = graphql(`
  query ProjectsPage($first: Int, $after: String, $filter: ProjectFilter, $sort: ProjectSort) {
    viewerCan {
      createProject
    }
    projects(first: $first, after: $after, filter: $filter, sort: $sort) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...ProjectCard_project
        }
      }
    }
    projectFacets(filter: $filter) {
      categories {
        value
        count
      }
      phases {
        value
        count
      }
      districts {
        district {
          id
          name
        }
        count
      }
      openSource {
        value
        count
      }
      hasCosts {
        value
        count
      }
      reusable {
        value
        count
      }
    }
  }
`);
