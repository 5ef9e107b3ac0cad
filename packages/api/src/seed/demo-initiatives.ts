import {
  CostRecurrence,
  CostType,
  InitiativeDecision,
  InitiativeStatus,
  OutcomeKind,
  PilotApplicationStatus,
  PrioritisationMethod,
  PrioritisationRoundStatus,
  ProjectCategory,
  ProjectParticipantRole,
  ProjectPhase,
  ProjectStatus,
  projectLimits,
  RATING_CRITERIA,
} from '@hub/shared';
import type { EntityManager } from 'typeorm';
import { renderMarkdown } from '../markdown';
import type { DomainEventType } from '../modules/events';
import { emitDomainEvent } from '../modules/events';
import {
  type BallotVote,
  Initiative,
  InitiativeStatusChange,
  InitiativeSupport,
  PilotApplication,
  PrioritisationRound,
  RoundBallot,
} from '../modules/initiatives/initiative.entity';
import { STATUS_OF_DECISION } from '../modules/initiatives/initiative.service';
import { rankBallots } from '../modules/initiatives/round.service';
import { Outcome } from '../modules/meetings/meeting.entity';
import { activeMemberMunicipalityIds } from '../modules/network';
import { Project } from '../modules/projects/project.entity';
import {
  ProjectCost,
  ProjectParticipant,
  ProjectStatusUpdate,
} from '../modules/projects/project-details.entity';
import { DEMO_NOTE } from './demo-projects';

/** The title of the steering committee's decision outcome (seed/demo-meeting-history.ts) that selects. */
export const DEMO_INITIATIVE_DECISION = 'Auswahl der Netzwerkinitiativen aus der Priorisierungsrunde';

const DAY = 86_400_000;

interface DemoProposal {
  title: string;
  /** The proposing officer's demo e-mail. */
  by: string;
  category: ProjectCategory;
  problem: string;
  goal: string;
  benefit: string;
  costEuro: number | null;
  programmes: string[];
  proposedDaysAgo: number;
  /** Officers (demo e-mails) whose municipalities said "Wir sind interessiert". */
  supporters: string[];
}

const TRIER = 'digital@trier.demo';
const KOBLENZ = 'digital@koblenz.demo';
const MAINZ = 'digital@mainz.demo';
const KL = 'digital@kaiserslautern.demo';
const COCHEM_ZELL = 'digital@cochem-zell.demo';
const LUDWIGSHAFEN = 'digital@ludwigshafen.demo';
const LANDSTUHL = 'digital@vg-landstuhl.demo';
const KUSEL = 'digital@kreis-kusel.demo';
const BITBURG = 'digital@bitburg.demo';
const IDAR = 'digital@idar-oberstein.demo';

