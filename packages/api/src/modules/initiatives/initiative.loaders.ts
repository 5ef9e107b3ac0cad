import DataLoader from 'dataloader';
import type { LoaderFactory } from '../../graphql/loaders';
import { byIdLoader, groupedLoader } from '../../graphql/loaders';
import { activeMemberMunicipalityIds } from '../network';
import {
  Initiative,
  InitiativeStatusChange,
  InitiativeSupport,
  PilotApplication,
  PrioritisationRound,
  RoundBallot,
} from './initiative.entity';

export const initiativeById = byIdLoader(Initiative);
export const prioritisationRoundById = byIdLoader(PrioritisationRound);
export const pilotApplicationById = byIdLoader(PilotApplication);

/** The municipalities supporting each initiative, oldest first. */
export const supportsByInitiative = groupedLoader(
  InitiativeSupport,
  'initiative_id',
  (s) => s.initiativeId,
  'createdAt',
);

/** Each initiative's history, oldest first. */
export const historyByInitiative = groupedLoader(
  InitiativeStatusChange,
  'initiative_id',
  (c) => c.initiativeId,
  'occurredAt',
);

export const pilotApplicationsByInitiative = groupedLoader(
  PilotApplication,
  'initiative_id',
  (a) => a.initiativeId,
  'createdAt',
);

/** The initiatives a meeting outcome decided. */
export const initiativesByDecisionOutcome = groupedLoader(
  Initiative,
  'decision_outcome_id',
  (i) => i.decisionOutcomeId as string,
  'title',
);

/** The rounds each initiative took part in, newest first (one statement per batch). */
export const roundsByInitiative: LoaderFactory<string, PrioritisationRound[]> = (dataSource) =>
  new DataLoader(async (ids) => {
    const rounds = await dataSource
      .getRepository(PrioritisationRound)
      .createQueryBuilder('r')
      .where('r.initiative_ids && :ids::uuid[]', { ids: [...ids] })
      .orderBy('r.opened_at', 'DESC')
      .addOrderBy('r.id')
      .getMany();
    return ids.map((id) => rounds.filter((r) => r.initiativeIds.includes(id)));
  });

/** How many ballots each round has (the count only: ballots are secret until the round closes). */
export const ballotCountByRound: LoaderFactory<string, number> = (dataSource) =>
  new DataLoader(async (ids) => {
    const rows: { round_id: string; count: number }[] = await dataSource.query(
      `SELECT round_id, count(*)::int AS count FROM round_ballot WHERE round_id = ANY($1::uuid[]) GROUP BY round_id`,
      [[...ids]],
    );
    const counts = new Map(rows.map((r) => [r.round_id, r.count]));
    return ids.map((id) => counts.get(id) ?? 0);
  });

/** A municipality's own ballot in a round, keyed `roundId:municipalityId`. */
export const ballotOfMunicipality: LoaderFactory<string, RoundBallot | null> = (dataSource) =>
  new DataLoader(async (keys) => {
    const pairs = keys.map((k) => k.split(':'));
    const ballots = await dataSource
      .getRepository(RoundBallot)
      .createQueryBuilder('b')
      .where('b.round_id = ANY(:rounds) AND b.municipality_id = ANY(:municipalities)', {
        rounds: [...new Set(pairs.map(([r]) => r))],
        municipalities: [...new Set(pairs.map(([, m]) => m))],
      })
      .getMany();
    const byKey = new Map(ballots.map((b) => [`${b.roundId}:${b.municipalityId}`, b]));
    return keys.map((k) => byKey.get(k) ?? null);
  });

/** The number of active member municipalities (who may vote), once per request. */
export const memberCount: LoaderFactory<'members', number> = (dataSource) =>
  new DataLoader(async (keys) => {
    const count = (await activeMemberMunicipalityIds(dataSource.manager)).length;
    return keys.map(() => count);
  });
