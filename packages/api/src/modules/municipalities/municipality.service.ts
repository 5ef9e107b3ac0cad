import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { paginateByKeys, type RawSortKey as SortKey } from '../../db/keyset-pagination';
import { escapeLike } from '../../db/like';
import type { PageArgs } from '../../db/paginate';
import type { Connection } from '../../graphql/relay';
import { idOf } from '../../graphql/relay';
import type { SqlFilter } from '../../policy/policy';
import { Municipality } from './municipality.entity';
import type { MunicipalityFilter } from './municipality.inputs';
import { MunicipalitySort } from './municipality.inputs';
import { kreiseForPlateCode } from './vehicle-registration';

const FOLDED_NAME = 'hub_fold(m.name)';
/**
 * The name as the search sees it: folded, with ae/oe/ue read as a/o/u as well, so that "Bruchmühlbach",
 * "bruchmuhlbach" and "bruchmuehlbach" are one text, matched by one condition on one trigram index
 * (municipality_search_name_trgm; see the MunicipalitySearchFold migration).
 */
const SEARCH_NAME = 'hub_search_fold(m.name)';
const EXACT = 'hub_search_fold(:search)';
const LIKE = 'hub_search_fold(:searchLike)';

/**
 * The name without the kind in front ("Landkreis Altenkirchen (Westerwald)" → "altenkirchen
 * (westerwald)"), so that a Landkreis or Verbandsgemeinde matches its name as well as a town does.
 */
const BASE_NAME = `regexp_replace(${SEARCH_NAME}, '^(landkreis|verbandsgemeinde) ', '')`;

/**
 * A Landkreis or kreisfreie Stadt whose registration code is the search ("LU", "KL"), by ARS (the
 * Kreis key and seven zeros; vehicle-registration.ts): the unique ARS index answers it, so the
 * OR with the name conditions stays a BitmapOr of indexes and never a sequential scan.
 */
const PLATE_MATCH = 'm.ars = ANY(:plateArs)';

/**
 * How well the name matches the search: 0 registration code, 1 the name starts with it (after the
 * kind), 2 a word of the name does, 3 contains it, 4 fuzzy only. Within a tier, the length of the
 * name says nothing: administrative weight and population decide (ADMINISTRATIVE_WEIGHT).
 */
const MATCH_TIER = `CASE WHEN ${PLATE_MATCH} THEN 0
    WHEN ${BASE_NAME} LIKE ${LIKE} || '%' THEN 1
    WHEN ${SEARCH_NAME} LIKE '%' || hub_search_fold(' ' || :searchLike) || '%' OR ${SEARCH_NAME} LIKE '%-' || ${LIKE} || '%'
      OR ${SEARCH_NAME} LIKE '%(' || ${LIKE} || '%' OR ${SEARCH_NAME} LIKE '%/' || ${LIKE} || '%' THEN 2
    WHEN ${SEARCH_NAME} LIKE '%' || ${LIKE} || '%' THEN 3
    ELSE 4 END`;

/** Kreisfreie Stadt, Landkreis, Verbandsgemeinde, town, verbandsfreie Gemeinde, Ortsgemeinde. */
const ADMINISTRATIVE_WEIGHT = `CASE m.kind WHEN 'KREISFREIE_STADT' THEN 6 WHEN 'LANDKREIS' THEN 5
    WHEN 'VERBANDSGEMEINDE' THEN 4 ELSE CASE WHEN m.is_town THEN 3 WHEN m.kind = 'VERBANDSFREIE_GEMEINDE' THEN 2
    WHEN m.kind = 'ORTSGEMEINDE' THEN 1 ELSE 0 END END`;

/** Contains the search, or resembles a word of the name (trigram index), or is its registration code. */
const MATCHES = `(${SEARCH_NAME} LIKE '%' || ${LIKE} || '%' OR ${EXACT} <% ${SEARCH_NAME} OR ${PLATE_MATCH})`;

/**
 * The municipality directory: filters, German-friendly name search and keyset pagination.
 * Costs two statements (page and count) whatever the page size.
 */
export class MunicipalityDirectory {
  constructor(private readonly dataSource: DataSource) {}

  async find(
    args: PageArgs & { filter?: MunicipalityFilter | null; sort?: MunicipalitySort | null },
    /** Conditions of other modules on `m` (the network's membership filters), added as given. */
    conditions: readonly SqlFilter[] = [],
  ): Promise<Connection<Municipality>> {
    const filter = args.filter ?? {};
    const query = this.dataSource.getRepository(Municipality).createQueryBuilder('m');
    const search = filter.search?.trim() ?? '';
    if (search) {
      query.setParameters({
        search,
        searchLike: escapeLike(search),
        plateArs: kreiseForPlateCode(search).map((kreis) => `${kreis}0000000`),
      });
      query.andWhere(MATCHES);
    }
    this.applyFilters(query, filter);
    for (const condition of conditions) query.andWhere(condition.sql, condition.params);

    const sort = args.sort ?? (search ? MunicipalitySort.RELEVANCE : MunicipalitySort.NAME);
    const keys: SortKey[] = [];
    if (sort === MunicipalitySort.RELEVANCE && search) {
      keys.push(
        { expression: MATCH_TIER, direction: 'ASC', type: 'integer', alias: 'sort_tier' },
        {
          // Only fuzzy matches differ in how close they come; the others are equally good.
          expression: `CASE WHEN ${MATCH_TIER} = 4 THEN CAST(round(word_similarity(${EXACT}, ${SEARCH_NAME}) * 1000) AS integer) ELSE 1000 END`,
          direction: 'DESC',
          type: 'integer',
          alias: 'sort_similarity',
        },
        { expression: ADMINISTRATIVE_WEIGHT, direction: 'DESC', type: 'integer', alias: 'sort_weight' },
        {
          expression: 'COALESCE(m.population, -1)',
          direction: 'DESC',
          type: 'integer',
          alias: 'sort_population',
        },
      );
    } else if (sort === MunicipalitySort.POPULATION) {
      keys.push({
        expression: 'COALESCE(m.population, -1)',
        direction: 'DESC',
        type: 'integer',
        alias: 'sort_population',
      });
    } else {
      // Folded, so that "Ürzig" sorts with the U and not after Z whatever the database collation.
      keys.push(
        { expression: FOLDED_NAME, direction: 'ASC', type: 'text', alias: 'sort_folded_name' },
        { expression: 'm.name', direction: 'ASC', type: 'text', alias: 'm_name' },
      );
    }
    keys.push({ expression: 'm.id', direction: 'ASC', type: 'uuid', alias: 'm_id' });
    return paginateByKeys(query, 'm', args, keys);
  }

  private applyFilters(query: SelectQueryBuilder<Municipality>, filter: MunicipalityFilter): void {
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
  }
}

/** Whether a municipality with this database ID exists in the directory. */
export function municipalityExists(manager: EntityManager, id: string): Promise<boolean> {
  return manager.getRepository(Municipality).existsBy({ id });
}
