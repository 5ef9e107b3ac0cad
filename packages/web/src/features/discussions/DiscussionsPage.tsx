import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import type { DiscussionThreadFilter, ThreadSubjectType } from '../../gql/graphql';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import { Select } from '../../ui/Select';
import { discussionPaths } from './discussionPaths';
import { PostSearchResults } from './PostSearchResults';
import { ThreadListItem } from './ThreadListItem';
import './discussions.css';

const PAGE_SIZE = 20;
const SUBJECT_TYPES: ThreadSubjectType[] = ['PROJECT', 'WORKING_GROUP', 'MEETING', 'FORUM'];

export const DiscussionsPageQuery = graphql(`
  query DiscussionsPage($first: Int, $after: String, $filter: DiscussionThreadFilter) {
    discussionThreads(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          ...ThreadListItem_thread
        }
      }
    }
  }
`);

export const DiscussionsFiltersQuery = graphql(`
  query DiscussionsFilters {
    viewerCanManageForumCategories
    forumCategories {
      id
      name
      description
    }
    workingGroups(first: 100) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

interface FilterForm {
  unread: boolean;
  mine: boolean;
  subjectType: '' | ThreadSubjectType;
  workingGroupId: string;
  categoryId: string;
  search: string;
}

const EMPTY: FilterForm = {
  unread: false,
  mine: false,
  subjectType: '',
  workingGroupId: '',
  categoryId: '',
  search: '',
};

function toFilter(form: FilterForm): DiscussionThreadFilter {
  return {
    unread: form.unread || null,
    mine: form.mine || null,
    subjectTypes: form.subjectType ? [form.subjectType] : null,
    subjectId: form.categoryId || form.workingGroupId || null,
  };
}

/** "Diskussionen": every thread the viewer may read, with filters, and a search over the posts. */
export function DiscussionsPage() {
  const t = useT();
  const [form, setForm] = useState<FilterForm>(EMPTY);
  const [applied, setApplied] = useState<FilterForm>(EMPTY);
  const filters = useQuery(DiscussionsFiltersQuery);
  const searching = applied.search.trim().length > 0;
  const { data, error, networkStatus, refetch, fetchMore } = useQuery(DiscussionsPageQuery, {
    variables: { first: PAGE_SIZE, filter: toFilter(applied) },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
    skip: searching,
  });

  const change = <K extends keyof FilterForm>(key: K, value: FilterForm[K]) =>
    setForm((current) => ({ ...current, [key]: value }));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setApplied(form);
  };
  const loadMore = () =>
    fetchMore({
      variables: { after: data?.discussionThreads.pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        discussionThreads: {
          ...fetchMoreResult.discussionThreads,
          edges: [...previous.discussionThreads.edges, ...fetchMoreResult.discussionThreads.edges],
        },
      }),
    });

  const categories = filters.data?.forumCategories ?? [];
  const groups = filters.data?.workingGroups.edges.map((edge) => edge.node) ?? [];
  const connection = data?.discussionThreads;
  return (
    <Page title={t('discussions.title')}>
      <p className="kern-body">{t('discussions.intro')}</p>

      {categories.length ? (
        <nav aria-labelledby="forum-categories" className="hub-forum-categories">
          <h2 className="kern-heading-small" id="forum-categories">
            {t('discussions.forum.heading')}
          </h2>
          <ul>
            {categories.map((category) => (
              <li key={category.id}>
                <Link to={discussionPaths.forumCategory(category.id)}>{category.name}</Link>
                {category.description ? (
                  <span className="kern-body kern-body--small"> – {category.description}</span>
                ) : null}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}

      {filters.data?.viewerCanManageForumCategories ? (
        <p className="kern-body">
          <Link to={discussionPaths.forumCategories}>{t('discussions.categories.manage')}</Link>
        </p>
      ) : null}

      <search aria-label={t('discussions.filter.label')}>
        <form className="hub-discussion-filter" onSubmit={submit}>
          <div className="kern-form-input hub-discussion-filter__search">
            <label className="kern-label" htmlFor="discussion-search">
              {t('discussions.filter.search')}
            </label>
            <div className="kern-hint" id="discussion-search-hint">
              {t('discussions.filter.searchHint')}
            </div>
            <input
              className="kern-form-input__input"
              id="discussion-search"
              type="search"
              aria-describedby="discussion-search-hint"
              value={form.search}
              onChange={(event) => change('search', event.target.value)}
              maxLength={200}
            />
          </div>
          <div className="kern-form-input">
            <label className="kern-label" htmlFor="discussion-subject-type">
              {t('discussions.filter.subjectType')}
            </label>
            <Select
              id="discussion-subject-type"
              value={form.subjectType}
              onChange={(event) => change('subjectType', event.target.value as FilterForm['subjectType'])}
            >
              <option value="">{t('discussions.filter.any')}</option>
              {SUBJECT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`discussions.subjectType.${type}`)}
                </option>
              ))}
            </Select>
          </div>
          <div className="kern-form-input">
            <label className="kern-label" htmlFor="discussion-group">
              {t('discussions.filter.workingGroup')}
            </label>
            <Select
              id="discussion-group"
              value={form.workingGroupId}
              onChange={(event) =>
                setForm((current) => ({ ...current, workingGroupId: event.target.value, categoryId: '' }))
              }
            >
              <option value="">{t('discussions.filter.any')}</option>
              {groups.map((group) => (
                <option key={group.id} value={group.id}>
                  {group.name}
                </option>
              ))}
            </Select>
          </div>
          <div className="kern-form-input">
            <label className="kern-label" htmlFor="discussion-category">
              {t('discussions.filter.category')}
            </label>
            <Select
              id="discussion-category"
              value={form.categoryId}
              onChange={(event) =>
                setForm((current) => ({ ...current, categoryId: event.target.value, workingGroupId: '' }))
              }
            >
              <option value="">{t('discussions.filter.any')}</option>
              {categories.map((category) => (
                <option key={category.id} value={category.id}>
                  {category.name}
                </option>
              ))}
            </Select>
          </div>
          <div className="kern-form-check">
            <input
              className="kern-form-check__checkbox"
              id="discussion-unread"
              type="checkbox"
              checked={form.unread}
              onChange={(event) => change('unread', event.target.checked)}
            />
            <label className="kern-label" htmlFor="discussion-unread">
              {t('discussions.filter.unread')}
            </label>
          </div>
          <div className="kern-form-check">
            <input
              className="kern-form-check__checkbox"
              id="discussion-mine"
              type="checkbox"
              checked={form.mine}
              onChange={(event) => change('mine', event.target.checked)}
            />
            <label className="kern-label" htmlFor="discussion-mine">
              {t('discussions.filter.mine')}
            </label>
          </div>
          <div className="hub-form__actions">
            <button type="submit" className="kern-btn kern-btn--secondary">
              <span className="kern-label">{t('discussions.filter.submit')}</span>
            </button>
          </div>
        </form>
      </search>

      {searching ? <PostSearchResults text={applied.search.trim()} /> : null}
      {!searching && error && !connection ? (
        <Alert variant="danger" title={apiErrorMessage(error, t)} role="alert">
          <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => refetch()}>
            <span className="kern-label">{t('error.retry')}</span>
          </button>
        </Alert>
      ) : null}
      {!searching && !connection && networkStatus === NetworkStatus.loading ? <LoadingIndicator /> : null}
      {!searching && connection ? (
        <section aria-labelledby="discussion-results">
          <h2 className="kern-heading-small" id="discussion-results">
            {t('discussions.threads.heading')}
          </h2>
          <p className="kern-body" role="status">
            {t('discussions.threads.count', { count: connection.totalCount })}
          </p>
          {connection.edges.length === 0 ? (
            <p className="kern-body">{t('discussions.threads.empty')}</p>
          ) : (
            <ul className="hub-thread-list">
              {connection.edges.map(({ node }) => (
                <ThreadListItem key={node.id} thread={node} />
              ))}
            </ul>
          )}
          {connection.pageInfo.hasNextPage ? (
            <button
              type="button"
              className="kern-btn kern-btn--secondary"
              onClick={loadMore}
              disabled={networkStatus === NetworkStatus.fetchMore}
            >
              <span className="kern-label">{t('discussions.threads.more')}</span>
            </button>
          ) : null}
        </section>
      ) : null}
    </Page>
  );
}
