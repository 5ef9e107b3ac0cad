import { Locale, MembershipStatus, MunicipalityKind, Role, UserStatus } from '@hub/shared';
import type { EntityManager, EntityTarget, ObjectLiteral, QueryDeepPartialEntity } from 'typeorm';
import { hashPassword } from '../modules/auth/password';
import { emitDomainEvent } from '../modules/events';
import { MembershipEvent, NetworkMembership } from '../modules/network/membership.entity';
import { User } from '../modules/users/user.entity';
import { seedDemoDiscussions } from './demo-discussions';
import { seedDemoHistoryEvents } from './demo-history';
import { seedDemoInitiatives } from './demo-initiatives';
import { seedDemoMeetingHistory } from './demo-meeting-history';
import { seedDemoMeetings } from './demo-meetings';
import { demoInstant, seedDemoProjects } from './demo-projects';
import { seedDemoReports } from './demo-reports';
import { seedDemoWorkingGroups } from './demo-working-groups';

/** A demo sign-in; `municipality` is the name of an officer's municipality. */
export interface DemoAccount {
  role: Role;
  email: string;
  password: string;
  name: string;
  municipality?: string;
}

export const DEMO_PASSWORD = 'Demo-Passwort-2026';

/** One account per role to try the hub with (and for end-to-end tests). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    role: Role.COORDINATOR,
    email: 'koordination@kl.digital.demo',
    password: DEMO_PASSWORD,
    name: 'Kim Koordinatorin',
  },
  {
    role: Role.OFFICER,
    email: 'digital@kaiserslautern.demo',
    password: DEMO_PASSWORD,
    name: 'Alex Amann',
    municipality: 'Kaiserslautern',
  },
  {
    role: Role.OFFICER,
    email: 'digital@cochem-zell.demo',
    password: DEMO_PASSWORD,
    name: 'Bea Berg',
    municipality: 'Landkreis Cochem-Zell',
  },
  { role: Role.MINISTRY, email: 'ministerium@mdi.rlp.demo', password: DEMO_PASSWORD, name: 'Max Minister' },
  // The second person of the coordination: reviews the progress reports the first one compiles.
  {
    role: Role.COORDINATOR,
    email: 'pruefung@kl.digital.demo',
    password: DEMO_PASSWORD,
    name: 'Ronja Reuter',
  },
];

/** Further officers of member municipalities, so that lists and reports are not empty; same password. */
export const DEMO_OFFICERS: readonly DemoAccount[] = [
  ['digital@mainz.demo', 'Carla Conrad', 'Mainz'],
  ['digital@trier.demo', 'David Dahm', 'Trier'],
  ['digital@koblenz.demo', 'Emine Engel', 'Koblenz'],
  ['digital@ludwigshafen.demo', 'Finn Faber', 'Ludwigshafen am Rhein'],
  ['digital@vg-landstuhl.demo', 'Greta Graf', 'Verbandsgemeinde Landstuhl'],
  ['digital@kreis-kusel.demo', 'Hakan Hess', 'Landkreis Kusel'],
  ['digital@bitburg.demo', 'Ida Imhof', 'Bitburg'],
  ['digital@idar-oberstein.demo', 'Jonas Jung', 'Idar-Oberstein'],
].map(([email, name, municipality]) => ({
  role: Role.OFFICER,
  email,
  password: DEMO_PASSWORD,
  name,
  municipality,
}));

/** Extra profile fields of the demo people, by email. */
const PROFILES: Record<string, { position?: string; organisation?: string }> = {
  'koordination@kl.digital.demo': { position: 'Netzwerkkoordination', organisation: 'KL.digital GmbH' },
  'pruefung@kl.digital.demo': {
    position: 'Netzwerkkoordination, Berichtswesen',
    organisation: 'KL.digital GmbH',
  },
  'digital@kaiserslautern.demo': { position: 'Digitalbeauftragter' },
  'digital@cochem-zell.demo': { position: 'Digitalbeauftragte' },
  'ministerium@mdi.rlp.demo': {
    position: 'Referat Digitalisierung der Kommunen',
    organisation: 'Ministerium des Innern und für Sport Rheinland-Pfalz',
  },
  'digital@mainz.demo': { position: 'Leiterin Stabsstelle Digitalisierung' },
  'digital@trier.demo': { position: 'Chief Digital Officer' },
  'digital@koblenz.demo': { position: 'Digitalbeauftragte' },
  'digital@ludwigshafen.demo': { position: 'Smart-City-Manager' },
  'digital@vg-landstuhl.demo': { position: 'Digitalbeauftragte' },
  'digital@kreis-kusel.demo': { position: 'Digitalbeauftragter' },
  'digital@bitburg.demo': { position: 'Sachgebiet IT und Digitalisierung' },
  'digital@idar-oberstein.demo': { position: 'Digitalbeauftragter' },
};

