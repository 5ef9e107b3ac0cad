import {
  CostRecurrence,
  CostType,
  ProjectCategory,
  ProjectPhase,
  ProjectSort,
  ProjectStatus,
  projectLimits,
} from '@hub/shared';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';

registerEnumType(ProjectSort, { name: 'ProjectSort' });

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_MESSAGE = 'must be a date as YYYY-MM-DD';
const L = projectLimits;

@InputType()
export class CostItemInput {
  @Field(() => String)
  @IsString()
  @Length(1, L.shortText.maxLength)
  label: string;

  @Field(() => CostType)
  @IsEnum(CostType)
  costType: CostType;

  @Field(() => CostRecurrence)
  @IsEnum(CostRecurrence)
  recurrence: CostRecurrence;

  @Field(() => GraphQLSafeInt, { description: 'Amount in euro cents.' })
  @IsInt()
  @Min(0, { message: 'amountCents must not be negative' })
  @Max(L.maxAmountCents, { message: `amountCents may be at most ${L.maxAmountCents} (100 million euro)` })
  amountCents: number;

  @Field(() => String, { nullable: true, description: 'Only EUR is accepted.' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  currency?: string | null;
}

@InputType()
export class FundingInput {
  @Field(() => String)
  @IsString()
  @Length(1, L.shortText.maxLength)
  programme: string;

  @Field(() => GraphQLSafeInt, { description: 'Amount in euro cents.' })
  @IsInt()
  @Min(0, { message: 'amountCents must not be negative' })
  @Max(L.maxAmountCents, { message: `amountCents may be at most ${L.maxAmountCents} (100 million euro)` })
  amountCents: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  sharePercent?: number | null;

  @Field(() => String, { nullable: true, description: 'Only EUR is accepted.' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  currency?: string | null;
}

@InputType()
export class MilestoneInput {
  @Field(() => String)
  @IsString()
  @Length(1, L.shortText.maxLength)
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(ISO_DATE, { message: `dueDate ${ISO_DATE_MESSAGE}` })
  dueDate?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  done?: boolean | null;
}

@InputType()
export class SolutionInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(L.shortText.maxLength)
  product?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(L.shortText.maxLength)
  vendor?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  openSource?: boolean | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(L.shortText.maxLength)
  licence?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(L.url.maxLength)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: true },
    { message: 'repositoryUrl must be an http(s) URL, e.g. https://gitlab.opencode.de/…' },
  )
  repositoryUrl?: string | null;
}

/**
 * Nested items (costs, funding, milestones, solution) are validated by the service, item by item,
 * so that errors name the exact field (`costs.2.amountCents`) as userErrors.
 */
/** Fields shared by creating and updating a project; absent fields stay as they are on update. */
@InputType('ProjectFieldsInput')
abstract class ProjectFieldsInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(L.summary.maxLength)
  summary?: string | null;

  @Field(() => String, { nullable: true, description: 'Markdown; raw HTML is shown as text.' })
  @IsOptional()
  @IsString()
  @MaxLength(L.description.maxLength)
  description?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  workingGroupId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Coordinators only.' })
  @IsOptional()
  @IsBoolean()
  isNetworkProject?: boolean | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(ISO_DATE, { message: `startDate ${ISO_DATE_MESSAGE}` })
  startDate?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(ISO_DATE, { message: `endDate ${ISO_DATE_MESSAGE}` })
  endDate?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Partner municipalities (replaces the list).' })
  @IsOptional()
  @ArrayMaxSize(L.maxPartners)
  @IsString({ each: true })
  partnerMunicipalityIds?: string[] | null;

  @Field(() => [CostItemInput], { nullable: true, description: 'Replaces all cost line items.' })
  @IsOptional()
  @ArrayMaxSize(L.maxLineItems)
  costs?: CostItemInput[] | null;

  @Field(() => [FundingInput], { nullable: true, description: 'Replaces all funding.' })
  @IsOptional()
  @ArrayMaxSize(L.maxLineItems)
  funding?: FundingInput[] | null;

  @Field(() => SolutionInput, { nullable: true })
  @IsOptional()
  solution?: SolutionInput | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(L.notes.maxLength)
  implementationNotes?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(L.notes.maxLength)
  lessonsLearned?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Contact people (users of participating municipalities).',
  })
  @IsOptional()
  @ArrayMaxSize(L.maxContacts)
  @IsString({ each: true })
  contactIds?: string[] | null;

  @Field(() => [MilestoneInput], { nullable: true, description: 'Replaces all milestones.' })
  @IsOptional()
  @ArrayMaxSize(L.maxMilestones)
  milestones?: MilestoneInput[] | null;

  @Field(() => ID, { nullable: true, description: 'The project this one was adopted from.' })
  @IsOptional()
  @IsString()
  originProjectId?: string | null;
}

