import {
  InitiativeDecision,
  InitiativeStatus,
  initiativeLimits,
  OutcomeKind,
  PilotApplicationStatus,
  PrioritisationRoundStatus,
} from '@hub/shared';
import type { EntityManager } from 'typeorm';
import type { Context } from '../../graphql/context';
import { forbidden, notFound } from '../../graphql/errors';
import { maybeIdOf, toGlobalId } from '../../graphql/relay';
import { fail } from '../../graphql/user-error';
import { emitDomainEvent } from '../events';
import { outcomeSummary } from '../meetings';
import { createNetworkProject, readableProjectIds, type SimilarRow, similarProjects } from '../projects';
import { isCoordinator, isOfficer, type User } from '../users';
import {
  actingMunicipality,
  checkedCost,
  checkedDate,
  checkedProgrammes,
  checkedText,
  idOrFail,
  viewerIsMember,
} from './initiative.checks';
import {
  Initiative,
  InitiativeStatusChange,
  InitiativeSupport,
  PilotApplication,
  PrioritisationRound,
} from './initiative.entity';
import type {
  ApplyAsPilotInput,
  CompleteInitiativeInput,
  DecideInitiativesInput,
  OpenPilotCallInput,
  ProposeInitiativeInput,
  StartInitiativeRealisationInput,
  UpdateInitiativeInput,
} from './initiative.inputs';
import { initiativePolicy } from './initiative.policy';

const L = initiativeLimits;

/** The fields recorded with a proposal's events (no long texts). */
const eventView = (i: Initiative) => ({
  title: i.title,
  category: i.category,
  status: i.status,
  costEstimateCents: i.costEstimateCents,
  relatedProjects: i.relatedProjectIds.length,
});

/**
 * Moves an initiative to another status: the history row (date, actor, reason) and the
 * `initiative.statusChange` event are written with the change, in the caller's transaction.
 */
export async function moveInitiative(
  manager: EntityManager,
  initiative: Initiative,
  to: InitiativeStatus,
  change: { actorId: string | null; reason: string; requestId: string | null; demo?: boolean; at?: Date },
): Promise<void> {
  const from = initiative.status;
  initiative.status = to;
  await manager.update(Initiative, { id: initiative.id }, { status: to });
  await manager.insert(InitiativeStatusChange, {
    initiativeId: initiative.id,
    fromStatus: from,
    toStatus: to,
    actorId: change.actorId,
    reason: change.reason,
    occurredAt: change.at ?? new Date(),
  });
  await emitDomainEvent(manager, {
    type: 'initiative.statusChange',
    actorId: change.actorId,
    subjectType: 'Initiative',
    subjectId: initiative.id,
    requestId: change.requestId,
    payload: {
      title: initiative.title,
      from,
      to,
      reason: change.reason,
      ...(change.demo ? { demo: true } : {}),
    },
  });
}

/** Proposals, support, decisions, the call for pilot cities and the network project; one transaction per call. */
export class InitiativeService {
  constructor(private readonly ctx: Context) {}

  private get requestId() {
    return this.ctx.requestId;
  }

  /** The initiative locked for a change; a missing one (or a wrong ID) is NOT_FOUND on `field`. */
  private async load(manager: EntityManager, globalId: string, field = 'initiativeId'): Promise<Initiative> {
    const id = maybeIdOf(globalId, 'Initiative');
    const initiative = id
      ? await manager
          .getRepository(Initiative)
          .createQueryBuilder('i')
          .setLock('pessimistic_write')
          .where('i.id = :id', { id })
          .getOne()
      : null;
    return initiative ?? fail('NOT_FOUND', 'There is no such initiative.', field);
  }