/**
 * The demo network's members, by directory name and kind (both needed: names repeat across
 * kinds and Ortsgemeinden). The first ones founded the network in early 2023.
 */
const MEMBERS: readonly [string, MunicipalityKind][] = [
  ['Kaiserslautern', MunicipalityKind.KREISFREIE_STADT],
  ['Landkreis Cochem-Zell', MunicipalityKind.LANDKREIS],
  ['Landkreis Kaiserslautern', MunicipalityKind.LANDKREIS],
  ['Mainz', MunicipalityKind.KREISFREIE_STADT],
  ['Trier', MunicipalityKind.KREISFREIE_STADT],
  ['Koblenz', MunicipalityKind.KREISFREIE_STADT],
  ['Ludwigshafen am Rhein', MunicipalityKind.KREISFREIE_STADT],
  ['Worms', MunicipalityKind.KREISFREIE_STADT],
  ['Speyer', MunicipalityKind.KREISFREIE_STADT],
  ['Pirmasens', MunicipalityKind.KREISFREIE_STADT],
  ['Zweibrücken', MunicipalityKind.KREISFREIE_STADT],
  ['Landau in der Pfalz', MunicipalityKind.KREISFREIE_STADT],
  ['Neustadt an der Weinstraße', MunicipalityKind.KREISFREIE_STADT],
  ['Frankenthal (Pfalz)', MunicipalityKind.KREISFREIE_STADT],
  ['Landkreis Kusel', MunicipalityKind.LANDKREIS],
  ['Landkreis Südwestpfalz', MunicipalityKind.LANDKREIS],
  ['Landkreis Vulkaneifel', MunicipalityKind.LANDKREIS],
  ['Landkreis Mayen-Koblenz', MunicipalityKind.LANDKREIS],
  ['Landkreis Bernkastel-Wittlich', MunicipalityKind.LANDKREIS],
  ['Donnersbergkreis', MunicipalityKind.LANDKREIS],
  ['Eifelkreis Bitburg-Prüm', MunicipalityKind.LANDKREIS],
  ['Rhein-Hunsrück-Kreis', MunicipalityKind.LANDKREIS],
  ['Bad Kreuznach', MunicipalityKind.VERBANDSFREIE_GEMEINDE],
  ['Idar-Oberstein', MunicipalityKind.VERBANDSFREIE_GEMEINDE],
  ['Bitburg', MunicipalityKind.VERBANDSFREIE_GEMEINDE],
  ['Wittlich', MunicipalityKind.VERBANDSFREIE_GEMEINDE],
  ['Mayen', MunicipalityKind.VERBANDSFREIE_GEMEINDE],
  ['Andernach', MunicipalityKind.VERBANDSFREIE_GEMEINDE],
  ['Neuwied', MunicipalityKind.VERBANDSFREIE_GEMEINDE],
  ['Bingen am Rhein', MunicipalityKind.VERBANDSFREIE_GEMEINDE],
  ['Ingelheim am Rhein', MunicipalityKind.VERBANDSFREIE_GEMEINDE],
  ['Lahnstein', MunicipalityKind.VERBANDSFREIE_GEMEINDE],
  ['Bad Neuenahr-Ahrweiler', MunicipalityKind.VERBANDSFREIE_GEMEINDE],
  ['Haßloch', MunicipalityKind.VERBANDSFREIE_GEMEINDE],
  ['Morbach', MunicipalityKind.VERBANDSFREIE_GEMEINDE],
  ['Verbandsgemeinde Landstuhl', MunicipalityKind.VERBANDSGEMEINDE],
  ['Verbandsgemeinde Weilerbach', MunicipalityKind.VERBANDSGEMEINDE],
  ['Verbandsgemeinde Otterbach-Otterberg', MunicipalityKind.VERBANDSGEMEINDE],
  ['Verbandsgemeinde Enkenbach-Alsenborn', MunicipalityKind.VERBANDSGEMEINDE],
  ['Verbandsgemeinde Ramstein-Miesenbach', MunicipalityKind.VERBANDSGEMEINDE],
  ['Verbandsgemeinde Cochem', MunicipalityKind.VERBANDSGEMEINDE],
  ['Verbandsgemeinde Zell (Mosel)', MunicipalityKind.VERBANDSGEMEINDE],
  ['Verbandsgemeinde Kaisersesch', MunicipalityKind.VERBANDSGEMEINDE],
  ['Verbandsgemeinde Daun', MunicipalityKind.VERBANDSGEMEINDE],
  ['Verbandsgemeinde Kusel-Altenglan', MunicipalityKind.VERBANDSGEMEINDE],
  ['Verbandsgemeinde Montabaur', MunicipalityKind.VERBANDSGEMEINDE],
  ['Verbandsgemeinde Bitburger Land', MunicipalityKind.VERBANDSGEMEINDE],
  ['Verbandsgemeinde Göllheim', MunicipalityKind.VERBANDSGEMEINDE],
  ['Daun', MunicipalityKind.STADT],
  ['Cochem', MunicipalityKind.STADT],
  // Joined in the network's second year.
  ['Landkreis Ahrweiler', MunicipalityKind.LANDKREIS],
  ['Landkreis Germersheim', MunicipalityKind.LANDKREIS],
  ['Landkreis Südliche Weinstraße', MunicipalityKind.LANDKREIS],
  ['Rhein-Lahn-Kreis', MunicipalityKind.LANDKREIS],
  ['Westerwaldkreis', MunicipalityKind.LANDKREIS],
  ['Landkreis Trier-Saarburg', MunicipalityKind.LANDKREIS],
  ['Landkreis Bad Dürkheim', MunicipalityKind.LANDKREIS],
  ['Verbandsgemeinde Konz', MunicipalityKind.VERBANDSGEMEINDE],
  ['Verbandsgemeinde Hachenburg', MunicipalityKind.VERBANDSGEMEINDE],
  ['Boppard', MunicipalityKind.VERBANDSFREIE_GEMEINDE],
  ['Sinzig', MunicipalityKind.VERBANDSFREIE_GEMEINDE],
];

