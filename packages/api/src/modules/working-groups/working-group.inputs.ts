import { workingGroupLimits } from '@hub/shared';
import { ArrayMaxSize, IsBoolean, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/user-error';
import { WorkingGroup, WorkingGroupMembership } from './working-group.entity';

const { name, topic, description, goals, requestNote, initialLeads } = workingGroupLimits;

@InputType()
export class WorkingGroupFilter {
  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only archived groups; false or omitted: only open ones.',
  })
  @IsOptional()
  @IsBoolean()
  archived?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Part of the name, topic or description.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only groups with an active member from this municipality.',
  })
  @IsOptional()
  @IsString()
  memberMunicipalityId?: string | null;
}

@InputType()
export class CreateWorkingGroupInput {
  @Field(() => String)
  @IsString()
  @Length(name.minLength, name.maxLength)
  name: string;

  @Field(() => String)
  @IsString()
  @Length(topic.minLength, topic.maxLength)
  topic: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(description.maxLength)
  description?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(goals.maxLength)
  goals?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'People (officers or coordinators) who lead the group from the start.',
  })
  @IsOptional()
  @ArrayMaxSize(initialLeads.max)
  @IsString({ each: true })
  leadIds?: string[] | null;
}

@InputType()
export class UpdateWorkingGroupInput {
  @Field(() => ID)
  @IsString()
  id: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(name.minLength, name.maxLength)
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(topic.minLength, topic.maxLength)
  topic?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(description.maxLength)
  description?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(goals.maxLength)
  goals?: string | null;
}

@InputType()
export class WorkingGroupIdInput {
  @Field(() => ID)
  @IsString()
  workingGroupId: string;
}

@InputType()
export class RequestToJoinWorkingGroupInput extends WorkingGroupIdInput {
  @Field(() => String, { nullable: true, description: 'A short note for the leads.' })
  @IsOptional()
  @IsString()
  @MaxLength(requestNote.maxLength)
  note?: string | null;
}

@InputType({ description: 'Names one membership of a working group.' })
export class WorkingGroupMembershipIdInput {
  @Field(() => ID)
  @IsString()
  membershipId: string;
}

@ObjectType()
export class WorkingGroupPayload {
  @Field(() => WorkingGroup, { nullable: true })
  workingGroup: WorkingGroup | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class WorkingGroupMembershipPayload {
  @Field(() => WorkingGroupMembership, { nullable: true, description: 'The membership as changed.' })
  membership: WorkingGroupMembership | null;

  @Field(() => WorkingGroup, { nullable: true })
  workingGroup: WorkingGroup | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}
