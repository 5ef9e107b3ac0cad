import {
  CostRecurrence,
  CostType,
  MunicipalityKind,
  ProjectCategory,
  ProjectParticipantRole,
  ProjectPhase,
  ProjectStatus,
} from '@hub/shared';
import type { EntityManager } from 'typeorm';
import { renderMarkdown } from '../markdown';
import { emitDomainEvent } from '../modules/events';
import { Project } from '../modules/projects/project.entity';
import {
  ProjectContact,
  ProjectCost,
  ProjectFunding,
  ProjectMilestone,
  ProjectParticipant,
  ProjectStatusUpdate,
} from '../modules/projects/project-details.entity';
import { FOUNDING_EVENT_PROJECTS } from './demo-projects-founding';

export type Place = [name: string, kind: MunicipalityKind];

/** A demo project; dates (YYYY-MM-DD) as seen from DEMO_AUTHORED_ON, moved to the seeding day. */
export interface DemoProject {
  key: string;
  title: string;
  summary: string;
  description: string;
  category: ProjectCategory;
  phase: ProjectPhase;
  lead: Place;
  partners?: Place[];
  interested?: Place[];
  contactEmail?: string;
  solution: {
    product?: string;
    vendor?: string;
    openSource?: boolean;
    licence?: string;
    repositoryUrl?: string;
  };
  startDate: string;
  endDate?: string;
  /** When it was entered into the hub (default: its start); the first demo projects: the seeding day. */
  enteredOn?: string;
  costs: [label: string, type: CostType, recurrence: CostRecurrence, euro: number][];
  funding?: [programme: string, euro: number, sharePercent: number][];
  milestones?: [title: string, due: string, done: boolean][];
  updates: [date: string, phase: ProjectPhase, progress: number, text: string][];
  implementationNotes?: string;
  lessonsLearned?: string;
  origin?: { key: string; adaptations: string; savingEuro: number };
}

const KL: Place = ['Kaiserslautern', MunicipalityKind.KREISFREIE_STADT];
const LK_KL: Place = ['Landkreis Kaiserslautern', MunicipalityKind.LANDKREIS];
const COCHEM_ZELL: Place = ['Landkreis Cochem-Zell', MunicipalityKind.LANDKREIS];
const MAINZ: Place = ['Mainz', MunicipalityKind.KREISFREIE_STADT];
const TRIER: Place = ['Trier', MunicipalityKind.KREISFREIE_STADT];
const KOBLENZ: Place = ['Koblenz', MunicipalityKind.KREISFREIE_STADT];
const KUSEL: Place = ['Landkreis Kusel', MunicipalityKind.LANDKREIS];
const LANDSTUHL: Place = ['Verbandsgemeinde Landstuhl', MunicipalityKind.VERBANDSGEMEINDE];
const BITBURG: Place = ['Bitburg', MunicipalityKind.VERBANDSFREIE_GEMEINDE];

/** The note every demo project's description ends with. */
export const DEMO_NOTE =
  '\n\n> **Demo-Daten:** Dieses Projekt ist ein Beispiel und beschreibt kein reales Vorhaben.';