/** Not members yet: an application waiting for the coordinators, an invitation waiting for an answer. */
const PENDING: readonly [string, MunicipalityKind, MembershipStatus.APPLIED | MembershipStatus.INVITED][] = [
  ['Verbandsgemeinde Nastätten', MunicipalityKind.VERBANDSGEMEINDE, MembershipStatus.APPLIED],
  ['Landkreis Alzey-Worms', MunicipalityKind.LANDKREIS, MembershipStatus.INVITED],
];

const FOUNDERS = 6;
const DAY = 24 * 60 * 60 * 1000;
/** The founding event ("Markt der Projekte"), as of DEMO_AUTHORED_ON: about two years before. */
const FOUNDED = '2023-11-20';
const LAST_INVITATION = '2025-10-15';

/**
 * Varied dates, the same on every machine for the same seeding month: founders at the founding
 * event, the others invited until some weeks ago (all moved to the seeding day, see demoDate).
 */
function membershipDates(index: number, now: Date): { invitedAt: Date; activeAt: Date } {
  const founded = demoInstant(FOUNDED, now).getTime();
  const lastInvitation = demoInstant(LAST_INVITATION, now).getTime();
  // A small deterministic jitter, so the demo looks the same on every machine and every run.
  const jitter = (salt: number) => ((index + 1) * 7919 + salt * 104729) % 97;
  const invitedAt =
    index < FOUNDERS
      ? founded + index * 60 * 60 * 1000
      : founded +
        45 * DAY +
        ((index - FOUNDERS) / (MEMBERS.length - FOUNDERS)) * (lastInvitation - founded - 45 * DAY);
  const daysToAccept = index < FOUNDERS ? 14 : 5 + (jitter(1) % 50);
  const hour = 8 + (jitter(2) % 9);
  const invited = new Date(invitedAt + (index < FOUNDERS ? 0 : (jitter(3) % 10) * DAY));
  const active = new Date(invited.getTime() + daysToAccept * DAY);
  active.setUTCHours(hour, jitter(4) % 60, 0, 0);
  return { invitedAt: invited, activeAt: active };
}

/**
 * Fills an empty hub with a demo network: 61 active member municipalities that joined over about
 * two years (with their membership history), an open application and invitation, the demo accounts
 * of DEMO_ACCOUNTS and more officers (all with DEMO_PASSWORD), working groups, the founding event's
 * projects with histories and adoptions, two years of meetings with minutes and action items, and
 * the domain events of that history (for the activity feeds). Everything is marked as demo.
 * Runs in the caller's transaction after the municipality directory is loaded; returns [] and
 * changes nothing when the database already has users or memberships.
 */
