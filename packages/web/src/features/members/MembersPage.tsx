import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { apiErrorMessage } from '../../errors/apiErrors';
import { graphql } from '../../gql';
import type {
  MembershipStatus,
  MunicipalityFilter,
  MunicipalityKind,
  MunicipalitySort,
} from '../../gql/graphql';
import { useT } from '../../i18n';
import { useViewer } from '../../session/useViewer';
import { Alert } from '../../ui/Alert';
import { LoadingIndicator } from '../../ui/LoadingIndicator';
import { Page } from '../../ui/Page';
import { peoplePaths } from '../people/peoplePaths';
import { kindLabel, membershipStatuses, municipalityKinds, statusLabel } from './labels';
import { MunicipalityRow } from './MunicipalityRow';
import { memberPaths } from './memberPaths';
import './members.css';
import { ScrollTable } from '../../ui/ScrollTable';
import { SelectField } from '../../ui/SelectField';

const PAGE_SIZE = 50;

export const MembersPageQuery = graphql(`
  query MembersPage($first: Int, $after: String, $filter: MunicipalityFilter, $sort: MunicipalitySort) {
    municipalities(first: $first, after: $after, filter: $filter, sort: $sort) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...MunicipalityRow_municipality
        }
      }
    }
  }
`);

export const MembersPageDistrictsQuery = graphql(`
  query MembersPageDistricts {
    municipalities(first: 100, filter: { kinds: [LANDKREIS, KREISFREIE_STADT] }) {
      edges {
        node {
          id
          name
        }
      }
    }
  }
`);

/** "members" = active members only; "" = everyone; otherwise one membership status. */
type MemberChoice = '' | 'members' | MembershipStatus;

