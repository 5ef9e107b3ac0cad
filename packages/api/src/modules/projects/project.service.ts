import {
  PROJECT_CURRENCY,
  ProjectParticipantRole,
  ProjectPhase,
  ProjectStatus,
  projectLimits,
  Role,
} from '@hub/shared';
import { validateSync } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { Context } from '../../graphql/context';
import { forbidden, notFound } from '../../graphql/errors';
import { maybeIdOf, toGlobalId } from '../../graphql/relay';
import { fail } from '../../graphql/user-error';
import { renderMarkdown } from '../../markdown';
import { emitDomainEvent } from '../events';
import { Municipality } from '../municipalities';
import { User } from '../users';
import { WorkingGroup } from '../working-groups';
import { projectTeamUserIds } from './project.audience';
import { Project } from './project.entity';
import type {
  AdoptProjectInput,
  CostItemInput,
  CreateProjectInput,
  FundingInput,
  PostStatusUpdateInput,
  SetProjectMilestoneDoneInput,
  UpdateProjectInput,
} from './project.inputs';
import { type ProjectState, projectPolicy } from './project.policy';
import {
  ProjectContact,
  ProjectCost,
  ProjectFunding,
  ProjectMilestone,
  ProjectParticipant,
  ProjectStatusUpdate,
} from './project-details.entity';

/** "<origin title> (<adopting municipality>)", shortened so that it fits the title's limit. */
export function adoptedTitle(originTitle: string, municipalityName: string): string {
  const suffix = ` (${municipalityName})`;
  const room = projectLimits.title.maxLength - suffix.length;
  const base =
    originTitle.length > room ? `${originTitle.slice(0, Math.max(0, room - 1)).trimEnd()}…` : originTitle;
  return `${base}${suffix}`;
}

/** The fields recorded in the audit trail (no Markdown bodies: they can be long). */
function auditView(project: Project): Record<string, unknown> {
  return {
    title: project.title,
    category: project.category,
    phase: project.phase,
    status: project.status,
    leadMunicipalityId: project.leadMunicipalityId,
    isNetworkProject: project.isNetworkProject,
    originProjectId: project.originProjectId,
  };
}

function validDate(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    fail('INVALID_DATE', `${field} is not a valid calendar date.`, field);
  }
  const year = date.getUTCFullYear();
  if (year < 1990 || year > 2100) fail('INVALID_DATE', `${field} must lie between 1990 and 2100.`, field);
  return value;
}

function checkCurrency(items: { currency?: string | null }[], field: string): void {
  items.forEach((item, i) => {
    const currency = (item.currency ?? PROJECT_CURRENCY).trim().toUpperCase();
    if (currency !== PROJECT_CURRENCY) {
      fail(
        'UNSUPPORTED_CURRENCY',
        `Only ${PROJECT_CURRENCY} is supported; convert the amount to euro cents.`,
        `${field}.${i}.currency`,
      );
    }
  });
}

/** Validates nested input items with their class-validator rules; the first problem becomes a userError. */
function validateItems(items: object[] | null | undefined, field: string): void {
  (items ?? []).forEach((item, i) => {
    const [error] = validateSync(item, { forbidUnknownValues: false });
    if (error) {
      const path = `${field}.${i}.${error.property}`;
      fail('VALIDATION', `${path}: ${Object.values(error.constraints ?? {})[0] ?? 'is not valid'}`, path);
    }
  });
}

function validateNested(input: CreateProjectInput | UpdateProjectInput): void {
  validateItems(input.costs, 'costs');
  validateItems(input.funding, 'funding');
  validateItems(input.milestones, 'milestones');
  if (input.solution) {
    const [error] = validateSync(input.solution, { forbidUnknownValues: false });
    if (error)
      fail(
        'VALIDATION',
        `solution.${error.property}: ${Object.values(error.constraints ?? {})[0]}`,
        `solution.${error.property}`,
      );
  }
}

/** The parts of a project's lists that checkLists resolved: null where the input leaves them alone. */
interface CheckedLists {
  partnerIds: string[] | null;
  contactIds: string[] | null;
}

/** Creates, edits, publishes and adopts projects; every change is audited in the caller's transaction. */
export class ProjectService {
  constructor(private readonly ctx: Context) {}

