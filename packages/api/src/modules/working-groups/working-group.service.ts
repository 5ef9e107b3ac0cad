import {
  currentWorkingGroupStatuses,
  Role,
  UserStatus,
  WorkingGroupMembershipStatus,
  WorkingGroupRole,
} from '@hub/shared';
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { escapeLike } from '../../db/like';
import type { PageArgs } from '../../db/paginate';
import { paginate } from '../../db/paginate';
import type { Context } from '../../graphql/context';
import { forbidden } from '../../graphql/errors';
import type { Connection } from '../../graphql/relay';
import { maybeIdOf } from '../../graphql/relay';
import { fail } from '../../graphql/user-error';
import { type DomainEventType, emitDomainEvent } from '../events';
import { User } from '../users';
import { WorkingGroup, WorkingGroupMembership, WorkingGroupMembershipEvent } from './working-group.entity';
import type { CreateWorkingGroupInput, UpdateWorkingGroupInput } from './working-group.inputs';
import type { WorkingGroupState } from './working-group.policy';
import { isLastLead, viewerMembershipOf, workingGroupPolicy } from './working-group.policy';

const { REQUESTED, ACTIVE, LEFT, DECLINED, REMOVED } = WorkingGroupMembershipStatus;

/** What an audit entry keeps of a group. */
const groupSnapshot = (g: WorkingGroup) => ({
  name: g.name,
  topic: g.topic,
  description: g.description,
  goals: g.goals,
  archivedAt: g.archivedAt?.toISOString() ?? null,
});

/** What an audit entry keeps of a membership. */
const membershipSnapshot = (m: WorkingGroupMembership) => ({
  workingGroupId: m.workingGroupId,
  userId: m.userId,
  role: m.role,
  status: m.status,
});

function trimmed(value: string, field: string, minLength: number): string {
  const text = value.trim();
  if (text.length < minLength) fail('VALIDATION', `${field} needs at least ${minLength} characters.`, field);
  return text;
}

/**
 * The rules of working groups: setting them up and archiving them, requests to join, and the
 * leads' management of members. Every change runs in the caller's transaction with the group's
 * row locked (so two leads cannot both step down), writes a membership event and an audit entry.
 */
export class WorkingGroupService {
  constructor(private readonly ctx: Context) {}

  async create(manager: EntityManager, viewer: User, input: CreateWorkingGroupInput): Promise<WorkingGroup> {
    if (!workingGroupPolicy.can(viewer, 'create')) throw forbidden();
    const name = trimmed(input.name, 'name', 3);
    const topic = trimmed(input.topic, 'topic', 2);
    await this.checkNameFree(manager, name, null);
    const leads = await this.findLeads(manager, input.leadIds ?? []);

    const group = manager.getRepository(WorkingGroup).create({
      name,
      topic,
      description: input.description?.trim() ?? '',
      goals: input.goals?.trim() ?? '',
      archivedAt: null,
      createdById: viewer.id,
    });
    await manager.getRepository(WorkingGroup).save(group);
    await this.audit(
      manager,
      viewer,
      'workingGroup.create',
      'WorkingGroup',
      group.id,
      null,
      groupSnapshot(group),
    );
    const now = new Date();
    for (const lead of leads) {
      const membership = manager.getRepository(WorkingGroupMembership).create({
        workingGroupId: group.id,
        userId: lead.id,
        role: WorkingGroupRole.LEAD,
        status: ACTIVE,
        requestedAt: null,
        joinedAt: now,
        endedAt: null,
        requestNote: null,
      });
      await this.insertMembership(manager, viewer, membership, 'workingGroupMembership.appoint');
    }
    return group;
  }

  async update(
    manager: EntityManager,
    viewer: User,
    groupId: string,
    input: UpdateWorkingGroupInput,
  ): Promise<WorkingGroup> {
    const state = await this.lockGroup(manager, groupId, 'id');
    if (!workingGroupPolicy.can(viewer, 'manage', state)) throw forbidden();
    this.checkOpen(state);
    const { group } = state;
    const before = groupSnapshot(group);
    if (input.name != null) {
      group.name = trimmed(input.name, 'name', 3);
      await this.checkNameFree(manager, group.name, group.id);
    }
    if (input.topic != null) group.topic = trimmed(input.topic, 'topic', 2);
    if (input.description != null) group.description = input.description.trim();
    if (input.goals != null) group.goals = input.goals.trim();
    await manager.getRepository(WorkingGroup).save(group);
    await this.audit(
      manager,
      viewer,
      'workingGroup.update',
      'WorkingGroup',
      group.id,
      before,
      groupSnapshot(group),
    );
    return group;
  }