/** The municipality directory of Rheinland-Pfalz: search the way people type, filter and sort. */
export function MembersPage() {
  const t = useT();
  const { viewer } = useViewer();
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<MunicipalityKind | ''>('');
  const [districtId, setDistrictId] = useState('');
  const [member, setMember] = useState<MemberChoice>('members');
  const [sort, setSort] = useState<MunicipalitySort | ''>('');
  const [query, setQuery] = useState<{ filter: MunicipalityFilter; sort: MunicipalitySort | null }>({
    filter: { networkMember: true },
    sort: null,
  });
  const districts = useQuery(MembersPageDistrictsQuery);
  const { data, error, networkStatus, refetch, fetchMore } = useQuery(MembersPageQuery, {
    variables: { first: PAGE_SIZE, ...query },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setQuery({
      filter: {
        search: search.trim() || null,
        kinds: kind ? [kind] : null,
        districtId: districtId || null,
        networkMember: member === 'members' ? true : null,
        memberStatuses: member && member !== 'members' ? [member] : null,
      },
      sort: sort || null,
    });
  };

  const loadMore = () =>
    fetchMore({
      variables: { after: data?.municipalities.pageInfo.endCursor },
      updateQuery: (previous, { fetchMoreResult }) => ({
        municipalities: {
          ...fetchMoreResult.municipalities,
          edges: [...previous.municipalities.edges, ...fetchMoreResult.municipalities.edges],
        },
      }),
    });

  const connection = data?.municipalities;
  const districtOptions = [...(districts.data?.municipalities.edges ?? [])]
    .map((e) => e.node)
    .sort((a, b) => a.name.localeCompare(b.name, 'de'));
  return (
    <Page title={t('members.title')}>
      <p className="kern-body">{t('members.intro')}</p>
      <nav className="hub-members-links" aria-label={t('members.links.label')}>
        <Link className="kern-link" to={memberPaths.map}>
          {t('members.links.map')}
        </Link>
        {viewer?.role === 'COORDINATOR' ? (
          <Link className="kern-link" to={memberPaths.administration}>
            {t('members.links.administration')}
          </Link>
        ) : null}
        {viewer?.role === 'COORDINATOR' || viewer?.role === 'OFFICER' ? (
          <Link className="kern-link" to={peoplePaths.list}>
            {t('members.links.people')}
          </Link>
        ) : null}
        <Link className="kern-link" to={peoplePaths.profile}>
          {t('members.links.profile')}
        </Link>
      </nav>

      <search aria-label={t('members.filter.label')}>
        <form className="hub-members-filter" onSubmit={submit}>
          <div className="kern-form-input">
            <label className="kern-label" htmlFor="members-search">
              {t('members.filter.search')}
            </label>
            <div className="kern-hint" id="members-search-hint">
              {t('members.filter.searchHint')}
            </div>
            <input
              className="kern-form-input__input"
              id="members-search"
              type="search"
              aria-describedby="members-search-hint"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
            />
          </div>
          <SelectField
            id="members-kind"
            label={t('members.filter.kind')}
            value={kind}
            onChange={(value) => setKind(value as MunicipalityKind | '')}
          >
            <option value="">{t('members.filter.all')}</option>
            {municipalityKinds.map((k) => (
              <option key={k} value={k}>
                {t(kindLabel[k])}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="members-district"
            label={t('members.filter.district')}
            value={districtId}
            onChange={setDistrictId}
          >
            <option value="">{t('members.filter.all')}</option>
            {districtOptions.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="members-status"
            label={t('members.filter.status')}
            value={member}
            onChange={(value) => setMember(value as MemberChoice)}
          >
            <option value="members">{t('members.filter.membersOnly')}</option>
            <option value="">{t('members.filter.allMunicipalities')}</option>
            {membershipStatuses.map((s) => (
              <option key={s} value={s}>
                {t(statusLabel[s])}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="members-sort"
            label={t('members.filter.sort')}
            value={sort}
            onChange={(value) => setSort(value as MunicipalitySort | '')}
          >
            <option value="">{t('members.sort.default')}</option>
            <option value="NAME">{t('members.sort.NAME')}</option>
            <option value="POPULATION">{t('members.sort.POPULATION')}</option>
          </SelectField>
          <div className="hub-form__actions">
            <button type="submit" className="kern-btn kern-btn--primary">
              <span className="kern-label">{t('members.filter.submit')}</span>
            </button>
          </div>
        </form>
      </search>

      {error && !connection ? (
        <Alert variant="danger" title={apiErrorMessage(error, t)} role="alert">
          <button type="button" className="kern-btn kern-btn--tertiary" onClick={() => refetch()}>
            <span className="kern-label">{t('error.retry')}</span>
          </button>
        </Alert>
      ) : null}
      {!connection && networkStatus === NetworkStatus.loading ? <LoadingIndicator /> : null}
      {connection ? (
        <section aria-labelledby="members-results">
          <p className="kern-body" id="members-results" role="status">
            {t('members.resultCount', { count: connection.totalCount })}
          </p>
          {connection.edges.length === 0 ? (
            <p className="kern-body">{t('members.empty')}</p>
          ) : (
            <ScrollTable label={t('members.table.caption')}>
              <table className="kern-table kern-table--striped">
                <caption className="kern-sr-only">{t('members.table.caption')}</caption>
                <thead className="kern-table__header">
                  <tr className="kern-table__row">
                    <th scope="col" className="kern-table__header">
                      {t('members.table.name')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('members.table.kind')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('members.table.district')}
                    </th>
                    <th scope="col" className="kern-table__header kern-table__header--numeric">
                      {t('members.table.population')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('members.table.status')}
                    </th>
                    <th scope="col" className="kern-table__header kern-table__header--numeric">
                      {t('members.table.officers')}
                    </th>
                  </tr>
                </thead>
                <tbody className="kern-table__body">
                  {connection.edges.map(({ node }) => (
                    <MunicipalityRow key={node.id} municipality={node} />
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          )}
          {connection.pageInfo.hasNextPage ? (
            <button
              type="button"
              className="kern-btn kern-btn--secondary"
              onClick={loadMore}
              aria-disabled={networkStatus === NetworkStatus.fetchMore || undefined}
            >
              <span className="kern-label">{t('members.loadMore')}</span>
            </button>
          ) : null}
        </section>
      ) : null}
    </Page>
  );
}
