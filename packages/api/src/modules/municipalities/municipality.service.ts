import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { entityFromColumns, entityRowJson } from '../../db/entity-from-columns';
import { connectionByKeys, keysetPageByKeys, type RawSortKey as SortKey } from '../../db/keyset-pagination';
import { escapeLike } from '../../db/like';
import type { PageArgs } from '../../db/paginate';
import type { Loaders } from '../../graphql/loaders';
import type { Connection } from '../../graphql/relay';
import { idOf } from '../../graphql/relay';
import type { SqlFilter } from '../../policy/policy';
import { Municipality } from './municipality.entity';
import type { MunicipalityFilter } from './municipality.inputs';
import { MunicipalitySort } from './municipality.inputs';
import { primeMunicipalities } from './municipality.json';
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
 * What another module adds to a directory page (the memberships, the officer counts): SQL giving,
 * once for the page, a JSON object keyed by municipality ID (the page's municipalities are
 * `SELECT id FROM page`; one grouped pass, not a subquery per row), and how it primes that module's
 * loader for every municipality of the page, so that the field resolvers send no statement.
 */
export interface DirectoryColumn {
  sql: string;
  prime(loaders: Loaders, municipalityIds: readonly string[], byId: Record<string, unknown>): void;
}

export interface DirectoryPageOptions {
  /** The request's loaders, primed with the page's districts (`districts`) and the columns' values. */
  loaders: Loaders;
  districts: boolean;
  columns: readonly DirectoryColumn[];
  /** The Municipality fields the operation asks for (look-ahead): the page selects only their columns. */
  fields: ReadonlySet<string>;
}

/** What the field resolvers on Municipality read besides the fields' own columns (its relations' keys), and the name (a sort key). */
const ALWAYS_SELECTED = new Set(['id', 'parentId', 'districtId', 'name']);

/**
 * The municipality directory: filters, German-friendly name search and keyset pagination.
 * One statement whatever the page size: the page, its total count and, for a request's loaders,
 * the districts of its municipalities and the columns of other modules.
 */
export class MunicipalityDirectory {
  constructor(private readonly dataSource: DataSource) {}

  async find(
    args: PageArgs & { filter?: MunicipalityFilter | null; sort?: MunicipalitySort | null },
    /** Conditions of other modules on `m` (the network's membership filters), added as given. */
    conditions: readonly SqlFilter[] = [],
    options?: DirectoryPageOptions,
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
    const keys = sortKeys(args.sort ?? (search ? MunicipalitySort.RELEVANCE : MunicipalitySort.NAME), search);

    const counted = query.clone().select('1');
    const fields = options?.fields;
    const columns = this.dataSource
      .getMetadata(Municipality)
      .columns.filter(
        (column) =>
          column.isSelect &&
          (!fields || ALWAYS_SELECTED.has(column.propertyName) || fields.has(column.propertyName)),
      );
    query.select([]);
    // Quoted: TypeORM leaves the selection as written (it rewrites `m.property` selections per entity column).
    for (const column of columns) query.addSelect(`"m"."${column.databaseName}"`, column.databaseName);
    const selected = new Set(columns.map((column) => column.databaseName));
    const { page, first } = keysetPageByKeys(query, args, keys, (key) => selected.has(key.alias));
    const related = options?.columns ?? [];
    const order = keys.map((key) => `page."${key.alias}" ${key.direction}`).join(', ');
    // The districts and other modules' columns once for the page (on its first row); the count
    // always comes, on an empty page too.
    const districts = options?.districts
      ? `CASE WHEN row_number() OVER (ORDER BY ${order}) = 1 THEN
           (SELECT json_agg(${entityRowJson(this.dataSource, Municipality, 'dm')}) FROM municipality dm
             WHERE dm.id = ANY(ARRAY(SELECT DISTINCT district_id FROM page))) END`
      : 'NULL';
    const sql = `WITH page AS (${page.getQuery()})
      SELECT total.total_count, page.*, ${districts} AS districts
             ${related.map((column, i) => `, CASE WHEN row_number() OVER (ORDER BY ${order}) = 1 THEN ${column.sql} END AS related_${i}`).join('')}
        FROM (SELECT count(*)::integer AS total_count FROM (${counted.getQuery()}) counted) total
        LEFT JOIN page ON TRUE
       ORDER BY ${order}`;
    const [text, values] = this.dataSource.driver.escapeQueryWithParameters(sql, page.getParameters());
    const raws: Record<string, unknown>[] = await this.dataSource.query(text, values);
    const rows = raws.filter((raw) => raw.id !== null);
    if (options) {
      primeMunicipalities(
        this.dataSource,
        options.loaders,
        (rows[0]?.districts ?? null) as unknown[][] | null,
      );
      const ids = rows.map((raw) => raw.id as string);
      for (const [i, column] of related.entries())
        column.prime(options.loaders, ids, (rows[0]?.[`related_${i}`] ?? {}) as Record<string, unknown>);
    }
    return connectionByKeys(
      rows.map((raw) => ({ node: entityFromColumns(this.dataSource, Municipality, raw), raw })),
      { first, after: args.after },
      keys,
      Number(raws[0]?.total_count ?? 0),
    );
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

/** The directory's order: by relevance with a search, by population, or by name; the ID last (unique). */
function sortKeys(sort: MunicipalitySort, search: string): SortKey[] {
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
      // The column itself, always selected (ALWAYS_SELECTED): its value comes once a row.
      { expression: 'm.name', direction: 'ASC', type: 'text', alias: 'name' },
    );
  }
  keys.push({ expression: 'm.id', direction: 'ASC', type: 'uuid', alias: 'id' });
  return keys;
}

/** Whether a municipality with this database ID exists in the directory. */
export function municipalityExists(manager: EntityManager, id: string): Promise<boolean> {
  return manager.getRepository(Municipality).existsBy({ id });
}
