import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { graphql } from '../../gql';
import type {
  MembershipStatus,
  MunicipalityFilter,
  MunicipalityKind,
  MunicipalitySort,
} from '../../gql/graphql';
import { useT } from '../../i18n';
import { FilterForm, ListPage, ListResults } from '../../ui/ListPage';
import { TextField } from '../../ui/TextField';
import { useDraft, useUrlFilters } from '../../ui/useUrlFilters';
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
    viewerCan {
      administerMemberships
      listPeople
    }
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

/** member: "members" = active members only; "" = everyone; otherwise one membership status. */
const NO_FILTERS = { search: '', kind: '', district: '', member: 'members', sort: '' };

/** The municipality directory of Rheinland-Pfalz: search the way people type, filter and sort. */
export function MembersPage() {
  const t = useT();
  const [filters, applyFilters] = useUrlFilters(NO_FILTERS);
  const [search, setSearch] = useDraft(filters.search);
  const [kind, setKind] = useDraft(filters.kind);
  const [districtId, setDistrictId] = useDraft(filters.district);
  const [member, setMember] = useDraft(filters.member);
  const [sort, setSort] = useDraft(filters.sort);
  const query: { filter: MunicipalityFilter; sort: MunicipalitySort | null } = {
    filter: {
      search: filters.search || null,
      kinds: filters.kind ? [filters.kind as MunicipalityKind] : null,
      districtId: filters.district || null,
      networkMember: filters.member === 'members' ? true : null,
      memberStatuses:
        filters.member && filters.member !== 'members' ? [filters.member as MembershipStatus] : null,
    },
    sort: (filters.sort as MunicipalitySort) || null,
  };
  const districts = useQuery(MembersPageDistrictsQuery);
  const { data, error, networkStatus, refetch, fetchMore } = useQuery(MembersPageQuery, {
    variables: { first: PAGE_SIZE, ...query },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });

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
    <ListPage title={t('members.title')} intro={t('members.intro')}>
      <nav className="hub-members-links" aria-label={t('members.links.label')}>
        <Link className="kern-link" to={memberPaths.map}>
          {t('members.links.map')}
        </Link>
        {districts.data?.viewerCan.administerMemberships ? (
          <Link className="kern-link" to={memberPaths.administration}>
            {t('members.links.administration')}
          </Link>
        ) : null}
        {districts.data?.viewerCan.listPeople ? (
          <Link className="kern-link" to={peoplePaths.list}>
            {t('members.links.people')}
          </Link>
        ) : null}
        <Link className="kern-link" to={peoplePaths.profile}>
          {t('members.links.profile')}
        </Link>
      </nav>

      <FilterForm
        label={t('members.filter.label')}
        submitLabel={t('members.filter.submit')}
        onSubmit={() => applyFilters({ search: search.trim(), kind, district: districtId, member, sort })}
      >
        <TextField
          id="members-search"
          type="search"
          label={t('members.filter.search')}
          hint={t('members.filter.searchHint')}
          value={search}
          onChange={setSearch}
          required={false}
        />
        <SelectField id="members-kind" label={t('members.filter.kind')} value={kind} onChange={setKind}>
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
          onChange={setMember}
        >
          <option value="members">{t('members.filter.membersOnly')}</option>
          <option value="">{t('members.filter.allMunicipalities')}</option>
          {membershipStatuses.map((s) => (
            <option key={s} value={s}>
              {t(statusLabel[s])}
            </option>
          ))}
        </SelectField>
        <SelectField id="members-sort" label={t('members.filter.sort')} value={sort} onChange={setSort}>
          <option value="">{t('members.sort.default')}</option>
          <option value="NAME">{t('members.sort.NAME')}</option>
          <option value="POPULATION">{t('members.sort.POPULATION')}</option>
        </SelectField>
      </FilterForm>
      <ListResults
        id="members-results"
        count={connection ? t('members.resultCount', { count: connection.totalCount }) : null}
        error={error}
        onRetry={() => void refetch()}
        loading={networkStatus === NetworkStatus.loading}
        emptyText={t('members.empty')}
        isEmpty={connection?.edges.length === 0}
        hasNextPage={connection?.pageInfo.hasNextPage ?? false}
        onLoadMore={() => void loadMore()}
        loadMoreLabel={t('members.loadMore')}
        loadingMore={networkStatus === NetworkStatus.fetchMore}
      >
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
              {(connection?.edges ?? []).map(({ node }) => (
                <MunicipalityRow key={node.id} municipality={node} />
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </ListResults>
    </ListPage>
  );
}