const FIRST_PROJECTS: DemoProject[] = [
  {
    key: 'lights',
    title: 'Demo: Smarte Lichtmasten',
    summary: 'Demo – LED-Straßenbeleuchtung mit Sensoren für Verkehr, Umwelt und WLAN.',
    description:
      '## Ziel\n\nVernetzte **Lichtmasten** dimmen nachts bedarfsgerecht und messen Verkehr, Lärm und Luftqualität.',
    category: ProjectCategory.INFRASTRUCTURE_NETWORKS,
    phase: ProjectPhase.OPERATIONAL,
    lead: KL,
    partners: [LK_KL],
    interested: [BITBURG],
    contactEmail: 'digital@kaiserslautern.demo',
    solution: {
      product: 'Smart-Pole-Plattform',
      vendor: 'Demo Stadtwerke GmbH',
      openSource: false,
      licence: 'LicenseRef-proprietary',
    },
    startDate: '2023-04-01',
    costs: [
      ['Lichtmasten mit Sensorik (20 Stück)', CostType.HARDWARE, CostRecurrence.ONE_OFF, 180_000],
      ['Plattformlizenz', CostType.LICENCE, CostRecurrence.YEARLY, 12_000],
      ['Wartung und Betrieb', CostType.SERVICES, CostRecurrence.YEARLY, 8_500],
    ],
    funding: [['Modellprojekte Smart Cities (Demo)', 117_000, 65]],
    milestones: [
      ['Ausschreibung', '2023-06-30', true],
      ['Installation Pilotstraße', '2023-11-15', true],
      ['Ausweitung Innenstadt', '2025-06-30', true],
    ],
    updates: [
      ['2023-12-01', ProjectPhase.PILOT, 40, 'Pilotstraße mit 20 Masten in Betrieb.'],
      [
        '2025-07-15',
        ProjectPhase.OPERATIONAL,
        100,
        'Innenstadt ausgestattet, Energieverbrauch um 60 % gesenkt.',
      ],
    ],
    lessonsLearned: 'Früh mit dem Netzbetreiber über Stromanschlüsse sprechen.',
  },
  {
    key: 'villages',
    title: 'Demo: Digitale Dörfer',
    summary: 'Demo – DorfFunk und DorfNews verbinden Nachbarinnen und Nachbarn im ländlichen Raum.',
    description:
      'Die Plattform **Digitale Dörfer** bietet Nachbarschaftshilfe, Nachrichten und Vereinsseiten.',
    category: ProjectCategory.CITIZEN_SERVICES,
    phase: ProjectPhase.ROLLOUT,
    lead: KUSEL,
    contactEmail: 'digital@kreis-kusel.demo',
    solution: {
      product: 'Digitale Dörfer',
      vendor: 'Fraunhofer IESE',
      openSource: true,
      licence: 'Apache-2.0',
      repositoryUrl: 'https://github.com/digitale-doerfer',
    },
    startDate: '2024-01-15',
    costs: [
      ['Einführung und Schulung', CostType.SERVICES, CostRecurrence.ONE_OFF, 15_000],
      ['Betrieb', CostType.SERVICES, CostRecurrence.YEARLY, 6_000],
    ],
    updates: [
      ['2024-06-01', ProjectPhase.PILOT, 30, 'Drei Ortsgemeinden testen DorfFunk.'],
      ['2025-09-01', ProjectPhase.ROLLOUT, 65, 'Zwölf Ortsgemeinden aktiv, 1.800 Nutzende.'],
    ],
  },
  {
    key: 'portal',
    title: 'Demo: Bürgerportal Cochem-Zell',
    summary: 'Demo – Online-Anträge und Terminbuchung für Kreisverwaltung und Verbandsgemeinden.',
    description:
      'Ein gemeinsames **Bürgerportal** für Kreis und Verbandsgemeinden, angebunden an das Servicekonto.',
    category: ProjectCategory.ADMINISTRATION,
    phase: ProjectPhase.ROLLOUT,
    lead: COCHEM_ZELL,
    contactEmail: 'digital@cochem-zell.demo',
    solution: { product: 'Bürgerportal', vendor: 'Demo Kommunal-IT AG', openSource: false },
    startDate: '2024-03-01',
    endDate: '2026-12-31',
    costs: [
      ['Einrichtung Portal', CostType.SERVICES, CostRecurrence.ONE_OFF, 45_000],
      ['Lizenz', CostType.LICENCE, CostRecurrence.YEARLY, 9_600],
      ['Projektstelle (50 %)', CostType.STAFF, CostRecurrence.YEARLY, 38_000],
    ],
    funding: [['Digitalisierung der Kommunen RLP (Demo)', 22_500, 50]],
    milestones: [
      ['20 Online-Dienste', '2025-12-31', true],
      ['Alle Verbandsgemeinden angebunden', '2026-09-30', false],
    ],
    updates: [
      [
        '2025-10-01',
        ProjectPhase.ROLLOUT,
        70,
        '24 Online-Dienste live, vier von fünf Verbandsgemeinden angebunden.',
      ],
    ],
  },
  {
    key: 'kita',
    title: 'Demo: Digitales Kita-Portal',
    summary: 'Demo – Online-Anmeldung und transparente Platzvergabe für Kindertagesstätten.',
    description: 'Eltern melden ihr Kind **einmal online** an; die Vergabe folgt den Kriterien der Satzung.',
    category: ProjectCategory.EDUCATION_CHILDCARE,
    phase: ProjectPhase.OPERATIONAL,
    lead: MAINZ,
    contactEmail: 'digital@mainz.demo',
    solution: {
      product: 'Kita-Portal',
      vendor: 'Demo Software eG',
      openSource: true,
      licence: 'EUPL-1.2',
      repositoryUrl: 'https://gitlab.opencode.de/demo/kita-portal',
    },
    startDate: '2023-09-01',
    costs: [
      ['Anpassung und Einführung', CostType.SERVICES, CostRecurrence.ONE_OFF, 28_000],
      ['Hosting', CostType.SERVICES, CostRecurrence.YEARLY, 3_600],
    ],
    updates: [
      ['2024-03-01', ProjectPhase.PILOT, 50, 'Zehn Kitas im Pilotbetrieb.'],
      ['2025-02-01', ProjectPhase.OPERATIONAL, 100, 'Alle städtischen Kitas angebunden.'],
    ],
  },
  {
    key: 'kita-koblenz',
    title: 'Demo: Kita-Portal Koblenz',
    summary: 'Demo – Nachnutzung des Mainzer Kita-Portals mit eigenen Vergabekriterien.',
    description: 'Koblenz übernimmt das **Kita-Portal** aus Mainz.',
    category: ProjectCategory.EDUCATION_CHILDCARE,
    phase: ProjectPhase.PILOT,
    lead: KOBLENZ,
    contactEmail: 'digital@koblenz.demo',
    solution: { product: 'Kita-Portal', vendor: 'Demo Software eG', openSource: true, licence: 'EUPL-1.2' },
    startDate: '2025-05-01',
    costs: [['Anpassung Vergabekriterien', CostType.SERVICES, CostRecurrence.ONE_OFF, 9_000]],
    updates: [['2025-11-01', ProjectPhase.PILOT, 35, 'Pilot in vier Kitas gestartet.']],
    origin: {
      key: 'kita',
      adaptations: 'Eigene Vergabekriterien, Anbindung an das Koblenzer Fachverfahren.',
      savingEuro: 19_000,
    },
  },
  {
    key: 'parking',
    title: 'Demo: Park-App Innenstadt',
    summary: 'Demo – Freie Parkplätze in Echtzeit und Parkschein per Smartphone.',
    description: 'Sensoren melden freie Stellplätze; die **App** zeigt sie an und verkauft Parkscheine.',
    category: ProjectCategory.MOBILITY,
    phase: ProjectPhase.PILOT,
    lead: TRIER,
    contactEmail: 'digital@trier.demo',
    solution: { product: 'ParkApp', vendor: 'Demo Mobility GmbH', openSource: false },
    startDate: '2025-03-01',
    costs: [
      ['Bodensensoren', CostType.HARDWARE, CostRecurrence.ONE_OFF, 36_000],
      ['App-Betrieb', CostType.LICENCE, CostRecurrence.YEARLY, 7_200],
    ],
    updates: [
      ['2025-10-15', ProjectPhase.PILOT, 45, 'Zwei Parkhäuser und 150 Straßenstellplätze angebunden.'],
    ],
  },
  {
    key: 'wiki',
    title: 'Demo: Westpfalz Wiki',
    summary: 'Demo – Regionales Wiki zu Orten, Vereinen und Geschichte der Westpfalz.',
    description: 'Ein **Wiki**, in dem Bürgerinnen, Bürger und Verwaltung Wissen über die Region sammeln.',
    category: ProjectCategory.TOURISM_CULTURE,
    phase: ProjectPhase.OPERATIONAL,
    lead: LANDSTUHL,
    partners: [KUSEL],
    contactEmail: 'digital@vg-landstuhl.demo',
    solution: {
      product: 'MediaWiki',
      vendor: 'Wikimedia Foundation',
      openSource: true,
      licence: 'GPL-2.0-or-later',
      repositoryUrl: 'https://gerrit.wikimedia.org/r/mediawiki/core',
    },
    startDate: '2023-02-01',
    costs: [['Hosting', CostType.SERVICES, CostRecurrence.YEARLY, 1_200]],
    updates: [
      ['2025-06-01', ProjectPhase.OPERATIONAL, 100, 'Über 2.000 Artikel, Redaktion durch Ehrenamtliche.'],
    ],
  },
];