  private async relatedProjects(manager: EntityManager, viewer: User, ids: string[] | null | undefined) {
    const list = ids ?? [];
    if (list.length > L.relatedProjects.max)
      fail('TOO_MANY', `At most ${L.relatedProjects.max} related projects.`, 'relatedProjectIds');
    const uuids = [...new Set(list.map((g, i) => idOrFail(g, 'Project', `relatedProjectIds.${i}`)))];
    const readable = new Set(await readableProjectIds(manager, viewer, uuids));
    const missing = uuids.findIndex((id) => !readable.has(id));
    if (missing >= 0) fail('NOT_FOUND', 'There is no such project.', `relatedProjectIds.${missing}`);
    return uuids;
  }

  /** A new proposal by an officer of a member municipality or a coordinator, with likely duplicates. */
  async propose(
    manager: EntityManager,
    viewer: User,
    input: ProposeInitiativeInput,
  ): Promise<{ initiative: Initiative; similar: SimilarRow[] }> {
    if (!isCoordinator(viewer) && !isOfficer(viewer))
      throw forbidden('Officers and coordinators propose initiatives.');
    const actorIsMember = await viewerIsMember(manager, viewer);
    if (!initiativePolicy.can(viewer, 'propose', { actorIsMember }))
      fail('NOT_NETWORK_MEMBER', 'Your municipality is not an active member of the network.', 'title');
    const initiative = manager.getRepository(Initiative).create({
      title: checkedText(input.title, 'title', {
        required: true,
        min: L.title.minLength,
        max: L.title.maxLength,
      }),
      problem: checkedText(input.problem, 'problem', { required: true, max: L.text.maxLength }),
      goal: checkedText(input.goal, 'goal', { required: true, max: L.text.maxLength }),
      expectedBenefit: checkedText(input.expectedBenefit, 'expectedBenefit', { max: L.text.maxLength }),
      category: input.category,
      costEstimateCents: checkedCost(input.costEstimateCents),
      fundingProgrammes: checkedProgrammes(input.fundingProgrammes),
      relatedProjectIds: await this.relatedProjects(manager, viewer, input.relatedProjectIds),
      status: InitiativeStatus.PROPOSED,
      proposedById: viewer.id,
      proposingMunicipalityId: isOfficer(viewer) ? viewer.municipalityId : null,
      isDemo: false,
    });
    await manager.getRepository(Initiative).insert(initiative);
    await manager.insert(InitiativeStatusChange, {
      initiativeId: initiative.id,
      fromStatus: null,
      toStatus: InitiativeStatus.PROPOSED,
      actorId: viewer.id,
      reason: '',
    });
    await emitDomainEvent(manager, {
      type: 'initiative.propose',
      actorId: viewer.id,
      subjectType: 'Initiative',
      subjectId: initiative.id,
      requestId: this.requestId,
      payload: eventView(initiative),
    });
    const similar = await similarProjects(manager, {
      title: initiative.title,
      summary: `${initiative.problem} ${initiative.goal}`,
      category: initiative.category,
      first: 5,
    });
    return { initiative, similar };
  }

  async update(manager: EntityManager, viewer: User, input: UpdateInitiativeInput): Promise<Initiative> {
    const initiative = await this.load(manager, input.id, 'id');
    if (!initiativePolicy.can(viewer, 'update', { initiative, actorIsMember: true })) {
      if (!isCoordinator(viewer) && viewer.id !== initiative.proposedById)
        throw forbidden('Only the proposer or a coordinator edits a proposal.');
      fail('INVALID_STATE', 'Only proposals that are not yet in a round can be edited.', 'id');
    }
    const before = eventView(initiative);
    if (input.title != null)
      initiative.title = checkedText(input.title, 'title', {
        required: true,
        min: L.title.minLength,
        max: L.title.maxLength,
      });
    if (input.problem != null)
      initiative.problem = checkedText(input.problem, 'problem', { required: true, max: L.text.maxLength });
    if (input.goal != null)
      initiative.goal = checkedText(input.goal, 'goal', { required: true, max: L.text.maxLength });
    if (input.expectedBenefit != null)
      initiative.expectedBenefit = checkedText(input.expectedBenefit, 'expectedBenefit', {
        max: L.text.maxLength,
      });
    if (input.category != null) initiative.category = input.category;
    if (input.costEstimateCents !== undefined)
      initiative.costEstimateCents = checkedCost(input.costEstimateCents);
    if (input.fundingProgrammes != null)
      initiative.fundingProgrammes = checkedProgrammes(input.fundingProgrammes);
    if (input.relatedProjectIds != null)
      initiative.relatedProjectIds = await this.relatedProjects(manager, viewer, input.relatedProjectIds);
    await manager.getRepository(Initiative).save(initiative);
    await emitDomainEvent(manager, {
      type: 'initiative.update',
      actorId: viewer.id,
      subjectType: 'Initiative',
      subjectId: initiative.id,
      requestId: this.requestId,
      before,
      payload: eventView(initiative),
    });
    return initiative;
  }

