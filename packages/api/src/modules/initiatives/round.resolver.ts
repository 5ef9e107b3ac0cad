import { PrioritisationRoundStatus } from '@hub/shared';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import { paginate } from '../../db/paginate';
import type { Context } from '../../graphql/context';
import { inTransaction } from '../../graphql/context';
import { unauthenticated } from '../../graphql/errors';
import { registerNodeType } from '../../graphql/node-registry';
import type { Connection } from '../../graphql/relay';
import { ConnectionType, maybeIdOf, toGlobalId } from '../../graphql/relay';
import { requireViewer } from '../auth';
import { municipalityById } from '../municipalities';
import type { User } from '../users';
import { Initiative, PrioritisationRound, type RoundBallot } from './initiative.entity';
import {
  CastRoundBallotInput,
  OpenPrioritisationRoundInput,
  PrioritisationRoundPayload,
  RoundBallotPayload,
  RoundBallotView,
  RoundIdInput,
  RoundParticipation,
  RoundPermissions,
  RoundResult,
} from './initiative.inputs';
import {
  ballotCountByRound,
  ballotOfMunicipality,
  initiativeById,
  memberCount,
  prioritisationRoundById,
} from './initiative.loaders';
import { initiativePolicy, initiativeReadFilter } from './initiative.policy';
import { viewerMembership } from './initiative.resolver';
import { quorumReached, RoundService } from './round.service';

export const PrioritisationRoundConnection = ConnectionType(PrioritisationRound);

registerNodeType('PrioritisationRound', async (ctx, id) =>
  initiativePolicy.can(ctx.viewer, 'read') ? ctx.loaders.get(prioritisationRoundById).load(id) : null,
);

/** Where the result of a closed round is downloaded as CSV (session cookie). */
export const roundResultCsvPath = (roundId: string) =>
  `/api/initiatives/rounds/${encodeURIComponent(toGlobalId('PrioritisationRound', roundId))}/ergebnis.csv`;

async function ballotView(ctx: Context, ballot: RoundBallot): Promise<RoundBallotView> {
  return {
    municipality: await ctx.loaders.get(municipalityById).load(ballot.municipalityId),
    updatedAt: ballot.updatedAt,
    votes: ballot.votes.map((v) => ({
      initiativeId: toGlobalId('Initiative', v.initiativeId),
      points: v.points ?? null,
      benefit: v.benefit ?? null,
      feasibility: v.feasibility ?? null,
      transferability: v.transferability ?? null,
      urgency: v.urgency ?? null,
    })),
  };
}

async function roundPayload(
  ctx: Context,
  work: (s: RoundService, m: EntityManager, viewer: User) => Promise<PrioritisationRound>,
): Promise<PrioritisationRoundPayload> {
  const viewer = requireViewer(ctx);
  const { result, userErrors } = await inTransaction(ctx, (m) =>
    work(new RoundService(ctx.requestId), m, viewer),
  );
  return { round: result, userErrors };
}