const PROJECTS: DemoProject[] = [...FIRST_PROJECTS, ...FOUNDING_EVENT_PROJECTS];

const cents = (euro: number) => Math.round(euro * 100);

/**
 * The day the demo's dates are written from. Seeding moves every date by the whole months since,
 * so the demo always looks current: recent status updates, a network that is about two years old.
 */
export const DEMO_AUTHORED_ON = '2025-12-01';

/** A demo date (YYYY-MM-DD, as of DEMO_AUTHORED_ON) moved to the seeding day `now`. */
export function demoDate(iso: string, now = new Date()): string {
  const authored = new Date(`${DEMO_AUTHORED_ON}T00:00:00Z`);
  const months =
    (now.getUTCFullYear() - authored.getUTCFullYear()) * 12 + (now.getUTCMonth() - authored.getUTCMonth());
  const [year, month, day] = iso.split('-').map(Number);
  const shifted = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, 0)).getUTCDate();
  shifted.setUTCDate(Math.min(day, lastDay));
  return shifted.toISOString().slice(0, 10);
}

/** A demo date as an instant (09:00 UTC that day). */
export const demoInstant = (iso: string, now = new Date()) => new Date(`${demoDate(iso, now)}T09:00:00Z`);

/**
 * Adds the demo projects (all titled "Demo: …" and flagged isDemo) to a hub seeded by seedDemo:
 * led by demo member municipalities, with costs, funding, milestones, status updates and one
 * adoption. Runs in the caller's transaction; does nothing when demo projects already exist.
 */
