import { MembershipStatus } from '@hub/shared';
import { IsArray, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/user-error';
import { Municipality } from '../municipalities';
import { NetworkMembership } from './membership.entity';

const NOTE_MAX = 1000;

@InputType({ description: 'Starts a membership: a coordinator invites, or an own officer applies.' })
export class StartMembershipInput {
  @Field(() => ID)
  @IsString()
  municipalityId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(NOTE_MAX)
  note?: string | null;
}

@InputType({ description: 'Moves a membership on: accept, decline, suspend, reactivate or end it.' })
export class ChangeMembershipInput {
  @Field(() => ID)
  @IsString()
  membershipId: string;

  @Field(() => String, { nullable: true, description: 'Kept in the history.' })
  @IsOptional()
  @IsString()
  @MaxLength(NOTE_MAX)
  note?: string | null;
}

@InputType()
export class MembershipFilter {
  @Field(() => [MembershipStatus], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(MembershipStatus, { each: true })
  statuses?: MembershipStatus[] | null;
}

@ObjectType()
export class MembershipPayload {
  @Field(() => NetworkMembership, { nullable: true })
  membership: NetworkMembership | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType({ description: 'What the viewer may do with a membership now.' })
export class MembershipPermissions {
  @Field(() => Boolean)
  accept: boolean;

  @Field(() => Boolean)
  decline: boolean;

  @Field(() => Boolean)
  suspend: boolean;

  @Field(() => Boolean)
  reactivate: boolean;

  @Field(() => Boolean)
  end: boolean;
}

@ObjectType({ description: 'The members within one Landkreis or kreisfreie Stadt.' })
export class DistrictStatistics {
  district: Municipality;

  @Field(() => Int, { description: 'Active members lying in it (the district itself included).' })
  memberCount: number;

  @Field(() => Int, { description: 'Inhabitants of the district covered by a membership.' })
  populationCovered: number;

  @Field(() => Int)
  population: number;
}

@ObjectType({
  description: 'A member on the map; Landkreise and Verbandsgemeinden at the centre of their Gemeinden.',
})
export class MemberLocation {
  municipalityId: string;

  @Field(() => Float)
  latitude: number;

  @Field(() => Float)
  longitude: number;
}

@ObjectType()
export class NetworkStatistics {
  @Field(() => Int, { description: 'Active member municipalities.' })
  memberCount: number;

  @Field(() => Int, {
    description:
      'Inhabitants of the Gemeinden covered by an active membership of their own, their Verbandsgemeinde or Landkreis (each counted once).',
  })
  populationCovered: number;

  @Field(() => Int, { description: 'Inhabitants of Rheinland-Pfalz.' })
  statePopulation: number;

  @Field(() => Float, { description: 'populationCovered / statePopulation, 0…1.' })
  populationShare: number;

  @Field(() => [DistrictStatistics], {
    description: 'Every Landkreis and kreisfreie Stadt, most members first.',
  })
  byDistrict: DistrictStatistics[];

  @Field(() => [MemberLocation], { description: 'The active members with a position, for the map.' })
  locations: MemberLocation[];
}
