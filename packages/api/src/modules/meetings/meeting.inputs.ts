import { ActionItemStatus, InvitationResponse, MeetingKind, meetingLimits, OutcomeKind } from '@hub/shared';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserError } from '../../graphql/user-error';
import { AgendaItem, Meeting, MeetingInvitation, MeetingMinutes, Outcome } from './meeting.entity';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class AgendaItemFields {
  @Field(() => String)
  @IsString()
  @Length(1, meetingLimits.title.maxLength)
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(meetingLimits.description.maxLength)
  description?: string | null;

  @Field(() => ID, { nullable: true, description: 'A User.' })
  @IsOptional()
  @IsString()
  presenterId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A Project.' })
  @IsOptional()
  @IsString()
  projectId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Planned duration in minutes.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(meetingLimits.plannedMinutes.max)
  plannedMinutes?: number | null;
}

@InputType()
export class CreateMeetingInput {
  @Field(() => MeetingKind)
  @IsEnum(MeetingKind)
  kind: MeetingKind;

  @Field(() => ID, { nullable: true, description: 'Required for WORKING_GROUP meetings.' })
  @IsOptional()
  @IsString()
  workingGroupId?: string | null;

  @Field(() => String)
  @IsString()
  @Length(1, meetingLimits.title.maxLength)
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(meetingLimits.description.maxLength)
  description?: string | null;

  @Field(() => Date, {
    description: 'With an offset; Berlin local time is fine (e.g. 2026-03-30T09:00:00+02:00).',
  })
  @IsDate()
  startsAt: Date;

  @Field(() => Date)
  @IsDate()
  endsAt: Date;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(meetingLimits.location.maxLength)
  location?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(meetingLimits.onlineUrl.maxLength)
  onlineUrl?: string | null;

  @Field(() => [AgendaItemFields], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(meetingLimits.agendaItems.max)
  @ValidateNested({ each: true })
  agenda?: AgendaItemFields[] | null;
}

@InputType()
export class UpdateMeetingInput {
  @Field(() => ID)
  @IsString()
  meetingId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, meetingLimits.title.maxLength)
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(meetingLimits.description.maxLength)
  description?: string | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  startsAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @IsOptional()
  @IsDate()
  endsAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'An empty string clears it.' })
  @IsOptional()
  @IsString()
  @MaxLength(meetingLimits.location.maxLength)
  location?: string | null;

  @Field(() => String, { nullable: true, description: 'An empty string clears it.' })
  @IsOptional()
  @IsString()
  @MaxLength(meetingLimits.onlineUrl.maxLength)
  onlineUrl?: string | null;
}

@InputType()
export class MeetingRefInput {
  @Field(() => ID)
  @IsString()
  meetingId: string;
}

@InputType()
export class AddAgendaItemInput extends AgendaItemFields {
  @Field(() => ID)
  @IsString()
  meetingId: string;
}

@InputType()
export class UpdateAgendaItemInput extends AgendaItemFields {
  @Field(() => ID)
  @IsString()
  agendaItemId: string;
}

@InputType()
export class AgendaItemRefInput {
  @Field(() => ID)
  @IsString()
  agendaItemId: string;
}

@InputType()
export class ReorderAgendaInput {
  @Field(() => ID)
  @IsString()
  meetingId: string;

  @Field(() => [ID], { description: 'Every agenda item of the meeting, in the new order.' })
  @ArrayMaxSize(meetingLimits.agendaItems.max)
  @IsString({ each: true })
  agendaItemIds: string[];
}

@InputType()
export class InviteToMeetingInput {
  @Field(() => ID)
  @IsString()
  meetingId: string;

  @Field(() => [ID], { nullable: true, description: 'Particular people.' })
  @IsOptional()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  userIds?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Every active member of the meeting's working group.",
  })
  @IsOptional()
  @IsBoolean()
  workingGroupMembers?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Every active officer of every active member municipality.',
  })
  @IsOptional()
  @IsBoolean()
  allMemberMunicipalities?: boolean | null;
}

@InputType()
export class RespondToInvitationInput {
  @Field(() => ID)
  @IsString()
  meetingId: string;

  @Field(() => InvitationResponse)
  @IsEnum(InvitationResponse)
  response: InvitationResponse;
}

@InputType()
export class AttendanceEntryInput {
  @Field(() => ID, { description: 'A User.' })
  @IsString()
  userId: string;

  @Field(() => Boolean)
  @IsBoolean()
  attended: boolean;
}

@InputType()
export class RecordAttendanceInput {
  @Field(() => ID)
  @IsString()
  meetingId: string;

  @Field(() => [AttendanceEntryInput])
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  entries: AttendanceEntryInput[];
}

@InputType()
export class AgendaItemNotesInput {
  @Field(() => ID)
  @IsString()
  agendaItemId: string;

