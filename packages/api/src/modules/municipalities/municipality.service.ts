import { MembershipStatus } from '@hub/shared';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import type { PageArgs } from '../../db/paginate';
import type { Connection } from '../../graphql/relay';
import { idOf } from '../../graphql/relay';
import { paginateByKeys, type RawSortKey as SortKey } from './keyset-pagination';
import { Municipality } from './municipality.entity';
import type { MunicipalityFilter } from './municipality.inputs';
import { MunicipalitySort } from './municipality.inputs';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** "bruchmuehlbach" → "bruchmuhlbach": the spelling people type when they have no umlaut key. */
export function umlautTranscriptionFolded(search: string): string {
  return search.toLowerCase().replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/ue/g, 'u');
}

const FOLDED_NAME = 'hub_fold(m.name)';

/** How well the folded name matches one folded form of the search: 0 exact … 4 fuzzy only. */
function matchTier(exact: string, like: string): string {
  const n = FOLDED_NAME;
  return `CASE WHEN ${n} = hub_fold(${exact}) THEN 0
    WHEN ${n} LIKE hub_fold(${like}) || '%' THEN 1
    WHEN ${n} LIKE '%' || hub_fold(' ' || ${like}) || '%' OR ${n} LIKE '%-' || hub_fold(${like}) || '%'
      OR ${n} LIKE '%(' || hub_fold(${like}) || '%' THEN 2
    WHEN ${n} LIKE '%' || hub_fold(${like}) || '%' THEN 3
    ELSE 4 END`;
}

/** Contains the search, or resembles a word of the name: both answered by the trigram index. */
function matches(exact: string, like: string): string {
  return `(${FOLDED_NAME} LIKE '%' || hub_fold(${like}) || '%' OR hub_fold(${exact}) <% ${FOLDED_NAME})`;
}

/**
 * The municipality directory: filters, German-friendly name search and keyset pagination.
 * Costs two statements (page and count) whatever the page size.
 */
export class MunicipalityDirectory {
  constructor(private readonly dataSource: DataSource) {}

  async find(
    args: PageArgs & { filter?: MunicipalityFilter | null; sort?: MunicipalitySort | null },
    visibleStatuses: MembershipStatus[],
  ): Promise<Connection<Municipality>> {
    const filter = args.filter ?? {};
    const query = this.dataSource.getRepository(Municipality).createQueryBuilder('m');
    const search = filter.search?.trim() ?? '';
    const variants = search ? this.applySearch(query, search) : [];
    this.applyFilters(query, filter, visibleStatuses);

    const sort = args.sort ?? (search ? MunicipalitySort.RELEVANCE : MunicipalitySort.NAME);
    const keys: SortKey[] = [];
    if (sort === MunicipalitySort.RELEVANCE && variants.length) {
      const tiers = variants.map(([exact, like]) => matchTier(exact, like));
      const similarity = variants.map(([exact]) => `word_similarity(hub_fold(${exact}), ${FOLDED_NAME})`);
      keys.push(
        { expression: `LEAST(${tiers.join(', ')})`, direction: 'ASC', alias: 'sort_tier' },
        {
          expression: `CAST(round(GREATEST(${similarity.join(', ')}) * 1000) AS integer)`,
          direction: 'DESC',
          alias: 'sort_similarity',
        },
        {
          // Of equally good word matches, the name that is closest as a whole ("Kaiserslautern"
          // before "Landkreis Kaiserslautern").
          expression: `CAST(round(GREATEST(${variants.map(([exact]) => `similarity(hub_fold(${exact}), ${FOLDED_NAME})`).join(', ')}) * 1000) AS integer)`,
          direction: 'DESC',
          alias: 'sort_closeness',
        },
        { expression: 'COALESCE(m.population, -1)', direction: 'DESC', alias: 'sort_population' },
      );
    } else if (sort === MunicipalitySort.POPULATION) {
      keys.push({ expression: 'COALESCE(m.population, -1)', direction: 'DESC', alias: 'sort_population' });
    } else {
      // Folded, so that "Ürzig" sorts with the U and not after Z whatever the database collation.
      keys.push(
        { expression: FOLDED_NAME, direction: 'ASC', alias: 'sort_folded_name' },
        { expression: 'm.name', direction: 'ASC', alias: 'm_name' },
      );
    }
    keys.push({ expression: 'm.id', direction: 'ASC', alias: 'm_id' });
    return paginateByKeys(query, 'm', args, keys);
  }

  /** Adds the search condition; returns the parameter names of each folded form searched for. */
  private applySearch(query: SelectQueryBuilder<Municipality>, search: string): [string, string][] {
    const variants: [string, string][] = [[':search', ':searchLike']];
    query.setParameters({ search, searchLike: escapeLike(search) });
    const transcribed = umlautTranscriptionFolded(search);
    if (transcribed !== search.toLowerCase()) {
      variants.push([':searchAlt', ':searchAltLike']);
      query.setParameters({ searchAlt: transcribed, searchAltLike: escapeLike(transcribed) });
    }
    query.andWhere(`(${variants.map(([exact, like]) => matches(exact, like)).join(' OR ')})`);
    return variants;
  }

  private applyFilters(
    query: SelectQueryBuilder<Municipality>,
    filter: MunicipalityFilter,
    visibleStatuses: MembershipStatus[],
  ): void {
    if (filter.kinds?.length) query.andWhere('m.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter.districtId) {
      query.andWhere('m.district_id = :districtId', {
        districtId: idOf(filter.districtId, 'Municipality', 'districtId'),
      });
    }
    if (filter.verbandsgemeindeId) {
      query.andWhere('m.parent_id = :vgId', {
        vgId: idOf(filter.verbandsgemeindeId, 'Municipality', 'verbandsgemeindeId'),
      });
    }
    if (filter.memberStatuses?.length) {
      // Statuses the viewer may not see match nothing rather than reveal who is invited.
      const statuses = filter.memberStatuses.filter((s) => visibleStatuses.includes(s));
      query.andWhere(
        'EXISTS (SELECT 1 FROM network_membership nm WHERE nm.municipality_id = m.id AND nm.status = ANY(:statuses))',
        { statuses },
      );
    }
    if (filter.networkMember === true || filter.networkMember === false) {
      query.andWhere(
        `${filter.networkMember ? '' : 'NOT '}EXISTS (SELECT 1 FROM network_membership active WHERE active.municipality_id = m.id AND active.status = :active)`,
        { active: MembershipStatus.ACTIVE },
      );
    }
  }
}