const PROPOSALS = {
  defects: {
    title: 'Demo: Gemeinsamer Mängelmelder für Rheinland-Pfalz',
    by: TRIER,
    category: ProjectCategory.CITIZEN_SERVICES,
    problem:
      'Viele Kommunen nehmen Hinweise auf Schlaglöcher, beschädigte Spielgeräte oder wilden Müll noch per Telefon und E-Mail an. Die Meldungen landen ohne Ort und Foto beim falschen Amt; Rückmeldungen an die Bürgerinnen und Bürger bleiben aus. Einzelne Städte betreiben eigene Lösungen, kleinere Kommunen können sich keine leisten.',
    goal: 'Ein gemeinsamer Mängelmelder (App und Web) auf Open-Source-Basis, den jede Mitgliedskommune mit eigenem Zuständigkeitsgebiet und eigenen Kategorien nutzt; Meldungen gehen direkt an das zuständige Amt oder den Bauhof, mit Statusrückmeldung.',
    benefit:
      'Geringere Kosten je Kommune durch gemeinsamen Betrieb, schnellere Bearbeitung durch Ort und Foto, sichtbare Bürgernähe auch in Verbandsgemeinden. Schnittstelle zu Bauhof-Software und zum Landesportal.',
    costEuro: 180_000,
    programmes: ['Smarte.Land.Regionen', 'Digitale Modellkommunen RLP'],
    proposedDaysAgo: 200,
    supporters: [KOBLENZ, MAINZ, BITBURG, IDAR, LANDSTUHL, COCHEM_ZELL],
  },
  openData: {
    title: 'Demo: Open-Data-Portal für kleine Kommunen',
    by: LANDSTUHL,
    category: ProjectCategory.ADMINISTRATION,
    problem:
      'Verbandsgemeinden und Ortsgemeinden haben Daten (Haushalt, Bebauungspläne, Ladesäulen, Veranstaltungen), aber kein eigenes Datenportal. Das Landesportal verlangt Metadaten, die ohne Fachpersonal kaum zu pflegen sind.',
    goal: 'Ein gemeinsam betriebenes Open-Data-Portal mit Vorlagen für die häufigsten Datensätze und automatischer Weitergabe an das Landesportal und GovData.',
    benefit:
      'Kleine Kommunen erfüllen ihre Open-Data-Pflichten mit wenig Aufwand; Daten werden vergleichbar und für Wirtschaft und Ehrenamt nutzbar.',
    costEuro: 95_000,
    programmes: ['Open-Data-Förderung des Landes'],
    proposedDaysAgo: 195,
    supporters: [KUSEL, IDAR, COCHEM_ZELL],
  },
  lorawan: {
    title: 'Demo: Landesweites LoRaWAN-Sensornetz der Mitgliedskommunen',
    by: KL,
    category: ProjectCategory.INFRASTRUCTURE_NETWORKS,
    problem:
      'Mehrere Städte bauen eigene LoRaWAN-Gateways auf, jede mit eigenem Netzserver, eigener Ausschreibung und eigenem Sensordatenmodell. Gateways an Kreisgrenzen werden doppelt geplant.',
    goal: 'Ein gemeinsamer Netzserver und eine abgestimmte Gateway-Planung, an die sich jede Kommune mit eigenen Sensoren (Pegel, Bodenfeuchte, Füllstände) anschließen kann.',
    benefit: 'Weniger Betriebskosten, ein einheitliches Datenmodell, gemeinsame Beschaffung von Sensoren.',
    costEuro: 420_000,
    programmes: ['Modellprojekte Smart Cities', 'KIPKI'],
    proposedDaysAgo: 190,
    supporters: [MAINZ, TRIER, LUDWIGSHAFEN],
  },
  buildingPermit: {
    title: 'Demo: Digitale Bauantragsstrecke für Verbandsgemeinden',
    by: COCHEM_ZELL,
    category: ProjectCategory.ADMINISTRATION,
    problem:
      'Bauanträge kommen in Verbandsgemeinden noch überwiegend auf Papier an und werden für die Kreisverwaltung eingescannt; Rückfragen dauern Wochen.',
    goal: 'Eine gemeinsame digitale Eingangs- und Beteiligungsstrecke für Bauanträge von der Verbandsgemeinde bis zur unteren Bauaufsicht.',
    benefit: 'Kürzere Bearbeitungszeiten und weniger Medienbrüche zwischen Gemeinde und Kreis.',
    costEuro: 250_000,
    programmes: ['OZG-Umsetzung RLP'],
    proposedDaysAgo: 185,
    supporters: [KUSEL],
  },
  councilInfo: {
    title: 'Demo: Ratsinformationssystem mit OParl-Schnittstelle',
    by: BITBURG,
    category: ProjectCategory.ADMINISTRATION,
    problem:
      'Viele kleinere Kommunen veröffentlichen Sitzungsunterlagen als PDF auf der Website; Ratsmitglieder arbeiten mit Papier, und Bürgerinnen und Bürger finden Beschlüsse nicht wieder.',
    goal: 'Ein gemeinsam beschafftes Ratsinformationssystem mit offener OParl-Schnittstelle, papierloser Ratsarbeit und Volltextsuche über Beschlüsse.',
    benefit:
      'Transparenz für die Öffentlichkeit, weniger Druck- und Versandkosten, Beschlüsse des Netzwerks über OParl durchsuchbar.',
    costEuro: 140_000,
    programmes: ['Digitale Modellkommunen RLP'],
    proposedDaysAgo: 45,
    supporters: [COCHEM_ZELL, IDAR, KUSEL, LANDSTUHL],
  },
  appointments: {
    title: 'Demo: Gemeinsame Online-Terminvergabe für Bürgerbüros',
    by: MAINZ,
    category: ProjectCategory.CITIZEN_SERVICES,
    problem:
      'Bürgerbüros vergeben Termine über sehr unterschiedliche Systeme; manche nur telefonisch. Wer umzieht, muss jedes Mal ein neues Verfahren lernen.',
    goal: 'Eine gemeinsame Terminvergabe mit einheitlicher Oberfläche, Erinnerungen per E-Mail und Anbindung an die Fachverfahren der Meldebehörden.',
    benefit: 'Kürzere Wartezeiten, weniger Anrufe, gemeinsame Lizenzkosten.',
    costEuro: 60_000,
    programmes: [],
    proposedDaysAgo: 38,
    supporters: [LUDWIGSHAFEN, KOBLENZ],
  },
  volunteerCard: {
    title: 'Demo: Digitale Ehrenamtskarte',
    by: KUSEL,
    category: ProjectCategory.HEALTH_SOCIAL,
    problem:
      'Die Ehrenamtskarte gibt es nur auf Papier; Vergünstigungen der Partner sind schwer zu finden, und die Verlängerung kostet die Verwaltung viel Zeit.',
    goal: 'Die Ehrenamtskarte als digitale Karte im Smartphone mit Übersicht der Partner in der Region.',
    benefit: 'Mehr Wertschätzung für Ehrenamtliche, weniger Verwaltungsaufwand bei Ausgabe und Verlängerung.',
    costEuro: null,
    programmes: [],
    proposedDaysAgo: 6,
    supporters: [BITBURG, IDAR],
  },
} satisfies Record<string, DemoProposal>;

