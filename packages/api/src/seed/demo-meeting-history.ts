import {
  ActionItemStatus,
  InvitationResponse,
  MeetingKind,
  MinutesStatus,
  OutcomeKind,
  Role,
  WorkingGroupMembershipStatus,
  WorkingGroupRole,
} from '@hub/shared';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { OutcomeSnapshot } from '../modules/meetings/meeting.entity';
import {
  AgendaItem,
  Meeting,
  MeetingInvitation,
  MeetingMinutes,
  MinutesRevision,
  Outcome,
} from '../modules/meetings/meeting.entity';
import { User } from '../modules/users/user.entity';
import { WorkingGroup, WorkingGroupMembership } from '../modules/working-groups/working-group.entity';
import { DEMO_INITIATIVE_DECISION } from './demo-initiatives';
import { demoInstant } from './demo-projects';

const DAY = 86_400_000;
const HOUR = 3_600_000;

type Owner = string | null; // a demo officer's e-mail (her municipality owns the item too)

interface DemoOutcome {
  kind: OutcomeKind;
  title: string;
  description?: string;
  owner?: Owner;
  /** Days after the meeting (or, with `dueInDays`, from the seeding day). */
  dueAfterDays?: number;
  dueInDays?: number;
  status?: ActionItemStatus;
}

interface DemoMeeting {
  kind: MeetingKind;
  /** Working group by name (WORKING_GROUP meetings). */
  group?: string;
  title: string;
  description: string;
  /** A date as of DEMO_AUTHORED_ON, or days from the seeding day. */
  on: string | number;
  hours: number;
  place: string;
  agenda: string[];
  minutes: 'PUBLISHED' | 'SUBMITTED' | null;
  body?: string;
  outcomes?: DemoOutcome[];
}

const NETWORK = MeetingKind.NETWORK;
const { DECISION, ACTION_ITEM, INFORMATION } = OutcomeKind;
const DONE = ActionItemStatus.DONE;
const VERWALTUNG = 'AG Digitale Verwaltung & OZG (Demo)';
const BILDUNG = 'AG Bildung & Kita digital (Demo)';
const KL = 'digital@kaiserslautern.demo';

