import {
  MembershipStatus,
  MunicipalityKind,
  membershipStatusLabelsDe,
  municipalityKindLabelsDe,
  Role,
  UserStatus,
} from '@hub/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { type ExportTable, toCsv, toXlsxBase64 } from '../../exports/spreadsheet';
import type { Context } from '../../graphql/context';
import { forbidden } from '../../graphql/errors';
import { fail } from '../../graphql/user-error';
import { emitDomainEvent } from '../events';
import { Municipality } from '../municipalities';
import type { User } from '../users';
import { MembershipEvent, NetworkMembership } from './membership.entity';
import type { DistrictStatistics, NetworkStatistics } from './membership.inputs';
import { membershipPolicy, OPEN_STATUSES } from './membership.policy';

/** The changes of a running membership, with the states they start from and lead to. */
export enum MembershipChange {
  ACCEPT = 'ACCEPT',
  DECLINE = 'DECLINE',
  SUSPEND = 'SUSPEND',
  REACTIVATE = 'REACTIVATE',
  END = 'END',
}

const TRANSITIONS: Record<
  MembershipChange,
  { from: MembershipStatus[]; to: MembershipStatus; allowed: (viewer: User, m: NetworkMembership) => boolean }
> = {
  ACCEPT: {
    from: [MembershipStatus.INVITED, MembershipStatus.APPLIED],
    to: MembershipStatus.ACTIVE,
    allowed: (v, m) => membershipPolicy.can(v, 'accept', { membership: m }),
  },
  DECLINE: {
    from: [MembershipStatus.INVITED, MembershipStatus.APPLIED],
    to: MembershipStatus.DECLINED,
    allowed: (v, m) => membershipPolicy.can(v, 'decline', { membership: m }),
  },
  SUSPEND: {
    from: [MembershipStatus.ACTIVE],
    to: MembershipStatus.SUSPENDED,
    allowed: (v, m) => membershipPolicy.can(v, 'suspend', { membership: m }),
  },
  REACTIVATE: {
    from: [MembershipStatus.SUSPENDED],
    to: MembershipStatus.ACTIVE,
    allowed: (v, m) => membershipPolicy.can(v, 'reactivate', { membership: m }),
  },
  END: {
    from: [MembershipStatus.ACTIVE, MembershipStatus.SUSPENDED],
    to: MembershipStatus.LEFT,
    allowed: (v, m) => membershipPolicy.can(v, 'end', { membership: m }),
  },
};

/** Gemeinden: the units that hold the population (Kreise and Verbände only sum them up). */
export const GEMEINDE_KINDS = [
  MunicipalityKind.KREISFREIE_STADT,
  MunicipalityKind.VERBANDSFREIE_GEMEINDE,
  MunicipalityKind.STADT,
  MunicipalityKind.ORTSGEMEINDE,
  MunicipalityKind.GEMEINDEFREIES_GEBIET,
];

/** The membership workflow (every change kept with date and actor), statistics and the CSV export. */
export class MembershipService {
  constructor(private readonly ctx: Pick<Context, 'requestId'>) {}

  /** A coordinator invites a municipality, or one of its officers applies; reuses an ended membership. */
  async start(
    manager: EntityManager,
    viewer: User,
    municipalityId: string,
    as: MembershipStatus.INVITED | MembershipStatus.APPLIED,
    note: string | null,
  ): Promise<NetworkMembership> {
    // Who may start one at all (with no open membership); an open one is a userError below.
    if (as === MembershipStatus.INVITED && !membershipPolicy.can(viewer, 'invite', { current: null }))
      throw forbidden();
    if (
      as === MembershipStatus.APPLIED &&
      !membershipPolicy.can(viewer, 'apply', { municipalityId, current: null })
    )
      throw forbidden('Only the officers of a municipality may apply for it.');
    // Locking the municipality serialises concurrent invitations and applications for it.
    const municipality = await manager
      .getRepository(Municipality)
      .createQueryBuilder('m')
      .setLock('pessimistic_write')
      .where('m.id = :id', { id: municipalityId })
      .getOne();
    if (!municipality) fail('NOT_FOUND', 'There is no municipality with this ID.', 'municipalityId');
    const current = await manager.findOneBy(NetworkMembership, { municipalityId });
    if (current && OPEN_STATUSES.includes(current.status)) {
      const pending =
        current.status === MembershipStatus.INVITED || current.status === MembershipStatus.APPLIED;
      fail(
        pending ? 'MEMBERSHIP_PENDING' : 'ALREADY_MEMBER',
        pending
          ? `${municipality.name} has an open ${current.status === MembershipStatus.INVITED ? 'invitation' : 'application'} already.`
          : `${municipality.name} is a member of the network already.`,
        'municipalityId',
      );
    }
    let membership: NetworkMembership;
    const fromStatus = current?.status ?? null;
    if (current) {
      current.status = as;
      await manager.update(NetworkMembership, current.id, { status: as });
      membership = current;
    } else {
      membership = manager.create(NetworkMembership, { municipalityId, status: as, since: null });
      await manager.insert(NetworkMembership, membership);
    }
    await this.record(manager, viewer, membership, fromStatus, note);
    return membership;
  }