  async participantsOf(manager: EntityManager, projectId: string): Promise<ProjectParticipant[]> {
    return manager.getRepository(ProjectParticipant).findBy({ projectId });
  }

  /** Loads a project for a change, locked; NOT_FOUND when the viewer may not even read it. */
  private async loadForChange(manager: EntityManager, globalId: string, field = 'id') {
    const id = maybeIdOf(globalId, 'Project');
    const project = id
      ? await manager
          .getRepository(Project)
          .createQueryBuilder('p')
          .setLock('pessimistic_write')
          .where('p.id = :id', { id })
          .getOne()
      : null;
    if (!project) fail('NOT_FOUND', 'There is no such project.', field);
    const participants = await this.participantsOf(manager, project.id);
    if (!projectPolicy.can(this.ctx.viewer, 'read', { project, participants })) throw notFound();
    return { project, participants };
  }

  async create(manager: EntityManager, viewer: User, input: CreateProjectInput): Promise<Project> {
    validateNested(input);
    let leadMunicipalityId: string | null;
    if (input.leadMunicipalityId) {
      leadMunicipalityId = maybeIdOf(input.leadMunicipalityId, 'Municipality');
      if (!leadMunicipalityId || !(await manager.existsBy(Municipality, { id: leadMunicipalityId }))) {
        fail('MUNICIPALITY_NOT_FOUND', 'The lead municipality does not exist.', 'leadMunicipalityId');
      }
    } else {
      leadMunicipalityId = viewer.municipalityId;
      if (!leadMunicipalityId)
        fail('MUNICIPALITY_REQUIRED', 'Choose the lead municipality.', 'leadMunicipalityId');
    }
    if (!projectPolicy.can(viewer, 'create', { leadMunicipalityId: leadMunicipalityId })) {
      fail('FORBIDDEN', 'Officers create projects for their own municipality only.', 'leadMunicipalityId');
    }
    if (input.isNetworkProject && !projectPolicy.can(viewer, 'setNetworkProject')) {
      fail('FORBIDDEN', 'Only coordinators mark network projects.', 'isNetworkProject');
    }
    const lists = await this.checkLists(manager, { id: null, leadMunicipalityId }, [], input);
    const origin = input.originProjectId
      ? await this.checkOrigin(manager, { id: null, leadMunicipalityId }, input.originProjectId)
      : null;
    const project = manager.getRepository(Project).create({
      title: input.title.trim(),
      category: input.category,
      phase: input.phase ?? ProjectPhase.IDEA,
      status: input.publish ? ProjectStatus.PUBLISHED : ProjectStatus.DRAFT,
      publishedAt: input.publish ? new Date() : null,
      leadMunicipalityId,
      createdById: viewer.id,
      isNetworkProject: false,
      summary: '',
      description: '',
      descriptionHtml: '',
      implementationNotes: '',
      lessonsLearned: '',
      adaptationNotes: '',
      adoptionCount: 0,
      isDemo: false,
    });
    await this.applyFields(manager, project, input, lists);
    await manager.getRepository(ProjectParticipant).insert({
      projectId: project.id,
      municipalityId: leadMunicipalityId,
      role: ProjectParticipantRole.LEAD,
    });
    await this.applyLists(manager, project, input, lists);
    if (origin) await this.changeOrigin(manager, viewer, project, origin);
    await emitDomainEvent(manager, {
      actorId: viewer.id,
      type: 'project.create',
      subjectType: 'Project',
      subjectId: project.id,
      payload: auditView(project),
      requestId: this.ctx.requestId,
    });
    return project;
  }