/** Two years of the network's meetings, from the founding event ("Markt der Projekte") to next month. */
const MEETINGS: DemoMeeting[] = [
  {
    kind: NETWORK,
    title: 'Gründungsveranstaltung: Markt der Projekte (Demo)',
    description:
      'Demo-Daten. Auftakt des Netzwerks Digitale Städte Rheinland-Pfalz mit dem Innenministerium: über 50 Kommunen stellen ihre Projekte vor – Smarte Lichtmasten, Digitale Dörfer, E-Scooter, VR-Zeitreise, Ausweis-Terminal, Bürgerportal Cochem-Zell, Westpfalz Wiki, „herzlich digital“, MoGlI, Digitale Kita und Kita-Portal, Notfallsimulation, Social Wall und Park-Apps.',
    on: '2023-11-20',
    hours: 6,
    place: 'Kaiserslautern, Fruchthalle',
    agenda: [
      'Begrüßung durch das Ministerium des Innern und für Sport',
      'Markt der Projekte: 14 Projekte aus den Kommunen',
      'Wie das Netzwerk arbeiten will',
    ],
    minutes: 'PUBLISHED',
    body: 'Demo-Daten.\n\nÜber 50 Kommunen haben an der Gründungsveranstaltung teilgenommen. Am **Markt der Projekte** wurden 14 Projekte vorgestellt.\n\nLeitsatz: *Nicht alles selbst bauen – und vor allem nichts doppelt.*',
    outcomes: [
      { kind: DECISION, title: 'Das Netzwerk Digitale Städte Rheinland-Pfalz wird gegründet' },
      { kind: DECISION, title: 'Quartalsweise Netzwerktreffen und thematische Arbeitsgruppen' },
      {
        kind: ACTION_ITEM,
        title: 'Projektsteckbriefe aller vorgestellten Projekte im Hub anlegen',
        owner: KL,
        dueAfterDays: 30,
        status: DONE,
      },
    ],
  },
  {
    kind: NETWORK,
    title: 'Netzwerktreffen Frühjahr 2024 (Demo)',
    description: 'Demo-Daten. Nachnutzung in der Praxis: was Kommunen voneinander übernommen haben.',
    on: '2024-02-20',
    hours: 3,
    place: 'Mainz, Rathaus',
    agenda: ['Neuigkeiten aus dem Netzwerk', 'Nachnutzung: Kita-Portal Mainz', 'Gründung von Arbeitsgruppen'],
    minutes: 'PUBLISHED',
    outcomes: [
      {
        kind: DECISION,
        title: 'Drei Arbeitsgruppen werden eingerichtet: Smart City, Verwaltung & OZG, Bildung & Kita',
      },
      {
        kind: ACTION_ITEM,
        title: 'Leitfaden Nachnutzung von Open-Source-Lösungen entwerfen',
        owner: 'digital@mainz.demo',
        dueAfterDays: 60,
        status: DONE,
      },
    ],
  },
  {
    kind: MeetingKind.WORKING_GROUP,
    group: VERWALTUNG,
    title: 'AG Verwaltung & OZG: Auftakt (Demo)',
    description: 'Demo-Daten. Welche OZG-Leistungen nutzen wir gemeinsam nach?',
    on: '2024-04-10',
    hours: 2,
    place: 'Videokonferenz',
    agenda: ['Bestandsaufnahme Bürgerportale', 'Gemeinsame Formulare'],
    minutes: 'PUBLISHED',
    outcomes: [
      {
        kind: ACTION_ITEM,
        title: 'Formularkatalog des Bürgerportals Cochem-Zell teilen',
        owner: 'digital@cochem-zell.demo',
        dueAfterDays: 30,
        status: DONE,
      },
      { kind: INFORMATION, title: 'Vulkaneifel und Rhein-Hunsrück prüfen die Nachnutzung des Portals' },
    ],
  },
  {
    kind: NETWORK,
    title: 'Netzwerktreffen Sommer 2024 (Demo)',
    description: 'Demo-Daten. Schwerpunkt Mobilität: E-Scooter, Park-Apps, Parkleitsysteme.',
    on: '2024-05-22',
    hours: 3,
    place: 'Trier, Kurfürstliches Palais',
    agenda: ['Park-App Trier', 'E-Scooter-Abstellzonen', 'Berichte aus den Arbeitsgruppen'],
    minutes: 'PUBLISHED',
    outcomes: [
      {
        kind: ACTION_ITEM,
        title: 'Sondernutzungssatzung E-Scooter als Muster bereitstellen',
        owner: KL,
        dueAfterDays: 21,
        status: DONE,
      },
    ],
  },
  {
    kind: MeetingKind.WORKING_GROUP,
    group: BILDUNG,
    title: 'AG Bildung & Kita: Kita-Portale im Vergleich (Demo)',
    description: 'Demo-Daten. Mainz, Koblenz und Kusel berichten.',
    on: '2024-06-12',
    hours: 2,
    place: 'Idar-Oberstein, Stadthaus',
    agenda: ['Kita-Portal Mainz', 'Digitale Kita im Landkreis Kusel'],
    minutes: 'PUBLISHED',
    outcomes: [
      { kind: DECISION, title: 'Gemeinsame Vergabekriterien als Vorlage erarbeiten' },
      {
        kind: ACTION_ITEM,
        title: 'Vorlage Vergabekriterien entwerfen',
        owner: 'digital@idar-oberstein.demo',
        dueAfterDays: 45,
        status: DONE,
      },
    ],
  },
  {
    kind: NETWORK,
    title: 'Netzwerktreffen Herbst 2024 (Demo)',
    description: 'Demo-Daten. Krisenvorsorge: Notfallsimulation, Pegelwarnung, MoGlI.',
    on: '2024-09-17',
    hours: 3,
    place: 'Koblenz, Forum Confluentes',
    agenda: [
      'Notfallsimulation für Krisenstäbe',
      'MoGlI beim Großeinsatz',
      'Neue Mitglieder stellen sich vor',
    ],
    minutes: 'PUBLISHED',
    outcomes: [
      {
        kind: ACTION_ITEM,
        title: 'Szenario „Starkregen“ für andere Kreise freigeben',
        owner: 'digital@koblenz.demo',
        dueAfterDays: 60,
        status: DONE,
      },
    ],
  },
  {
    kind: MeetingKind.WORKING_GROUP,
    group: VERWALTUNG,
    title: 'AG Verwaltung & OZG: Digitaler Bauantrag (Demo)',
    description: 'Demo-Daten.',
    on: '2024-10-09',
    hours: 2,
    place: 'Videokonferenz',
    agenda: ['Digitaler Bauantrag Montabaur', 'Ratsinformationssysteme'],
    minutes: 'PUBLISHED',
    outcomes: [{ kind: INFORMATION, title: 'Bitburg bietet Schulungen zur digitalen Ratsarbeit an' }],
  },
  {
    kind: MeetingKind.STEERING,
    title: 'Lenkungskreis 2024 (Demo)',
    description: 'Demo-Daten. Jahresbilanz und Schwerpunkte 2025 mit dem Ministerium.',
    on: '2024-11-26',
    hours: 2,
    place: 'Mainz, Ministerium des Innern und für Sport',
    agenda: ['Fortschrittsbericht 2024', 'Schwerpunkte 2025'],
    minutes: 'PUBLISHED',
    outcomes: [{ kind: DECISION, title: 'Schwerpunkte 2025: Nachnutzung, Krisenvorsorge, Kita' }],
  },
  {
    kind: MeetingKind.WORKING_GROUP,
    group: BILDUNG,
    title: 'AG Bildung & Kita: Eltern-Apps (Demo)',
    description: 'Demo-Daten.',
    on: '2025-01-15',
    hours: 2,
    place: 'Videokonferenz',
    agenda: ['Eltern-App im Landkreis Kusel', 'Datenschutz bei Kita-Apps'],
    minutes: 'PUBLISHED',
    outcomes: [
      {
        kind: ACTION_ITEM,
        title: 'Muster-Datenschutzhinweise für Kita-Apps teilen',
        owner: 'digital@kreis-kusel.demo',
        dueAfterDays: 30,
        status: DONE,
      },
    ],
  },
  {
    kind: NETWORK,
    title: 'Netzwerktreffen Frühjahr 2025 (Demo)',
    description: 'Demo-Daten. Zwei Jahre Digitale Dörfer im Landkreis Kusel.',
    on: '2025-03-18',
    hours: 3,
    place: 'Kusel, Kreisverwaltung',
    agenda: ['Digitale Dörfer: Bilanz und Nachnutzung', 'Chatbots in der Verwaltung'],
    minutes: 'PUBLISHED',
    outcomes: [
      { kind: INFORMATION, title: 'Südwestpfalz und Donnersbergkreis übernehmen die Digitalen Dörfer' },
    ],
  },
  {
    kind: MeetingKind.WORKING_GROUP,
    group: VERWALTUNG,
    title: 'AG Verwaltung & OZG: Bürgerportale (Demo)',
    description: 'Demo-Daten.',
    on: '2025-04-08',
    hours: 2,
    place: 'Cochem, Kreisverwaltung',
    agenda: ['Stand der Nachnutzung des Bürgerportals', 'Bezahlfunktion'],
    minutes: 'PUBLISHED',
    outcomes: [{ kind: DECISION, title: 'Gemeinsame Schulungen für die Portal-Redaktionen' }],
  },
  {
    kind: NETWORK,
    title: 'Netzwerktreffen Sommer 2025 (Demo)',
    description: 'Demo-Daten. Sensorik und Umwelt: LoRaWAN, Stadtbäume, Glascontainer.',
    on: '2025-06-24',
    hours: 3,
    place: 'Bad Kreuznach, Haus des Gastes',
    agenda: ['LoRaWAN in Trier', 'Stadtbäume nach Sensordaten', 'Füllstandssensoren'],
    minutes: 'PUBLISHED',
    outcomes: [
      {
        kind: ACTION_ITEM,
        title: 'Datenmodell für Bodenfeuchtesensoren veröffentlichen',
        owner: 'digital@mainz.demo',
        dueAfterDays: 45,
        status: DONE,
      },
    ],
  },
  {
    kind: MeetingKind.STEERING,
    title: 'Lenkungskreis: Auswahl der Netzwerkinitiativen (Demo)',
    description:
      'Demo-Daten. Der Lenkungskreis entscheidet nach der Priorisierungsrunde, welche Initiativen das Netzwerk startet.',
    on: -75,
    hours: 2,
    place: 'Mainz, Ministerium des Innern und für Sport',
    agenda: ['Ergebnis der Priorisierungsrunde', 'Auswahl der Netzwerkinitiativen'],
    minutes: 'PUBLISHED',
    body: 'Demo-Daten.\n\nDer Lenkungskreis nimmt das Ergebnis der Priorisierungsrunde zur Kenntnis. Der gemeinsame Mängelmelder wird als Netzwerkinitiative ausgewählt; LoRaWAN und das Open-Data-Portal werden zurückgestellt, der digitale Bauantrag wird nicht weiterverfolgt.',
    outcomes: [
      { kind: INFORMATION, title: 'Ergebnis der Priorisierungsrunde zur Kenntnis genommen' },
      { kind: DECISION, title: DEMO_INITIATIVE_DECISION },
    ],
  },
  {
    kind: NETWORK,
    title: 'Netzwerktreffen Herbst 2025 (Demo)',
    description: 'Demo-Daten. Großveranstaltungen digital: MoGlI, WLAN, Social Wall.',
    on: -40,
    hours: 3,
    place: 'Kaiserslautern, Pfaffgelände',
    agenda: ['MoGlI: Verleih an Nachbarkommunen', 'Social Wall im Stadtmarketing', 'Ausblick'],
    minutes: 'PUBLISHED',
    body: 'Demo-Daten.\n\nKaiserslautern berichtet von zwölf Einsätzen des mobilen Glasfasernetzes **MoGlI**. Mehrere Kommunen möchten es ausleihen.',
    outcomes: [
      { kind: DECISION, title: 'MoGlI wird Netzwerkkommunen zum Selbstkostenpreis verliehen' },
      {
        kind: ACTION_ITEM,
        title: 'Leihbedingungen für MoGlI an die Netzwerkkommunen schicken',
        description: 'Mit Haftung, Transport und Ansprechpartnern für den Aufbau.',
        owner: KL,
        dueInDays: -18,
        status: ActionItemStatus.OPEN,
      },
      {
        kind: ACTION_ITEM,
        title: 'Erfahrungsbericht MoGlI für den Projektsteckbrief ergänzen',
        owner: KL,
        dueInDays: -6,
        status: ActionItemStatus.IN_PROGRESS,
      },
      {
        kind: ACTION_ITEM,
        title: 'Social-Wall-Moderationsleitfaden teilen',
        owner: 'digital@cochem-zell.demo',
        dueInDays: 14,
        status: ActionItemStatus.OPEN,
      },
    ],
  },
  {
    kind: MeetingKind.WORKING_GROUP,
    group: VERWALTUNG,
    title: 'AG Verwaltung & OZG: Chatbots und KI (Demo)',
    description: 'Demo-Daten. Erfahrungen mit dem Chatbot in Ingelheim.',
    on: -8,
    hours: 2,
    place: 'Videokonferenz',
    agenda: ['Chatbot Ingelheim', 'KI-Leitlinien für Verwaltungen'],
    minutes: 'SUBMITTED',
    body: 'Demo-Daten.\n\nEntwurf: Ingelheim berichtet über 1.100 Anfragen im ersten Quartal.',
  },
  {
    kind: MeetingKind.WORKING_GROUP,
    group: BILDUNG,
    title: 'AG Bildung & Kita: Austausch Kita-Apps (Demo)',
    description: 'Demo-Daten. Erste Erfahrungen mit dem Kita-Portal in Cochem-Zell und Idar-Oberstein.',
    on: 21,
    hours: 2,
    place: 'Videokonferenz',
    agenda: ['Kita-Portal in Landkreisen', 'Gemeinsame Beschaffung von Tablets'],
    minutes: null,
  },
];

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The network's meetings over two years besides those of seedDemoMeetings: quarterly network
 * meetings from the founding event on, a steering meeting, meetings of two working groups, all
 * with invitations, attendance, published minutes (one set still waiting for approval) and
 * outcomes. Kaiserslautern's officer has overdue action items from the last network meeting and
 * an unanswered invitation to her group's next meeting.
 */