  /** "Wir sind interessiert": the officer's member municipality supports the proposal (once). */
  async support(
    manager: EntityManager,
    viewer: User,
    globalId: string,
    supported: boolean,
  ): Promise<Initiative> {
    if (!isOfficer(viewer)) throw forbidden('Officers declare the interest of their municipality.');
    const initiative = await this.load(manager, globalId);
    const municipalityId = await actingMunicipality(manager, viewer, null, 'initiativeId');
    if (!initiativePolicy.can(viewer, 'support', { initiative, actorIsMember: true }))
      fail('INVALID_STATE', 'Interest can no longer be declared for this initiative.', 'initiativeId');
    if (supported) {
      const inserted = await manager
        .createQueryBuilder()
        .insert()
        .into(InitiativeSupport)
        .values({ initiativeId: initiative.id, municipalityId, supportedById: viewer.id })
        .orIgnore()
        .returning(['initiative_id'])
        .execute();
      // Declared already (by this or another officer of the municipality): nothing changes, nobody is told again.
      if (!inserted.raw.length) return initiative;
    } else {
      const removed = await manager.delete(InitiativeSupport, {
        initiativeId: initiative.id,
        municipalityId,
      });
      if (!removed.affected) return initiative;
    }
    await emitDomainEvent(manager, {
      type: supported ? 'initiative.support' : 'initiative.supportWithdrawn',
      actorId: viewer.id,
      subjectType: 'Initiative',
      subjectId: initiative.id,
      requestId: this.requestId,
      payload: { municipalityId, title: initiative.title },
    });
    return initiative;
  }