  async update(manager: EntityManager, viewer: User, input: UpdateProjectInput): Promise<Project> {
    validateNested(input);
    const { project, participants } = await this.loadForChange(manager, input.id);
    if (!projectPolicy.can(viewer, 'edit', { project, participants }))
      throw forbidden('Only the lead and partner municipalities and coordinators edit a project.');
    if (
      input.isNetworkProject !== undefined &&
      input.isNetworkProject !== null &&
      input.isNetworkProject !== project.isNetworkProject &&
      !projectPolicy.can(viewer, 'setNetworkProject')
    ) {
      fail('FORBIDDEN', 'Only coordinators mark network projects.', 'isNetworkProject');
    }
    const lists = await this.checkLists(manager, project, participants, input);
    const origin =
      input.originProjectId === undefined
        ? undefined
        : input.originProjectId === null || input.originProjectId === ''
          ? null
          : await this.checkOrigin(manager, project, input.originProjectId);
    const before = auditView(project);
    if (input.title !== undefined && input.title !== null) project.title = input.title.trim();
    if (input.category) project.category = input.category;
    if (input.phase) project.phase = input.phase;
    await this.applyFields(manager, project, input, lists);
    await this.applyLists(manager, project, input, lists);
    if (origin !== undefined) await this.changeOrigin(manager, viewer, project, origin);
    await emitDomainEvent(manager, {
      actorId: viewer.id,
      type: 'project.update',
      subjectType: 'Project',
      subjectId: project.id,
      before,
      payload: auditView(project),
      requestId: this.ctx.requestId,
    });
    return project;
  }

  /** Scalar fields and partners; saves the project row (the origin is set by changeOrigin). */
  private async applyFields(
    manager: EntityManager,
    project: Project,
    input: CreateProjectInput | UpdateProjectInput,
    lists: CheckedLists,
  ): Promise<void> {
    if (input.summary !== undefined && input.summary !== null) project.summary = input.summary.trim();
    if (input.description !== undefined && input.description !== null) {
      project.description = input.description;
      project.descriptionHtml = renderMarkdown(input.description);
    }
    if (input.implementationNotes !== undefined && input.implementationNotes !== null)
      project.implementationNotes = input.implementationNotes;
    if (input.lessonsLearned !== undefined && input.lessonsLearned !== null)
      project.lessonsLearned = input.lessonsLearned;
    if (input.isNetworkProject !== undefined && input.isNetworkProject !== null)
      project.isNetworkProject = input.isNetworkProject;
    if (input.startDate !== undefined) project.startDate = validDate(input.startDate, 'startDate');
    if (input.endDate !== undefined) project.endDate = validDate(input.endDate, 'endDate');
    if (project.startDate && project.endDate && project.endDate < project.startDate) {
      fail('INVALID_DATE_RANGE', 'The end date lies before the start date.', 'endDate');
    }
    if (input.workingGroupId !== undefined) {
      if (!input.workingGroupId) project.workingGroupId = null;
      else {
        const id = maybeIdOf(input.workingGroupId, 'WorkingGroup');
        if (!id || !(await manager.existsBy(WorkingGroup, { id })))
          fail('NOT_FOUND', 'There is no such working group.', 'workingGroupId');
        project.workingGroupId = id;
      }
    }
    if (input.solution) {
      const s = input.solution;
      if (s.product !== undefined) project.solutionProduct = s.product?.trim() || null;
      if (s.vendor !== undefined) project.solutionVendor = s.vendor?.trim() || null;
      if (s.openSource !== undefined) project.solutionOpenSource = s.openSource ?? null;
      if (s.licence !== undefined) project.solutionLicence = s.licence?.trim() || null;
      if (s.repositoryUrl !== undefined) project.solutionRepositoryUrl = s.repositoryUrl?.trim() || null;
    }
    if (input.costs) checkCurrency(input.costs, 'costs');
    if (input.funding) checkCurrency(input.funding, 'funding');
    await manager.getRepository(Project).save(project);
    if (lists.partnerIds) await this.setPartners(manager, project, lists.partnerIds);
  }

