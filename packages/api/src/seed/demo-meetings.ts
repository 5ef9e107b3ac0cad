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
import { Project } from '../modules/projects/project.entity';
import { User } from '../modules/users/user.entity';
import { WorkingGroup, WorkingGroupMembership } from '../modules/working-groups/working-group.entity';

const DAY = 86_400_000;

/** A day relative to the seeding date at 09:00 UTC (10:00 or 11:00 in Berlin). */
function at(daysFromNow: number, hourUtc = 9): Date {
  const date = new Date(Date.now() + daysFromNow * DAY);
  date.setUTCHours(hourUtc, 0, 0, 0);
  return date;
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

async function insertId<T extends object>(
  manager: EntityManager,
  entity: new () => T,
  row: QueryDeepPartialEntity<T>,
): Promise<string> {
  const { identifiers } = await manager.insert(entity, row);
  return identifiers[0].id as string;
}

/**
 * Demo meetings, dated relative to today: a working-group meeting four weeks ago with published
 * minutes, a decision and an open action item; the group's next meeting (where that item shows
 * under "Offene Aufgaben"); and the next network meeting with invitations and some answers.
 */
export async function seedDemoMeetings(manager: EntityManager, coordinatorId: string): Promise<void> {
  const group = await manager
    .getRepository(WorkingGroup)
    .findOneByOrFail({ name: 'AG Smart City & Sensorik (Demo)' });
  const members = await manager
    .getRepository(WorkingGroupMembership)
    .findBy({ workingGroupId: group.id, status: WorkingGroupMembershipStatus.ACTIVE });
  const users = await manager.getRepository(User).findBy({ isDemo: true });
  const userById = new Map(users.map((u) => [u.id, u]));
  const lead = members.find((m) => m.role === WorkingGroupRole.LEAD);
  if (!lead) throw new Error('demo data: the Smart City group has no lead');
  const leadUser = userById.get(lead.userId)!;
  const lightPoles = await manager.getRepository(Project).findOneBy({ title: 'Demo: Smarte Lichtmasten' });

  // 1. Last month's group meeting, minutes published.
  const pastStart = at(-28);
  const past = await insertId(manager, Meeting, {
    kind: MeetingKind.WORKING_GROUP,
    workingGroupId: group.id,
    title: 'AG Smart City: Sitzung (Demo)',
    description: 'Demo-Daten. Erfahrungsaustausch LoRaWAN und gemeinsame Ausschreibung.',
    startsAt: pastStart,
    endsAt: new Date(pastStart.getTime() + 2 * 3600_000),
    location: 'Kaiserslautern, Rathaus, Raum 4.12',
    organizerId: leadUser.id,
  });
  const pastItems = [
    { title: 'Stand der LoRaWAN-Gateways', projectId: lightPoles?.id ?? null, plannedMinutes: 30 },
    { title: 'Gemeinsame Ausschreibung Sensorik', projectId: null, plannedMinutes: 45 },
  ];
  const pastItemIds: string[] = [];
  for (const [index, item] of pastItems.entries()) {
    pastItemIds.push(
      await insertId(manager, AgendaItem, {
        meetingId: past,
        position: index + 1,
        title: item.title,
        description: '',
        presenterId: leadUser.id,
        projectId: item.projectId,
        plannedMinutes: item.plannedMinutes,
      }),
    );
  }
  await manager.insert(
    MeetingInvitation,
    members.map((m, i) => ({
      meetingId: past,
      userId: m.userId,
      municipalityId: userById.get(m.userId)?.municipalityId ?? null,
      response: i === members.length - 1 ? InvitationResponse.NO : InvitationResponse.YES,
      respondedAt: new Date(pastStart.getTime() - 5 * DAY),
      attended: i !== members.length - 1,
    })),
  );
  const decision = {
    kind: OutcomeKind.DECISION,
    title: 'Gemeinsame Ausschreibung für Umweltsensoren vorbereiten',
    description: 'Die beteiligten Kommunen bündeln ihren Bedarf.',
  };
  const action = {
    kind: OutcomeKind.ACTION_ITEM,
    title: 'Leistungsbeschreibung Sensorik entwerfen',
    description: 'Entwurf an die AG bis zur nächsten Sitzung.',
    ownerUserId: leadUser.id,
    ownerMunicipalityId: leadUser.municipalityId,
    dueDate: isoDate(at(10)),
    status: ActionItemStatus.OPEN,
    projectIds: lightPoles ? [lightPoles.id] : [],
  };
  const decisionId = await insertId(manager, Outcome, {
    meetingId: past,
    agendaItemId: pastItemIds[1],
    ...decision,
    projectIds: [],
    createdById: leadUser.id,
  });
  const actionId = await insertId(manager, Outcome, {
    meetingId: past,
    agendaItemId: pastItemIds[1],
    ...action,
    createdById: leadUser.id,
  });
  const body =
    'Demo-Daten.\n\n**Anwesend:** Mitglieder der AG laut Anwesenheitsliste.\n\nDie AG hat den Stand der Gateways besprochen und eine gemeinsame Ausschreibung beschlossen.';
  const itemNotes = [
    { agendaItemId: pastItemIds[0], notes: 'Kaiserslautern betreibt 12 Gateways; Mainz plant 5.' },
  ];
  const published = new Date(pastStart.getTime() + 3 * DAY);
  const minutesId = await insertId(manager, MeetingMinutes, {
    meetingId: past,
    status: MinutesStatus.PUBLISHED,
    revision: 1,
    body,
    itemNotes,
    draftedById: leadUser.id,
    submittedById: leadUser.id,
    submittedAt: new Date(published.getTime() - DAY),
    approvedById: coordinatorId,
    approvedAt: published,
    publishedAt: published,
  });
  const snapshot = (id: string, outcome: typeof decision | typeof action): OutcomeSnapshot => ({
    outcomeId: id,
    agendaItemId: pastItemIds[1],
    agendaItemTitle: pastItems[1].title,
    agendaItemPosition: 2,
    kind: outcome.kind,
    title: outcome.title,
    description: outcome.description,
    ownerUserId: 'ownerUserId' in outcome ? outcome.ownerUserId : null,
    ownerMunicipalityId: 'ownerMunicipalityId' in outcome ? outcome.ownerMunicipalityId : null,
    dueDate: 'dueDate' in outcome ? outcome.dueDate : null,
    status: 'status' in outcome ? outcome.status : null,
    projectIds: 'projectIds' in outcome ? outcome.projectIds : [],
  });
  await manager.insert(MinutesRevision, {
    minutesId,
    meetingId: past,
    revision: 1,
    body,
    itemNotes,
    outcomes: [snapshot(decisionId, decision), snapshot(actionId, action)],
    submittedById: leadUser.id,
    approvedById: coordinatorId,
    publishedById: coordinatorId,
    publishedAt: published,
  } as QueryDeepPartialEntity<MinutesRevision>);

  // 2. The group's next meeting: the open action item appears there under "Offene Aufgaben".
  const nextStart = at(14);
  const next = await insertId(manager, Meeting, {
    kind: MeetingKind.WORKING_GROUP,
    workingGroupId: group.id,
    title: 'AG Smart City: nächste Sitzung (Demo)',
    description: 'Demo-Daten.',
    startsAt: nextStart,
    endsAt: new Date(nextStart.getTime() + 2 * 3600_000),
    onlineUrl: 'https://video.example.org/ag-smart-city',
    organizerId: leadUser.id,
  });
  await manager.insert(AgendaItem, {
    meetingId: next,
    position: 1,
    title: 'Entwurf der Leistungsbeschreibung',
    description: '',
    presenterId: leadUser.id,
    plannedMinutes: 45,
  });
  await manager.insert(
    MeetingInvitation,
    members.map((m) => ({
      meetingId: next,
      userId: m.userId,
      municipalityId: userById.get(m.userId)?.municipalityId ?? null,
    })),
  );

  // 3. The next network meeting, everyone invited, some answers in.
  const networkStart = at(7, 13);
  const network = await insertId(manager, Meeting, {
    kind: MeetingKind.NETWORK,
    title: 'Netzwerktreffen Digitale Städte RLP (Demo)',
    description: 'Demo-Daten. Markt der Projekte, Berichte aus den Arbeitsgruppen, Ausblick.',
    startsAt: networkStart,
    endsAt: new Date(networkStart.getTime() + 3 * 3600_000),
    location: 'Kaiserslautern, Pfaffgelände',
    organizerId: coordinatorId,
  });
  const agenda = [
    'Begrüßung und Neuigkeiten aus dem Netzwerk',
    'Markt der Projekte: drei Kurzvorstellungen',
    'Berichte aus den Arbeitsgruppen',
  ];
  await manager.insert(
    AgendaItem,
    agenda.map((title, index) => ({
      meetingId: network,
      position: index + 1,
      title,
      description: '',
      plannedMinutes: 40,
    })),
  );
  const officers = users.filter((u) => u.role === Role.OFFICER);
  await manager.insert(
    MeetingInvitation,
    officers.map((u, i) => ({
      meetingId: network,
      userId: u.id,
      municipalityId: u.municipalityId,
      response: [InvitationResponse.YES, InvitationResponse.MAYBE, InvitationResponse.PENDING][i % 3],
      respondedAt: i % 3 === 2 ? null : new Date(),
    })),
  );
}
