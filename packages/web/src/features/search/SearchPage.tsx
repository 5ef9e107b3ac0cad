import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import type { SearchKind } from '../../gql/graphql';
import { useT } from '../../i18n';
import { Alert } from '../../ui/Alert';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import { meetingPaths } from '../meetings/meetingPaths';
import { memberPaths } from '../members/memberPaths';
import { projectPaths } from '../projects/projectPaths';
import { workingGroupPaths } from '../working-groups/workingGroupPaths';
import { searchPaths } from './searchPaths';

const SearchPageQuery = graphql(`
  query SearchPage($text: String!, $kinds: [SearchKind!], $first: Int) {
    searchKinds
    search(text: $text, kinds: $kinds, first: $first) {
      kind
      totalCount
      hits {
        kind
        nodeId
        title
        detail
      }
    }
  }
`);

const KINDS: SearchKind[] = ['PROJECT', 'MUNICIPALITY', 'WORKING_GROUP', 'MEETING', 'MINUTES', 'PERSON'];

/** Where a hit leads; people have no page of their own (the list shows their contact data to those who may see it). */
function hitPath(kind: SearchKind, id: string): string | null {
  switch (kind) {
    case 'PROJECT':
      return projectPaths.detail(id);
    case 'MUNICIPALITY':
      return memberPaths.municipality(id);
    case 'WORKING_GROUP':
      return workingGroupPaths.detail(id);
    case 'MEETING':
    case 'MINUTES':
      return meetingPaths.detail(id);
    default:
      return null;
  }
}

/**
 * Results of the header search, grouped by kind, best hits first: 5 per kind, or 20 of one kind
 * when filtered. Each kind appears only where the viewer may read it (the API decides).
 */
export function SearchPage() {
  const t = useT();
  const [params] = useSearchParams();
  const text = (params.get('q') ?? '').trim();
  const kindParam = params.get('art');
  const kind = KINDS.find((k) => k === kindParam) ?? null;
  const { data, previousData, loading, error } = useQuery(SearchPageQuery, {
    variables: { text, kinds: kind ? [kind] : null, first: kind ? 20 : 5 },
    skip: !text,
  });
  const groups = (data ?? previousData)?.search ?? [];
  // The kinds offered as filters: those the viewer's search can find at all (the API's answer).
  const kinds = (data ?? previousData)?.searchKinds ?? [];

  return (
    <Page title={text ? t('search.page.titleFor', { text }) : t('search.page.title')}>
      {!text ? <p className="kern-body">{t('search.page.empty')}</p> : null}
      {text ? (
        <nav aria-label={t('search.page.kinds')}>
          <ul className="hub-search-kinds">
            <li>
              <Link
                className="kern-link"
                to={searchPaths.resultsFor(text)}
                aria-current={kind === null ? 'page' : undefined}
              >
                {t('search.kind.ALL')}
              </Link>
            </li>
            {kinds.map((k) => (
              <li key={k}>
                <Link
                  className="kern-link"
                  to={searchPaths.resultsFor(text, k)}
                  aria-current={kind === k ? 'page' : undefined}
                >
                  {t(`search.kind.${k}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {error ? <Alert variant="danger" title={apiErrorMessage(error, t)} role="alert" /> : null}
      {loading && !groups.length ? <LoadingIndicator /> : null}
      {text && !loading && !error && !groups.length ? (
        <p className="kern-body" role="status">
          {t('search.page.none', { text })}
        </p>
      ) : null}
      {groups.map((group) => (
        <section key={group.kind} aria-labelledby={`search-group-${group.kind}`} className="hub-search-group">
          <h2 className="kern-heading-medium" id={`search-group-${group.kind}`}>
            {t(`search.kind.${group.kind}`)} ({group.totalCount})
          </h2>
          <ul className="hub-search-hits">
            {group.hits.map((hit) => {
              const path = hitPath(hit.kind, hit.nodeId);
              return (
                <li key={`${hit.kind}-${hit.nodeId}`}>
                  {path ? (
                    <Link className="kern-link hub-search-hits__title" to={path}>
                      {hit.kind === 'MINUTES' ? t('search.minutesOf', { title: hit.title }) : hit.title}
                    </Link>
                  ) : (
                    <span className="hub-search-hits__title">{hit.title}</span>
                  )}
                  {hit.detail ? <span className="hub-search-hits__detail">{hit.detail}</span> : null}
                </li>
              );
            })}
          </ul>
          {!kind && group.totalCount > group.hits.length ? (
            <p>
              <Link className="kern-link" to={searchPaths.resultsFor(text, group.kind)}>
                {t('search.page.more', { count: group.totalCount, kind: t(`search.kind.${group.kind}`) })}
              </Link>
            </p>
          ) : null}
        </section>
      ))}
    </Page>
  );
}
