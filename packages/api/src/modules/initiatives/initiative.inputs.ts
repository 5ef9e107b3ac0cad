import {
  InitiativeDecision,
  InitiativeStatus,
  limits,
  PrioritisationMethod,
  ProjectCategory,
} from '@hub/shared';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/user-error';
import { Municipality } from '../municipalities';
import { Project } from '../projects';
import { Initiative, PilotApplication, PrioritisationRound } from './initiative.entity';

/* The initiatives module's inputs, payloads and read models. */

@InputType({ description: 'A proposal: what the network should start in member cities.' })
export class ProposeInitiativeInput {
  @Field(() => String)
  title: string;

  @Field(() => String, { description: 'The problem municipalities have today.' })
  problem: string;

  @Field(() => String, { description: 'What the network should reach.' })
  goal: string;

  @Field(() => String, { nullable: true })
  expectedBenefit?: string | null;

  @Field(() => ProjectCategory)
  category: ProjectCategory;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'A rough estimate in euro cents.' })
  costEstimateCents?: number | null;

  @Field(() => [String], { nullable: true })
  fundingProgrammes?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Related existing projects.' })
  relatedProjectIds?: string[] | null;
}

@InputType({ description: 'Only what is given changes; lists replace the whole list.' })
export class UpdateInitiativeInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  problem?: string | null;

  @Field(() => String, { nullable: true })
  goal?: string | null;

  @Field(() => String, { nullable: true })
  expectedBenefit?: string | null;

  @Field(() => ProjectCategory, { nullable: true })
  category?: ProjectCategory | null;

  @Field(() => GraphQLSafeInt, { nullable: true })
  costEstimateCents?: number | null;

  @Field(() => [String], { nullable: true })
  fundingProgrammes?: string[] | null;

  @Field(() => [ID], { nullable: true })
  relatedProjectIds?: string[] | null;
}

@InputType({ description: 'A proposal being written, checked for existing projects that do the same.' })
export class InitiativeDraftInput {
  @Field(() => String)
  title: string;

  @Field(() => String, { nullable: true })
  problem?: string | null;

  @Field(() => String, { nullable: true })
  goal?: string | null;

  @Field(() => ProjectCategory, { nullable: true })
  category?: ProjectCategory | null;

  @Field(() => Int, { nullable: true })
  first?: number | null;
}

@InputType()
export class InitiativeIdInput {
  @Field(() => ID)
  initiativeId: string;
}

@InputType()
export class OpenPrioritisationRoundInput {
  @Field(() => String)
  title: string;

  @Field(() => PrioritisationMethod)
  method: PrioritisationMethod;

  @Field(() => Int, {
    nullable: true,
    description: 'Dot voting: points per member municipality (default 10).',
  })
  pointsPerMunicipality?: number | null;

  @Field(() => Date, { description: 'Votes are taken until then; the round closes itself afterwards.' })
  deadline: Date;

  @Field(() => Int, {
    nullable: true,
    description: 'Share of member municipalities (%) that must vote (default 50).',
  })
  quorumPercent?: number | null;

  @Field(() => [ID], { description: 'Proposed or deferred initiatives.' })
  initiativeIds: string[];
}

@InputType()
export class RoundIdInput {
  @Field(() => ID)
  roundId: string;
}

@InputType({ description: 'Points (dot voting) or all four ratings (rating) for one initiative.' })
export class BallotVoteInput {
  @Field(() => ID)
  initiativeId: string;

  @Field(() => Int, { nullable: true })
  points?: number | null;

  @Field(() => Int, { nullable: true })
  benefit?: number | null;

  @Field(() => Int, { nullable: true })
  feasibility?: number | null;

  @Field(() => Int, { nullable: true })
  transferability?: number | null;

  @Field(() => Int, { nullable: true })
  urgency?: number | null;
}

@InputType({ description: "A municipality's ballot; casting again replaces it (until the deadline)." })
export class CastRoundBallotInput {
  @Field(() => ID)
  roundId: string;

