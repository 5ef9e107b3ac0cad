import {
  INITIATIVE_ROUND_ELIGIBLE,
  InitiativeStatus,
  initiativeLimits,
  PrioritisationMethod,
  PrioritisationRoundStatus,
  RATING_CRITERIA,
} from '@hub/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { forbidden } from '../../graphql/errors';
import { maybeIdOf } from '../../graphql/relay';
import { fail } from '../../graphql/user-error';
import { notifyLive } from '../../live/live-notify';
import { emitDomainEvent } from '../events';
import { activeMemberMunicipalityIds } from '../network';
import { isOfficer, type User } from '../users';
import { actingMunicipality, checkedText, idOrFail } from './initiative.checks';
import {
  type BallotVote,
  Initiative,
  PrioritisationRound,
  RoundBallot,
  type RoundResultLine,
  type RoundResultSnapshot,
} from './initiative.entity';
import type {
  BallotVoteInput,
  CastRoundBallotInput,
  OpenPrioritisationRoundInput,
} from './initiative.inputs';
import { initiativePolicy } from './initiative.policy';
import { moveInitiative } from './initiative.service';
import { roundTopic } from './round.live';

const L = initiativeLimits;

/** Whether `ballots` of `eligible` member municipalities reach the round's quorum. */
export const quorumReached = (ballots: number, eligible: number, quorumPercent: number): boolean =>
  ballots * 100 >= quorumPercent * eligible;

/** The round locked for a change (FOR UPDATE to close, FOR SHARE to vote, so a close waits for ballots). */
async function lockedRound(
  manager: EntityManager,
  globalId: string,
  mode: 'pessimistic_write' | 'pessimistic_read',
): Promise<PrioritisationRound> {
  const id = maybeIdOf(globalId, 'PrioritisationRound');
  const round = id
    ? await manager
        .getRepository(PrioritisationRound)
        .createQueryBuilder('r')
        .setLock(mode)
        .where('r.id = :id', { id })
        .getOne()
    : null;
  return round ?? fail('NOT_FOUND', 'There is no such prioritisation round.', 'roundId');
}