export async function seedDemoProjects(manager: EntityManager): Promise<number> {
  const [{ seeded }] = await manager.query('SELECT EXISTS (SELECT 1 FROM project WHERE is_demo) AS seeded');
  if (seeded) return 0;
  const places = PROJECTS.flatMap((p) => [p.lead, ...(p.partners ?? []), ...(p.interested ?? [])]);
  const found: { id: string; name: string; kind: MunicipalityKind }[] = await manager.query(
    'SELECT id, name, kind FROM municipality WHERE name = ANY($1)',
    [places.map(([name]) => name)],
  );
  const idOf = ([name, kind]: Place): string => {
    const match = found.filter((m) => m.name === name && m.kind === kind);
    if (match.length !== 1)
      throw new Error(`demo projects: expected one ${kind} named "${name}", found ${match.length}`);
    return match[0].id;
  };
  const users: { id: string; email: string }[] = await manager.query(
    'SELECT id, email FROM app_user WHERE email = ANY($1)',
    [PROJECTS.map((p) => p.contactEmail).filter(Boolean)],
  );
  const userIdByEmail = new Map(users.map((u) => [u.email, u.id]));
  const idByKey = new Map<string, string>();

  const now = new Date();
  const day = (iso: string) => demoDate(iso, now);
  const at = (iso: string) => demoInstant(iso, now);
  for (const demo of PROJECTS) {
    const origin = demo.origin ? idByKey.get(demo.origin.key) : undefined;
    const contactId = demo.contactEmail ? userIdByEmail.get(demo.contactEmail) : undefined;
    const description = demo.description + DEMO_NOTE;
    const project = manager.create(Project, {
      title: demo.title,
      summary: demo.summary,
      description,
      descriptionHtml: renderMarkdown(description),
      category: demo.category,
      phase: demo.phase,
      status: ProjectStatus.PUBLISHED,
      publishedAt: at(demo.enteredOn ?? demo.startDate),
      // The first demo projects are the newest in the catalogue (tests and the tour start there);
      // the others were entered over the network's two years.
      ...(FIRST_PROJECTS.includes(demo)
        ? {}
        : {
            createdAt: at(demo.enteredOn ?? demo.startDate),
            updatedAt: at(demo.updates.at(-1)?.[0] ?? demo.enteredOn ?? demo.startDate),
          }),
      leadMunicipalityId: idOf(demo.lead),
      isNetworkProject: demo.key === 'lights',
      startDate: day(demo.startDate),
      endDate: demo.endDate ? day(demo.endDate) : null,
      solutionProduct: demo.solution.product ?? null,
      solutionVendor: demo.solution.vendor ?? null,
      solutionOpenSource: demo.solution.openSource ?? null,
      solutionLicence: demo.solution.licence ?? null,
      solutionRepositoryUrl: demo.solution.repositoryUrl ?? null,
      implementationNotes: demo.implementationNotes ?? '',
      lessonsLearned: demo.lessonsLearned ?? '',
      originProjectId: origin ?? null,
      adaptationNotes: demo.origin?.adaptations ?? '',
      estimatedSavingCents: demo.origin ? cents(demo.origin.savingEuro) : null,
      adoptionCount: 0,
      isDemo: true,
      createdById: contactId ?? null,
    });
    await manager.insert(Project, project);
    idByKey.set(demo.key, project.id);
    await manager.insert(ProjectParticipant, [
      {
        projectId: project.id,
        municipalityId: project.leadMunicipalityId,
        role: ProjectParticipantRole.LEAD,
      },
      ...(demo.partners ?? []).map((p) => ({
        projectId: project.id,
        municipalityId: idOf(p),
        role: ProjectParticipantRole.PARTNER,
      })),
      ...(demo.interested ?? []).map((p) => ({
        projectId: project.id,
        municipalityId: idOf(p),
        role: ProjectParticipantRole.INTERESTED,
      })),
    ]);
    if (origin) {
      await manager.insert(ProjectParticipant, {
        projectId: origin,
        municipalityId: project.leadMunicipalityId,
        role: ProjectParticipantRole.ADOPTER,
        createdAt: at(demo.startDate),
      });
      await manager.query('UPDATE project SET adoption_count = adoption_count + 1 WHERE id = $1', [origin]);
    }
    if (demo.costs.length)
      await manager.insert(
        ProjectCost,
        demo.costs.map(([label, costType, recurrence, euro], position) => ({
          projectId: project.id,
          position,
          label,
          costType,
          recurrence,
          amountCents: cents(euro),
          currency: 'EUR',
        })),
      );
    if (demo.funding?.length) {
      await manager.insert(
        ProjectFunding,
        demo.funding.map(([programme, euro, sharePercent], position) => ({
          projectId: project.id,
          position,
          programme,
          amountCents: cents(euro),
          sharePercent,
          currency: 'EUR',
        })),
      );
    }
    if (demo.milestones?.length) {
      await manager.insert(
        ProjectMilestone,
        demo.milestones.map(([title, dueDate, done], position) => ({
          projectId: project.id,
          position,
          title,
          dueDate: day(dueDate),
          done,
        })),
      );
    }
    await manager.insert(
      ProjectStatusUpdate,
      demo.updates.map(([reportedOn, phase, progressPercent, text]) => ({
        projectId: project.id,
        reportedOn: day(reportedOn),
        createdAt: at(reportedOn),
        phase,
        progressPercent,
        text,
        authorId: contactId ?? null,
      })),
    );
    if (contactId)
      await manager.insert(ProjectContact, { projectId: project.id, userId: contactId, position: 0 });
  }
  await emitDomainEvent(manager, {
    actorId: null,
    type: 'demo.projectsSeeded',
    subjectType: 'System',
    subjectId: null,
    payload: { projects: PROJECTS.length },
  });
  return PROJECTS.length;
}