  /**
   * The steering committee's decisions, recorded on a decision outcome of a meeting's agenda: each
   * initiative is selected, deferred or rejected with its reason, and linked to the outcome.
   */
  async decide(manager: EntityManager, viewer: User, input: DecideInitiativesInput): Promise<Initiative[]> {
    if (!isCoordinator(viewer))
      throw forbidden('Coordinators record the decisions of the steering committee.');
    const outcomeId = idOrFail(input.outcomeId, 'Outcome', 'outcomeId');
    const outcome = await outcomeSummary(manager, outcomeId);
    if (!outcome) fail('NOT_FOUND', 'There is no such outcome.', 'outcomeId');
    if (outcome.kind !== OutcomeKind.DECISION)
      fail('INVALID_REFERENCE', 'Initiatives are decided by an outcome of kind decision.', 'outcomeId');
    if (!input.decisions.length) fail('REQUIRED', 'Name at least one initiative.', 'decisions');
    if (input.decisions.length > L.roundInitiatives.max)
      fail('TOO_MANY', `At most ${L.roundInitiatives.max} decisions at once.`, 'decisions');
    const decided: Initiative[] = [];
    const seen = new Set<string>();
    for (const [i, entry] of input.decisions.entries()) {
      const field = `decisions.${i}`;
      const initiative = await this.load(manager, entry.initiativeId, `${field}.initiativeId`);
      if (seen.has(initiative.id))
        fail('VALIDATION', 'An initiative is named twice.', `${field}.initiativeId`);
      seen.add(initiative.id);
      const reason = checkedText(entry.reason, `${field}.reason`, {
        required: true,
        max: L.reason.maxLength,
      });
      if (!initiativePolicy.can(viewer, 'decide', { initiative, actorIsMember: false }))
        fail('INVALID_STATE', 'This initiative has been decided already.', `${field}.initiativeId`);
      const inOpenRound = await manager
        .getRepository(PrioritisationRound)
        .createQueryBuilder('r')
        .where('r.status = :open AND :id = ANY(r.initiative_ids)', {
          open: PrioritisationRoundStatus.OPEN,
          id: initiative.id,
        })
        .getExists();
      if (inOpenRound)
        fail(
          'INVALID_STATE',
          'Its prioritisation round is still open: close it first.',
          `${field}.initiativeId`,
        );
      initiative.decision = entry.decision;
      initiative.decisionReason = reason;
      initiative.decidedAt = new Date();
      initiative.decisionOutcomeId = outcome.id;
      initiative.decisionMeetingId = outcome.meetingId;
      await manager.update(
        Initiative,
        { id: initiative.id },
        {
          decision: initiative.decision,
          decisionReason: reason,
          decidedAt: initiative.decidedAt,
          decisionOutcomeId: outcome.id,
          decisionMeetingId: outcome.meetingId,
        },
      );
      await moveInitiative(manager, initiative, STATUS_OF_DECISION[entry.decision], {
        actorId: viewer.id,
        reason,
        requestId: this.requestId,
      });
      await emitDomainEvent(manager, {
        type: 'initiative.decide',
        actorId: viewer.id,
        subjectType: 'Initiative',
        subjectId: initiative.id,
        requestId: this.requestId,
        payload: {
          title: initiative.title,
          decision: entry.decision,
          reason,
          meetingId: outcome.meetingId,
          outcomeId: outcome.id,
        },
      });
      decided.push(initiative);
    }
    return decided;
  }

  /** A selected initiative asks member municipalities to apply as pilot cities. */
  async openCall(manager: EntityManager, viewer: User, input: OpenPilotCallInput): Promise<Initiative> {
    if (!isCoordinator(viewer)) throw forbidden('Coordinators open calls for pilot cities.');
    const initiative = await this.load(manager, input.initiativeId);
    if (!initiativePolicy.can(viewer, 'openCall', { initiative, actorIsMember: false }))
      fail('INVALID_STATE', 'Only selected initiatives open a call for pilot cities.', 'initiativeId');
    initiative.callText = checkedText(input.text, 'text', { max: L.text.maxLength }) || null;
    initiative.callOpenedAt = new Date();
    await manager.update(
      Initiative,
      { id: initiative.id },
      { callText: initiative.callText, callOpenedAt: initiative.callOpenedAt },
    );
    await moveInitiative(manager, initiative, InitiativeStatus.CALL_OPEN, {
      actorId: viewer.id,
      reason: 'Aufruf für Pilotkommunen geöffnet',
      requestId: this.requestId,
    });
    return initiative;
  }

  /** An officer applies for their member municipality; applying again replaces the statement. */
  async applyAsPilot(
    manager: EntityManager,
    viewer: User,
    input: ApplyAsPilotInput,
  ): Promise<{ application: PilotApplication; initiative: Initiative }> {
    if (!isOfficer(viewer)) throw forbidden('Officers apply for their municipality.');
    const initiative = await this.load(manager, input.initiativeId);
    const municipalityId = await actingMunicipality(manager, viewer, input.municipalityId);
    if (!initiativePolicy.can(viewer, 'applyAsPilot', { initiative, actorIsMember: true }))
      fail('INVALID_STATE', 'This initiative has no open call for pilot cities.', 'initiativeId');
    const statement = checkedText(input.statement, 'statement', {
      required: true,
      min: L.pilotStatement.minLength,
      max: L.pilotStatement.maxLength,
    });
    const canStartOn = checkedDate(input.canStartOn, 'canStartOn');
    const repo = manager.getRepository(PilotApplication);
    const existing = await repo.findOneBy({ initiativeId: initiative.id, municipalityId });
    if (existing?.status === PilotApplicationStatus.CONFIRMED)
      fail('INVALID_STATE', 'Your municipality is confirmed as pilot already.', 'initiativeId');
    const application =
      existing ??
      repo.create({ initiativeId: initiative.id, municipalityId, confirmedAt: null, confirmedById: null });
    Object.assign(application, {
      statement,
      canStartOn,
      appliedById: viewer.id,
      status: PilotApplicationStatus.APPLIED,
    });
    await repo.save(application);
    await emitDomainEvent(manager, {
      type: 'initiative.pilotApply',
      actorId: viewer.id,
      subjectType: 'Initiative',
      subjectId: initiative.id,
      requestId: this.requestId,
      payload: { municipalityId, applicationId: application.id, title: initiative.title },
    });
    return { application, initiative };
  }