  @Field(() => String)
  @IsString()
  @MaxLength(meetingLimits.itemNotes.maxLength)
  notes: string;
}

@InputType()
export class SaveMinutesInput {
  @Field(() => ID)
  @IsString()
  meetingId: string;

  @Field(() => String, { description: 'Markdown; raw HTML is not rendered.' })
  @IsString()
  @MaxLength(meetingLimits.minutesBody.maxLength)
  body: string;

  @Field(() => [AgendaItemNotesInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(meetingLimits.agendaItems.max)
  @ValidateNested({ each: true })
  itemNotes?: AgendaItemNotesInput[] | null;
}

@InputType()
export class AddOutcomeInput {
  @Field(() => ID)
  @IsString()
  agendaItemId: string;

  @Field(() => OutcomeKind)
  @IsEnum(OutcomeKind)
  kind: OutcomeKind;

  @Field(() => String)
  @IsString()
  @Length(1, meetingLimits.outcomeTitle.maxLength)
  title: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(meetingLimits.outcomeDescription.maxLength)
  description?: string | null;

  @Field(() => ID, { nullable: true, description: 'Action items: the person who owes it.' })
  @IsOptional()
  @IsString()
  ownerUserId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Action items: the municipality that owes it.' })
  @IsOptional()
  @IsString()
  ownerMunicipalityId?: string | null;

  @Field(() => String, { nullable: true, description: 'Action items: YYYY-MM-DD, today or later.' })
  @IsOptional()
  @Matches(DATE, { message: 'dueDate must be a date (YYYY-MM-DD)' })
  dueDate?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Action items: linked projects.' })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  projectIds?: string[] | null;
}

@InputType()
export class UpdateActionItemInput {
  @Field(() => ID)
  @IsString()
  actionItemId: string;

  @Field(() => ActionItemStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ActionItemStatus)
  status?: ActionItemStatus | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(DATE, { message: 'dueDate must be a date (YYYY-MM-DD)' })
  dueDate?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Replaces the linked projects (each must exist and be readable); omit to keep them.',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  projectIds?: string[] | null;
}

@InputType()
export class OutcomeRefInput {
  @Field(() => ID)
  @IsString()
  outcomeId: string;
}

export enum ActionItemScope {
  /** Owed by the viewer or the viewer's municipality. */
  MINE = 'MINE',
  /** Owed by the viewer's municipality. */
  MY_MUNICIPALITY = 'MY_MUNICIPALITY',
  /** Every action item the viewer may see. */
  ALL = 'ALL',
}

registerEnumType(ActionItemScope, { name: 'ActionItemScope' });

@InputType()
export class ActionItemFilter {
  @Field(() => ActionItemScope, { nullable: true, description: 'Defaults to MINE.' })
  @IsOptional()
  @IsEnum(ActionItemScope)
  scope?: ActionItemScope | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  workingGroupId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only those past their due date.' })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean | null;

  @Field(() => [ActionItemStatus], { nullable: true, description: 'Defaults to OPEN and IN_PROGRESS.' })
  @IsOptional()
  @IsEnum(ActionItemStatus, { each: true })
  statuses?: ActionItemStatus[] | null;
}

@InputType()
export class MeetingFilter {
  @Field(() => MeetingKind, { nullable: true })
  @IsOptional()
  @IsEnum(MeetingKind)
  kind?: MeetingKind | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  workingGroupId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Meetings ending after this instant.' })
  @IsOptional()
  @IsDate()
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Meetings starting before this instant.' })
  @IsOptional()
  @IsDate()
  to?: Date | null;

  @Field(() => Boolean, { nullable: true, description: 'Only meetings the viewer is invited to.' })
  @IsOptional()
  @IsBoolean()
  invitedOnly?: boolean | null;
}

@ObjectType()
export class MeetingPayload {
  @Field(() => Meeting, { nullable: true })
  meeting: Meeting | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class AgendaItemPayload {
  @Field(() => AgendaItem, { nullable: true })
  agendaItem: AgendaItem | null;

  @Field(() => Meeting, { nullable: true })
  meeting: Meeting | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class InvitationPayload {
  @Field(() => MeetingInvitation, { nullable: true })
  invitation: MeetingInvitation | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Invitations to upcoming meetings the viewer has still not answered, after this answer (her start page's count); null with errors.",
  })
  unansweredInvitationCount: number | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class MinutesPayload {
  @Field(() => MeetingMinutes, { nullable: true })
  minutes: MeetingMinutes | null;

  @Field(() => Meeting, {
    nullable: true,
    description:
      'The minutes’ meeting: its published revisions and what the viewer may do next change with them.',
  })
  meeting: Meeting | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class OutcomePayload {
  @Field(() => Outcome, { nullable: true })
  outcome: Outcome | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class CalendarFeedPayload {
  @Field(() => String, { nullable: true, description: 'The secret subscription URL; shown once.' })
  url: string | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}