  /** Accepts, declines, suspends, reactivates or ends a membership. */
  async change(
    manager: EntityManager,
    viewer: User,
    membershipId: string,
    change: MembershipChange,
    note: string | null,
  ): Promise<NetworkMembership> {
    const membership = await manager
      .getRepository(NetworkMembership)
      .createQueryBuilder('nm')
      .setLock('pessimistic_write')
      .where('nm.id = :id', { id: membershipId })
      .getOne();
    if (!membership) fail('NOT_FOUND', 'There is no membership with this ID.', 'membershipId');
    const transition = TRANSITIONS[change];
    if (!transition.allowed(viewer, membership)) {
      // The right person at the wrong moment gets a userError; anyone else is forbidden.
      const concerned = membershipPolicy.can(viewer, 'answerFor', {
        municipalityId: membership.municipalityId,
      });
      if (concerned && !transition.from.includes(membership.status)) {
        fail(
          'INVALID_TRANSITION',
          `The membership is ${membership.status.toLowerCase()}: it cannot be changed this way (${change.toLowerCase()}).`,
          'membershipId',
        );
      }
      throw forbidden();
    }
    const fromStatus = membership.status;
    membership.status = transition.to;
    // "Mitglied seit" is the day the membership was accepted: a suspension and its reactivation keep it.
    if (change === MembershipChange.ACCEPT) membership.since = new Date();
    await manager.update(NetworkMembership, membership.id, {
      status: membership.status,
      since: membership.since,
    });
    await this.record(manager, viewer, membership, fromStatus, note);
    return membership;
  }

  private async record(
    manager: EntityManager,
    viewer: User,
    membership: NetworkMembership,
    fromStatus: MembershipStatus | null,
    note: string | null,
  ): Promise<void> {
    await manager.insert(MembershipEvent, {
      membershipId: membership.id,
      fromStatus,
      toStatus: membership.status,
      actorId: viewer.id,
      note: note?.trim() || null,
    });
    await emitDomainEvent(manager, {
      actorId: viewer.id,
      type: 'membership.status',
      subjectType: 'NetworkMembership',
      subjectId: membership.id,
      before: fromStatus ? { status: fromStatus } : null,
      payload: { status: membership.status, municipalityId: membership.municipalityId },
      requestId: this.ctx.requestId,
    });
  }
}

/** Members, covered population and its share, per district; two statements. */
export async function networkStatistics(dataSource: DataSource): Promise<NetworkStatistics> {
  const rows: { id: string; population: string; covered: string; members: string }[] = await dataSource.query(
    `WITH members AS (SELECT municipality_id AS id FROM network_membership WHERE status = 'ACTIVE'),
          gemeinden AS (
            SELECT g.district_id, COALESCE(g.population, 0) AS population,
                   (g.id IN (SELECT id FROM members) OR g.parent_id IN (SELECT id FROM members)
                    OR g.district_id IN (SELECT id FROM members)) AS covered
              FROM municipality g WHERE g.kind = ANY($1::municipality_kind[])),
          populations AS (
            SELECT district_id, sum(population) AS population,
                   COALESCE(sum(population) FILTER (WHERE covered), 0) AS covered
              FROM gemeinden GROUP BY district_id),
          counts AS (
            SELECT m.district_id, count(*) AS members
              FROM municipality m JOIN members USING (id) GROUP BY m.district_id)
     SELECT d.id, COALESCE(p.population, 0) AS population, COALESCE(p.covered, 0) AS covered,
            COALESCE(c.members, 0) AS members
       FROM municipality d
       LEFT JOIN populations p ON p.district_id = d.id
       LEFT JOIN counts c ON c.district_id = d.id
      WHERE d.kind IN ('LANDKREIS', 'KREISFREIE_STADT')
      ORDER BY COALESCE(c.members, 0) DESC, d.name`,
    [GEMEINDE_KINDS],
  );
  const [{ count }] = await dataSource.query(
    `SELECT count(*) AS count FROM network_membership WHERE status = 'ACTIVE'`,
  );
  const byDistrict = rows.map(
    (row) =>
      ({
        district: { id: row.id } as Municipality,
        memberCount: Number(row.members),
        populationCovered: Number(row.covered),
        population: Number(row.population),
      }) as DistrictStatistics,
  );
  const statePopulation = byDistrict.reduce((sum, d) => sum + d.population, 0);
  const populationCovered = byDistrict.reduce((sum, d) => sum + d.populationCovered, 0);
  return {
    memberCount: Number(count),
    populationCovered,
    statePopulation,
    populationShare: statePopulation ? populationCovered / statePopulation : 0,
    byDistrict,
    locations: [],
  };
}

