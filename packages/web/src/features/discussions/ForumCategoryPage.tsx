import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { graphql } from '../../gql';
import { useT } from '../../i18n';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import { discussionPaths } from './discussionPaths';
import ThreadSection from './ThreadSection';
import './discussions.css';

export const ForumCategoryPageQuery = graphql(`
  query ForumCategoryPage($id: ID!) {
    node(id: $id) {
      id
      ... on ForumCategory {
        name
        description
        archived
      }
    }
  }
`);

/** A forum category: its description and threads (with the viewer's unread posts). */
export function ForumCategoryPage() {
  const t = useT();
  const { categoryId = '' } = useParams();
  const { data, loading } = useQuery(ForumCategoryPageQuery, { variables: { id: categoryId } });
  if (loading && !data) return <LoadingIndicator />;
  const category = data?.node?.__typename === 'ForumCategory' ? data.node : null;
  if (!category)
    return (
      <Page title={t('discussions.forum.notFound')}>
        <p className="kern-body">
          <Link to={discussionPaths.list}>{t('discussions.backToList')}</Link>
        </p>
      </Page>
    );
  return (
    <Page title={category.name} heading={t('discussions.forum.title', { name: category.name })}>
      {category.description ? <p className="kern-body">{category.description}</p> : null}
      {category.archived ? <p className="kern-body">{t('discussions.forum.archived')}</p> : null}
      <p className="kern-body">
        <Link to={discussionPaths.list}>{t('discussions.backToList')}</Link>
      </p>
      <ThreadSection subjectId={category.id} />
    </Page>
  );
}