type Key = keyof typeof PROPOSALS;

/** The past dot-voting round: who gave how many of their ten points to which proposal. */
const PAST_ROUND = {
  title: 'Priorisierungsrunde Frühjahr (Demo)',
  initiatives: ['defects', 'openData', 'lorawan', 'buildingPermit'] as Key[],
  points: 10,
  quorumPercent: 15,
  openedDaysAgo: 130,
  deadlineDaysAgo: 100,
  ballots: [
    [TRIER, { defects: 6, lorawan: 4 }],
    [KOBLENZ, { defects: 5, openData: 2, lorawan: 3 }],
    [MAINZ, { defects: 3, lorawan: 5, buildingPermit: 2 }],
    [KL, { lorawan: 7, defects: 3 }],
    [COCHEM_ZELL, { buildingPermit: 5, defects: 3, openData: 2 }],
    [LUDWIGSHAFEN, { defects: 4, lorawan: 4, openData: 2 }],
    [LANDSTUHL, { openData: 6, defects: 4 }],
    [KUSEL, { openData: 4, buildingPermit: 3, defects: 3 }],
    [BITBURG, { defects: 7, openData: 3 }],
    [IDAR, { defects: 5, openData: 5 }],
  ] as [string, Partial<Record<Key, number>>][],
};

/** The steering committee's decisions on the past round's proposals. */
const DECISIONS: [Key, InitiativeDecision, string][] = [
  [
    'defects',
    InitiativeDecision.SELECTED,
    'Klarer erster Platz in der Priorisierungsrunde, hohe Übertragbarkeit auf kleine Kommunen und eine erprobte Open-Source-Lösung.',
  ],
  [
    'lorawan',
    InitiativeDecision.DEFERRED,
    'Zurückgestellt, bis die AG Smart City & Sensorik die gemeinsame Ausschreibung für Umweltsensoren abgeschlossen hat.',
  ],
  [
    'openData',
    InitiativeDecision.DEFERRED,
    'Zurückgestellt: Das Land überarbeitet die Anbindung an das Landesportal; danach neu bewerten.',
  ],
  [
    'buildingPermit',
    InitiativeDecision.REJECTED,
    'Nicht weiterverfolgt: Das Land stellt den digitalen Bauantrag als EfA-Leistung landesweit bereit; eine eigene Strecke des Netzwerks wäre eine Doppelstruktur.',
  ],
];

