import { MembershipStatus } from '@hub/shared';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { escapeLike } from '../../db/like';
import { paginate } from '../../db/paginate';
import type { Context } from '../../graphql/context';
import { inTransaction } from '../../graphql/context';
import { badInput, unauthenticated } from '../../graphql/errors';
import { registerNodeType } from '../../graphql/node-registry';
import type { Connection } from '../../graphql/relay';
import { ConnectionType, maybeIdOf } from '../../graphql/relay';
import { requireViewer } from '../auth';
import { Meeting, meetingById, meetingPolicy, Outcome, outcomeById } from '../meetings';
import { Municipality, municipalityById } from '../municipalities';
import { membershipByMunicipalityId } from '../network';
import { Project, projectById, readableProject, readableProjectsById, similarProjects } from '../projects';
import { type User, userById } from '../users';
import {
  Initiative,
  InitiativeStatusChange,
  PilotApplication,
  PrioritisationRound,
} from './initiative.entity';
import {
  ApplyAsPilotInput,
  CompleteInitiativeInput,
  DecideInitiativesInput,
  DecideInitiativesPayload,
  InitiativeDraftInput,
  InitiativeFilter,
  InitiativeHistoryEntry,
  InitiativeIdInput,
  InitiativePayload,
  InitiativePermissions,
  OpenPilotCallInput,
  PilotApplicationIdInput,
  PilotApplicationPayload,
  ProposeInitiativeInput,
  ProposeInitiativePayload,
  SimilarProjectHint,
  StartInitiativeRealisationInput,
  UpdateInitiativeInput,
} from './initiative.inputs';
import {
  historyByInitiative,
  initiativeById,
  initiativesByDecisionOutcome,
  pilotApplicationsByInitiative,
  roundsByInitiative,
  supportsByInitiative,
} from './initiative.loaders';
import { initiativePolicy, initiativeReadFilter } from './initiative.policy';
import { InitiativeService } from './initiative.service';

export const InitiativeConnection = ConnectionType(Initiative);

/** Whether the viewer's municipality is an active member (from the request's loader). */
export async function viewerMembership(ctx: Context): Promise<boolean> {
  const municipalityId = ctx.viewer?.municipalityId;
  if (!municipalityId) return false;
  const membership = await ctx.loaders.get(membershipByMunicipalityId).load(municipalityId);
  return membership?.status === MembershipStatus.ACTIVE;
}

registerNodeType('Initiative', async (ctx, id) =>
  initiativePolicy.can(ctx.viewer, 'read') ? ctx.loaders.get(initiativeById).load(id) : null,
);

registerNodeType('PilotApplication', async () => null);

const service = (ctx: Context) => new InitiativeService(ctx);

async function payload(
  ctx: Context,
  work: (s: InitiativeService, m: EntityManager, viewer: User) => Promise<Initiative>,
): Promise<InitiativePayload> {
  const viewer = requireViewer(ctx);
  const { result, userErrors } = await inTransaction(ctx, (m) => work(service(ctx), m, viewer));
  return { initiative: result, userErrors };
}

async function pilotPayload(
  ctx: Context,
  work: (
    s: InitiativeService,
    m: EntityManager,
    viewer: User,
  ) => Promise<{ application: PilotApplication; initiative: Initiative }>,
): Promise<PilotApplicationPayload> {
  const viewer = requireViewer(ctx);
  const { result, userErrors } = await inTransaction(ctx, (m) => work(service(ctx), m, viewer));
  return { application: result?.application ?? null, initiative: result?.initiative ?? null, userErrors };
}

async function hintsOf(ctx: Context, rows: { id: string; score: number }[]): Promise<SimilarProjectHint[]> {
  const hints = await Promise.all(
    rows.map(async (row) => {
      const project = await readableProject(ctx, await ctx.loaders.get(projectById).load(row.id));
      return project ? Object.assign(new SimilarProjectHint(), { project, score: row.score }) : null;
    }),
  );
  return hints.filter((h): h is SimilarProjectHint => h !== null);
}