  /** Archives the group; open requests are declined, members stay on record. */
  async archive(manager: EntityManager, viewer: User, groupId: string): Promise<WorkingGroup> {
    if (!workingGroupPolicy.can(viewer, 'create')) throw forbidden();
    const state = await this.lockGroup(manager, groupId, 'workingGroupId');
    this.checkOpen(state);
    const { group } = state;
    const before = groupSnapshot(group);
    group.archivedAt = new Date();
    await manager.getRepository(WorkingGroup).save(group);
    for (const request of state.current.filter((m) => m.status === REQUESTED)) {
      await this.transition(manager, viewer, request, { status: DECLINED }, 'workingGroupMembership.decline');
    }
    await this.audit(
      manager,
      viewer,
      'workingGroup.archive',
      'WorkingGroup',
      group.id,
      before,
      groupSnapshot(group),
    );
    return group;
  }

  async requestToJoin(
    manager: EntityManager,
    viewer: User,
    groupId: string,
    note: string | null,
  ): Promise<WorkingGroupMembership> {
    if (viewer.role !== Role.OFFICER) throw forbidden('Only digital officers ask to join working groups.');
    const state = await this.lockGroup(manager, groupId, 'workingGroupId');
    this.checkOpen(state);
    const own = viewerMembershipOf(viewer, state);
    if (own?.status === REQUESTED)
      fail('ALREADY_REQUESTED', 'You have already asked to join this group.', 'workingGroupId');
    if (own) fail('ALREADY_MEMBER', 'You are already a member of this group.', 'workingGroupId');
    const membership = manager.getRepository(WorkingGroupMembership).create({
      workingGroupId: groupId,
      userId: viewer.id,
      role: WorkingGroupRole.MEMBER,
      status: REQUESTED,
      requestedAt: new Date(),
      joinedAt: null,
      endedAt: null,
      requestNote: note?.trim() || null,
    });
    return this.insertMembership(manager, viewer, membership, 'workingGroupMembership.request');
  }

  async accept(manager: EntityManager, viewer: User, membershipId: string): Promise<WorkingGroupMembership> {
    const { state, membership } = await this.lockMembership(manager, membershipId);
    this.requireManager(viewer, state);
    if (membership.status !== REQUESTED)
      fail('NOT_REQUESTED', 'This person has no open request.', 'membershipId');
    return this.transition(manager, viewer, membership, { status: ACTIVE }, 'workingGroupMembership.accept');
  }

  async decline(manager: EntityManager, viewer: User, membershipId: string): Promise<WorkingGroupMembership> {
    const { state, membership } = await this.lockMembership(manager, membershipId);
    this.requireManager(viewer, state);
    if (membership.status !== REQUESTED)
      fail('NOT_REQUESTED', 'This person has no open request.', 'membershipId');
    return this.transition(
      manager,
      viewer,
      membership,
      { status: DECLINED },
      'workingGroupMembership.decline',
    );
  }

  async appointLead(
    manager: EntityManager,
    viewer: User,
    membershipId: string,
  ): Promise<WorkingGroupMembership> {
    const { state, membership } = await this.lockMembership(manager, membershipId);
    this.requireManager(viewer, state);
    if (membership.status !== ACTIVE)
      fail('NOT_ACTIVE', 'Only active members can become leads.', 'membershipId');
    if (membership.role === WorkingGroupRole.LEAD)
      fail('ALREADY_LEAD', 'This person already leads the group.', 'membershipId');
    return this.transition(
      manager,
      viewer,
      membership,
      { role: WorkingGroupRole.LEAD },
      'workingGroupMembership.appointLead',
    );
  }

  async demoteLead(
    manager: EntityManager,
    viewer: User,
    membershipId: string,
  ): Promise<WorkingGroupMembership> {
    const { state, membership } = await this.lockMembership(manager, membershipId);
    this.requireManager(viewer, state);
    if (membership.status !== ACTIVE || membership.role !== WorkingGroupRole.LEAD) {
      fail('NOT_LEAD', 'This person does not lead the group.', 'membershipId');
    }
    this.checkNotLastLead(membership, state);
    return this.transition(
      manager,
      viewer,
      membership,
      { role: WorkingGroupRole.MEMBER },
      'workingGroupMembership.demoteLead',
    );
  }

