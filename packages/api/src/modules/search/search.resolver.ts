import { limits, ProjectSort } from '@hub/shared';
import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { badInput } from '../../graphql/errors';
import { toGlobalId } from '../../graphql/relay';
import { relevanceSql, type SearchPlan, searchPlan } from '../../text-search/search-terms';
import { meetingPolicy } from '../meetings';
import { MunicipalityDirectory } from '../municipalities';
import { searchProjects } from '../projects';
import { PeopleService, userPolicy } from '../users';
import { workingGroupPolicy } from '../working-groups';

/** What the search box finds. Discussions do not exist yet. */
export enum SearchKind {
  PROJECT = 'PROJECT',
  MUNICIPALITY = 'MUNICIPALITY',
  WORKING_GROUP = 'WORKING_GROUP',
  MEETING = 'MEETING',
  MINUTES = 'MINUTES',
  PERSON = 'PERSON',
}
registerEnumType(SearchKind, { name: 'SearchKind' });

@ObjectType({ description: 'One thing the search found.' })
export class SearchHit {
  @Field(() => SearchKind)
  kind: SearchKind;

  @Field(() => ID, { description: 'The global ID of the found object (the meeting, for minutes).' })
  nodeId: string;

  @Field(() => String)
  title: string;

  @Field(() => String, { nullable: true, description: 'A line of context: summary, topic, date, position.' })
  detail: string | null;
}

@ObjectType({ description: 'The best hits of one kind, and how many there are.' })
export class SearchGroup {
  @Field(() => SearchKind)
  kind: SearchKind;

  @Field(() => Int)
  totalCount: number;

  @Field(() => [SearchHit])
  hits: SearchHit[];
}

const MAX_TEXT = limits.search.text.maxLength;
const MAX_PER_KIND = limits.search.perKind.max;

interface Found {
  totalCount: number;
  hits: { id: string; title: string; detail: string | null }[];
}

/**
 * Small tables (groups, meetings, minutes): the German vector is computed per row (no index
 * needed for hundreds of rows) and matched and ranked like the catalogue; the folded title as a
 * part finds what the stemmer leaves whole. One statement with the count as a window.
 */
async function textSearch(
  ctx: Context,
  plan: SearchPlan,
  text: string,
  first: number,
  source: string,
): Promise<Found> {
  const values: unknown[] = [plan.anyTerm, text, first];
  const relevance = relevanceSql('x.vector', plan, (value) => {
    values.push(value);
    return `$${values.length}`;
  });
  const rows: { id: string; title: string; detail: string | null; total: number }[] =
    await ctx.dataSource.query(
      `SELECT x.id, x.title, x.detail, count(*) OVER ()::int AS total
       FROM (${source}) x
      WHERE ($1::tsquery IS NOT NULL AND x.vector @@ $1::tsquery)
         OR (length(hub_fold($2)) >= 3 AND hub_fold(x.title) LIKE '%' || replace(replace(replace(hub_fold($2), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%')
      ORDER BY ${relevance} + CASE WHEN hub_fold(x.title) LIKE '%' || hub_fold($2) || '%' THEN 2 ELSE 0 END DESC, x.title, x.id
      LIMIT $3`,
      values,
    );
  return {
    totalCount: rows[0]?.total ?? 0,
    hits: rows.map(({ id, title, detail }) => ({ id, title, detail })),
  };
}

const vectorOf = (weighted: [string, 'A' | 'B' | 'C'][]) =>
  weighted
    .map(
      ([column, weight]) =>
        `setweight(to_tsvector('public.german_unaccent', coalesce(${column}, '')), '${weight}')`,
    )
    .join(' || ');

/** Open working groups. */
const WORKING_GROUPS = `SELECT g.id, g.name AS title, g.topic AS detail,
  ${vectorOf([
    ['g.name', 'A'],
    ['g.topic', 'B'],
    ['g.description', 'C'],
  ])} AS vector
  FROM working_group g WHERE g.archived_at IS NULL`;

/** Meetings, with their date as context. */
const MEETINGS = `SELECT m.id, m.title, to_char(m.starts_at AT TIME ZONE 'Europe/Berlin', 'DD.MM.YYYY') AS detail,
  ${vectorOf([
    ['m.title', 'A'],
    ['m.description', 'C'],
  ])} AS vector
  FROM meeting m`;

/** The latest published revision of each meeting's minutes (never a draft); the hit is the meeting. */
const MINUTES = `SELECT r.meeting_id AS id, m.title, to_char(m.starts_at AT TIME ZONE 'Europe/Berlin', 'DD.MM.YYYY') AS detail,
  ${vectorOf([
    ['m.title', 'A'],
    ['r.body', 'B'],
    ['r.item_notes::text', 'C'],
  ])} AS vector
  FROM (SELECT DISTINCT ON (minutes_id) * FROM meeting_minutes_revision ORDER BY minutes_id, revision DESC) r
  JOIN meeting m ON m.id = r.meeting_id`;

