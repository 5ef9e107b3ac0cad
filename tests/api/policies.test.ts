import { MembershipStatus, MinutesStatus, ProjectStatus, UserStatus } from '@hub/shared';
import { In } from 'typeorm';
import type { Meeting, MeetingMinutes } from '../../packages/api/src/modules/meetings/meeting.entity';
import type { MeetingState } from '../../packages/api/src/modules/meetings/meeting.policy';
import { meetingPolicy, meetingReadFilter } from '../../packages/api/src/modules/meetings/meeting.policy';
import { NetworkMembership } from '../../packages/api/src/modules/network/membership.entity';
import {
  membershipPolicy,
  membershipReadFilter,
} from '../../packages/api/src/modules/network/membership.policy';
import type { Project } from '../../packages/api/src/modules/projects/project.entity';
import { projectPolicy, projectReadFilter } from '../../packages/api/src/modules/projects/project.policy';
import { ProjectParticipant } from '../../packages/api/src/modules/projects/project-details.entity';
import { User } from '../../packages/api/src/modules/users/user.entity';
import {
  listableStatuses,
  peopleListFilter,
  userPolicy,
} from '../../packages/api/src/modules/users/user.policy';
import type { WorkingGroupState } from '../../packages/api/src/modules/working-groups/working-group.policy';
import {
  workingGroupPolicy,
  workingGroupReadFilter,
} from '../../packages/api/src/modules/working-groups/working-group.policy';
import type { SqlFilter } from '../../packages/api/src/policy/policy';
import type { TestApp } from '../support/app';
import { startTestApp } from '../support/app';
import type { Actors } from '../support/authorization';
import { buildActors, expectMatrix, MATRIX_ROLES } from '../support/authorization';
import { buildUser, gid, municipality } from '../support/factories';
import { buildMeeting } from '../support/meeting-factories';
import { buildMembership, freshMunicipality } from '../support/network-factories';
import { buildProject } from '../support/project-factories';
import { buildWorkingGroup } from '../support/working-group-factories';

/**
 * Every module's policy answers `can(actor, action, subject)` and keeps its SQL read filter next
 * to it. These tests build fixtures covering the states that matter and check, for each actor of
 * the matrix, that the SQL filter lists exactly what `can(actor, 'read', …)` allows.
 */

let t: TestApp;
let actors: Actors;
let kaiserslautern: string;
beforeAll(async () => {
  t = await startTestApp();
  kaiserslautern = (await municipality(t.dataSource, 'Kaiserslautern', 'KREISFREIE_STADT' as never)).id;
  actors = await buildActors(t.dataSource, kaiserslautern);
});
afterAll(() => t.close());

/** The IDs among `ids` that the filter lets through, from `table alias`. */
async function idsThrough(table: string, alias: string, filter: SqlFilter, ids: string[]): Promise<string[]> {
  const rows: { id: string }[] = await t.dataSource
    .createQueryBuilder()
    .select(`${alias}.id`, 'id')
    .from(table, alias)
    .where(filter.sql, filter.params)
    .andWhere(`${alias}.id = ANY(:ids)`, { ids })
    .getRawMany();
  return rows.map((row) => row.id).sort();
}

const sorted = (ids: string[]) => [...ids].sort();

describe('projects: can(read) and projectReadFilter agree', () => {
  it('on published and draft projects led, partnered, watched or not touched by the own municipality', async () => {
    const trier = (await municipality(t.dataSource, 'Trier', 'KREISFREIE_STADT' as never)).id;
    const projects: Project[] = [];
    for (const status of [ProjectStatus.PUBLISHED, ProjectStatus.DRAFT]) {
      projects.push(
        await buildProject(t.dataSource, { status, leadMunicipalityId: kaiserslautern }),
        await buildProject(t.dataSource, { status, leadMunicipalityId: trier, partnerIds: [kaiserslautern] }),
        await buildProject(t.dataSource, {
          status,
          leadMunicipalityId: trier,
          interestedIds: [kaiserslautern],
        }),
        await buildProject(t.dataSource, { status, leadMunicipalityId: trier }),
      );
    }
    const ids = projects.map((p) => p.id);
    const participants = await t.dataSource.getRepository(ProjectParticipant).findBy({ projectId: In(ids) });
    const stateOf = (project: Project) => ({
      project,
      participants: participants.filter((p) => p.projectId === project.id),
    });
    for (const role of MATRIX_ROLES) {
      const actor = actors[role];
      const allowed = projects.filter((p) => projectPolicy.can(actor, 'read', stateOf(p))).map((p) => p.id);
      expect({ role, ids: await idsThrough('project', 'p', projectReadFilter(actor), ids) }).toEqual({
        role,
        ids: sorted(allowed),
      });
    }
    // The draft led by the own municipality: its officers and the coordinators only.
    await expectMatrix(actors, (actor) => projectPolicy.can(actor, 'read', stateOf(projects[4])), {
      public: false,
      ministry: false,
      ownOfficer: true,
      otherOfficer: false,
      coordinator: true,
    });
  });
});