  async remove(manager: EntityManager, viewer: User, membershipId: string): Promise<WorkingGroupMembership> {
    const { state, membership } = await this.lockMembership(manager, membershipId);
    this.requireManager(viewer, state);
    if (membership.status !== ACTIVE)
      fail('NOT_ACTIVE', 'This person is not a member of the group.', 'membershipId');
    if (membership.userId === viewer.id)
      fail('USE_LEAVE', 'To leave the group yourself, use “leave”.', 'membershipId');
    this.checkNotLastLead(membership, state);
    return this.transition(manager, viewer, membership, { status: REMOVED }, 'workingGroupMembership.remove');
  }

  /** Ends the viewer's membership, or withdraws their open request. */
  async leave(manager: EntityManager, viewer: User, groupId: string): Promise<WorkingGroupMembership> {
    const state = await this.lockGroup(manager, groupId, 'workingGroupId');
    this.checkOpen(state);
    const own = viewerMembershipOf(viewer, state);
    if (!own) fail('NOT_A_MEMBER', 'You are not a member of this group.', 'workingGroupId');
    this.checkNotLastLead(own, state);
    return this.transition(manager, viewer, own, { status: LEFT }, 'workingGroupMembership.leave');
  }

  /** The group, locked for the rest of the transaction, with its current memberships. */
  private async lockGroup(
    manager: EntityManager,
    groupId: string,
    field: string,
  ): Promise<WorkingGroupState> {
    const group = await manager
      .getRepository(WorkingGroup)
      .createQueryBuilder('g')
      .setLock('pessimistic_write')
      .where('g.id = :groupId', { groupId })
      .getOne();
    if (!group) fail('NOT_FOUND', 'There is no such working group.', field);
    const current = await manager.getRepository(WorkingGroupMembership).findBy({
      workingGroupId: group.id,
      status: In([...currentWorkingGroupStatuses]),
    });
    return { group, current };
  }

  private async lockMembership(
    manager: EntityManager,
    membershipId: string,
  ): Promise<{ state: WorkingGroupState; membership: WorkingGroupMembership }> {
    const found = await manager.getRepository(WorkingGroupMembership).findOneBy({ id: membershipId });
    if (!found) fail('NOT_FOUND', 'There is no such membership.', 'membershipId');
    const state = await this.lockGroup(manager, found.workingGroupId, 'membershipId');
    // Read again under the group's lock: another transaction may have changed it meanwhile.
    const membership = await manager
      .getRepository(WorkingGroupMembership)
      .findOneByOrFail({ id: membershipId });
    return { state, membership };
  }

  private requireManager(viewer: User, state: WorkingGroupState): void {
    if (!workingGroupPolicy.can(viewer, 'manage', state))
      throw forbidden('Only the group’s leads and coordinators manage its members.');
    this.checkOpen(state);
  }

  private checkOpen({ group }: WorkingGroupState): void {
    if (group.archivedAt) fail('GROUP_ARCHIVED', 'This working group is archived and cannot be changed.');
  }

  private checkNotLastLead(membership: WorkingGroupMembership, state: WorkingGroupState): void {
    if (isLastLead(membership, state)) {
      fail(
        'LAST_LEAD',
        'A working group needs at least one lead: appoint another lead first.',
        'membershipId',
      );
    }
  }

  private async checkNameFree(manager: EntityManager, name: string, exceptId: string | null): Promise<void> {
    const query = manager
      .getRepository(WorkingGroup)
      .createQueryBuilder('g')
      .where('lower(g.name) = lower(:name)', { name })
      .andWhere('g.archivedAt IS NULL');
    if (exceptId) query.andWhere('g.id <> :exceptId', { exceptId });
    if (await query.getExists()) fail('NAME_TAKEN', 'An open working group already has this name.', 'name');
  }

  /** The people named as first leads: active officers or coordinators. */
  private async findLeads(manager: EntityManager, globalIds: string[]): Promise<User[]> {
    const ids = [...new Set(globalIds.map((globalId) => maybeIdOf(globalId, 'User')))];
    if (ids.includes(null)) fail('UNKNOWN_LEAD', 'A chosen lead is not a person of the hub.', 'leadIds');
    if (!ids.length) return [];
    const users = await manager.getRepository(User).findBy({ id: In(ids as string[]) });
    const eligible = users.filter(
      (u) => u.status === UserStatus.ACTIVE && (u.role === Role.OFFICER || u.role === Role.COORDINATOR),
    );
    if (eligible.length !== ids.length) {
      fail('UNKNOWN_LEAD', 'Leads must be active digital officers or coordinators.', 'leadIds');
    }
    return eligible;
  }