/** Prioritisation rounds: open, vote, close; the result once closed. */
@Resolver(() => PrioritisationRound)
export class PrioritisationRoundResolver {
  @Query(() => PrioritisationRoundConnection, { description: 'Prioritisation rounds, newest first.' })
  async prioritisationRounds(
    @Ctx() ctx: Context,
    @Arg('status', () => PrioritisationRoundStatus, { nullable: true })
    status: PrioritisationRoundStatus | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<PrioritisationRound>> {
    if (!initiativePolicy.can(ctx.viewer, 'read')) throw unauthenticated();
    const readable = initiativeReadFilter(ctx.viewer);
    const query = ctx.dataSource
      .getRepository(PrioritisationRound)
      .createQueryBuilder('r')
      .where(readable.sql, readable.params);
    if (status) query.andWhere('r.status = :status', { status });
    return paginate(query, { first, after }, [
      { expression: 'r.opened_at', direction: 'DESC', type: 'timestamp', value: (r) => r.openedAt },
      { expression: 'r.id', direction: 'ASC', type: 'uuid', value: (r) => r.id },
    ]);
  }

  @Query(() => PrioritisationRound, { nullable: true })
  async prioritisationRound(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
  ): Promise<PrioritisationRound | null> {
    if (!ctx.viewer) throw unauthenticated();
    const uuid = maybeIdOf(id, 'PrioritisationRound');
    return uuid ? ctx.loaders.get(prioritisationRoundById).load(uuid) : null;
  }

  @Query(() => Boolean, { description: 'Whether the viewer may open prioritisation rounds.' })
  viewerCanOpenPrioritisationRound(@Ctx() ctx: Context): boolean {
    return initiativePolicy.can(ctx.viewer, 'manageRounds');
  }

  @FieldResolver(() => [Initiative], { description: 'The proposals weighed, in the order shown.' })
  async initiatives(@Root() round: PrioritisationRound, @Ctx() ctx: Context): Promise<Initiative[]> {
    const list = await ctx.loaders.get(initiativeById).loadMany(round.initiativeIds);
    return list.filter((i): i is Initiative => i !== null && !(i instanceof Error));
  }

  @FieldResolver(() => Boolean, { description: 'Closed by the deadline rather than by a coordinator.' })
  closedAutomatically(@Root() round: PrioritisationRound): boolean {
    return round.status === PrioritisationRoundStatus.CLOSED && round.closedById === null;
  }

  @FieldResolver(() => RoundParticipation, {
    nullable: true,
    description: 'Votes so far against the quorum: live for coordinators, for everyone once closed.',
  })
  async participation(
    @Root() round: PrioritisationRound,
    @Ctx() ctx: Context,
  ): Promise<RoundParticipation | null> {
    if (!initiativePolicy.can(ctx.viewer, 'readParticipation', { round })) return null;
    const [ballots, eligible] = round.result
      ? [round.result.ballots, round.result.eligible]
      : await Promise.all([
          ctx.loaders.get(ballotCountByRound).load(round.id),
          ctx.loaders.get(memberCount).load('members'),
        ]);
    return {
      ballots,
      eligible,
      sharePercent: eligible ? Math.round((ballots / eligible) * 1000) / 10 : 0,
      quorumReached: quorumReached(ballots, eligible, round.quorumPercent),
    };
  }

  @FieldResolver(() => RoundResult, {
    nullable: true,
    description: 'The ranked result with its distribution, once the round is closed (members and ministry).',
  })
  async result(@Root() round: PrioritisationRound, @Ctx() ctx: Context): Promise<RoundResult | null> {
    const snapshot = round.result;
    if (!snapshot || !initiativePolicy.can(ctx.viewer, 'readResult', { round })) return null;
    const initiatives = await ctx.loaders
      .get(initiativeById)
      .loadMany(snapshot.lines.map((l) => l.initiativeId));
    return {
      participation: {
        ballots: snapshot.ballots,
        eligible: snapshot.eligible,
        sharePercent: snapshot.eligible ? Math.round((snapshot.ballots / snapshot.eligible) * 1000) / 10 : 0,
        quorumReached: snapshot.quorumReached,
      },
      entries: snapshot.lines.map((line, i) => {
        const initiative = initiatives[i];
        return {
          rank: line.rank,
          title: line.title,
          initiative: initiative instanceof Error ? null : initiative,
          score: line.score,
          voters: line.voters,
          criteria: line.criteria
            ? {
                benefit: line.criteria.benefit ?? 0,
                feasibility: line.criteria.feasibility ?? 0,
                transferability: line.criteria.transferability ?? 0,
                urgency: line.criteria.urgency ?? 0,
              }
            : null,
          distribution: line.distribution,
        };
      }),
      csvPath: roundResultCsvPath(round.id),
    };
  }

  @FieldResolver(() => RoundBallotView, {
    nullable: true,
    description: "The ballot of the viewer's municipality (nobody else reads it, not even coordinators).",
  })
  async viewerBallot(
    @Root() round: PrioritisationRound,
    @Ctx() ctx: Context,
  ): Promise<RoundBallotView | null> {
    const own = ctx.viewer?.municipalityId;
    if (!own || !initiativePolicy.can(ctx.viewer, 'readBallotOf', { municipalityId: own })) return null;
    const ballot = await ctx.loaders.get(ballotOfMunicipality).load(`${round.id}:${own}`);
    return ballot ? ballotView(ctx, ballot) : null;
  }

  @FieldResolver(() => RoundPermissions)
  async viewerCan(@Root() round: PrioritisationRound, @Ctx() ctx: Context): Promise<RoundPermissions> {
    return {
      vote: initiativePolicy.can(ctx.viewer, 'vote', { round, actorIsMember: await viewerMembership(ctx) }),
      close:
        initiativePolicy.can(ctx.viewer, 'manageRounds') && round.status === PrioritisationRoundStatus.OPEN,
    };
  }

  @Mutation(() => PrioritisationRoundPayload, { description: 'A coordinator opens a round over proposals.' })
  openPrioritisationRound(
    @Arg('input', () => OpenPrioritisationRoundInput) input: OpenPrioritisationRoundInput,
    @Ctx() ctx: Context,
  ): Promise<PrioritisationRoundPayload> {
    return roundPayload(ctx, (s, m, viewer) => s.open(m, viewer, input));
  }

  @Mutation(() => RoundBallotPayload, {
    description: "Casts or replaces the ballot of the officer's municipality (until the deadline).",
  })
  async castRoundBallot(
    @Arg('input', () => CastRoundBallotInput) input: CastRoundBallotInput,
    @Ctx() ctx: Context,
  ): Promise<RoundBallotPayload> {
    const viewer = requireViewer(ctx);
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      new RoundService(ctx.requestId).castBallot(m, viewer, input),
    );
    return {
      round: result?.round ?? null,
      ballot: result ? await ballotView(ctx, result.ballot) : null,
      userErrors,
    };
  }

  @Mutation(() => PrioritisationRoundPayload, { description: 'A coordinator closes the round and ranks it.' })
  closePrioritisationRound(
    @Arg('input', () => RoundIdInput) input: RoundIdInput,
    @Ctx() ctx: Context,
  ): Promise<PrioritisationRoundPayload> {
    return roundPayload(ctx, (s, m, viewer) => s.close(m, viewer, input.roundId));
  }
}
