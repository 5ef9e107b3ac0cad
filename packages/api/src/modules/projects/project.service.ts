import { PROJECT_CURRENCY, ProjectParticipantRole, ProjectPhase, ProjectStatus, Role } from '@hub/shared';
import { validateSync } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { Context } from '../../graphql/context';
import { forbidden, notFound } from '../../graphql/errors';
import { maybeIdOf, toGlobalId } from '../../graphql/relay';
import { fail } from '../../graphql/user-error';
import { renderMarkdown } from '../../markdown';
import { recordAudit } from '../audit/audit.service';
import { Municipality } from '../municipalities/municipality.entity';
import { User } from '../users/user.entity';
import { WorkingGroup } from '../working-groups/working-group.entity';
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
import { projectPolicy } from './project.policy';
import {
  ProjectContact,
  ProjectCost,
  ProjectFunding,
  ProjectMilestone,
  ProjectParticipant,
  ProjectStatusUpdate,
} from './project-details.entity';

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
    if (!projectPolicy.canRead(this.ctx.viewer, project, participants)) throw notFound();
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
    if (!projectPolicy.canCreate(viewer, leadMunicipalityId)) {
      fail('FORBIDDEN', 'Officers create projects for their own municipality only.', 'leadMunicipalityId');
    }
    if (input.isNetworkProject && !projectPolicy.canSetNetworkProject(viewer)) {
      fail('FORBIDDEN', 'Only coordinators mark network projects.', 'isNetworkProject');
    }
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
    await this.applyFields(manager, project, input, true);
    await manager.getRepository(ProjectParticipant).insert({
      projectId: project.id,
      municipalityId: leadMunicipalityId,
      role: ProjectParticipantRole.LEAD,
    });
    await this.applyLists(manager, project, input);
    await recordAudit(manager, {
      actorId: viewer.id,
      action: 'project.create',
      entityType: 'Project',
      entityId: project.id,
      after: auditView(project),
      requestId: this.ctx.requestId,
    });
    return project;
  }

  async update(manager: EntityManager, viewer: User, input: UpdateProjectInput): Promise<Project> {
    validateNested(input);
    const { project, participants } = await this.loadForChange(manager, input.id);
    if (!projectPolicy.canEdit(viewer, project, participants))
      throw forbidden('Only the lead and partner municipalities and coordinators edit a project.');
    if (
      input.isNetworkProject !== undefined &&
      input.isNetworkProject !== null &&
      input.isNetworkProject !== project.isNetworkProject &&
      !projectPolicy.canSetNetworkProject(viewer)
    ) {
      fail('FORBIDDEN', 'Only coordinators mark network projects.', 'isNetworkProject');
    }
    const before = auditView(project);
    if (input.title !== undefined && input.title !== null) project.title = input.title.trim();
    if (input.category) project.category = input.category;
    if (input.phase) project.phase = input.phase;
    await this.applyFields(manager, project, input, false);
    await this.applyLists(manager, project, input);
    await recordAudit(manager, {
      actorId: viewer.id,
      action: 'project.update',
      entityType: 'Project',
      entityId: project.id,
      before,
      after: auditView(project),
      requestId: this.ctx.requestId,
    });
    return project;
  }

  /** Scalar fields, partners and origin; saves the project row. */
  private async applyFields(
    manager: EntityManager,
    project: Project,
    input: CreateProjectInput | UpdateProjectInput,
    creating: boolean,
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
    if (input.originProjectId !== undefined) {
      project.originProjectId = input.originProjectId
        ? await this.checkedOrigin(manager, project, input.originProjectId, creating)
        : null;
    }
    await manager.getRepository(Project).save(project);
    if (input.partnerMunicipalityIds) await this.setPartners(manager, project, input.partnerMunicipalityIds);
  }

  /** An origin must exist, be readable, and not lead back to the project itself. */
  private async checkedOrigin(
    manager: EntityManager,
    project: Project,
    globalId: string,
    creating: boolean,
  ): Promise<string> {
    const originId = maybeIdOf(globalId, 'Project');
    if (!originId) fail('NOT_FOUND', 'There is no such project.', 'originProjectId');
    if (!creating && originId === project.id)
      fail('ADOPTION_CYCLE', 'A project cannot be adopted from itself.', 'originProjectId');
    const origin = await manager.findOneBy(Project, { id: originId });
    if (!origin) fail('NOT_FOUND', 'There is no such project.', 'originProjectId');
    if (!projectPolicy.canRead(this.ctx.viewer, origin, await this.participantsOf(manager, origin.id))) {
      fail('NOT_FOUND', 'There is no such project.', 'originProjectId');
    }
    if (!creating) {
      const [{ cycle }] = await manager.query(
        `WITH RECURSIVE chain(id, depth) AS (
           SELECT $1::uuid, 0
           UNION ALL
           SELECT p.origin_project_id, c.depth + 1 FROM chain c JOIN project p ON p.id = c.id
            WHERE p.origin_project_id IS NOT NULL AND c.depth < 100
         ) SELECT EXISTS (SELECT 1 FROM chain WHERE id = $2) AS cycle`,
        [originId, project.id],
      );
      if (cycle)
        fail(
          'ADOPTION_CYCLE',
          'That origin was itself adopted from this project: the lineage would form a cycle.',
          'originProjectId',
        );
    }
    return originId;
  }

  private async setPartners(manager: EntityManager, project: Project, globalIds: string[]): Promise<void> {
    const ids = [
      ...new Set(
        globalIds.map(
          (g, i) =>
            maybeIdOf(g, 'Municipality') ??
            fail('NOT_FOUND', 'There is no such municipality.', `partnerMunicipalityIds.${i}`),
        ),
      ),
    ];
    const partnerIds = ids.filter((id) => id !== project.leadMunicipalityId);
    const found = partnerIds.length ? await manager.countBy(Municipality, { id: In(partnerIds) }) : 0;
    if (found !== partnerIds.length)
      fail('NOT_FOUND', 'There is no such municipality.', 'partnerMunicipalityIds');
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

  /** Costs, funding, milestones and contacts: a given list replaces the stored one. */
  private async applyLists(
    manager: EntityManager,
    project: Project,
    input: CreateProjectInput | UpdateProjectInput,
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
      for (const [i, m] of input.milestones.entries()) validDate(m.dueDate, `milestones.${i}.dueDate`);
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
    if (input.contactIds) {
      const userIds = [
        ...new Set(
          input.contactIds.map(
            (g, i) =>
              maybeIdOf(g, 'User') ?? fail('NOT_FOUND', 'There is no such person.', `contactIds.${i}`),
          ),
        ),
      ];
      const participants = await this.participantsOf(manager, projectId);
      const municipalityIds = new Set([
        project.leadMunicipalityId,
        ...participants.map((p) => p.municipalityId),
      ]);
      const people = userIds.length ? await manager.findBy(User, { id: In(userIds) }) : [];
      for (const id of userIds) {
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
    if (!projectPolicy.canPublish(viewer, project, participants)) throw forbidden();
    const before = auditView(project);
    project.status = status;
    if (status === ProjectStatus.PUBLISHED && !project.publishedAt) project.publishedAt = new Date();
    await manager.getRepository(Project).save(project);
    await recordAudit(manager, {
      actorId: viewer.id,
      action: status === ProjectStatus.PUBLISHED ? 'project.publish' : 'project.unpublish',
      entityType: 'Project',
      entityId: project.id,
      before,
      after: auditView(project),
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
    if (!projectPolicy.canEdit(viewer, project, participants)) throw forbidden();
    // Re-read under the project's lock: an edit in between may have replaced the milestones.
    const milestone = await manager.findOneBy(ProjectMilestone, { id: found.id });
    if (!milestone) fail('NOT_FOUND', 'There is no such milestone.', 'milestoneId');
    if (milestone.done !== input.done) {
      await manager.update(ProjectMilestone, { id: milestone.id }, { done: input.done });
      await recordAudit(manager, {
        actorId: viewer.id,
        action: 'project.milestoneDone',
        entityType: 'Project',
        entityId: project.id,
        before: { milestone: milestone.title, done: milestone.done },
        after: { milestone: milestone.title, done: input.done },
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
    if (!projectPolicy.canPostStatusUpdate(viewer, project, participants)) throw forbidden();
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
    await recordAudit(manager, {
      actorId: viewer.id,
      action: 'project.statusUpdate',
      entityType: 'Project',
      entityId: project.id,
      after: { phase: input.phase, progressPercent: input.progressPercent, reportedOn: input.reportedOn },
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
   * Nachnutzung: creates the adopting municipality's own project linked to the origin (a draft
   * with the origin's description and solution), records it as adopter on the origin.
   */
  async adopt(
    manager: EntityManager,
    viewer: User,
    input: AdoptProjectInput,
  ): Promise<{ project: Project; origin: Project }> {
    const { project: origin, participants } = await this.loadForChange(manager, input.projectId, 'projectId');
    if (origin.status !== ProjectStatus.PUBLISHED)
      fail('NOT_PUBLISHED', 'Only published projects can be adopted.', 'projectId');
    const municipalityId = await this.actingMunicipality(manager, viewer, input.municipalityId);
    const existing = participants.find((p) => p.municipalityId === municipalityId);
    if (municipalityId === origin.leadMunicipalityId || existing?.role === ProjectParticipantRole.PARTNER) {
      fail('ADOPTION_CYCLE', 'A municipality cannot adopt a project it leads or partners in.', 'projectId');
    }
    if (existing?.role === ProjectParticipantRole.ADOPTER)
      fail('ALREADY_ADOPTED', 'Your municipality already adopted this project.', 'projectId');
    if (!projectPolicy.canAdopt(viewer, origin, participants)) throw forbidden();

    const adopted = manager.getRepository(Project).create({
      title: input.title?.trim() || origin.title,
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
    if (existing)
      await manager.update(ProjectParticipant, { id: existing.id }, { role: ProjectParticipantRole.ADOPTER });
    else
      await manager.insert(ProjectParticipant, {
        projectId: origin.id,
        municipalityId,
        role: ProjectParticipantRole.ADOPTER,
      });
    // Keeps the denormalised counter exact under concurrent adoptions (the row is locked above).
    await manager.query(
      'UPDATE project SET adoption_count = (SELECT COUNT(*) FROM project a WHERE a.origin_project_id = $1) WHERE id = $1',
      [origin.id],
    );
    origin.adoptionCount += 1;
    await recordAudit(manager, {
      actorId: viewer.id,
      action: 'project.adopt',
      entityType: 'Project',
      entityId: adopted.id,
      after: { ...auditView(adopted), estimatedSavingCents: adopted.estimatedSavingCents },
      requestId: this.ctx.requestId,
    });
    return { project: adopted, origin };
  }

  /** Marks (or withdraws) the viewer's municipality's interest in a published project. */
  async markInterest(
    manager: EntityManager,
    viewer: User,
    globalId: string,
    interested: boolean,
  ): Promise<Project> {
    const { project, participants } = await this.loadForChange(manager, globalId, 'projectId');
    if (!projectPolicy.canMarkInterest(viewer, project, participants)) throw forbidden();
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
    await recordAudit(manager, {
      actorId: viewer.id,
      action: interested ? 'project.interest' : 'project.interestWithdrawn',
      entityType: 'Project',
      entityId: project.id,
      after: { municipalityId },
      requestId: this.ctx.requestId,
    });
    return project;
  }
}