const CALL_TEXT =
  'Gesucht werden zwei bis drei Mitgliedskommunen, die den gemeinsamen Mängelmelder ab dem nächsten Quartal pilotieren: mit einem Bauhof, der Meldungen digital annimmt, und einer Ansprechperson für die Abstimmung im Netzwerk.';

/** Pilot applications: who, what they bring, when they can start, and how it ended. */
const APPLICATIONS: [string, string, number, PilotApplicationStatus][] = [
  [
    TRIER,
    'Trier betreibt bereits eine Bauhof-Software mit Schnittstelle und bringt Erfahrung aus dem Pilot der Stadtwerke mit. Zwei Personen aus dem Tiefbauamt stehen bereit.',
    30,
    PilotApplicationStatus.CONFIRMED,
  ],
  [
    KOBLENZ,
    'Koblenz bringt die Sicht einer Oberzentrumsverwaltung mit mehreren Ämtern ein und testet die Weiterleitung zwischen Tiefbau, Grünflächen und Ordnungsamt.',
    45,
    PilotApplicationStatus.CONFIRMED,
  ],
  [
    BITBURG,
    'Bitburg möchte die Nutzung für kleine Städte mit gemeinsamem Bauhof der Verbandsgemeinde erproben.',
    120,
    PilotApplicationStatus.WITHDRAWN,
  ],
];

/** The open rating round: which municipalities have rated so far (ratings per criterion, 1–5). */
const OPEN_ROUND = {
  title: 'Priorisierungsrunde Herbst (Demo)',
  initiatives: ['councilInfo', 'appointments', 'openData'] as Key[],
  quorumPercent: 25,
  openedDaysAgo: 14,
  deadlineInDays: 10,
  ballots: [
    [MAINZ, { councilInfo: [3, 4, 4, 3], appointments: [5, 4, 5, 4], openData: [3, 3, 4, 2] }],
    [TRIER, { councilInfo: [4, 3, 5, 3], appointments: [4, 4, 4, 3], openData: [4, 3, 5, 3] }],
    [BITBURG, { councilInfo: [5, 4, 5, 4], appointments: [3, 4, 4, 2], openData: [3, 4, 4, 3] }],
    [LANDSTUHL, { councilInfo: [4, 4, 4, 4], appointments: [3, 3, 4, 3], openData: [5, 3, 5, 4] }],
    [LUDWIGSHAFEN, { councilInfo: [3, 3, 4, 2], appointments: [5, 5, 4, 4] }],
  ] as [string, Partial<Record<Key, [number, number, number, number]>>][],
};

interface DemoEvent {
  type: DomainEventType;
  at: Date;
  actorId: string | null;
  subjectType: 'Initiative' | 'PrioritisationRound';
  subjectId: string;
  payload: Record<string, unknown>;
}

/**
 * Network initiatives of the demo network, dated relative to the seeding day: proposals by
 * officers of several member municipalities with their supporters; a past dot-voting round (closed
 * at its deadline with a quorum, ranked by the module's rankBallots); the steering committee's
 * decision in the meeting of seed/demo-meeting-history.ts (one selected, others deferred or
 * rejected with reasons); the selected initiative's call for pilot cities with applications, two
 * confirmed pilots and its network project; an open rating round some municipalities have rated;
 * and a fresh proposal. Every status change is in the history, every step a back-dated domain
 * event marked as demo (nobody is notified). Written as rows, not through the services: those
 * stamp the present and announce their events to people, while this history is months old; the
 * rules that shape its results are the module's own (rankBallots, STATUS_OF_DECISION, the point
 * budget and quorum checked below). Runs after the meeting history, before
 * seedDemoHistoryEvents (which announces the network project like every demo project).
 */