/** The checked votes of one ballot: points (dot voting) or four ratings 1–5 (rating). */
function checkedVotes(round: PrioritisationRound, votes: BallotVoteInput[]): BallotVote[] {
  const seen = new Set<string>();
  const checked = votes.map((vote, i): BallotVote => {
    const field = `votes.${i}`;
    const initiativeId = idOrFail(vote.initiativeId, 'Initiative', `${field}.initiativeId`);
    if (!round.initiativeIds.includes(initiativeId))
      fail('INVALID_REFERENCE', 'This initiative is not part of the round.', `${field}.initiativeId`);
    if (seen.has(initiativeId))
      fail('VALIDATION', 'An initiative appears twice on the ballot.', `${field}.initiativeId`);
    seen.add(initiativeId);
    const ratings = RATING_CRITERIA.map((criterion) => vote[criterion]);
    if (round.method === PrioritisationMethod.DOT_VOTING) {
      if (ratings.some((r) => r != null))
        fail('VALIDATION', 'A dot-voting round takes points, not ratings.', field);
      const points = vote.points ?? 0;
      if (!Number.isSafeInteger(points) || points < 0)
        fail('INVALID_POINTS', 'Points are whole numbers from 0.', `${field}.points`);
      return { initiativeId, points };
    }
    if (vote.points != null)
      fail('VALIDATION', 'A rating round takes ratings, not points.', `${field}.points`);
    const entry: BallotVote = { initiativeId };
    RATING_CRITERIA.forEach((criterion, c) => {
      const rating = ratings[c];
      if (rating == null || !Number.isInteger(rating) || rating < L.rating.min || rating > L.rating.max)
        fail(
          'INVALID_RATING',
          `${criterion} is rated with a whole number from 1 to 5.`,
          `${field}.${criterion}`,
        );
      entry[criterion] = rating;
    });
    return entry;
  });
  if (round.method === PrioritisationMethod.DOT_VOTING) {
    const total = checked.reduce((sum, v) => sum + (v.points ?? 0), 0);
    const allowed = round.pointsPerMunicipality ?? L.points.default;
    if (total > allowed)
      fail(
        'POINTS_EXCEEDED',
        `Your municipality distributes at most ${allowed} points (${total} given).`,
        'votes',
      );
  }
  return checked;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The ranked result of a round from its ballots: dot voting by points, rating by the mean of the
 * four criteria means; ties by the number of municipalities, then by title. Equal score and
 * voters share a rank.
 */
export function rankBallots(
  round: PrioritisationRound,
  titles: Map<string, string>,
  ballots: { votes: BallotVote[] }[],
  eligible: number,
): RoundResultSnapshot {
  const lines = round.initiativeIds.map((initiativeId): Omit<RoundResultLine, 'rank'> => {
    const votes = ballots.map((b) => b.votes.find((v) => v.initiativeId === initiativeId) ?? null);
    const counts = new Map<number, number>();
    const count = (value: number) => counts.set(value, (counts.get(value) ?? 0) + 1);
    const title = titles.get(initiativeId) ?? '';
    if (round.method === PrioritisationMethod.DOT_VOTING) {
      const points = votes.map((v) => v?.points ?? 0);
      points.forEach(count);
      return {
        initiativeId,
        title,
        score: points.reduce((a, b) => a + b, 0),
        voters: points.filter((p) => p > 0).length,
        criteria: null,
        distribution: [...counts].sort(([a], [b]) => a - b).map(([value, n]) => ({ value, count: n })),
      };
    }
    const rated = votes.filter((v): v is BallotVote => v !== null);
    const criteria = Object.fromEntries(
      RATING_CRITERIA.map((c) => [
        c,
        rated.length ? round2(rated.reduce((s, v) => s + (v[c] ?? 0), 0) / rated.length) : 0,
      ]),
    );
    for (const v of rated)
      count(Math.round(RATING_CRITERIA.reduce((s, c) => s + (v[c] ?? 0), 0) / RATING_CRITERIA.length));
    return {
      initiativeId,
      title,
      score: round2(RATING_CRITERIA.reduce((s, c) => s + criteria[c], 0) / RATING_CRITERIA.length),
      voters: rated.length,
      criteria,
      distribution: [...counts].sort(([a], [b]) => a - b).map(([value, n]) => ({ value, count: n })),
    };
  });
  lines.sort((a, b) => b.score - a.score || b.voters - a.voters || a.title.localeCompare(b.title, 'de'));
  const ranked: RoundResultLine[] = [];
  lines.forEach((line, i) => {
    const previous = ranked[i - 1];
    const tied = previous && previous.score === line.score && previous.voters === line.voters;
    ranked.push({ ...line, rank: tied ? previous.rank : i + 1 });
  });
  return {
    ballots: ballots.length,
    eligible,
    quorumReached: quorumReached(ballots.length, eligible, round.quorumPercent),
    lines: ranked,
  };
}

/**
 * Closes a round (a coordinator, or `actorId` null for the deadline job): computes the ranked
 * result from the ballots, stores it with the round and tells everyone by `initiative.roundClose`.
 * The round must be locked FOR UPDATE by the caller.
 */
export async function closeLockedRound(
  manager: EntityManager,
  round: PrioritisationRound,
  close: { actorId: string | null; requestId: string | null; now: Date; demo?: boolean },
): Promise<PrioritisationRound> {
  const ballots = await manager
    .getRepository(RoundBallot)
    .find({ where: { roundId: round.id }, order: { id: 'ASC' } });
  const eligible = (await activeMemberMunicipalityIds(manager)).length;
  const initiatives = await manager
    .getRepository(Initiative)
    .findBy(round.initiativeIds.map((id) => ({ id })));
  const titles = new Map(initiatives.map((i) => [i.id, i.title]));
  round.result = rankBallots(round, titles, ballots, eligible);
  round.status = PrioritisationRoundStatus.CLOSED;
  round.closedAt = close.now;
  round.closedById = close.actorId;
  round.eligibleCount = eligible;
  await manager.getRepository(PrioritisationRound).save(round);
  await notifyLive(manager, roundTopic(round.id));
  await emitDomainEvent(manager, {
    type: 'initiative.roundClose',
    actorId: close.actorId,
    subjectType: 'PrioritisationRound',
    subjectId: round.id,
    requestId: close.requestId,
    payload: {
      title: round.title,
      automatic: close.actorId === null,
      ballots: round.result.ballots,
      eligible,
      quorumReached: round.result.quorumReached,
      initiativeIds: round.initiativeIds,
      ...(close.demo ? { demo: true as const } : {}),
    },
  });
  return round;
}

/** Opens, takes the ballots of and closes prioritisation rounds; one transaction per call. */
export class RoundService {
  constructor(private readonly requestId: string | null) {}

  async open(
    manager: EntityManager,
    viewer: User,
    input: OpenPrioritisationRoundInput,
  ): Promise<PrioritisationRound> {
    if (!initiativePolicy.can(viewer, 'manageRounds'))
      throw forbidden('Coordinators open prioritisation rounds.');
    const title = checkedText(input.title, 'title', {
      required: true,
      min: L.roundTitle.minLength,
      max: L.roundTitle.maxLength,
    });
    const deadline = input.deadline;
    if (!(deadline instanceof Date) || Number.isNaN(deadline.getTime()))
      fail('INVALID_DATE', 'The deadline is not a date.', 'deadline');
    if (deadline.getTime() <= Date.now())
      fail('INVALID_DATE', 'The deadline must lie in the future.', 'deadline');
    if (deadline.getTime() > Date.now() + 366 * 86400_000)
      fail('INVALID_DATE', 'The deadline must lie within a year.', 'deadline');
    let points: number | null = null;
    if (input.method === PrioritisationMethod.DOT_VOTING) {
      points = input.pointsPerMunicipality ?? L.points.default;
      if (!Number.isInteger(points) || points < L.points.min || points > L.points.max)
        fail(
          'INVALID_POINTS',
          `Points per municipality: ${L.points.min}–${L.points.max}.`,
          'pointsPerMunicipality',
        );
    } else if (input.pointsPerMunicipality != null) {
      fail('VALIDATION', 'A rating round has no points.', 'pointsPerMunicipality');
    }
    const quorumPercent = input.quorumPercent ?? L.quorumPercent.default;
    if (
      !Number.isInteger(quorumPercent) ||
      quorumPercent < L.quorumPercent.min ||
      quorumPercent > L.quorumPercent.max
    )
      fail('VALIDATION', 'The quorum is a share of 0 to 100 percent.', 'quorumPercent');
    const ids = [
      ...new Set(input.initiativeIds.map((g, i) => idOrFail(g, 'Initiative', `initiativeIds.${i}`))),
    ];
    if (ids.length < L.roundInitiatives.min)
      fail('REQUIRED', `A round weighs at least ${L.roundInitiatives.min} proposals.`, 'initiativeIds');
    if (ids.length > L.roundInitiatives.max)
      fail('TOO_MANY', `A round weighs at most ${L.roundInitiatives.max} proposals.`, 'initiativeIds');
    const initiatives = await manager
      .getRepository(Initiative)
      .createQueryBuilder('i')
      .setLock('pessimistic_write')
      .where('i.id = ANY(:ids)', { ids })
      .orderBy('i.id')
      .getMany();
    const byId = new Map(initiatives.map((i) => [i.id, i]));
    ids.forEach((id, i) => {
      const initiative = byId.get(id);
      if (!initiative) fail('NOT_FOUND', 'There is no such initiative.', `initiativeIds.${i}`);
      if (!INITIATIVE_ROUND_ELIGIBLE.includes(initiative.status))
        fail(
          'INVALID_STATE',
          `“${initiative.title}” is not a proposal open for prioritisation.`,
          `initiativeIds.${i}`,
        );
    });
    const round = manager.getRepository(PrioritisationRound).create({
      title,
      method: input.method,
      pointsPerMunicipality: points,
      deadline,
      quorumPercent,
      status: PrioritisationRoundStatus.OPEN,
      initiativeIds: ids,
      openedById: viewer.id,
      openedAt: new Date(),
      isDemo: false,
    });
    await manager.getRepository(PrioritisationRound).insert(round);
    for (const id of ids)
      await moveInitiative(manager, byId.get(id) as Initiative, InitiativeStatus.IN_ROUND, {
        actorId: viewer.id,
        reason: `Priorisierungsrunde „${title}“`,
        requestId: this.requestId,
      });
    await emitDomainEvent(manager, {
      type: 'initiative.roundOpen',
      actorId: viewer.id,
      subjectType: 'PrioritisationRound',
      subjectId: round.id,
      requestId: this.requestId,
      payload: { title, method: round.method, deadline: deadline.toISOString(), initiativeIds: ids },
    });
    return round;
  }

  /**
   * Casts or replaces the ballot of the officer's municipality: one voice per member municipality,
   * changeable until the deadline. What was voted is stored with the ballot only (no event, no audit
   * payload carries it), so it stays secret until the round closes.
   */
  async castBallot(
    manager: EntityManager,
    viewer: User,
    input: CastRoundBallotInput,
    now = new Date(),
  ): Promise<{ round: PrioritisationRound; ballot: RoundBallot }> {
    if (!isOfficer(viewer)) throw forbidden("A municipality's officers cast its ballot.");
    const round = await lockedRound(manager, input.roundId, 'pessimistic_read');
    const municipalityId = await actingMunicipality(manager, viewer, input.municipalityId);
    if (round.status === PrioritisationRoundStatus.CLOSED)
      fail('ROUND_CLOSED', 'This round is closed.', 'roundId');
    if (!initiativePolicy.can(viewer, 'vote', { round, now, actorIsMember: true }))
      fail('DEADLINE_PASSED', 'The deadline of this round has passed.', 'roundId');
    if (input.votes.length > round.initiativeIds.length)
      fail('TOO_MANY', 'The ballot names more initiatives than the round has.', 'votes');
    const votes = checkedVotes(round, input.votes);
    const [row]: { id: string; created: boolean }[] = await manager.query(
      `INSERT INTO round_ballot (round_id, municipality_id, cast_by_id, votes) VALUES ($1, $2, $3, $4::jsonb)
       ON CONFLICT (round_id, municipality_id)
       DO UPDATE SET votes = EXCLUDED.votes, cast_by_id = EXCLUDED.cast_by_id, updated_at = now()
       RETURNING id, (xmax = 0) AS created`,
      [round.id, municipalityId, viewer.id, JSON.stringify(votes)],
    );
    // Coordinators following the round see the participation change when this commits.
    await notifyLive(manager, roundTopic(round.id));
    await emitDomainEvent(manager, {
      type: 'initiative.ballotCast',
      actorId: viewer.id,
      subjectType: 'PrioritisationRound',
      subjectId: round.id,
      requestId: this.requestId,
      payload: { municipalityId, changed: !row.created },
    });
    const ballot = await manager.getRepository(RoundBallot).findOneByOrFail({ id: row.id });
    return { round, ballot };
  }

  /** A coordinator closes the round (before or after its deadline). */
  async close(manager: EntityManager, viewer: User, globalId: string): Promise<PrioritisationRound> {
    if (!initiativePolicy.can(viewer, 'manageRounds'))
      throw forbidden('Coordinators close prioritisation rounds.');
    const round = await lockedRound(manager, globalId, 'pessimistic_write');
    if (round.status === PrioritisationRoundStatus.CLOSED)
      fail('ROUND_CLOSED', 'This round is closed already.', 'roundId');
    return closeLockedRound(manager, round, {
      actorId: viewer.id,
      requestId: this.requestId,
      now: new Date(),
    });
  }
}

/**
 * The deadline job (`initiatives.closeDueRounds`): closes every open round whose deadline has
 * passed, each in its own transaction. Rounds locked by a closing coordinator are skipped (and
 * found closed next time). Returns the number closed.
 */
export async function closeDueRounds(dataSource: DataSource, now = new Date()): Promise<number> {
  let closed = 0;
  for (;;) {
    const done = await dataSource.transaction(async (manager) => {
      const round = await manager
        .getRepository(PrioritisationRound)
        .createQueryBuilder('r')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .where('r.status = :open AND r.deadline <= :now', { open: PrioritisationRoundStatus.OPEN, now })
        .orderBy('r.deadline')
        .limit(1)
        .getOne();
      if (!round) return false;
      await closeLockedRound(manager, round, { actorId: null, requestId: null, now });
      return true;
    });
    if (!done) return closed;
    closed += 1;
  }
}

/** Open rounds whose deadline falls in [from, to): the reminder job tells their voters. */
export async function openRoundsWithDeadlineBetween(
  manager: EntityManager,
  from: Date,
  to: Date,
): Promise<{ id: string; title: string; deadline: Date; votedMunicipalityIds: string[] }[]> {
  const rows: { id: string; title: string; deadline: Date; voted: string[] }[] = await manager.query(
    `SELECT r.id, r.title, r.deadline,
            COALESCE(array_agg(b.municipality_id) FILTER (WHERE b.id IS NOT NULL), '{}') AS voted
       FROM prioritisation_round r LEFT JOIN round_ballot b ON b.round_id = r.id
      WHERE r.status = $1 AND r.deadline >= $2 AND r.deadline < $3
      GROUP BY r.id ORDER BY r.deadline`,
    [PrioritisationRoundStatus.OPEN, from, to],
  );
  return rows.map((r) => ({ id: r.id, title: r.title, deadline: r.deadline, votedMunicipalityIds: r.voted }));
}