@InputType()
export class CreateProjectInput extends ProjectFieldsInput {
  @Field(() => String)
  @IsString()
  @Length(L.title.minLength, L.title.maxLength)
  title: string;

  @Field(() => ProjectCategory)
  @IsEnum(ProjectCategory)
  category: ProjectCategory;

  @Field(() => ProjectPhase, { nullable: true, description: 'IDEA unless given.' })
  @IsOptional()
  @IsEnum(ProjectPhase)
  phase?: ProjectPhase | null;

  @Field(() => ID, {
    nullable: true,
    description: "The viewer's municipality unless given (coordinators must give one).",
  })
  @IsOptional()
  @IsString()
  leadMunicipalityId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Publish right away.' })
  @IsOptional()
  @IsBoolean()
  publish?: boolean | null;
}

@InputType()
export class UpdateProjectInput extends ProjectFieldsInput {
  @Field(() => ID)
  @IsString()
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(L.title.minLength, L.title.maxLength)
  title?: string | null;

  @Field(() => ProjectCategory, { nullable: true })
  @IsOptional()
  @IsEnum(ProjectCategory)
  category?: ProjectCategory | null;

  @Field(() => ProjectPhase, { nullable: true })
  @IsOptional()
  @IsEnum(ProjectPhase)
  phase?: ProjectPhase | null;
}

@InputType()
export class SetProjectStatusInput {
  @Field(() => ID)
  @IsString()
  id: string;

  @Field(() => ProjectStatus)
  @IsEnum(ProjectStatus)
  status: ProjectStatus;
}

@InputType()
export class SetProjectMilestoneDoneInput {
  @Field(() => ID)
  @IsString()
  milestoneId: string;

  @Field(() => Boolean)
  @IsBoolean()
  done: boolean;
}

@InputType()
export class PostStatusUpdateInput {
  @Field(() => ID)
  @IsString()
  projectId: string;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  @Matches(ISO_DATE, { message: `reportedOn ${ISO_DATE_MESSAGE}` })
  reportedOn: string;

  @Field(() => ProjectPhase)
  @IsEnum(ProjectPhase)
  phase: ProjectPhase;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(100)
  progressPercent: number;

  @Field(() => String)
  @IsString()
  @Length(1, L.statusText.maxLength)
  text: string;
}

@InputType()
export class AdoptProjectInput {
  @Field(() => ID)
  @IsString()
  projectId: string;

  @Field(() => String, { nullable: true, description: 'What the adopter changes compared to the origin.' })
  @IsOptional()
  @IsString()
  @MaxLength(L.notes.maxLength)
  adaptations?: string | null;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Estimated saving in euro cents.' })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'estimatedSavingCents must not be negative' })
  @Max(L.maxAmountCents, { message: `estimatedSavingCents may be at most ${L.maxAmountCents}` })
  estimatedSavingCents?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'The new project\'s title; "<origin title> (<adopting municipality>)" unless given.',
  })
  @IsOptional()
  @IsString()
  @Length(L.title.minLength, L.title.maxLength)
  title?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Take over the origin's cost lines as a starting point (false unless given).",
  })
  @IsOptional()
  @IsBoolean()
  copyCosts?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'Coordinators: the adopting municipality.' })
  @IsOptional()
  @IsString()
  municipalityId?: string | null;
}

@InputType()
export class MarkProjectInterestInput {
  @Field(() => ID)
  @IsString()
  projectId: string;

  @Field(() => Boolean, { nullable: true, description: 'false withdraws the interest.' })
  @IsOptional()
  @IsBoolean()
  interested?: boolean | null;
}

@InputType()
export class PrefillFromPubliccodeInput {
  @Field(() => String)
  @IsString()
  @MaxLength(L.publiccodeYml.maxLength)
  yaml: string;
}

@InputType()
export class ProjectFilter {
  @Field(() => String, { nullable: true, description: 'German full-text search (stemming, accents folded).' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;

  @Field(() => [ProjectCategory], { nullable: true })
  @IsOptional()
  @IsEnum(ProjectCategory, { each: true })
  categories?: ProjectCategory[] | null;

  @Field(() => [ProjectPhase], { nullable: true })
  @IsOptional()
  @IsEnum(ProjectPhase, { each: true })
  phases?: ProjectPhase[] | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Landkreise / kreisfreie Städte of the lead municipality.',
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  districtIds?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  openSource?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  hasCosts?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'In a phase with something to reuse (pilot or later).',
  })
  @IsOptional()
  @IsBoolean()
  reusable?: boolean | null;

  @Field(() => ProjectStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ProjectStatus)
  status?: ProjectStatus | null;

  @Field(() => ID, { nullable: true, description: 'Projects this municipality takes part in.' })
  @IsOptional()
  @IsString()
  municipalityId?: string | null;
}