describe('working groups: can(read) and workingGroupReadFilter agree', () => {
  it('on an open and an archived group; an archived group cannot be joined', async () => {
    const open = await buildWorkingGroup(t.dataSource);
    const archived = await buildWorkingGroup(t.dataSource, { archivedAt: new Date() });
    const ids = [open.id, archived.id];
    for (const role of MATRIX_ROLES) {
      const actor = actors[role];
      const allowed = workingGroupPolicy.can(actor, 'read') ? ids : [];
      expect({
        role,
        ids: await idsThrough('working_group', 'wg', workingGroupReadFilter(actor), ids),
      }).toEqual({
        role,
        ids: sorted(allowed),
      });
    }
    const state = (group: typeof open): WorkingGroupState => ({ group, current: [] });
    await expectMatrix(actors, (actor) => workingGroupPolicy.can(actor, 'requestToJoin', state(open)), {
      public: false,
      ministry: false,
      ownOfficer: true,
      otherOfficer: true,
      coordinator: false,
    });
    await expectMatrix(actors, (actor) => workingGroupPolicy.can(actor, 'requestToJoin', state(archived)), {
      public: false,
      ministry: false,
      ownOfficer: false,
      otherOfficer: false,
      coordinator: false,
    });
  });
});

describe('meetings: can(read) and meetingReadFilter agree', () => {
  it('on a meeting; published minutes cannot be edited, only corrected', async () => {
    const meeting = await buildMeeting(t.dataSource, { organizerId: actors.ownOfficer?.id ?? null });
    for (const role of MATRIX_ROLES) {
      const actor = actors[role];
      const allowed = meetingPolicy.can(actor, 'read') ? [meeting.id] : [];
      expect({ role, ids: await idsThrough('meeting', 'm', meetingReadFilter(actor), [meeting.id]) }).toEqual(
        {
          role,
          ids: allowed,
        },
      );
    }
    const withMinutes = (status: MinutesStatus): MeetingState => ({
      meeting: meeting as Meeting,
      groupLeadIds: [],
      minutes: { status, submittedById: null } as MeetingMinutes,
    });
    await expectMatrix(
      actors,
      (a) => meetingPolicy.can(a, 'editMinutesNow', withMinutes(MinutesStatus.DRAFT)),
      {
        public: false,
        ministry: false,
        ownOfficer: true,
        otherOfficer: false,
        coordinator: true,
      },
    );
    await expectMatrix(
      actors,
      (a) => meetingPolicy.can(a, 'editMinutesNow', withMinutes(MinutesStatus.PUBLISHED)),
      { public: false, ministry: false, ownOfficer: false, otherOfficer: false, coordinator: false },
    );
    await expectMatrix(
      actors,
      (a) => meetingPolicy.can(a, 'correctMinutesNow', withMinutes(MinutesStatus.PUBLISHED)),
      { public: false, ministry: false, ownOfficer: true, otherOfficer: false, coordinator: true },
    );
  });
});

describe('network memberships: can(read) and membershipReadFilter agree', () => {
  it('on a membership in every status', async () => {
    const memberships: NetworkMembership[] = [];
    for (const status of Object.values(MembershipStatus)) {
      memberships.push(await buildMembership(t.dataSource, await freshMunicipality(t.dataSource), status));
    }
    const ids = memberships.map((m) => m.id);
    for (const role of MATRIX_ROLES) {
      const actor = actors[role];
      const allowed = memberships.filter((membership) => membershipPolicy.can(actor, 'read', { membership }));
      expect({
        role,
        ids: await idsThrough('network_membership', 'ms', membershipReadFilter(actor), ids),
      }).toEqual({ role, ids: sorted(allowed.map((m) => m.id)) });
    }
  });
});