/** The ids of the active members, for the map. */
export async function activeMemberIds(dataSource: DataSource): Promise<string[]> {
  const rows: { municipality_id: string }[] = await dataSource.query(
    `SELECT municipality_id FROM network_membership WHERE status = 'ACTIVE'`,
  );
  return rows.map((r) => r.municipality_id);
}

/** One row of the members export: a membership with one of its officers (or none). */
interface MemberExportRow {
  name: string;
  kind: MunicipalityKind;
  ars: string;
  district: string | null;
  status: MembershipStatus;
  since: string | null;
  population: number | null;
  person: string | null;
  position: string | null;
  email: string | null;
  phone: string | null;
}

/** The members export's columns, for the CSV and the XLSX alike (contact data: coordinators only). */
const membersTable: ExportTable<MemberExportRow> = {
  sheetName: 'Mitglieder',
  columns: [
    { header: 'Kommune', kind: 'text', width: 30, value: (r) => r.name },
    { header: 'Art', kind: 'text', width: 22, value: (r) => municipalityKindLabelsDe[r.kind] },
    { header: 'ARS', kind: 'text', width: 14, value: (r) => r.ars },
    { header: 'Landkreis', kind: 'text', width: 24, value: (r) => r.district },
    { header: 'Status', kind: 'text', width: 16, value: (r) => membershipStatusLabelsDe[r.status] },
    { header: 'Mitglied seit', kind: 'date', width: 14, value: (r) => r.since },
    { header: 'Einwohner', kind: 'integer', width: 12, value: (r) => r.population },
    { header: 'Name', kind: 'text', width: 24, value: (r) => r.person },
    { header: 'Funktion', kind: 'text', width: 24, value: (r) => r.position },
    { header: 'E-Mail', kind: 'text', width: 30, value: (r) => r.email },
    { header: 'Telefon', kind: 'text', width: 18, value: (r) => r.phone },
  ],
};

/** Every membership with its officers, one row per officer (or one without): one statement. */
function memberExportRows(manager: EntityManager): Promise<MemberExportRow[]> {
  return manager.query(
    `SELECT m.name, m.kind, m.ars, d.name AS district, nm.status, m.population,
            to_char(nm.since AT TIME ZONE 'Europe/Berlin', 'YYYY-MM-DD') AS since,
            u.name AS person, u.position, u.email, u.phone
       FROM network_membership nm
       JOIN municipality m ON m.id = nm.municipality_id
       LEFT JOIN municipality d ON d.id = m.district_id
       LEFT JOIN app_user u ON u.municipality_id = m.id AND u.role = $1 AND u.status <> $2
      ORDER BY m.name, m.ars, u.name`,
    [Role.OFFICER, UserStatus.DEACTIVATED],
  );
}

/** The members and their officers as CSV for German Excel. */
export async function membersCsv(manager: EntityManager): Promise<string> {
  return toCsv(membersTable, await memberExportRows(manager));
}

/** The members and their officers as an XLSX workbook (base64). */
export async function membersXlsx(manager: EntityManager): Promise<string> {
  return toXlsxBase64(membersTable, await memberExportRows(manager));
}

/** The municipalities that are active members of the network now (for other modules' mutations). */
export async function activeMemberMunicipalityIds(manager: EntityManager): Promise<string[]> {
  const rows = await manager
    .getRepository(NetworkMembership)
    .find({ select: { municipalityId: true }, where: { status: MembershipStatus.ACTIVE } });
  return rows.map((row) => row.municipalityId);
}

/** Whether the municipality is an active member of the network now (one indexed read). */
export function isActiveMember(manager: EntityManager, municipalityId: string): Promise<boolean> {
  return manager
    .getRepository(NetworkMembership)
    .existsBy({ municipalityId, status: MembershipStatus.ACTIVE });
}
