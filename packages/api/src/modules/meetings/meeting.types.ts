import { Field, Int, ObjectType } from 'type-graphql';
import { Municipality } from '../municipalities';
import { WorkingGroup } from '../working-groups';

/** Answers and attendance of one meeting. */
@ObjectType()
export class MeetingParticipation {
  @Field(() => Int)
  invited: number;

  @Field(() => Int)
  yes: number;

  @Field(() => Int)
  no: number;

  @Field(() => Int)
  maybe: number;

  @Field(() => Int)
  pending: number;

  @Field(() => Int, { description: 'People recorded as present.' })
  attended: number;

  @Field(() => Int, { description: 'Municipalities with at least one person present.' })
  attendingMunicipalities: number;
}

@ObjectType()
export class MunicipalityParticipation {
  @Field(() => Municipality)
  municipality: Municipality;

  @Field(() => Int, { description: 'Meetings someone of the municipality was invited to.' })
  meetingsInvited: number;

  @Field(() => Int, { description: 'Meetings someone of the municipality attended.' })
  meetingsAttended: number;

  @Field(() => Int, { description: 'People present, summed over meetings.' })
  attendances: number;
}

@ObjectType()
export class WorkingGroupParticipation {
  @Field(() => WorkingGroup)
  workingGroup: WorkingGroup;

  @Field(() => Int, { description: 'Meetings held (not cancelled).' })
  meetings: number;

  @Field(() => Int)
  invitations: number;

  @Field(() => Int)
  attendances: number;
}

@ObjectType()
export class ParticipationReport {
  @Field(() => [MunicipalityParticipation])
  byMunicipality: MunicipalityParticipation[];

  @Field(() => [WorkingGroupParticipation])
  byWorkingGroup: WorkingGroupParticipation[];
}

@ObjectType()
export class MeetingPermissions {
  @Field(() => Boolean, { description: 'Edit, cancel, agenda, invitations, attendance, outcomes.' })
  manage: boolean;

  @Field(() => Boolean)
  respond: boolean;

  @Field(() => Boolean)
  editMinutes: boolean;

  @Field(() => Boolean)
  submitMinutes: boolean;

  @Field(() => Boolean)
  approveMinutes: boolean;

  @Field(() => Boolean)
  publishMinutes: boolean;

  @Field(() => Boolean)
  correctMinutes: boolean;
}

@ObjectType()
export class ActionItemPermissions {
  @Field(() => Boolean)
  update: boolean;
}