  private async insertMembership(
    manager: EntityManager,
    viewer: User,
    membership: WorkingGroupMembership,
    type: DomainEventType,
  ): Promise<WorkingGroupMembership> {
    await manager.getRepository(WorkingGroupMembership).save(membership);
    await this.recordEvent(manager, viewer, membership, null, null);
    await this.audit(
      manager,
      viewer,
      type,
      'WorkingGroupMembership',
      membership.id,
      null,
      membershipSnapshot(membership),
    );
    return membership;
  }

  /** Changes a membership's status or role, with its event and audit entry. */
  private async transition(
    manager: EntityManager,
    viewer: User,
    membership: WorkingGroupMembership,
    change: { status?: WorkingGroupMembershipStatus; role?: WorkingGroupRole },
    type: DomainEventType,
  ): Promise<WorkingGroupMembership> {
    const before = membershipSnapshot(membership);
    const { status: fromStatus, role: fromRole } = membership;
    const now = new Date();
    if (change.role) membership.role = change.role;
    if (change.status) {
      membership.status = change.status;
      if (change.status === ACTIVE) membership.joinedAt = now;
      if (change.status === LEFT || change.status === DECLINED || change.status === REMOVED)
        membership.endedAt = now;
    }
    await manager.getRepository(WorkingGroupMembership).save(membership);
    await this.recordEvent(manager, viewer, membership, fromStatus, fromRole);
    await this.audit(
      manager,
      viewer,
      type,
      'WorkingGroupMembership',
      membership.id,
      before,
      membershipSnapshot(membership),
    );
    return membership;
  }

  private async recordEvent(
    manager: EntityManager,
    viewer: User,
    membership: WorkingGroupMembership,
    fromStatus: WorkingGroupMembershipStatus | null,
    fromRole: WorkingGroupRole | null,
  ): Promise<void> {
    await manager.getRepository(WorkingGroupMembershipEvent).insert({
      membershipId: membership.id,
      workingGroupId: membership.workingGroupId,
      fromStatus,
      toStatus: membership.status,
      fromRole,
      toRole: membership.role,
      actorId: viewer.id,
    });
  }

  private audit(
    manager: EntityManager,
    viewer: User,
    type: DomainEventType,
    subjectType: string,
    subjectId: string,
    before: Record<string, unknown> | null,
    after: Record<string, unknown>,
  ): Promise<void> {
    return emitDomainEvent(manager, {
      actorId: viewer.id,
      type,
      subjectType,
      subjectId,
      before,
      payload: after ?? null,
      requestId: this.ctx.requestId,
    });
  }
}

/** The LIKE pattern of a searched text anywhere in a field. */
const likePattern = (text: string) => `%${escapeLike(text)}%`;

/** The working groups list: open (or archived) groups by name, two statements per page. */
export function findWorkingGroups(
  ctx: Context,
  filter: { archived: boolean; search: string | null; memberMunicipalityId: string | null },
  page: PageArgs,
): Promise<Connection<WorkingGroup>> {
  const query = ctx.dataSource.getRepository(WorkingGroup).createQueryBuilder('g');
  query.where(filter.archived ? 'g.archived_at IS NOT NULL' : 'g.archived_at IS NULL');
  if (filter.search) {
    query.andWhere('(g.name ILIKE :pattern OR g.topic ILIKE :pattern OR g.description ILIKE :pattern)', {
      pattern: likePattern(filter.search),
    });
  }
  if (filter.memberMunicipalityId) {
    query.andWhere(
      `EXISTS (SELECT 1 FROM working_group_membership wm JOIN app_user wu ON wu.id = wm.user_id
        WHERE wm.working_group_id = g.id AND wm.status = :active AND wu.municipality_id = :municipalityId)`,
      { active: ACTIVE, municipalityId: filter.memberMunicipalityId },
    );
  }
  return paginate(query, page, [
    { expression: 'g.name', direction: 'ASC', type: 'text', value: (g) => g.name },
    { expression: 'g.id', direction: 'ASC', type: 'uuid', value: (g) => g.id },
  ]);
}