/** Network initiatives: proposals, support, decisions, pilot cities; thin: authorize, call the service. */
@Resolver(() => Initiative)
export class InitiativeResolver {
  @Query(() => InitiativeConnection, { description: 'Network initiatives, newest first. Signed-in people.' })
  async initiatives(
    @Ctx() ctx: Context,
    @Arg('filter', () => InitiativeFilter, { nullable: true }) filter: InitiativeFilter | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<Initiative>> {
    if (!initiativePolicy.can(ctx.viewer, 'read')) throw unauthenticated();
    const readable = initiativeReadFilter(ctx.viewer);
    const query = ctx.dataSource
      .getRepository(Initiative)
      .createQueryBuilder('i')
      .where(readable.sql, readable.params);
    if (filter?.statuses?.length) query.andWhere('i.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter?.supportedByViewer) {
      query.andWhere(
        'EXISTS (SELECT 1 FROM initiative_support s WHERE s.initiative_id = i.id AND s.municipality_id = :own)',
        { own: ctx.viewer?.municipalityId ?? null },
      );
    }
    // Every word somewhere in the title, problem or goal, folded like the other lists' searches.
    const words = filter?.search?.trim().split(/\s+/).filter(Boolean) ?? [];
    words.forEach((word, i) => {
      query.andWhere(
        `hub_search_fold(i.title || ' ' || i.problem || ' ' || i.goal) LIKE '%' || hub_search_fold(:word${i}) || '%'`,
        { [`word${i}`]: escapeLike(word) },
      );
    });
    return paginate(query, { first, after }, [
      { expression: 'i.created_at', direction: 'DESC', type: 'timestamp', value: (i) => i.createdAt },
      { expression: 'i.id', direction: 'ASC', type: 'uuid', value: (i) => i.id },
    ]);
  }

  @Query(() => Initiative, { nullable: true, description: 'Null when missing or not readable.' })
  async initiative(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Initiative | null> {
    if (!ctx.viewer) throw unauthenticated();
    const uuid = maybeIdOf(id, 'Initiative');
    return uuid && initiativePolicy.can(ctx.viewer, 'read')
      ? ctx.loaders.get(initiativeById).load(uuid)
      : null;
  }

  @Query(() => [SimilarProjectHint], {
    description: 'Existing projects that may already do what a proposal being written asks for, best first.',
  })
  async similarProjectsForInitiative(
    @Arg('draft', () => InitiativeDraftInput) draft: InitiativeDraftInput,
    @Ctx() ctx: Context,
  ): Promise<SimilarProjectHint[]> {
    if (!initiativePolicy.can(ctx.viewer, 'read')) throw unauthenticated();
    const first = draft.first ?? 5;
    if (!Number.isInteger(first) || first < 1 || first > 10) throw badInput('first: 1–10.', 'first');
    const rows = await similarProjects(ctx.dataSource, {
      title: draft.title,
      summary: [draft.problem, draft.goal].filter(Boolean).join(' '),
      category: draft.category ?? null,
      first,
    });
    return hintsOf(ctx, rows);
  }

  @Query(() => Boolean, { description: 'Whether the viewer may propose an initiative.' })
  async viewerCanProposeInitiative(@Ctx() ctx: Context): Promise<boolean> {
    return initiativePolicy.can(ctx.viewer, 'propose', { actorIsMember: await viewerMembership(ctx) });
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who proposed it (network members only).' })
  async proposedByName(@Root() initiative: Initiative, @Ctx() ctx: Context): Promise<string | null> {
    if (!initiative.proposedById || !initiativePolicy.can(ctx.viewer, 'readPersonalData')) return null;
    return (await ctx.loaders.get(userById).load(initiative.proposedById))?.name ?? null;
  }

  @FieldResolver(() => Boolean, { description: 'The viewer proposed it.' })
  proposedByViewer(@Root() initiative: Initiative, @Ctx() ctx: Context): boolean {
    return ctx.viewer !== null && ctx.viewer.id === initiative.proposedById;
  }

  @FieldResolver(() => Municipality, { nullable: true, description: "The proposer's municipality." })
  proposingMunicipality(
    @Root() initiative: Initiative,
    @Ctx() ctx: Context,
  ): Promise<Municipality | null> | null {
    return initiative.proposingMunicipalityId
      ? ctx.loaders.get(municipalityById).load(initiative.proposingMunicipalityId)
      : null;
  }

  @FieldResolver(() => [Project], { description: 'Related existing projects the viewer may read.' })
  relatedProjects(@Root() initiative: Initiative, @Ctx() ctx: Context): Promise<Project[]> {
    return readableProjectsById(ctx, initiative.relatedProjectIds);
  }

  @FieldResolver(() => Int, { description: 'Member municipalities that declared their interest.' })
  async supportCount(@Root() initiative: Initiative, @Ctx() ctx: Context): Promise<number> {
    return (await ctx.loaders.get(supportsByInitiative).load(initiative.id)).length;
  }

  @FieldResolver(() => [Municipality], {
    description: 'The supporting municipalities, first supporter first.',
  })
  async supporters(@Root() initiative: Initiative, @Ctx() ctx: Context): Promise<Municipality[]> {
    const supports = await ctx.loaders.get(supportsByInitiative).load(initiative.id);
    const list = await ctx.loaders.get(municipalityById).loadMany(supports.map((s) => s.municipalityId));
    return list.filter((m): m is Municipality => m !== null && !(m instanceof Error));
  }

  @FieldResolver(() => Boolean, { description: "The viewer's municipality supports it." })
  async viewerSupports(@Root() initiative: Initiative, @Ctx() ctx: Context): Promise<boolean> {
    const own = ctx.viewer?.municipalityId;
    if (!own) return false;
    return (await ctx.loaders.get(supportsByInitiative).load(initiative.id)).some(
      (s) => s.municipalityId === own,
    );
  }

  @FieldResolver(() => [InitiativeHistoryEntry], { description: 'Every status change, oldest first.' })
  async history(@Root() initiative: Initiative, @Ctx() ctx: Context): Promise<InitiativeHistoryEntry[]> {
    const changes: InitiativeStatusChange[] = await ctx.loaders.get(historyByInitiative).load(initiative.id);
    const names = initiativePolicy.can(ctx.viewer, 'readPersonalData');
    return Promise.all(
      changes.map(async (change) => ({
        fromStatus: change.fromStatus,
        toStatus: change.toStatus,
        occurredAt: change.occurredAt,
        reason: change.reason,
        actorName:
          names && change.actorId
            ? ((await ctx.loaders.get(userById).load(change.actorId))?.name ?? null)
            : null,
      })),
    );
  }

  @FieldResolver(() => [PrioritisationRound], { description: 'The rounds it was weighed in, newest first.' })
  rounds(@Root() initiative: Initiative, @Ctx() ctx: Context): Promise<PrioritisationRound[]> {
    return ctx.loaders.get(roundsByInitiative).load(initiative.id);
  }

  @FieldResolver(() => Outcome, {
    nullable: true,
    description: 'The decision outcome on the meeting agenda that decided it.',
  })
  async decisionOutcome(@Root() initiative: Initiative, @Ctx() ctx: Context): Promise<Outcome | null> {
    if (!initiative.decisionOutcomeId || !meetingPolicy.can(ctx.viewer, 'read')) return null;
    return ctx.loaders.get(outcomeById).load(initiative.decisionOutcomeId);
  }

  @FieldResolver(() => Meeting, { nullable: true, description: 'The meeting in which it was decided.' })
  async decisionMeeting(@Root() initiative: Initiative, @Ctx() ctx: Context): Promise<Meeting | null> {
    if (!initiative.decisionMeetingId || !meetingPolicy.can(ctx.viewer, 'read')) return null;
    return ctx.loaders.get(meetingById).load(initiative.decisionMeetingId);
  }

  @FieldResolver(() => [PilotApplication], { description: 'Applications as pilot city, first first.' })
  pilotApplications(@Root() initiative: Initiative, @Ctx() ctx: Context): Promise<PilotApplication[]> {
    return ctx.loaders.get(pilotApplicationsByInitiative).load(initiative.id);
  }

  @FieldResolver(() => Project, { nullable: true, description: 'The network project realising it.' })
  async project(@Root() initiative: Initiative, @Ctx() ctx: Context): Promise<Project | null> {
    if (!initiative.projectId) return null;
    return readableProject(ctx, await ctx.loaders.get(projectById).load(initiative.projectId));
  }

  @FieldResolver(() => InitiativePermissions)
  async viewerCan(@Root() initiative: Initiative, @Ctx() ctx: Context): Promise<InitiativePermissions> {
    const state = { initiative, actorIsMember: await viewerMembership(ctx) };
    const can = (action: Parameters<typeof initiativePolicy.can>[1]) =>
      initiativePolicy.can(ctx.viewer, action as 'update', state);
    return {
      update: can('update'),
      support: can('support'),
      decide: can('decide'),
      openCall: can('openCall'),
      applyAsPilot: can('applyAsPilot'),
      confirmPilots: can('confirmPilot'),
      startRealisation: can('startRealisation'),
      complete: can('complete'),
    };
  }

  @Mutation(() => ProposeInitiativePayload, {
    description: 'Also returns existing projects that may do the same.',
  })
  async proposeInitiative(
    @Arg('input', () => ProposeInitiativeInput) input: ProposeInitiativeInput,
    @Ctx() ctx: Context,
  ): Promise<ProposeInitiativePayload> {
    const viewer = requireViewer(ctx);
    const { result, userErrors } = await inTransaction(ctx, (m) => service(ctx).propose(m, viewer, input));
    return {
      initiative: result?.initiative ?? null,
      userErrors,
      similarProjects: result ? await hintsOf(ctx, result.similar) : [],
    };
  }

  @Mutation(() => InitiativePayload, { description: 'The proposer or a coordinator edits a proposal.' })
  updateInitiative(
    @Arg('input', () => UpdateInitiativeInput) input: UpdateInitiativeInput,
    @Ctx() ctx: Context,
  ): Promise<InitiativePayload> {
    return payload(ctx, (s, m, viewer) => s.update(m, viewer, input));
  }

  @Mutation(() => InitiativePayload, {
    description: '"Wir sind interessiert" for the officer\'s municipality.',
  })
  supportInitiative(
    @Arg('input', () => InitiativeIdInput) input: InitiativeIdInput,
    @Ctx() ctx: Context,
  ): Promise<InitiativePayload> {
    return payload(ctx, (s, m, viewer) => s.support(m, viewer, input.initiativeId, true));
  }

  @Mutation(() => InitiativePayload)
  withdrawInitiativeSupport(
    @Arg('input', () => InitiativeIdInput) input: InitiativeIdInput,
    @Ctx() ctx: Context,
  ): Promise<InitiativePayload> {
    return payload(ctx, (s, m, viewer) => s.support(m, viewer, input.initiativeId, false));
  }

  @Mutation(() => DecideInitiativesPayload, {
    description: 'Records the steering decisions on a decision outcome of a meeting (coordinators).',
  })
  async decideInitiatives(
    @Arg('input', () => DecideInitiativesInput) input: DecideInitiativesInput,
    @Ctx() ctx: Context,
  ): Promise<DecideInitiativesPayload> {
    const viewer = requireViewer(ctx);
    const { result, userErrors } = await inTransaction(ctx, (m) => service(ctx).decide(m, viewer, input));
    return { initiatives: result ?? [], userErrors };
  }

  @Mutation(() => InitiativePayload, { description: 'A selected initiative calls for pilot cities.' })
  openPilotCall(
    @Arg('input', () => OpenPilotCallInput) input: OpenPilotCallInput,
    @Ctx() ctx: Context,
  ): Promise<InitiativePayload> {
    return payload(ctx, (s, m, viewer) => s.openCall(m, viewer, input));
  }

  @Mutation(() => PilotApplicationPayload, {
    description: 'An officer applies for their municipality as pilot.',
  })
  applyAsPilot(
    @Arg('input', () => ApplyAsPilotInput) input: ApplyAsPilotInput,
    @Ctx() ctx: Context,
  ): Promise<PilotApplicationPayload> {
    return pilotPayload(ctx, (s, m, viewer) => s.applyAsPilot(m, viewer, input));
  }

  @Mutation(() => PilotApplicationPayload)
  withdrawPilotApplication(
    @Arg('input', () => PilotApplicationIdInput) input: PilotApplicationIdInput,
    @Ctx() ctx: Context,
  ): Promise<PilotApplicationPayload> {
    return pilotPayload(ctx, (s, m, viewer) => s.withdrawPilotApplication(m, viewer, input.applicationId));
  }

  @Mutation(() => PilotApplicationPayload, { description: 'A coordinator confirms a pilot city.' })
  confirmPilot(
    @Arg('input', () => PilotApplicationIdInput) input: PilotApplicationIdInput,
    @Ctx() ctx: Context,
  ): Promise<PilotApplicationPayload> {
    return pilotPayload(ctx, (s, m, viewer) => s.confirmPilot(m, viewer, input.applicationId));
  }

  @Mutation(() => InitiativePayload, {
    description: 'Confirms the call: creates the network project with the confirmed pilots (coordinators).',
  })
  startInitiativeRealisation(
    @Arg('input', () => StartInitiativeRealisationInput) input: StartInitiativeRealisationInput,
    @Ctx() ctx: Context,
  ): Promise<InitiativePayload> {
    return payload(ctx, (s, m, viewer) => s.startRealisation(m, viewer, input));
  }

  @Mutation(() => InitiativePayload)
  completeInitiative(
    @Arg('input', () => CompleteInitiativeInput) input: CompleteInitiativeInput,
    @Ctx() ctx: Context,
  ): Promise<InitiativePayload> {
    return payload(ctx, (s, m, viewer) => s.complete(m, viewer, input));
  }
}

/** A pilot application: the municipality is public within the network, the applicant's name for members only. */
@Resolver(() => PilotApplication)
export class PilotApplicationResolver {
  @FieldResolver(() => Municipality, { nullable: true })
  municipality(@Root() application: PilotApplication, @Ctx() ctx: Context): Promise<Municipality | null> {
    return ctx.loaders.get(municipalityById).load(application.municipalityId);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Who applied (network members only).' })
  async appliedByName(@Root() application: PilotApplication, @Ctx() ctx: Context): Promise<string | null> {
    if (!application.appliedById || !initiativePolicy.can(ctx.viewer, 'readPersonalData')) return null;
    return (await ctx.loaders.get(userById).load(application.appliedById))?.name ?? null;
  }

  @FieldResolver(() => Boolean, { description: "The viewer's own municipality applied." })
  ownMunicipality(@Root() application: PilotApplication, @Ctx() ctx: Context): boolean {
    return ctx.viewer?.municipalityId === application.municipalityId;
  }
}

/** The other direction of the decision link: a meeting's decision outcome lists the initiatives it decided. */
@Resolver(() => Outcome)
export class OutcomeInitiativesResolver {
  @FieldResolver(() => [Initiative], { description: 'Network initiatives this decision decided.' })
  async initiatives(@Root() outcome: Outcome, @Ctx() ctx: Context): Promise<Initiative[]> {
    if (!initiativePolicy.can(ctx.viewer, 'read')) return [];
    return ctx.loaders.get(initiativesByDecisionOutcome).load(outcome.id);
  }
}