/**
 * The kinds the viewer's search can find, each by its module's read rule: projects and the
 * directory for everyone, groups and meetings for the signed-in, people for the network's members.
 */
function searchableKinds(viewer: Context['viewer']): SearchKind[] {
  return [
    SearchKind.PROJECT,
    SearchKind.MUNICIPALITY,
    ...(workingGroupPolicy.can(viewer, 'read') ? [SearchKind.WORKING_GROUP] : []),
    ...(meetingPolicy.can(viewer, 'read') ? [SearchKind.MEETING, SearchKind.MINUTES] : []),
    ...(viewer && userPolicy.can(viewer, 'list') ? [SearchKind.PERSON] : []),
  ];
}

/**
 * One search box over everything the viewer may read, grouped by kind, best hits first. Each kind
 * goes through its module's own read rules: the project catalogue's visibility filter, the
 * directory's visible membership statuses, the working-group, meeting and people policies
 * (people: network members only, names and positions, never contact data).
 */
@Resolver()
export class SearchResolver {
  @Query(() => [SearchGroup], {
    description: 'Projects, municipalities, working groups, meetings, minutes and people matching the text.',
  })
  async search(
    @Ctx() ctx: Context,
    @Arg('text', () => String) text: string,
    @Arg('kinds', () => [SearchKind], { nullable: true }) kinds: SearchKind[] | null,
    @Arg('first', () => Int, { nullable: true, description: 'Hits per kind, default 5.' }) first:
      | number
      | null,
  ): Promise<SearchGroup[]> {
    const search = text.trim();
    if (!search) return [];
    if (search.length > MAX_TEXT) throw badInput(`text may be at most ${MAX_TEXT} characters`, 'text');
    const limit = first ?? limits.search.perKind.default;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PER_KIND)
      throw badInput(`first must be between 1 and ${MAX_PER_KIND}`, 'first');
    const wanted = new Set(kinds?.length ? kinds : Object.values(SearchKind));
    const viewer = ctx.viewer;
    const plan = await searchPlan(ctx.dataSource, search);

    const searches: [SearchKind, () => Promise<Found>][] = [];
    searches.push([
      SearchKind.PROJECT,
      async () => {
        const page = await searchProjects(ctx.dataSource, viewer, { search }, ProjectSort.RELEVANCE, {
          first: limit,
        });
        return {
          totalCount: page.totalCount,
          hits: page.edges.map(({ node }) => ({
            id: node.id,
            title: node.title,
            detail: node.summary || null,
          })),
        };
      },
    ]);
    searches.push([
      SearchKind.MUNICIPALITY,
      async () => {
        const page = await new MunicipalityDirectory(ctx.dataSource).find({
          first: limit,
          filter: { search },
        });
        return {
          totalCount: page.totalCount,
          hits: page.edges.map(({ node }) => ({ id: node.id, title: node.name, detail: null })),
        };
      },
    ]);
    const searchable = searchableKinds(viewer);
    if (searchable.includes(SearchKind.WORKING_GROUP))
      searches.push([SearchKind.WORKING_GROUP, () => textSearch(ctx, plan, search, limit, WORKING_GROUPS)]);
    if (searchable.includes(SearchKind.MEETING)) {
      searches.push([SearchKind.MEETING, () => textSearch(ctx, plan, search, limit, MEETINGS)]);
      searches.push([SearchKind.MINUTES, () => textSearch(ctx, plan, search, limit, MINUTES)]);
    }
    if (viewer && searchable.includes(SearchKind.PERSON)) {
      searches.push([
        SearchKind.PERSON,
        async () => {
          const page = await new PeopleService(ctx).list(viewer, { first: limit, filter: { search } });
          return {
            totalCount: page.totalCount,
            hits: page.edges.map(({ node }) => ({ id: node.id, title: node.name, detail: node.position })),
          };
        },
      ]);
    }

    const typeName: Record<SearchKind, string> = {
      [SearchKind.PROJECT]: 'Project',
      [SearchKind.MUNICIPALITY]: 'Municipality',
      [SearchKind.WORKING_GROUP]: 'WorkingGroup',
      [SearchKind.MEETING]: 'Meeting',
      [SearchKind.MINUTES]: 'Meeting',
      [SearchKind.PERSON]: 'User',
    };
    const groups = await Promise.all(
      searches
        .filter(([kind]) => wanted.has(kind))
        .map(async ([kind, run]) => {
          const found = await run();
          return Object.assign(new SearchGroup(), {
            kind,
            totalCount: found.totalCount,
            hits: found.hits.map((hit) =>
              Object.assign(new SearchHit(), {
                kind,
                nodeId: toGlobalId(typeName[kind], hit.id),
                title: hit.title,
                detail: hit.detail,
              }),
            ),
          });
        }),
    );
    return groups.filter((group) => group.totalCount > 0);
  }

  @Query(() => [SearchKind], {
    description: 'The kinds the viewer’s search can find (screens offer only these as filters).',
  })
  searchKinds(@Ctx() ctx: Context): SearchKind[] {
    return searchableKinds(ctx.viewer);
  }
}