  /**
   * The one check for every way a project gets an origin (adoptProject, createProject and
   * updateProject with originProjectId): the origin exists, is readable and published, is not led
   * or partnered by the adopting municipality, was not adopted by it already, and does not lead
   * back to the adopting project. The caller loads the origin with loadForChange, which locks
   * its row so that its adoption count stays exact.
   */
  private async checkAdoption(
    manager: EntityManager,
    origin: Project,
    participants: ProjectParticipant[],
    municipalityId: string,
    field: string,
    adoptingProjectId: string | null,
  ): Promise<void> {
    if (origin.id === adoptingProjectId)
      fail('ADOPTION_CYCLE', 'A project cannot be adopted from itself.', field);
    if (origin.status !== ProjectStatus.PUBLISHED)
      fail('NOT_PUBLISHED', 'Only published projects can be adopted.', field);
    const role = participants.find((p) => p.municipalityId === municipalityId)?.role;
    if (
      municipalityId === origin.leadMunicipalityId ||
      role === ProjectParticipantRole.LEAD ||
      role === ProjectParticipantRole.PARTNER
    ) {
      fail('ADOPTION_CYCLE', 'A municipality cannot adopt a project it leads or partners in.', field);
    }
    const [{ adopted }] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM project WHERE origin_project_id = $1 AND lead_municipality_id = $2
                        AND id IS DISTINCT FROM $3::uuid) AS adopted`,
      [origin.id, municipalityId, adoptingProjectId],
    );
    if (adopted) fail('ALREADY_ADOPTED', 'This municipality already adopted this project.', field);
    if (adoptingProjectId) {
      const [{ cycle }] = await manager.query(
        `WITH RECURSIVE chain(id, depth) AS (
           SELECT $1::uuid, 0
           UNION ALL
           SELECT p.origin_project_id, c.depth + 1 FROM chain c JOIN project p ON p.id = c.id
            WHERE p.origin_project_id IS NOT NULL AND c.depth < 100
         ) SELECT EXISTS (SELECT 1 FROM chain WHERE id = $2) AS cycle`,
        [origin.id, adoptingProjectId],
      );
      if (cycle)
        fail(
          'ADOPTION_CYCLE',
          'That origin was itself adopted from this project: the lineage would form a cycle.',
          field,
        );
    }
  }

  /** Sets, changes or clears a project's origin through the one adoption path. */
  /**
   * Loads and checks a new origin before anything is written: 'unchanged' when the project keeps
   * the origin it has, otherwise the (locked) origin with its participants.
   */
  private async checkOrigin(
    manager: EntityManager,
    project: { id: string | null; leadMunicipalityId: string; originProjectId?: string | null },
    originGlobalId: string,
  ): Promise<ProjectState | 'unchanged'> {
    if (maybeIdOf(originGlobalId, 'Project') === (project.originProjectId ?? null)) return 'unchanged';
    const origin = await this.loadForChange(manager, originGlobalId, 'originProjectId');
    await this.checkAdoption(
      manager,
      origin.project,
      origin.participants,
      project.leadMunicipalityId,
      'originProjectId',
      project.id,
    );
    return origin;
  }

  /** Sets (a checked origin) or clears (null) the project's origin, recording the adoption. */
  private async changeOrigin(
    manager: EntityManager,
    viewer: User,
    project: Project,
    checked: ProjectState | 'unchanged' | null,
  ): Promise<void> {
    if (checked === 'unchanged') return;
    const previousOriginId = project.originProjectId;
    if (!checked) {
      if (previousOriginId) {
        project.originProjectId = null;
        await manager.update(Project, { id: project.id }, { originProjectId: null });
        await this.forgetAdoption(manager, project.leadMunicipalityId, previousOriginId);
      }
      return;
    }
    const { project: origin, participants } = checked;
    project.originProjectId = origin.id;
    await manager.update(Project, { id: project.id }, { originProjectId: origin.id });
    const notifiedPeople = await this.recordAdoption(manager, viewer, project, origin, participants);
    if (previousOriginId) await this.forgetAdoption(manager, project.leadMunicipalityId, previousOriginId);
    // The origin's team hears of it as of an adoption (the notifications consume this event).
    await emitDomainEvent(manager, {
      actorId: viewer.id,
      type: 'project.originChange',
      subjectType: 'Project',
      subjectId: project.id,
      payload: { originProjectId: origin.id, notifiedPeople },
      requestId: this.ctx.requestId,
    });
  }

  /**
   * What every adoption does once the adopted project points at its origin: the adopting
   * municipality becomes an adopter of the origin, the origin's count is recounted, and the
   * origin's team hears of it by e-mail. Returns how many people were told.
   */
  private async recordAdoption(
    manager: EntityManager,
    viewer: User,
    adopted: Project,
    origin: Project,
    participants: readonly ProjectParticipant[],
  ): Promise<number> {
    const municipalityId = adopted.leadMunicipalityId;
    const existing = participants.find((p) => p.municipalityId === municipalityId);
    if (existing)
      await manager.update(ProjectParticipant, { id: existing.id }, { role: ProjectParticipantRole.ADOPTER });
    else
      await manager.insert(ProjectParticipant, {
        projectId: origin.id,
        municipalityId,
        role: ProjectParticipantRole.ADOPTER,
      });
    origin.adoptionCount = await this.recountAdoptions(manager, origin.id);
    return this.originTeamSize(manager, viewer, origin);
  }

  /** Undoes an adoption's traces on a former origin (its count, and the adopter role if nothing else adopts it). */
  private async forgetAdoption(
    manager: EntityManager,
    municipalityId: string,
    formerOriginId: string,
  ): Promise<void> {
    await manager.query('SELECT id FROM project WHERE id = $1 FOR UPDATE', [formerOriginId]);
    await this.recountAdoptions(manager, formerOriginId);
    await manager.query(
      `DELETE FROM project_participant pp
        WHERE pp.project_id = $1 AND pp.municipality_id = $2 AND pp.role = $3
          AND NOT EXISTS (SELECT 1 FROM project p WHERE p.origin_project_id = $1 AND p.lead_municipality_id = $2)`,
      [formerOriginId, municipalityId, ProjectParticipantRole.ADOPTER],
    );
  }

  /** The counter shown on cards and used for "most reused", recounted from the origin links (the origin row is locked). */
  private async recountAdoptions(manager: EntityManager, originId: string): Promise<number> {
    // An UPDATE … RETURNING comes back from the pg driver as [rows, affected].
    const [rows]: [{ adoption_count: number }[], number] = await manager.query(
      `UPDATE project SET adoption_count = (SELECT COUNT(*) FROM project a WHERE a.origin_project_id = $1)
        WHERE id = $1 RETURNING adoption_count`,
      [originId],
    );
    return rows[0]?.adoption_count ?? 0;
  }

  /**
   * How many of the origin's team hear of the adoption: the notifications module tells them (in the
   * app, and by e-mail at once or in a digest as each chose), never the adopter themself.
   */
  private async originTeamSize(manager: EntityManager, viewer: User, origin: Project): Promise<number> {
    return (await projectTeamUserIds(manager, origin.id)).filter((id) => id !== viewer.id).length;
  }

  /** Replaces the partners with the checked ones (see checkLists). */
  private async setPartners(manager: EntityManager, project: Project, partnerIds: string[]): Promise<void> {
    const repo = manager.getRepository(ProjectParticipant);
    await manager
      .createQueryBuilder()
      .delete()
      .from(ProjectParticipant)
      .where('project_id = :projectId AND role = :role', {
        projectId: project.id,
        role: ProjectParticipantRole.PARTNER,
      })
      .andWhere(partnerIds.length ? 'NOT (municipality_id = ANY(:ids))' : 'TRUE', { ids: partnerIds })
      .execute();
    if (partnerIds.length) {
      await repo
        .createQueryBuilder()
        .insert()
        .into(ProjectParticipant)
        .values(
          partnerIds.map((municipalityId) => ({
            projectId: project.id,
            municipalityId,
            role: ProjectParticipantRole.PARTNER,
          })),
        )
        .orUpdate(['role'], ['project_id', 'municipality_id'])
        .execute();
    }
  }

  /**
   * Everything in the lists that can fail, checked before the mutation's first write: the partners
   * exist, milestone dates are dates, contacts belong to a participating municipality (the
   * lead, the other participants, and the partners as they will be).
   */
  private async checkLists(
    manager: EntityManager,
    project: { id: string | null; leadMunicipalityId: string },
    participants: readonly ProjectParticipant[],
    input: CreateProjectInput | UpdateProjectInput,
  ): Promise<CheckedLists> {
    let partnerIds: string[] | null = null;
    if (input.partnerMunicipalityIds) {
      const ids = [
        ...new Set(
          input.partnerMunicipalityIds.map(
            (g, i) =>
              maybeIdOf(g, 'Municipality') ??
              fail('NOT_FOUND', 'There is no such municipality.', `partnerMunicipalityIds.${i}`),
          ),
        ),
      ];
      partnerIds = ids.filter((id) => id !== project.leadMunicipalityId);
      const found = partnerIds.length ? await manager.countBy(Municipality, { id: In(partnerIds) }) : 0;
      if (found !== partnerIds.length)
        fail('NOT_FOUND', 'There is no such municipality.', 'partnerMunicipalityIds');
    }
    if (input.milestones) {
      for (const [i, m] of input.milestones.entries()) validDate(m.dueDate, `milestones.${i}.dueDate`);
    }
    let contactIds: string[] | null = null;
    if (input.contactIds) {
      contactIds = [
        ...new Set(
          input.contactIds.map(
            (g, i) =>
              maybeIdOf(g, 'User') ?? fail('NOT_FOUND', 'There is no such person.', `contactIds.${i}`),
          ),
        ),
      ];
      const municipalityIds = new Set([
        project.leadMunicipalityId,
        ...participants
          .filter((p) => partnerIds === null || p.role !== ProjectParticipantRole.PARTNER)
          .map((p) => p.municipalityId),
        ...(partnerIds ?? []),
      ]);
      const people = contactIds.length ? await manager.findBy(User, { id: In(contactIds) }) : [];
      for (const id of contactIds) {
        const person = people.find((p) => p.id === id);
        if (!person) fail('NOT_FOUND', 'There is no such person.', 'contactIds');
        const eligible =
          person.role === Role.COORDINATOR ||
          (person.municipalityId !== null && municipalityIds.has(person.municipalityId));
        if (!eligible)
          fail(
            'CONTACT_NOT_PARTICIPANT',
            `${person.name} does not belong to a participating municipality.`,
            'contactIds',
          );
      }
    }
    return { partnerIds, contactIds };
  }

  /** Costs, funding, milestones and contacts: a given list replaces the stored one. */
  private async applyLists(
    manager: EntityManager,
    project: Project,
    input: CreateProjectInput | UpdateProjectInput,
    lists: CheckedLists,
  ): Promise<void> {
    const projectId = project.id;
    if (input.costs) {
      await manager.delete(ProjectCost, { projectId });
      if (input.costs.length) {
        await manager.insert(
          ProjectCost,
          input.costs.map((c: CostItemInput, position) => ({
            projectId,
            position,
            label: c.label.trim(),
            costType: c.costType,
            recurrence: c.recurrence,
            amountCents: c.amountCents,
            currency: PROJECT_CURRENCY,
          })),
        );
      }
    }
    if (input.funding) {
      await manager.delete(ProjectFunding, { projectId });
      if (input.funding.length) {
        await manager.insert(
          ProjectFunding,
          input.funding.map((f: FundingInput, position) => ({
            projectId,
            position,
            programme: f.programme.trim(),
            amountCents: f.amountCents,
            sharePercent: f.sharePercent ?? null,
            currency: PROJECT_CURRENCY,
          })),
        );
      }
    }
    if (input.milestones) {
      await manager.delete(ProjectMilestone, { projectId });
      if (input.milestones.length) {
        await manager.insert(
          ProjectMilestone,
          input.milestones.map((m, position) => ({
            projectId,
            position,
            title: m.title.trim(),
            dueDate: m.dueDate || null,
            done: Boolean(m.done),
          })),
        );
      }
    }
    if (lists.contactIds) {
      const userIds = lists.contactIds;
      await manager.delete(ProjectContact, { projectId });
      if (userIds.length)
        await manager.insert(
          ProjectContact,
          userIds.map((userId, position) => ({ projectId, userId, position })),
        );
    }
  }

  async setStatus(
    manager: EntityManager,
    viewer: User,
    globalId: string,
    status: ProjectStatus,
  ): Promise<Project> {
    const { project, participants } = await this.loadForChange(manager, globalId);
    if (!projectPolicy.can(viewer, 'publish', { project, participants })) throw forbidden();
    const before = auditView(project);
    project.status = status;
    if (status === ProjectStatus.PUBLISHED && !project.publishedAt) project.publishedAt = new Date();
    await manager.getRepository(Project).save(project);
    await emitDomainEvent(manager, {
      actorId: viewer.id,
      type: status === ProjectStatus.PUBLISHED ? 'project.publish' : 'project.unpublish',
      subjectType: 'Project',
      subjectId: project.id,
      before,
      payload: auditView(project),
      requestId: this.ctx.requestId,
    });
    return project;
  }

  /** Marks one milestone done or open again (the project page's toggle), without touching the rest. */
  async setMilestoneDone(
    manager: EntityManager,
    viewer: User,
    input: SetProjectMilestoneDoneInput,
  ): Promise<Project> {
    const milestoneId = maybeIdOf(input.milestoneId, 'ProjectMilestone');
    const found = milestoneId ? await manager.findOneBy(ProjectMilestone, { id: milestoneId }) : null;
    if (!found) fail('NOT_FOUND', 'There is no such milestone.', 'milestoneId');
    const { project, participants } = await this.loadForChange(
      manager,
      toGlobalId('Project', found.projectId),
      'milestoneId',
    );
    if (!projectPolicy.can(viewer, 'edit', { project, participants })) throw forbidden();
    // Re-read under the project's lock: an edit in between may have replaced the milestones.
    const milestone = await manager.findOneBy(ProjectMilestone, { id: found.id });
    if (!milestone) fail('NOT_FOUND', 'There is no such milestone.', 'milestoneId');
    if (milestone.done !== input.done) {
      await manager.update(ProjectMilestone, { id: milestone.id }, { done: input.done });
      await emitDomainEvent(manager, {
        actorId: viewer.id,
        type: 'project.milestoneDone',
        subjectType: 'Project',
        subjectId: project.id,
        before: { milestone: milestone.title, done: milestone.done },
        payload: { milestone: milestone.title, done: input.done },
        requestId: this.ctx.requestId,
      });
    }
    return project;
  }

  /** Appends a status update (Sachstand) and moves the project to its phase. */
  async postStatusUpdate(
    manager: EntityManager,
    viewer: User,
    input: PostStatusUpdateInput,
  ): Promise<{ project: Project; update: ProjectStatusUpdate }> {
    const { project, participants } = await this.loadForChange(manager, input.projectId, 'projectId');
    if (!projectPolicy.can(viewer, 'postStatusUpdate', { project, participants })) throw forbidden();
    validDate(input.reportedOn, 'reportedOn');
    const update = manager.getRepository(ProjectStatusUpdate).create({
      projectId: project.id,
      reportedOn: input.reportedOn,
      phase: input.phase,
      progressPercent: input.progressPercent,
      text: input.text.trim(),
      authorId: viewer.id,
    });
    await manager.getRepository(ProjectStatusUpdate).insert(update);
    project.phase = input.phase;
    await manager.getRepository(Project).save(project);
    await emitDomainEvent(manager, {
      actorId: viewer.id,
      type: 'project.statusUpdate',
      subjectType: 'Project',
      subjectId: project.id,
      payload: {
        phase: input.phase,
        progressPercent: input.progressPercent,
        reportedOn: input.reportedOn,
        statusUpdateId: update.id,
      },
      requestId: this.ctx.requestId,
    });
    return { project, update };
  }

  /** The municipality an officer (or a coordinator on its behalf) adopts or shows interest for. */
  private async actingMunicipality(
    manager: EntityManager,
    viewer: User,
    globalId: string | null | undefined,
  ): Promise<string> {
    if (viewer.role === Role.OFFICER) {
      if (!viewer.municipalityId) throw forbidden();
      return viewer.municipalityId;
    }
    const id = maybeIdOf(globalId, 'Municipality');
    if (!id || !(await manager.existsBy(Municipality, { id })))
      fail('MUNICIPALITY_REQUIRED', 'Choose the adopting municipality.', 'municipalityId');
    return id;
  }

  /**
   * Nachnutzung: creates the adopting municipality's own draft linked to the origin, with the
   * origin's description and solution (and, if asked, its cost lines as a starting point), titled
   * "<origin> (<municipality>)" unless a title is given; then records the adoption.
   */
  async adopt(
    manager: EntityManager,
    viewer: User,
    input: AdoptProjectInput,
  ): Promise<{ project: Project; origin: Project; notifiedPeople: number }> {
    const { project: origin, participants } = await this.loadForChange(manager, input.projectId, 'projectId');
    if (origin.status !== ProjectStatus.PUBLISHED)
      fail('NOT_PUBLISHED', 'Only published projects can be adopted.', 'projectId');
    const municipalityId = await this.actingMunicipality(manager, viewer, input.municipalityId);
    await this.checkAdoption(manager, origin, participants, municipalityId, 'projectId', null);
    if (!projectPolicy.can(viewer, 'adopt', { project: origin, participants: participants }))
      throw forbidden();
    const municipality = await manager.findOneByOrFail(Municipality, { id: municipalityId });

    const adopted = manager.getRepository(Project).create({
      title: input.title?.trim() || adoptedTitle(origin.title, municipality.name),
      summary: origin.summary,
      description: origin.description,
      descriptionHtml: origin.descriptionHtml,
      category: origin.category,
      phase: ProjectPhase.CONCEPT,
      status: ProjectStatus.DRAFT,
      leadMunicipalityId: municipalityId,
      solutionProduct: origin.solutionProduct,
      solutionVendor: origin.solutionVendor,
      solutionOpenSource: origin.solutionOpenSource,
      solutionLicence: origin.solutionLicence,
      solutionRepositoryUrl: origin.solutionRepositoryUrl,
      implementationNotes: '',
      lessonsLearned: '',
      originProjectId: origin.id,
      adaptationNotes: input.adaptations?.trim() ?? '',
      estimatedSavingCents: input.estimatedSavingCents ?? null,
      createdById: viewer.id,
      isNetworkProject: false,
      adoptionCount: 0,
      isDemo: false,
    });
    await manager.getRepository(Project).insert(adopted);
    await manager.insert(ProjectParticipant, {
      projectId: adopted.id,
      municipalityId,
      role: ProjectParticipantRole.LEAD,
    });
    // Whoever adopts is the new project's first contact (the origin's team is told to reach them).
    await manager.insert(ProjectContact, { projectId: adopted.id, userId: viewer.id, position: 0 });
    if (input.copyCosts) {
      // The origin's figures are a starting point the adopter corrects for their own situation.
      await manager.query(
        `INSERT INTO project_cost (project_id, position, label, cost_type, recurrence, amount_cents, currency)
         SELECT $1, position, label, cost_type, recurrence, amount_cents, currency
           FROM project_cost WHERE project_id = $2`,
        [adopted.id, origin.id],
      );
    }
    const notifiedPeople = await this.recordAdoption(manager, viewer, adopted, origin, participants);
    await emitDomainEvent(manager, {
      actorId: viewer.id,
      type: 'project.adopt',
      subjectType: 'Project',
      subjectId: adopted.id,
      payload: {
        ...auditView(adopted),
        estimatedSavingCents: adopted.estimatedSavingCents,
        copiedCosts: Boolean(input.copyCosts),
        notifiedPeople,
      },
      requestId: this.ctx.requestId,
    });
    return { project: adopted, origin, notifiedPeople };
  }

  /** Marks (or withdraws) the viewer's municipality's interest in a published project. */
  async markInterest(
    manager: EntityManager,
    viewer: User,
    globalId: string,
    interested: boolean,
  ): Promise<Project> {
    const { project, participants } = await this.loadForChange(manager, globalId, 'projectId');
    if (!projectPolicy.can(viewer, 'markInterest', { project, participants })) throw forbidden();
    const municipalityId = viewer.municipalityId as string;
    const existing = participants.find((p) => p.municipalityId === municipalityId);
    if (interested && !existing) {
      await manager.insert(ProjectParticipant, {
        projectId: project.id,
        municipalityId,
        role: ProjectParticipantRole.INTERESTED,
      });
    } else if (!interested && existing?.role === ProjectParticipantRole.INTERESTED) {
      await manager.delete(ProjectParticipant, { id: existing.id });
    }
    await emitDomainEvent(manager, {
      actorId: viewer.id,
      type: interested ? 'project.interest' : 'project.interestWithdrawn',
      subjectType: 'Project',
      subjectId: project.id,
      payload: { municipalityId },
      requestId: this.ctx.requestId,
    });
    return project;
  }
}
