import { ProjectParticipantRole } from '@hub/shared';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { LIST_TYPE } from '../../graphql/relay';
import { UserError } from '../../graphql/user-error';
import { Municipality } from '../municipalities';
import { Project } from './project.entity';
import { ProjectStatusUpdate } from './project-details.entity';

/* The projects module's output types: payloads of its mutations and the shapes of its read models. */

@ObjectType()
export class ProjectPayload {
  @Field(() => Project, { nullable: true })
  project: Project | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class SimilarProject {
  @Field(() => Project)
  project: Project;

  @Field(() => Float, { description: 'Higher is more similar (0–~2).' })
  score: number;

  @Field(() => Float, { description: 'Full-text rank part.' })
  textRank: number;

  @Field(() => Float, { description: 'Trigram similarity of the titles (0–1).' })
  titleSimilarity: number;

  @Field(() => Boolean)
  sameCategory: boolean;
}

@ObjectType()
export class CreateProjectPayload extends ProjectPayload {
  @Field(() => [SimilarProject], { description: 'Similar existing projects, so nothing is built twice.' })
  similarProjects: SimilarProject[];
}

@ObjectType()
export class StatusUpdatePayload {
  @Field(() => ProjectStatusUpdate, { nullable: true })
  statusUpdate: ProjectStatusUpdate | null;

  @Field(() => Project, { nullable: true })
  project: Project | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class AdoptProjectPayload {
  @Field(() => Project, { nullable: true, description: 'The new project of the adopting municipality.' })
  project: Project | null;

  @Field(() => Project, { nullable: true })
  origin: Project | null;

  @Field(() => Int, {
    description: "How many people of the origin's team are told (in the app, by e-mail as each chose).",
  })
  notifiedPeople: number;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class ProjectDraft {
  @Field(() => String, { nullable: true })
  title: string | null;

  @Field(() => String, { nullable: true })
  summary: string | null;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => ProjectSolution, { nullable: true })
  solution: ProjectSolution | null;
}

@ObjectType()
export class ProjectSolution {
  @Field(() => String, { nullable: true })
  product: string | null;

  @Field(() => String, { nullable: true })
  vendor: string | null;

  @Field(() => Boolean, { nullable: true })
  openSource: boolean | null;

  @Field(() => String, { nullable: true })
  licence: string | null;

  @Field(() => String, { nullable: true })
  repositoryUrl: string | null;
}

@ObjectType()
export class PrefillPayload {
  @Field(() => ProjectDraft, { nullable: true })
  draft: ProjectDraft | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class CostSummary {
  @Field(() => GraphQLSafeInt, { description: 'Sum of one-off costs in euro cents.' })
  oneOffTotalCents: number;

  @Field(() => GraphQLSafeInt, { description: 'Sum of yearly running costs in euro cents.' })
  yearlyTotalCents: number;

  @Field(() => GraphQLSafeInt, { description: 'Sum of funding in euro cents.' })
  fundingTotalCents: number;

  @Field(() => String)
  currency: string;

  @Field(() => Boolean)
  hasCostInformation: boolean;
}

@ObjectType(LIST_TYPE)
export class ProjectParticipation {
  @Field(() => Municipality)
  municipality: Municipality;

  @Field(() => ProjectParticipantRole)
  role: ProjectParticipantRole;
}

@ObjectType()
export class ProjectPermissions {
  @Field(() => Boolean)
  edit: boolean;

  @Field(() => Boolean)
  publish: boolean;

  @Field(() => Boolean)
  adopt: boolean;

  @Field(() => Boolean)
  markInterest: boolean;

  @Field(() => Boolean)
  postStatusUpdate: boolean;

  @Field(() => Boolean)
  setNetworkProject: boolean;

  @Field(() => Boolean, { description: 'See the contact people (network members; not the ministry).' })
  readContacts: boolean;
}

@ObjectType()
export class FacetCount {
  @Field(() => String)
  value: string;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class DistrictFacetCount {
  @Field(() => Municipality)
  district: Municipality;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class ProjectFacets {
  @Field(() => [FacetCount])
  categories: FacetCount[];

  @Field(() => [FacetCount])
  phases: FacetCount[];

  @Field(() => [DistrictFacetCount])
  districts: DistrictFacetCount[];

  @Field(() => [FacetCount], { description: 'value "true" / "false" / "unknown".' })
  openSource: FacetCount[];

  @Field(() => [FacetCount], { description: 'value "true" / "false".' })
  hasCosts: FacetCount[];

  @Field(() => [FacetCount], { description: 'value "true" / "false".' })
  reusable: FacetCount[];
}

@ObjectType()
export class ProjectNetworkFigures {
  @Field(() => [Project], { description: 'Published projects adopted most often.' })
  mostReused: Project[];

  @Field(() => [FacetCount], { description: 'Adoptions per category of the adopted project.' })
  adoptionsByCategory: FacetCount[];

  @Field(() => Int)
  adoptionCount: number;

  @Field(() => GraphQLSafeInt, { description: 'Estimated savings of all adoptions in euro cents.' })
  estimatedSavingsCents: number;
}