export async function seedDemoMeetingHistory(
  manager: EntityManager,
  coordinatorId: string,
  now: Date,
): Promise<void> {
  const users = await manager.getRepository(User).findBy({ isDemo: true });
  const userByEmail = new Map(users.map((u) => [u.email, u]));
  const officers = users
    .filter((u) => u.role === Role.OFFICER)
    .sort((a, b) => a.email.localeCompare(b.email));
  const groups = await manager.getRepository(WorkingGroup).findBy({ createdById: coordinatorId });
  const groupMembers = await manager.getRepository(WorkingGroupMembership).findBy({
    status: WorkingGroupMembershipStatus.ACTIVE,
  });
  const startOf = (meeting: DemoMeeting) => {
    if (typeof meeting.on === 'number') {
      const start = new Date(now.getTime() + meeting.on * DAY);
      start.setUTCHours(13, 0, 0, 0);
      return start;
    }
    return new Date(demoInstant(meeting.on, now).getTime() + 4 * HOUR);
  };

  const planned = MEETINGS.map((meeting) => {
    const group = meeting.group ? groups.find((g) => g.name === meeting.group) : undefined;
    if (meeting.group && !group) throw new Error(`demo meetings: no group ${meeting.group}`);
    const members = group ? groupMembers.filter((m) => m.workingGroupId === group.id) : [];
    const lead = members.find((m) => m.role === WorkingGroupRole.LEAD);
    const invited = group ? members.map((m) => users.find((u) => u.id === m.userId)!) : officers;
    const startsAt = startOf(meeting);
    return { meeting, group, organizerId: lead?.userId ?? coordinatorId, invited, startsAt };
  });

  const { identifiers: meetingIds } = await manager.insert(
    Meeting,
    planned.map(({ meeting, group, organizerId, startsAt }) => ({
      kind: meeting.kind,
      workingGroupId: group?.id ?? null,
      title: meeting.title,
      description: meeting.description,
      startsAt,
      endsAt: new Date(startsAt.getTime() + meeting.hours * HOUR),
      location: meeting.place === 'Videokonferenz' ? null : meeting.place,
      onlineUrl: meeting.place === 'Videokonferenz' ? 'https://video.example.org/digitale-staedte-rlp' : null,
      organizerId,
      createdAt: new Date(Math.min(startsAt.getTime() - 21 * DAY, now.getTime())),
    })),
  );
  const idOf = (index: number) => meetingIds[index].id as string;

  const agendaRows = planned.flatMap(({ meeting, organizerId }, index) =>
    meeting.agenda.map((title, position) => ({
      meetingId: idOf(index),
      position: position + 1,
      title,
      description: '',
      presenterId: position === 0 ? organizerId : null,
      plannedMinutes: 45,
    })),
  );
  const { identifiers: agendaIds } = await manager.insert(AgendaItem, agendaRows);
  const agendaOf = (index: number) =>
    agendaRows.flatMap((row, i) =>
      row.meetingId === idOf(index) ? [{ ...row, id: agendaIds[i].id as string }] : [],
    );

  await manager.insert(
    MeetingInvitation,
    planned.flatMap(({ invited, startsAt }, index) => {
      const past = startsAt.getTime() < now.getTime();
      return invited.map((person, i) => {
        // Deterministic variety: most say yes and come, some are excused.
        const declines = (i + index) % 7 === 3;
        const answered = past || person.email !== KL;
        return {
          meetingId: idOf(index),
          userId: person.id,
          municipalityId: person.municipalityId,
          response: !answered
            ? InvitationResponse.PENDING
            : declines
              ? InvitationResponse.NO
              : InvitationResponse.YES,
          respondedAt: answered ? new Date(Math.min(startsAt.getTime() - 5 * DAY, now.getTime())) : null,
          attended: past ? !declines : null,
        };
      });
    }),
  );

  const outcomeRows: (QueryDeepPartialEntity<Outcome> & {
    meetingIndex: number;
    agendaTitle: string;
    agendaPosition: number;
  })[] = planned.flatMap(({ meeting, organizerId, startsAt }, index) => {
    const agenda = agendaOf(index);
    return (meeting.outcomes ?? []).map((outcome, i) => {
      const item = agenda[Math.min(i, agenda.length - 1)];
      const owner = outcome.owner ? userByEmail.get(outcome.owner) : undefined;
      const isAction = outcome.kind === ACTION_ITEM;
      const due =
        outcome.dueInDays !== undefined
          ? isoDate(new Date(now.getTime() + outcome.dueInDays * DAY))
          : isAction
            ? isoDate(new Date(startsAt.getTime() + (outcome.dueAfterDays ?? 30) * DAY))
            : null;
      const owningMunicipality = isAction ? (owner?.municipalityId ?? null) : null;
      return {
        meetingIndex: index,
        agendaTitle: item.title,
        agendaPosition: item.position,
        meetingId: idOf(index),
        agendaItemId: item.id,
        kind: outcome.kind,
        title: outcome.title,
        description: outcome.description ?? '',
        ownerUserId: isAction ? (owner?.id ?? null) : null,
        ownerMunicipalityId: owningMunicipality,
        dueDate: due,
        status: isAction ? (outcome.status ?? ActionItemStatus.OPEN) : null,
        completedAt: outcome.status === DONE && due ? new Date(`${due}T08:00:00Z`) : null,
        projectIds: [],
        createdById: organizerId,
        createdAt: new Date(startsAt.getTime() + 2 * HOUR),
      };
    });
  });
  const { identifiers: outcomeIds } = outcomeRows.length
    ? await manager.insert(
        Outcome,
        outcomeRows.map(({ meetingIndex: _m, agendaTitle: _t, agendaPosition: _p, ...row }) => row),
      )
    : { identifiers: [] };

  const withMinutes = planned.flatMap((plan, index) => (plan.meeting.minutes ? [{ ...plan, index }] : []));
  const minutesRows = withMinutes.map(({ meeting, organizerId, startsAt }) => {
    const submittedAt = new Date(startsAt.getTime() + 2 * DAY);
    const publishedAt = meeting.minutes === 'PUBLISHED' ? new Date(startsAt.getTime() + 6 * DAY) : null;
    return {
      meetingId: '',
      status: meeting.minutes === 'PUBLISHED' ? MinutesStatus.PUBLISHED : MinutesStatus.SUBMITTED,
      revision: 1,
      body:
        meeting.body ??
        `Demo-Daten.\n\n**Anwesend:** laut Anwesenheitsliste.\n\nBesprochen: ${meeting.agenda.join('; ')}.`,
      itemNotes: [],
      draftedById: organizerId,
      submittedById: organizerId,
      submittedAt: new Date(Math.min(submittedAt.getTime(), now.getTime())),
      approvedById: publishedAt ? coordinatorId : null,
      approvedAt: publishedAt,
      publishedAt,
    };
  });
  withMinutes.forEach(({ index }, i) => {
    minutesRows[i].meetingId = idOf(index);
  });
  const { identifiers: minutesIds } = await manager.insert(MeetingMinutes, minutesRows);

  const revisions = withMinutes.flatMap(({ index }, i) => {
    const minutes = minutesRows[i];
    if (!minutes.publishedAt) return [];
    const outcomes: OutcomeSnapshot[] = outcomeRows.flatMap((row, o) =>
      row.meetingIndex === index
        ? [
            {
              outcomeId: outcomeIds[o].id as string,
              agendaItemId: row.agendaItemId as string,
              agendaItemTitle: row.agendaTitle,
              agendaItemPosition: row.agendaPosition,
              kind: row.kind as OutcomeKind,
              title: row.title as string,
              description: row.description as string,
              ownerUserId: (row.ownerUserId as string | null) ?? null,
              ownerMunicipalityId: (row.ownerMunicipalityId as string | null) ?? null,
              dueDate: (row.dueDate as string | null) ?? null,
              // As it stood at publication: items done later were still open then.
              status: row.status ? ActionItemStatus.OPEN : null,
              projectIds: [],
            },
          ]
        : [],
    );
    return [
      {
        minutesId: minutesIds[i].id as string,
        meetingId: minutes.meetingId,
        revision: 1,
        body: minutes.body,
        itemNotes: [],
        outcomes,
        submittedById: minutes.submittedById,
        approvedById: coordinatorId,
        publishedById: coordinatorId,
        publishedAt: minutes.publishedAt,
        createdAt: minutes.publishedAt,
      } as QueryDeepPartialEntity<MinutesRevision>,
    ];
  });
  if (revisions.length) await manager.insert(MinutesRevision, revisions);
}
