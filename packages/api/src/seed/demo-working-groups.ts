import { WorkingGroupMembershipStatus, WorkingGroupRole } from '@hub/shared';
import type { EntityManager } from 'typeorm';
import { User } from '../modules/users/user.entity';
import {
  WorkingGroup,
  WorkingGroupMembership,
  WorkingGroupMembershipEvent,
} from '../modules/working-groups/working-group.entity';

interface DemoGroup {
  name: string;
  topic: string;
  description: string;
  goals: string;
  leads: string[];
  members: string[];
  /** People who asked to join and wait for a lead's answer. */
  requests: string[];
}

const GROUPS: DemoGroup[] = [
  {
    name: 'AG Smart City & Sensorik (Demo)',
    topic: 'Sensorik, LoRaWAN, smarte Lichtmasten',
    description:
      'Demo-Daten. Kommunen tauschen Erfahrungen mit Sensornetzen, LoRaWAN-Gateways und smarten Lichtmasten aus.',
    goals: 'Gemeinsame Ausschreibungsunterlagen für Sensorik; ein offenes Datenmodell für Umweltsensoren.',
    leads: ['digital@kaiserslautern.demo'],
    members: ['digital@mainz.demo', 'digital@vg-landstuhl.demo', 'digital@trier.demo'],
    requests: ['digital@bitburg.demo'],
  },
  {
    name: 'AG Digitale Verwaltung & OZG (Demo)',
    topic: 'Onlinezugangsgesetz, Bürgerportale, Terminbuchung',
    description:
      'Demo-Daten. Nachnutzung von Bürgerportalen und OZG-Leistungen zwischen Kreisen und Städten.',
    goals: 'Jede Mitgliedskommune nutzt mindestens drei nachgenutzte OZG-Leistungen.',
    leads: ['digital@cochem-zell.demo', 'digital@koblenz.demo'],
    members: ['digital@kreis-kusel.demo', 'digital@ludwigshafen.demo'],
    requests: [],
  },
  {
    name: 'AG Bildung & Kita digital (Demo)',
    topic: 'Kita-Portale, digitale Schulverwaltung',
    description: 'Demo-Daten. Digitale Kita-Anmeldung und Elternkommunikation.',
    goals: 'Ein gemeinsames Kita-Portal für kleinere Verbandsgemeinden.',
    leads: ['digital@idar-oberstein.demo'],
    members: ['digital@kaiserslautern.demo'],
    requests: [],
  },
];

/** A few working groups with leads, members and an open request, marked "(Demo)". */
export async function seedDemoWorkingGroups(manager: EntityManager, coordinatorId: string): Promise<void> {
  const users = await manager.getRepository(User).find({ where: { isDemo: true } });
  const idOf = (email: string) => {
    const user = users.find((u) => u.email === email);
    if (!user) throw new Error(`demo data: no demo user ${email}`);
    return user.id;
  };
  const founded = new Date('2024-03-01T09:00:00Z');
  for (const group of GROUPS) {
    const { identifiers } = await manager.insert(WorkingGroup, {
      name: group.name,
      topic: group.topic,
      description: group.description,
      goals: group.goals,
      createdById: coordinatorId,
      createdAt: founded,
    });
    const workingGroupId = identifiers[0].id as string;
    const rows = [
      ...group.leads.map((email) => ({
        email,
        role: WorkingGroupRole.LEAD,
        status: WorkingGroupMembershipStatus.ACTIVE,
      })),
      ...group.members.map((email) => ({
        email,
        role: WorkingGroupRole.MEMBER,
        status: WorkingGroupMembershipStatus.ACTIVE,
      })),
      ...group.requests.map((email) => ({
        email,
        role: WorkingGroupRole.MEMBER,
        status: WorkingGroupMembershipStatus.REQUESTED,
      })),
    ];
    const requested = new Date();
    for (const row of rows) {
      const active = row.status === WorkingGroupMembershipStatus.ACTIVE;
      // One moment for the membership's date and its history entry, so "member since" and the
      // history tell the same story.
      const at = active ? founded : requested;
      const inserted = await manager.insert(WorkingGroupMembership, {
        workingGroupId,
        userId: idOf(row.email),
        role: row.role,
        status: row.status,
        requestedAt: active ? null : at,
        joinedAt: active ? at : null,
        createdAt: at,
      });
      await manager.insert(WorkingGroupMembershipEvent, {
        membershipId: inserted.identifiers[0].id as string,
        workingGroupId,
        fromStatus: null,
        toStatus: row.status,
        fromRole: null,
        toRole: row.role,
        actorId: active ? coordinatorId : idOf(row.email),
        createdAt: at,
      });
    }
  }
}
