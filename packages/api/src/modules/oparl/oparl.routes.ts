import type { Express, Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { isUuid } from '../../graphql/relay';
import type { Logger } from '../../logger';
import {
  answeredBadParameter,
  dateTimeParam,
  idParam,
  integerParam,
  pathParam,
} from '../../server/route-params';
import { sessionFromRequest } from '../auth';
import { meetingPolicy } from '../meetings';
import type { User } from '../users';
import { isCoordinator, userPolicy } from '../users';
import { workingGroupPolicy } from '../working-groups';

/**
 * Read-only OParl 1.1 interface under /oparl/v1: the network is the one Body; the network and its
 * working groups are Organizations; people appear with their names only (DSGVO), as members of
 * working groups; meetings and their agenda items as Meeting and AgendaItem. What a caller sees
 * is what the GraphQL API shows the same viewer (the session cookie), decided by the same module
 * policies: the public sees the System, the Body and the network itself, and empty lists; no
 * names, working groups, meetings or agenda items (DESIGN: the public sees the published project
 * catalogue only). Lists are paged by id
 * (`links.next`), filtered by created/modified since/until, and include soft-deleted objects
 * (`deleted: true`) only when `modified_since` is given, as the specification requires.
 */

const OPARL = 'https://schema.oparl.org/1.1/';
const NETWORK = 'network';
const NETWORK_CREATED = '2024-01-01T00:00:00.000Z';

type Row = Record<string, unknown> & { id: string; created: Date; modified: Date; deleted: boolean };
type OparlObject = Record<string, unknown>;

class OparlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface Kind {
  /** SQL yielding id (text), created, modified, deleted and the kind's own columns. */
  base: string;
  toObject(row: Row, urls: Urls, extra: Map<string, unknown>): OparlObject;
  /**
   * What of this kind the viewer may see, as a condition on `x`, from the module's policy
   * (`null`: everything, `'false'`: nothing).
   */
  visibleTo(viewer: User | null): string | null;
  /** Extra data for a page of rows (one statement), e.g. embedded agenda items. */
  extra?(dataSource: DataSource, rows: Row[], urls: Urls, viewer: User | null): Promise<Map<string, unknown>>;
}

/** A condition joined to others, or nothing when everything is visible. */
const visible = (kind: Kind, viewer: User | null): string[] => {
  const condition = kind.visibleTo(viewer);
  return condition === null ? [] : [`(${condition})`];
};

class Urls {
  constructor(readonly base: string) {}
  system = () => `${this.base}/oparl/v1`;
  body = () => `${this.base}/oparl/v1/body/${NETWORK}`;
  list = (name: string) => `${this.base}/oparl/v1/body/${NETWORK}/${name}`;
  object = (type: string, id: string) => `${this.base}/oparl/v1/${type}/${id}`;
}

const iso = (value: unknown) =>
  value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
const isoDate = (value: unknown) => iso(value).slice(0, 10);

function common(row: Row, type: string, id: string): OparlObject {
  const object: OparlObject = {
    id,
    type: `${OPARL}${type}`,
    created: iso(row.created),
    modified: iso(row.modified),
  };
  if (row.deleted) object.deleted = true;
  return object;
}

const meetingKind: Kind = {
  base: `SELECT m.id::text AS id, m.created_at AS created,
                GREATEST(m.updated_at, coalesce(m.deleted_at, m.updated_at)) AS modified,
                (m.deleted_at IS NOT NULL) AS deleted,
                m.title, m.starts_at, m.ends_at, m.cancelled, m.working_group_id
           FROM meeting m`,
  // Meetings and their agendas: signed-in people, as the meetings query.
  visibleTo: (viewer) => (meetingPolicy.can(viewer, 'read') ? null : 'false'),
  toObject(row, urls, extra) {
    const object = common(row, 'Meeting', urls.object('meeting', row.id));
    if (row.deleted) return object;
    return {
      ...object,
      name: row.title,
      meetingState: row.cancelled
        ? 'abgesagt'
        : new Date(String(row.ends_at)) < new Date()
          ? 'durchgeführt'
          : 'terminiert',
      cancelled: Boolean(row.cancelled),
      start: iso(row.starts_at),
      end: iso(row.ends_at),
      organization: [
        row.working_group_id
          ? urls.object('organization', String(row.working_group_id))
          : urls.object('organization', NETWORK),
      ],
      agendaItem: (extra.get(row.id) as OparlObject[] | undefined) ?? [],
    };
  },
  async extra(dataSource, rows, urls) {
    // The meetings' own visibility covers their agenda items (the same policy).
    const ids = rows.filter((r) => !r.deleted).map((r) => r.id);
    const items: Row[] = ids.length
      ? await dataSource.query(
          `SELECT * FROM (${agendaItemKind.base}) x WHERE x.meeting_id = ANY($1::uuid[]) AND NOT x.deleted ORDER BY x.position`,
          [ids],
        )
      : [];
    const byMeeting = new Map<string, OparlObject[]>();
    for (const item of items) {
      const list = byMeeting.get(String(item.meeting_id)) ?? [];
      list.push(agendaItemKind.toObject(item, urls, new Map()));
      byMeeting.set(String(item.meeting_id), list);
    }
    return byMeeting;
  },
};

const agendaItemKind: Kind = {
  base: `SELECT a.id::text AS id, a.created_at AS created,
                GREATEST(a.updated_at, coalesce(a.deleted_at, a.updated_at), coalesce(m.deleted_at, a.updated_at)) AS modified,
                (a.deleted_at IS NOT NULL OR m.deleted_at IS NOT NULL) AS deleted,
                a.meeting_id, a.position, a.title
           FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id`,
  visibleTo: (viewer) => (meetingPolicy.can(viewer, 'read') ? null : 'false'),
  toObject(row, urls) {
    const object = common(row, 'AgendaItem', urls.object('agendaitem', row.id));
    return {
      ...object,
      meeting: urls.object('meeting', String(row.meeting_id)),
      number: String(row.position),
      order: Number(row.position),
      ...(row.deleted ? {} : { name: row.title, public: true }),
    };
  },
};

const organizationKind: Kind = {
  base: `SELECT '${NETWORK}' AS id, '${NETWORK_CREATED}'::timestamptz AS created, '${NETWORK_CREATED}'::timestamptz AS modified,
                false AS deleted, 'Digitale Städte Rheinland-Pfalz' AS name, NULL::timestamptz AS archived_at, true AS network
         UNION ALL
         SELECT g.id::text, g.created_at, g.updated_at, false, g.name, g.archived_at, false FROM working_group g`,
  // The network itself is public; its working groups are for signed-in people, as in GraphQL.
  visibleTo: (viewer) => (workingGroupPolicy.can(viewer, 'read') ? null : 'x.network'),
  toObject(row, urls, extra) {
    return {
      ...common(row, 'Organization', urls.object('organization', row.id)),
      body: urls.body(),
      name: row.name,
      organizationType: row.network ? 'Netzwerk' : 'Arbeitsgruppe',
      classification: row.network ? 'Netzwerk' : 'Arbeitsgruppe',
      startDate: isoDate(row.created),
      ...(row.archived_at ? { endDate: isoDate(row.archived_at) } : {}),
      membership: (extra.get(row.id) as string[] | undefined) ?? [],
      meeting: `${urls.object('organization', row.id)}/meetings`,
    };
  },
  async extra(dataSource, rows, urls, viewer) {
    const ids = rows.map((r) => r.id).filter((id) => isUuid(id));
    const where = ['x.working_group_id = ANY($1::uuid[])', ...visible(membershipKind, viewer)].join(' AND ');
    const memberships: Row[] = ids.length
      ? await dataSource.query(`SELECT * FROM (${membershipKind.base}) x WHERE ${where} ORDER BY x.id`, [ids])
      : [];
    const byGroup = new Map<string, string[]>();
    for (const m of memberships) {
      const list = byGroup.get(String(m.working_group_id)) ?? [];
      list.push(urls.object('membership', m.id));
      byGroup.set(String(m.working_group_id), list);
    }
    return byGroup;
  },
};

// Only people who are or were members of a working group; names only, never contact data.
const personKind: Kind = {
  base: `SELECT u.id::text AS id, u.created_at AS created, u.updated_at AS modified, false AS deleted, u.name
           FROM app_user u
          WHERE EXISTS (SELECT 1 FROM working_group_membership w WHERE w.user_id = u.id AND w.status IN ('ACTIVE', 'LEFT', 'REMOVED'))`,
  visibleTo: (viewer) => (userPolicy.can(viewer, 'read') ? null : 'false'),
  toObject(row, urls) {
    return { ...common(row, 'Person', urls.object('person', row.id)), body: urls.body(), name: row.name };
  },
};

const membershipKind: Kind = {
  base: `SELECT w.id::text AS id, w.created_at AS created, w.updated_at AS modified, false AS deleted,
                w.user_id, w.working_group_id, w.role, w.joined_at, w.ended_at, w.status
           FROM working_group_membership w
          WHERE w.status IN ('ACTIVE', 'LEFT', 'REMOVED')`,
  // Active memberships for every reader of groups; ended ones for coordinators (the group's
  // managers in `workingGroupPolicy.canReadMembership`; leads see them in the group's screen).
  visibleTo: (viewer) =>
    !workingGroupPolicy.can(viewer, 'read') ? 'false' : isCoordinator(viewer) ? null : `x.status = 'ACTIVE'`,
  toObject(row, urls) {
    return {
      ...common(row, 'Membership', urls.object('membership', row.id)),
      person: urls.object('person', String(row.user_id)),
      organization: urls.object('organization', String(row.working_group_id)),
      role: row.role === 'LEAD' ? 'Leitung' : 'Mitglied',
      votingRight: true,
      ...(row.joined_at ? { startDate: isoDate(row.joined_at) } : {}),
      ...(row.ended_at ? { endDate: isoDate(row.ended_at) } : {}),
    };
  },
};

const kinds: Record<string, Kind> = {
  meeting: meetingKind,
  agendaitem: agendaItemKind,
  organization: organizationKind,
  person: personKind,
  membership: membershipKind,
};
const lists: Record<string, Kind> = {
  meetings: meetingKind,
  'agenda-items': agendaItemKind,
  organizations: organizationKind,
  people: personKind,
  memberships: membershipKind,
};

async function listPage(
  dataSource: DataSource,
  viewer: User | null,
  req: Request,
  kind: Kind,
  urls: Urls,
  self: string,
  extraWhere?: [string, unknown],
) {
  const filters = {
    created_since: dateTimeParam(req, 'created_since')?.toISOString(),
    created_until: dateTimeParam(req, 'created_until')?.toISOString(),
    modified_since: dateTimeParam(req, 'modified_since')?.toISOString(),
    modified_until: dateTimeParam(req, 'modified_until')?.toISOString(),
  };
  const limitParam = integerParam(req, 'limit', 1, 100);
  const limit = limitParam ?? 50;
  const after = idParam(req, 'after', [NETWORK]);
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (filters.created_since) add('x.created >= ?', filters.created_since);
  if (filters.created_until) add('x.created <= ?', filters.created_until);
  if (filters.modified_since) add('x.modified >= ?', filters.modified_since);
  if (filters.modified_until) add('x.modified <= ?', filters.modified_until);
  // Deleted objects only for clients that sync (modified_since), as OParl 1.1 requires.
  if (!filters.modified_since) where.push('NOT x.deleted');
  if (after) add('x.id > ?', after);
  where.push(...visible(kind, viewer));
  if (extraWhere?.[1] === undefined && extraWhere) where.push(extraWhere[0]);
  else if (extraWhere) add(extraWhere[0], extraWhere[1]);
  params.push(limit + 1);
  const rows: Row[] = await dataSource.query(
    `SELECT * FROM (${kind.base}) x ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY x.id LIMIT $${params.length}`,
    params,
  );
  const page = rows.slice(0, limit);
  const extra = kind.extra ? await kind.extra(dataSource, page, urls, viewer) : new Map();
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
  if (limitParam !== null) query.set('limit', String(limit));
  const first = `${self}${query.size ? `?${query}` : ''}`;
  const links: Record<string, string> = { first };
  if (rows.length > limit) {
    const next = new URLSearchParams(query);
    next.set('after', page[page.length - 1].id);
    links.next = `${self}?${next}`;
  }
  return {
    data: page.map((row) => kind.toObject(row, urls, extra)),
    pagination: { elementsPerPage: limit },
    links,
  };
}

async function single(
  dataSource: DataSource,
  viewer: User | null,
  kind: Kind,
  id: string,
  urls: Urls,
): Promise<OparlObject | null> {
  const where = ['x.id = $1', ...visible(kind, viewer)].join(' AND ');
  const rows: Row[] = await dataSource.query(`SELECT * FROM (${kind.base}) x WHERE ${where}`, [id]);
  if (!rows.length) return null;
  const extra = kind.extra ? await kind.extra(dataSource, rows, urls, viewer) : new Map();
  return kind.toObject(rows[0], urls, extra);
}

function system(urls: Urls): OparlObject {
  return {
    id: urls.system(),
    type: `${OPARL}System`,
    oparlVersion: 'https://schema.oparl.org/1.1/',
    name: 'Digitale Städte Rheinland-Pfalz',
    body: `${urls.base}/oparl/v1/bodies`,
    website: urls.base,
    created: NETWORK_CREATED,
    modified: NETWORK_CREATED,
  };
}

function body(urls: Urls): OparlObject {
  return {
    id: urls.body(),
    type: `${OPARL}Body`,
    system: urls.system(),
    shortName: 'Digitale Städte RLP',
    name: 'Netzwerk Digitale Städte Rheinland-Pfalz',
    website: urls.base,
    classification: 'Netzwerk',
    organization: urls.list('organizations'),
    person: urls.list('people'),
    meeting: urls.list('meetings'),
    agendaItem: urls.list('agenda-items'),
    membership: urls.list('memberships'),
    paper: urls.list('papers'),
    legislativeTerm: [],
    created: NETWORK_CREATED,
    modified: NETWORK_CREATED,
  };
}

/** Registers the public, read-only OParl routes. */
export function registerOparlRoutes(
  app: Express,
  { dataSource, log }: { dataSource: DataSource; log: Logger },
): void {
  const handle =
    (work: (req: Request, urls: Urls, viewer: User | null) => Promise<OparlObject | null>) =>
    async (req: Request, res: Response) => {
      try {
        const urls = new Urls(`${req.protocol}://${req.get('host')}`);
        const viewer = (await sessionFromRequest(dataSource, req)).resumed?.user ?? null;
        const result = await work(req, urls, viewer);
        if (!result) throw new OparlError(404, 'Not found');
        // The answer depends on the session: no shared cache may hand one viewer's to another.
        res.set({ 'Access-Control-Allow-Origin': '*', Vary: 'Cookie' });
        if (viewer) res.set('Cache-Control', 'private, no-store');
        res.json(result);
      } catch (error) {
        if (answeredBadParameter(res, error)) return;
        if (error instanceof OparlError) {
          res.status(error.status).json({ error: error.message });
          return;
        }
        log.error({ err: error }, 'OParl request failed');
        res.status(500).json({ error: 'Internal server error' });
      }
    };

  app.get(
    '/oparl/v1',
    handle(async (_req, urls) => system(urls)),
  );
  app.get(
    '/oparl/v1/bodies',
    handle(async (_req, urls) => ({
      data: [body(urls)],
      pagination: { elementsPerPage: 1 },
      links: { first: `${urls.base}/oparl/v1/bodies` },
    })),
  );
  app.get(
    `/oparl/v1/body/${NETWORK}`,
    handle(async (_req, urls) => body(urls)),
  );
  app.get(
    `/oparl/v1/body/${NETWORK}/papers`,
    handle(async (_req, urls) => ({
      data: [],
      pagination: { elementsPerPage: 0 },
      links: { first: urls.list('papers') },
    })),
  );
  app.get(
    `/oparl/v1/body/${NETWORK}/:list`,
    handle(async (req, urls, viewer) => {
      const list = pathParam(req, 'list');
      const kind = Object.hasOwn(lists, list) ? lists[list] : null;
      return kind ? listPage(dataSource, viewer, req, kind, urls, urls.list(list)) : null;
    }),
  );
  app.get(
    '/oparl/v1/organization/:id/meetings',
    handle(async (req, urls, viewer) => {
      const id = pathParam(req, 'id');
      const self = `${urls.object('organization', id)}/meetings`;
      if (id === NETWORK)
        return listPage(dataSource, viewer, req, meetingKind, urls, self, [
          'x.working_group_id IS NULL',
          undefined,
        ]);
      if (!isUuid(id)) return null;
      return listPage(dataSource, viewer, req, meetingKind, urls, self, ['x.working_group_id = ?::uuid', id]);
    }),
  );
  app.get(
    '/oparl/v1/:type/:id',
    handle(async (req, urls, viewer) => {
      // Own keys only: `constructor` or `__proto__` name no kind.
      const type = pathParam(req, 'type');
      const kind = Object.hasOwn(kinds, type) ? kinds[type] : null;
      const id = pathParam(req, 'id');
      if (!kind || !(isUuid(id) || (kind === organizationKind && id === NETWORK))) return null;
      return single(dataSource, viewer, kind, id, urls);
    }),
  );
}