  @Field(() => ID, { nullable: true, description: "The voting municipality; the officer's own by default." })
  municipalityId?: string | null;

  @Field(() => [BallotVoteInput])
  votes: BallotVoteInput[];
}

@InputType()
export class InitiativeDecisionInput {
  @Field(() => ID)
  initiativeId: string;

  @Field(() => InitiativeDecision)
  decision: InitiativeDecision;

  @Field(() => String, { description: 'Why (shown to the proposers and supporters).' })
  reason: string;
}

@InputType({ description: 'Records the decisions of a decision outcome on a meeting agenda item.' })
export class DecideInitiativesInput {
  @Field(() => ID, { description: 'An outcome of kind DECISION.' })
  outcomeId: string;

  @Field(() => [InitiativeDecisionInput])
  decisions: InitiativeDecisionInput[];
}

@InputType()
export class OpenPilotCallInput {
  @Field(() => ID)
  initiativeId: string;

  @Field(() => String, { nullable: true, description: 'What the call asks of pilot cities.' })
  text?: string | null;
}

@InputType()
export class ApplyAsPilotInput {
  @Field(() => ID)
  initiativeId: string;

  @Field(() => ID, {
    nullable: true,
    description: "The applying municipality; the officer's own by default.",
  })
  municipalityId?: string | null;

  @Field(() => String, { description: 'What the municipality brings.' })
  statement: string;

  @Field(() => String, { nullable: true, description: 'When it can start (YYYY-MM-DD).' })
  canStartOn?: string | null;
}

@InputType()
export class PilotApplicationIdInput {
  @Field(() => ID)
  applicationId: string;
}

@InputType({ description: 'Creates the network project with the confirmed pilots as participants.' })
export class StartInitiativeRealisationInput {
  @Field(() => ID)
  initiativeId: string;

  @Field(() => ID, { nullable: true, description: 'The leading pilot; the first confirmed one by default.' })
  leadMunicipalityId?: string | null;
}

@InputType()
export class CompleteInitiativeInput {
  @Field(() => ID)
  initiativeId: string;

  @Field(() => String, { nullable: true })
  reason?: string | null;
}

@InputType()
export class InitiativeFilter {
  @Field(() => [InitiativeStatus], { nullable: true })
  statuses?: InitiativeStatus[] | null;

  @Field(() => Boolean, { nullable: true, description: "Only those the viewer's municipality supports." })
  supportedByViewer?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'Each word in the title, problem or goal; accents, ß and ä/ae folded as in the other lists.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(limits.search.text.maxLength)
  search?: string | null;
}

@ObjectType()
export class SimilarProjectHint {
  @Field(() => Project)
  project: Project;

  @Field(() => Float, { description: 'Higher is more similar (0–~2).' })
  score: number;
}