describe('people: can(list) and peopleListFilter agree', () => {
  it('on people in every account status', async () => {
    const people: User[] = [];
    for (const status of Object.values(UserStatus)) people.push(await buildUser(t.dataSource, { status }));
    const ids = people.map((p) => p.id);
    for (const role of MATRIX_ROLES) {
      const actor = actors[role];
      const allowed = people.filter(
        (person) => userPolicy.can(actor, 'list') && listableStatuses(actor).includes(person.status),
      );
      expect({ role, ids: await idsThrough('app_user', 'u', peopleListFilter(actor), ids) }).toEqual({
        role,
        ids: sorted(allowed.map((p) => p.id)),
      });
    }
    await expectMatrix(actors, (actor) => userPolicy.can(actor, 'list'), {
      public: false,
      ministry: false,
      ownOfficer: true,
      otherOfficer: true,
      coordinator: true,
    });
  });
});

describe('Query.viewerCan: the "may I?" answers screens ask instead of checking roles', () => {
  it('answers each role from the policies', async () => {
    const QUERY =
      '{ viewerCan { createProject chooseProjectMunicipality setNetworkProject createMeeting planMeetings createWorkingGroup listPeople invitePeople listMemberships administerMemberships exportMemberships readParticipation listMailDeliveries } }';
    const answers = async (actor: User | null) =>
      (await (actor ? await t.as(actor) : t.client()).gql(QUERY)).data?.viewerCan;
    // `member`: the network's staff (coordinators and officers); `coordinator`: coordinators only;
    // the list of memberships is for everyone signed in.
    const row = (member: boolean, coordinator: boolean, readParticipation: boolean, signedIn = true) => ({
      createProject: member,
      chooseProjectMunicipality: coordinator,
      setNetworkProject: coordinator,
      createMeeting: coordinator,
      planMeetings: member,
      createWorkingGroup: coordinator,
      listPeople: member,
      invitePeople: coordinator,
      listMemberships: signedIn,
      administerMemberships: coordinator,
      exportMemberships: coordinator,
      readParticipation,
      listMailDeliveries: coordinator,
    });
    await expectMatrix(actors, answers, {
      public: row(false, false, false, false),
      ministry: row(false, false, true),
      ownOfficer: row(true, false, false),
      otherOfficer: row(true, false, false),
      coordinator: row(true, true, true),
    });
  });

  it('Query.searchKinds: what each role’s search can find', async () => {
    const kinds = async (actor: User | null) =>
      (await (actor ? await t.as(actor) : t.client()).gql('{ searchKinds }')).data?.searchKinds;
    const signedIn = ['PROJECT', 'MUNICIPALITY', 'WORKING_GROUP', 'MEETING', 'MINUTES'];
    await expectMatrix(actors, kinds, {
      public: ['PROJECT', 'MUNICIPALITY'],
      ministry: signedIn,
      ownOfficer: [...signedIn, 'PERSON'],
      otherOfficer: [...signedIn, 'PERSON'],
      coordinator: [...signedIn, 'PERSON'],
    });
  });
});

describe('viewerCan fields on objects, from the policies', () => {
  const ask = async (actor: User | null, query: string, variables: Record<string, unknown>) =>
    (await (actor ? await t.as(actor) : t.client()).gql(query, variables)).data;

  it('WorkingGroup.viewerCanPlanMeeting: coordinators and the group’s leads, never once archived', async () => {
    const open = await buildWorkingGroup(t.dataSource, { leads: [actors.ownOfficer as User] });
    const archived = await buildWorkingGroup(t.dataSource, {
      leads: [actors.ownOfficer as User],
      archivedAt: new Date(),
    });
    const QUERY = 'query($id: ID!) { node(id: $id) { ... on WorkingGroup { viewerCanPlanMeeting } } }';
    const plans = async (actor: User | null, id: string) =>
      (await ask(actor, QUERY, { id: gid('WorkingGroup', id) }))?.node?.viewerCanPlanMeeting ?? null;
    await expectMatrix(actors, (actor) => plans(actor, open.id), {
      public: null,
      ministry: false,
      ownOfficer: true,
      otherOfficer: false,
      coordinator: true,
    });
    await expectMatrix(actors, (actor) => plans(actor, archived.id), {
      public: null,
      ministry: false,
      ownOfficer: false,
      otherOfficer: false,
      coordinator: false,
    });
  });

  it('Project.viewerCan.readContacts: the network’s members, not the ministry nor the public', async () => {
    const project = await buildProject(t.dataSource, { leadMunicipalityId: kaiserslautern });
    const QUERY = 'query($id: ID!) { project(id: $id) { viewerCan { readContacts } } }';
    await expectMatrix(
      actors,
      async (actor) =>
        (await ask(actor, QUERY, { id: gid('Project', project.id) }))?.project.viewerCan.readContacts,
      { public: false, ministry: false, ownOfficer: true, otherOfficer: true, coordinator: true },
    );
  });
});