  /** Withdraws the municipality's (unconfirmed) application. */
  async withdrawPilotApplication(
    manager: EntityManager,
    viewer: User,
    applicationGlobalId: string,
  ): Promise<{ application: PilotApplication; initiative: Initiative }> {
    if (!isOfficer(viewer)) throw forbidden('Officers withdraw the application of their municipality.');
    const { application, initiative } = await this.loadApplication(manager, applicationGlobalId);
    if (application.municipalityId !== viewer.municipalityId)
      fail(
        'NOT_OWN_MUNICIPALITY',
        'You can only withdraw the application of your own municipality.',
        'applicationId',
      );
    if (application.status !== PilotApplicationStatus.APPLIED)
      fail('INVALID_STATE', 'Only open applications can be withdrawn.', 'applicationId');
    application.status = PilotApplicationStatus.WITHDRAWN;
    await manager.save(application);
    await emitDomainEvent(manager, {
      type: 'initiative.pilotWithdraw',
      actorId: viewer.id,
      subjectType: 'Initiative',
      subjectId: initiative.id,
      requestId: this.requestId,
      payload: { municipalityId: application.municipalityId, applicationId: application.id },
    });
    return { application, initiative };
  }

  private async loadApplication(manager: EntityManager, globalId: string) {
    const id = idOrFail(globalId, 'PilotApplication', 'applicationId');
    const application = await manager
      .getRepository(PilotApplication)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!application) fail('NOT_FOUND', 'There is no such application.', 'applicationId');
    const initiative = await this.load(manager, toGlobalId('Initiative', application.initiativeId));
    return { application, initiative };
  }

  /** A coordinator confirms a municipality as pilot city. */
  async confirmPilot(
    manager: EntityManager,
    viewer: User,
    applicationGlobalId: string,
  ): Promise<{ application: PilotApplication; initiative: Initiative }> {
    if (!isCoordinator(viewer)) throw forbidden('Coordinators confirm pilot cities.');
    const { application, initiative } = await this.loadApplication(manager, applicationGlobalId);
    if (!initiativePolicy.can(viewer, 'confirmPilot', { initiative, actorIsMember: false }))
      fail('INVALID_STATE', 'The call for pilot cities of this initiative is not open.', 'applicationId');
    if (application.status !== PilotApplicationStatus.APPLIED)
      fail('INVALID_STATE', 'Only open applications can be confirmed.', 'applicationId');
    application.status = PilotApplicationStatus.CONFIRMED;
    application.confirmedById = viewer.id;
    application.confirmedAt = new Date();
    await manager.save(application);
    await emitDomainEvent(manager, {
      type: 'initiative.pilotConfirm',
      actorId: viewer.id,
      subjectType: 'Initiative',
      subjectId: initiative.id,
      requestId: this.requestId,
      payload: {
        municipalityId: application.municipalityId,
        applicationId: application.id,
        appliedById: application.appliedById,
        title: initiative.title,
      },
    });
    return { application, initiative };
  }

  /**
   * Confirms the call: the network project is created through the projects module (network flag,
   * the confirmed pilots as lead and partners), linked to the initiative, which is now in realisation.
   */
  async startRealisation(
    manager: EntityManager,
    viewer: User,
    input: StartInitiativeRealisationInput,
  ): Promise<Initiative> {
    if (!isCoordinator(viewer)) throw forbidden('Coordinators start the realisation.');
    const initiative = await this.load(manager, input.initiativeId);
    if (!initiativePolicy.can(viewer, 'startRealisation', { initiative, actorIsMember: false }))
      fail(
        'INVALID_STATE',
        'Only an initiative with an open call for pilot cities starts its realisation.',
        'initiativeId',
      );
    const pilots = await manager.getRepository(PilotApplication).find({
      where: { initiativeId: initiative.id, status: PilotApplicationStatus.CONFIRMED },
      order: { confirmedAt: 'ASC', id: 'ASC' },
    });
    if (!pilots.length) fail('NO_PILOTS', 'Confirm at least one pilot municipality first.', 'initiativeId');
    const pilotIds = pilots.map((p) => p.municipalityId);
    const lead = input.leadMunicipalityId ? maybeIdOf(input.leadMunicipalityId, 'Municipality') : pilotIds[0];
    if (!lead || !pilotIds.includes(lead))
      fail(
        'INVALID_REFERENCE',
        'The lead must be one of the confirmed pilot municipalities.',
        'leadMunicipalityId',
      );
    const project = await createNetworkProject(this.ctx, manager, viewer, {
      title: initiative.title,
      summary: initiative.goal,
      description: [
        `## Problem\n\n${initiative.problem}`,
        `## Ziel\n\n${initiative.goal}`,
        initiative.expectedBenefit ? `## Erwarteter Nutzen\n\n${initiative.expectedBenefit}` : '',
      ]
        .filter(Boolean)
        .join('\n\n'),
      category: initiative.category,
      leadMunicipalityId: lead,
      partnerMunicipalityIds: pilotIds.filter((id) => id !== lead),
    });
    initiative.projectId = project.id;
    await manager.update(Initiative, { id: initiative.id }, { projectId: project.id });
    await moveInitiative(manager, initiative, InitiativeStatus.IN_REALISATION, {
      actorId: viewer.id,
      reason: `Netzwerkprojekt mit ${pilots.length} Pilotkommune${pilots.length === 1 ? '' : 'n'} gestartet`,
      requestId: this.requestId,
    });
    await emitDomainEvent(manager, {
      type: 'initiative.realisationStart',
      actorId: viewer.id,
      subjectType: 'Initiative',
      subjectId: initiative.id,
      requestId: this.requestId,
      payload: { projectId: project.id, pilotMunicipalityIds: pilotIds, title: initiative.title },
    });
    return initiative;
  }

  async complete(manager: EntityManager, viewer: User, input: CompleteInitiativeInput): Promise<Initiative> {
    if (!isCoordinator(viewer)) throw forbidden('Coordinators complete initiatives.');
    const initiative = await this.load(manager, input.initiativeId);
    if (!initiativePolicy.can(viewer, 'complete', { initiative, actorIsMember: false }))
      fail('INVALID_STATE', 'Only initiatives in realisation can be completed.', 'initiativeId');
    await moveInitiative(manager, initiative, InitiativeStatus.COMPLETED, {
      actorId: viewer.id,
      reason: checkedText(input.reason, 'reason', { max: L.reason.maxLength }),
      requestId: this.requestId,
    });
    return initiative;
  }
}

/** The status a steering decision moves an initiative to. */
export const STATUS_OF_DECISION: Record<InitiativeDecision, InitiativeStatus> = {
  [InitiativeDecision.SELECTED]: InitiativeStatus.SELECTED,
  [InitiativeDecision.DEFERRED]: InitiativeStatus.DEFERRED,
  [InitiativeDecision.REJECTED]: InitiativeStatus.REJECTED,
};

/** NOT_FOUND for a missing initiative when it is read outside a mutation (routes, node). */
export const noSuchInitiative = () => notFound('There is no such initiative.');