export async function seedDemo(manager: EntityManager): Promise<DemoAccount[]> {
  const [{ occupied }] = await manager.query(
    'SELECT EXISTS (SELECT 1 FROM app_user) OR EXISTS (SELECT 1 FROM network_membership) AS occupied',
  );
  if (occupied) return [];

  const found: { id: string; name: string; kind: MunicipalityKind }[] = await manager.query(
    'SELECT id, name, kind FROM municipality WHERE name = ANY($1)',
    [[...MEMBERS, ...PENDING].map(([name]) => name)],
  );
  const idByName = new Map<string, string>();
  for (const [name, kind] of [...MEMBERS, ...PENDING]) {
    const matches = found.filter((m) => m.name === name && m.kind === kind);
    if (matches.length !== 1) {
      throw new Error(
        `demo data: expected one ${kind} named "${name}" in the municipality directory, found ${matches.length}` +
          (found.length ? '' : ' (is the directory loaded? see loadMunicipalities)'),
      );
    }
    idByName.set(name, matches[0].id);
  }

  const people = [...DEMO_ACCOUNTS, ...DEMO_OFFICERS];
  // argon2 is slow on purpose: hash each distinct password once.
  const hashes = new Map<string, string>();
  for (const password of new Set(people.map((p) => p.password)))
    hashes.set(password, await hashPassword(password));
  const userIds = await insertIds(
    manager,
    User,
    people.map((account) => {
      const municipalityId = account.municipality ? idByName.get(account.municipality) : null;
      if (municipalityId === undefined)
        throw new Error(`demo data: ${account.email}: ${account.municipality}?`);
      return {
        email: account.email.toLowerCase(),
        name: account.name,
        position: PROFILES[account.email]?.position ?? null,
        organisation: PROFILES[account.email]?.organisation ?? null,
        role: account.role,
        municipalityId,
        locale: Locale.DE,
        status: UserStatus.ACTIVE,
        passwordHash: hashes.get(account.password)!,
        isDemo: true,
      };
    }),
  );
  const [coordinatorId, reviewerId] = people.flatMap((p, i) =>
    p.role === Role.COORDINATOR ? [userIds[i]] : [],
  );
  const officerIdByMunicipality = new Map(
    people.flatMap((p, i) =>
      p.role === Role.OFFICER && p.municipality ? [[p.municipality, userIds[i]]] : [],
    ),
  );

  const now = new Date();
  const dates = MEMBERS.map((_, index) => membershipDates(index, now));
  const membershipIds = await insertIds(
    manager,
    NetworkMembership,
    MEMBERS.map(([name], index) => ({
      municipalityId: idByName.get(name)!,
      status: MembershipStatus.ACTIVE,
      since: dates[index].activeAt,
      createdAt: dates[index].invitedAt,
      updatedAt: dates[index].activeAt,
    })),
  );
  await manager.insert(
    MembershipEvent,
    MEMBERS.flatMap(([name], index) => [
      {
        membershipId: membershipIds[index],
        fromStatus: null,
        toStatus: MembershipStatus.INVITED,
        actorId: coordinatorId,
        note: index < FOUNDERS ? 'Gründungsmitglied des Netzwerks' : null,
        createdAt: dates[index].invitedAt,
      },
      {
        membershipId: membershipIds[index],
        fromStatus: MembershipStatus.INVITED,
        toStatus: MembershipStatus.ACTIVE,
        actorId: officerIdByMunicipality.get(name) ?? coordinatorId,
        note: 'Einladung angenommen',
        createdAt: dates[index].activeAt,
      },
    ]),
  );

  const pendingIds = await insertIds(
    manager,
    NetworkMembership,
    PENDING.map(([name, , status], index) => ({
      municipalityId: idByName.get(name)!,
      status,
      since: null,
      createdAt: new Date(now.getTime() - (9 + 5 * index) * DAY),
      updatedAt: new Date(now.getTime() - (9 + 5 * index) * DAY),
    })),
  );
  await manager.insert(
    MembershipEvent,
    PENDING.map(([, , status], index) => ({
      membershipId: pendingIds[index],
      fromStatus: null,
      toStatus: status,
      actorId: status === MembershipStatus.INVITED ? coordinatorId : null,
      note: status === MembershipStatus.APPLIED ? 'Antrag über das Kontaktformular (Demo)' : null,
      createdAt: new Date(now.getTime() - (9 + 5 * index) * DAY),
    })),
  );

  await seedDemoWorkingGroups(manager, coordinatorId);
  await seedDemoProjects(manager);
  await seedDemoMeetings(manager, coordinatorId);
  await seedDemoMeetingHistory(manager, coordinatorId, now);
  await seedDemoInitiatives(manager, coordinatorId, now);
  await seedDemoHistoryEvents(manager);
  await seedDemoDiscussions(manager);
  await seedDemoReports(manager, { compiledBy: coordinatorId, reviewedBy: reviewerId });

  await emitDomainEvent(manager, {
    actorId: null,
    type: 'demo.seeded',
    subjectType: 'System',
    subjectId: null,
    payload: { users: people.length, memberships: MEMBERS.length },
  });
  return DEMO_ACCOUNTS.map((account) => ({ ...account }));
}

/** Inserts rows in one statement and returns their generated ids in order. */
async function insertIds<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  rows: QueryDeepPartialEntity<T>[],
): Promise<string[]> {
  const result = await manager.insert(entity, rows);
  return result.identifiers.map((identifier) => identifier.id as string);
}