export async function seedDemoInitiatives(
  manager: EntityManager,
  coordinatorId: string,
  now: Date,
): Promise<void> {
  const [{ seeded }] = await manager.query(
    'SELECT EXISTS (SELECT 1 FROM initiative WHERE is_demo) AS seeded',
  );
  if (seeded) return;
  const ago = (days: number, hourUtc = 9) => {
    const at = new Date(now.getTime() - days * DAY);
    at.setUTCHours(hourUtc, 0, 0, 0);
    return at;
  };
  const officers: { id: string; email: string; municipality_id: string }[] = await manager.query(
    `SELECT id, email, municipality_id FROM app_user WHERE is_demo AND role = 'OFFICER'`,
  );
  const officer = (email: string) => {
    const found = officers.find((o) => o.email === email);
    if (!found) throw new Error(`demo initiatives: no demo officer ${email}`);
    return { id: found.id, municipalityId: found.municipality_id };
  };
  const events: DemoEvent[] = [];
  const initiatives = new Map<Key, Initiative>();

  // 1. The proposals and who supports them.
  for (const [key, p] of Object.entries(PROPOSALS) as [Key, DemoProposal][]) {
    const proposer = officer(p.by);
    const proposedAt = ago(p.proposedDaysAgo);
    const initiative = manager.create(Initiative, {
      title: p.title,
      problem: p.problem,
      goal: p.goal,
      expectedBenefit: p.benefit,
      category: p.category,
      costEstimateCents: p.costEuro === null ? null : p.costEuro * 100,
      fundingProgrammes: p.programmes,
      relatedProjectIds: [],
      status: InitiativeStatus.PROPOSED,
      proposedById: proposer.id,
      proposingMunicipalityId: proposer.municipalityId,
      isDemo: true,
      createdAt: proposedAt,
      updatedAt: proposedAt,
    });
    await manager.insert(Initiative, initiative);
    initiatives.set(key, initiative);
    await manager.insert(InitiativeStatusChange, {
      initiativeId: initiative.id,
      fromStatus: null,
      toStatus: InitiativeStatus.PROPOSED,
      actorId: proposer.id,
      reason: '',
      occurredAt: proposedAt,
    });
    events.push({
      type: 'initiative.propose',
      at: proposedAt,
      actorId: proposer.id,
      subjectType: 'Initiative',
      subjectId: initiative.id,
      payload: {
        title: p.title,
        category: p.category,
        status: InitiativeStatus.PROPOSED,
        costEstimateCents: initiative.costEstimateCents,
        relatedProjects: 0,
      },
    });
    const supports = p.supporters.map((email, i) => {
      const supporter = officer(email);
      const at = ago(p.proposedDaysAgo - 2 - 3 * i, 10 + (i % 6));
      events.push({
        type: 'initiative.support',
        at,
        actorId: supporter.id,
        subjectType: 'Initiative',
        subjectId: initiative.id,
        payload: { municipalityId: supporter.municipalityId, title: p.title },
      });
      return {
        initiativeId: initiative.id,
        municipalityId: supporter.municipalityId,
        supportedById: supporter.id,
        createdAt: at,
      };
    });
    if (supports.length) await manager.insert(InitiativeSupport, supports);
  }
  const initiative = (key: Key) => initiatives.get(key)!;
  const move = async (key: Key, to: InitiativeStatus, at: Date, actorId: string | null, reason: string) => {
    const moved = initiative(key);
    const from = moved.status;
    moved.status = to;
    await manager.update(Initiative, { id: moved.id }, { status: to, updatedAt: at });
    await manager.insert(InitiativeStatusChange, {
      initiativeId: moved.id,
      fromStatus: from,
      toStatus: to,
      actorId,
      reason,
      occurredAt: at,
    });
    events.push({
      type: 'initiative.statusChange',
      at,
      actorId,
      subjectType: 'Initiative',
      subjectId: moved.id,
      payload: { title: moved.title, from, to, reason },
    });
  };
  const eligible = (await activeMemberMunicipalityIds(manager)).length;

  // 2. The past dot-voting round, closed at its deadline by the deadline job.
  const pastOpened = ago(PAST_ROUND.openedDaysAgo);
  const pastDeadline = ago(PAST_ROUND.deadlineDaysAgo, 22);
  const past = manager.create(PrioritisationRound, {
    title: PAST_ROUND.title,
    method: PrioritisationMethod.DOT_VOTING,
    pointsPerMunicipality: PAST_ROUND.points,
    deadline: pastDeadline,
    quorumPercent: PAST_ROUND.quorumPercent,
    status: PrioritisationRoundStatus.OPEN,
    initiativeIds: PAST_ROUND.initiatives.map((k) => initiative(k).id),
    openedById: coordinatorId,
    openedAt: pastOpened,
    isDemo: true,
    createdAt: pastOpened,
  });
  await manager.insert(PrioritisationRound, past);
  await openRound(past, PAST_ROUND.initiatives, pastOpened);
  const pastBallots = PAST_ROUND.ballots.map(([email, points], i) => {
    const votes: BallotVote[] = Object.entries(points).map(([key, n]) => ({
      initiativeId: initiative(key as Key).id,
      points: n,
    }));
    const total = votes.reduce((sum, v) => sum + (v.points ?? 0), 0);
    if (total > PAST_ROUND.points) throw new Error(`demo initiatives: ${email} gives ${total} points`);
    return ballot(past, email, votes, ago(PAST_ROUND.openedDaysAgo - 2 - 2 * i, 8 + (i % 8)));
  });
  await manager.insert(RoundBallot, pastBallots);
  const titles = new Map([...initiatives.values()].map((i) => [i.id, i.title]));
  const result = rankBallots(past, titles, pastBallots, eligible);
  if (!result.quorumReached) throw new Error('demo initiatives: the past round misses its quorum');
  await manager.update(
    PrioritisationRound,
    { id: past.id },
    {
      status: PrioritisationRoundStatus.CLOSED,
      closedAt: pastDeadline,
      closedById: null,
      eligibleCount: eligible,
      result,
    },
  );
  events.push({
    type: 'initiative.roundClose',
    at: pastDeadline,
    actorId: null,
    subjectType: 'PrioritisationRound',
    subjectId: past.id,
    payload: {
      title: past.title,
      automatic: true,
      ballots: result.ballots,
      eligible,
      quorumReached: result.quorumReached,
      initiativeIds: past.initiativeIds,
    },
  });

  // 3. The steering committee's decision, on the decision outcome of its meeting.
  const outcome = await manager
    .getRepository(Outcome)
    .findOneByOrFail({ title: DEMO_INITIATIVE_DECISION, kind: OutcomeKind.DECISION });
  const decidedAt = new Date(outcome.createdAt);
  for (const [key, decision, reason] of DECISIONS) {
    await manager.update(
      Initiative,
      { id: initiative(key).id },
      {
        decision,
        decisionReason: reason,
        decidedAt,
        decisionOutcomeId: outcome.id,
        decisionMeetingId: outcome.meetingId,
      },
    );
    await move(key, STATUS_OF_DECISION[decision], decidedAt, coordinatorId, reason);
    events.push({
      type: 'initiative.decide',
      at: decidedAt,
      actorId: coordinatorId,
      subjectType: 'Initiative',
      subjectId: initiative(key).id,
      payload: {
        title: initiative(key).title,
        decision,
        reason,
        meetingId: outcome.meetingId,
        outcomeId: outcome.id,
      },
    });
  }

  // 4. The call for pilot cities, the applications, two confirmed pilots and the network project.
  const selected = initiative('defects');
  const callOpenedAt = new Date(decidedAt.getTime() + 5 * DAY);
  await manager.update(Initiative, { id: selected.id }, { callText: CALL_TEXT, callOpenedAt });
  await move(
    'defects',
    InitiativeStatus.CALL_OPEN,
    callOpenedAt,
    coordinatorId,
    'Aufruf für Pilotkommunen geöffnet',
  );
  const confirmedAt = new Date(callOpenedAt.getTime() + 18 * DAY);
  const pilots: string[] = [];
  for (const [i, [email, statement, startsInDays, status]] of APPLICATIONS.entries()) {
    const applicant = officer(email);
    const appliedAt = new Date(callOpenedAt.getTime() + (3 + 2 * i) * DAY);
    const confirmed = status === PilotApplicationStatus.CONFIRMED;
    const application = manager.create(PilotApplication, {
      initiativeId: selected.id,
      municipalityId: applicant.municipalityId,
      appliedById: applicant.id,
      statement,
      canStartOn: new Date(callOpenedAt.getTime() + startsInDays * DAY).toISOString().slice(0, 10),
      status,
      confirmedById: confirmed ? coordinatorId : null,
      confirmedAt: confirmed ? confirmedAt : null,
      createdAt: appliedAt,
    });
    await manager.insert(PilotApplication, application);
    const about = { municipalityId: applicant.municipalityId, applicationId: application.id };
    events.push({
      type: 'initiative.pilotApply',
      at: appliedAt,
      actorId: applicant.id,
      subjectType: 'Initiative',
      subjectId: selected.id,
      payload: { ...about, title: selected.title },
    });
    if (confirmed) {
      pilots.push(applicant.municipalityId);
      events.push({
        type: 'initiative.pilotConfirm',
        at: confirmedAt,
        actorId: coordinatorId,
        subjectType: 'Initiative',
        subjectId: selected.id,
        payload: { ...about, appliedById: applicant.id, title: selected.title },
      });
    } else if (status === PilotApplicationStatus.WITHDRAWN) {
      events.push({
        type: 'initiative.pilotWithdraw',
        at: new Date(appliedAt.getTime() + 6 * DAY),
        actorId: applicant.id,
        subjectType: 'Initiative',
        subjectId: selected.id,
        payload: about,
      });
    }
  }
  const startedAt = new Date(confirmedAt.getTime() + 2 * DAY);
  const projectId = await networkProject(selected, pilots, startedAt, coordinatorId);
  await manager.update(Initiative, { id: selected.id }, { projectId });
  const reason = `Netzwerkprojekt mit ${pilots.length} Pilotkommunen gestartet`;
  await move('defects', InitiativeStatus.IN_REALISATION, startedAt, coordinatorId, reason);
  events.push({
    type: 'initiative.realisationStart',
    at: startedAt,
    actorId: coordinatorId,
    subjectType: 'Initiative',
    subjectId: selected.id,
    payload: { projectId, pilotMunicipalityIds: pilots, title: selected.title },
  });

  // 5. The open rating round: the deadline ahead, some municipalities have rated.
  const openedAt = ago(OPEN_ROUND.openedDaysAgo);
  const deadline = new Date(now.getTime() + OPEN_ROUND.deadlineInDays * DAY);
  deadline.setUTCHours(22, 0, 0, 0);
  const open = manager.create(PrioritisationRound, {
    title: OPEN_ROUND.title,
    method: PrioritisationMethod.RATING,
    pointsPerMunicipality: null,
    deadline,
    quorumPercent: OPEN_ROUND.quorumPercent,
    status: PrioritisationRoundStatus.OPEN,
    initiativeIds: OPEN_ROUND.initiatives.map((k) => initiative(k).id),
    openedById: coordinatorId,
    openedAt,
    isDemo: true,
    createdAt: openedAt,
  });
  await manager.insert(PrioritisationRound, open);
  await openRound(open, OPEN_ROUND.initiatives, openedAt);
  await manager.insert(
    RoundBallot,
    OPEN_ROUND.ballots.map(([email, ratings], i) =>
      ballot(
        open,
        email,
        Object.entries(ratings).map(([key, values]) => ({
          initiativeId: initiative(key as Key).id,
          ...Object.fromEntries(RATING_CRITERIA.map((criterion, c) => [criterion, values[c]])),
        })),
        ago(OPEN_ROUND.openedDaysAgo - 1 - 2 * i, 8 + (i % 8)),
      ),
    ),
  );

  await manager.query(
    `WITH step AS (
       SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::uuid[], $4::text[], $5::uuid[], $6::jsonb[])
         AS s(type, occurred_at, actor_id, subject_type, subject_id, payload)
     ),
     event AS (
       INSERT INTO domain_event (type, occurred_at, actor_id, subject_type, subject_id, payload)
       SELECT type, occurred_at, actor_id, subject_type, subject_id, payload || '{"demo": true}'::jsonb
         FROM step WHERE occurred_at <= now() ORDER BY occurred_at
       RETURNING type, occurred_at, actor_id, subject_type, subject_id, payload
     )
     INSERT INTO audit_event (actor_id, action, entity_type, entity_id, after, created_at)
     SELECT actor_id, type, subject_type, subject_id, payload, occurred_at FROM event`,
    [
      events.map((e) => e.type),
      events.map((e) => e.at),
      events.map((e) => e.actorId),
      events.map((e) => e.subjectType),
      events.map((e) => e.subjectId),
      events.map((e) => JSON.stringify(e.payload)),
    ],
  );
  await emitDomainEvent(manager, {
    actorId: null,
    type: 'demo.initiativesSeeded',
    subjectType: 'System',
    subjectId: null,
    payload: { initiatives: initiatives.size, rounds: 2 },
  });

  /** The round's proposals move into it; the round's opening is announced. */
  async function openRound(round: PrioritisationRound, keys: Key[], at: Date): Promise<void> {
    for (const key of keys)
      await move(key, InitiativeStatus.IN_ROUND, at, coordinatorId, `Priorisierungsrunde „${round.title}“`);
    events.push({
      type: 'initiative.roundOpen',
      at,
      actorId: coordinatorId,
      subjectType: 'PrioritisationRound',
      subjectId: round.id,
      payload: {
        title: round.title,
        method: round.method,
        deadline: round.deadline.toISOString(),
        initiativeIds: round.initiativeIds,
      },
    });
  }

  /** A municipality's ballot, cast by its officer (the event tells only that it voted). */
  function ballot(round: PrioritisationRound, email: string, votes: BallotVote[], at: Date) {
    const voter = officer(email);
    events.push({
      type: 'initiative.ballotCast',
      at,
      actorId: voter.id,
      subjectType: 'PrioritisationRound',
      subjectId: round.id,
      payload: { municipalityId: voter.municipalityId, changed: false },
    });
    return manager.create(RoundBallot, {
      roundId: round.id,
      municipalityId: voter.municipalityId,
      castById: voter.id,
      votes,
      createdAt: at,
      updatedAt: at,
    });
  }

  /**
   * The network project as startRealisation creates it (network flag, phase PILOT, published, the
   * first confirmed pilot leads, the others are partners), with its first status update.
   */
  async function networkProject(
    source: Initiative,
    pilotIds: string[],
    at: Date,
    createdById: string,
  ): Promise<string> {
    const description =
      [
        `## Problem\n\n${source.problem}`,
        `## Ziel\n\n${source.goal}`,
        `## Erwarteter Nutzen\n\n${source.expectedBenefit}`,
      ].join('\n\n') + DEMO_NOTE;
    const project = manager.create(Project, {
      title: source.title,
      summary: `Demo – ${source.goal}`.slice(0, projectLimits.summary.maxLength),
      description,
      descriptionHtml: renderMarkdown(description),
      category: source.category,
      phase: ProjectPhase.PILOT,
      status: ProjectStatus.PUBLISHED,
      publishedAt: at,
      createdAt: at,
      updatedAt: at,
      leadMunicipalityId: pilotIds[0],
      isNetworkProject: true,
      startDate: at.toISOString().slice(0, 10),
      adoptionCount: 0,
      isDemo: true,
      createdById,
    });
    await manager.insert(Project, project);
    await manager.insert(
      ProjectParticipant,
      pilotIds.map((municipalityId, i) => ({
        projectId: project.id,
        municipalityId,
        role: i === 0 ? ProjectParticipantRole.LEAD : ProjectParticipantRole.PARTNER,
        createdAt: at,
      })),
    );
    if (source.costEstimateCents !== null)
      await manager.insert(ProjectCost, {
        projectId: project.id,
        position: 0,
        label: 'Einführung und erstes Betriebsjahr (Schätzung der Initiative)',
        costType: CostType.SERVICES,
        recurrence: CostRecurrence.ONE_OFF,
        amountCents: source.costEstimateCents,
        currency: 'EUR',
      });
    const reportedOn = new Date(Math.min(at.getTime() + 30 * DAY, now.getTime() - DAY));
    await manager.insert(ProjectStatusUpdate, {
      projectId: project.id,
      reportedOn: reportedOn.toISOString().slice(0, 10),
      createdAt: reportedOn,
      phase: ProjectPhase.PILOT,
      progressPercent: 20,
      text: 'Auftakt mit den Pilotkommunen Trier und Koblenz: Kategorien und Zuständigkeiten abgestimmt, Testbetrieb mit den Bauhöfen vorbereitet.',
      authorId: createdById,
    });
    return project.id;
  }
}