@ObjectType()
export class InitiativePayload {
  @Field(() => Initiative, { nullable: true })
  initiative: Initiative | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class ProposeInitiativePayload extends InitiativePayload {
  @Field(() => [SimilarProjectHint], { description: 'Existing projects that may do the same already.' })
  similarProjects: SimilarProjectHint[];
}

@ObjectType()
export class DecideInitiativesPayload {
  @Field(() => [Initiative])
  initiatives: Initiative[];

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class PrioritisationRoundPayload {
  @Field(() => PrioritisationRound, { nullable: true })
  round: PrioritisationRound | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class PilotApplicationPayload {
  @Field(() => PilotApplication, { nullable: true })
  application: PilotApplication | null;

  @Field(() => Initiative, { nullable: true })
  initiative: Initiative | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType({ description: 'One entry of the history: the status left and entered, when, by whom, why.' })
export class InitiativeHistoryEntry {
  @Field(() => InitiativeStatus, { nullable: true })
  fromStatus: InitiativeStatus | null;

  @Field(() => InitiativeStatus)
  toStatus: InitiativeStatus;

  @Field(() => Date)
  occurredAt: Date;

  @Field(() => String)
  reason: string;

  @Field(() => String, { nullable: true, description: 'Who (network members only; null for the system).' })
  actorName: string | null;
}

@ObjectType({ description: 'What the viewer may do with an initiative now.' })
export class InitiativePermissions {
  @Field(() => Boolean)
  update: boolean;

  @Field(() => Boolean, { description: "Declare (or withdraw) the viewer's municipality's interest." })
  support: boolean;

  @Field(() => Boolean)
  decide: boolean;

  @Field(() => Boolean)
  openCall: boolean;

  @Field(() => Boolean)
  applyAsPilot: boolean;

  @Field(() => Boolean)
  confirmPilots: boolean;

  @Field(() => Boolean)
  startRealisation: boolean;

  @Field(() => Boolean)
  complete: boolean;
}

@ObjectType({ description: 'How many member municipalities have voted, against the quorum.' })
export class RoundParticipation {
  @Field(() => Int, { description: 'Member municipalities entitled to vote.' })
  eligible: number;

  @Field(() => Int)
  ballots: number;

  @Field(() => Float, { description: 'ballots / eligible in percent.' })
  sharePercent: number;

  @Field(() => Boolean)
  quorumReached: boolean;
}

@ObjectType()
export class ValueCount {
  @Field(() => Int)
  value: number;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'Mean rating per criterion (RATING rounds).' })
export class CriteriaMeans {
  @Field(() => Float)
  benefit: number;

  @Field(() => Float)
  feasibility: number;

  @Field(() => Float)
  transferability: number;

  @Field(() => Float)
  urgency: number;
}

@ObjectType({ description: "One initiative's place in a closed round." })
export class RoundResultEntry {
  @Field(() => Int)
  rank: number;

  @Field(() => Initiative, { nullable: true })
  initiative: Initiative | null;

  @Field(() => String, { description: 'The title when the round closed.' })
  title: string;

  @Field(() => Float, { description: 'Points (dot voting) or the mean rating (rating).' })
  score: number;

  @Field(() => Int, { description: 'Municipalities that gave it points or rated it.' })
  voters: number;

  @Field(() => CriteriaMeans, { nullable: true })
  criteria: CriteriaMeans | null;

  @Field(() => [ValueCount], { description: 'How many municipalities gave each value.' })
  distribution: ValueCount[];
}

@ObjectType()
export class RoundResult {
  @Field(() => RoundParticipation)
  participation: RoundParticipation;

  @Field(() => [RoundResultEntry])
  entries: RoundResultEntry[];

  @Field(() => String, { description: 'Download path of the result as CSV (session cookie).' })
  csvPath: string;
}

@ObjectType({ description: "A municipality's own ballot (only its officers read it)." })
export class RoundBallotView {
  @Field(() => Municipality, { nullable: true })
  municipality: Municipality | null;

  @Field(() => Date)
  updatedAt: Date;

  @Field(() => [BallotVoteView])
  votes: BallotVoteView[];
}

@ObjectType()
export class BallotVoteView {
  @Field(() => ID)
  initiativeId: string;

  @Field(() => Int, { nullable: true })
  points: number | null;

  @Field(() => Int, { nullable: true })
  benefit: number | null;

  @Field(() => Int, { nullable: true })
  feasibility: number | null;

  @Field(() => Int, { nullable: true })
  transferability: number | null;

  @Field(() => Int, { nullable: true })
  urgency: number | null;
}

@ObjectType()
export class RoundBallotPayload {
  @Field(() => PrioritisationRound, { nullable: true })
  round: PrioritisationRound | null;

  @Field(() => RoundBallotView, { nullable: true })
  ballot: RoundBallotView | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType({ description: 'What the viewer may do with a round now.' })
export class RoundPermissions {
  @Field(() => Boolean, { description: "Cast or change the viewer's municipality's ballot." })
  vote: boolean;

  @Field(() => Boolean)
  close: boolean;
}
