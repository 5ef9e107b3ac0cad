import { MembershipStatus, ProjectPhase } from '@hub/shared';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { FeedEvent } from '../events';
import { Municipality } from '../municipalities';
import { CategoryCount, PhaseCount } from '../reports';

/** What makes a member municipality's presence in the hub complete. */
export enum ProfileCheckKind {
  /** One of its officers names a function and a phone number (the contact on its page). */
  CONTACT_PERSON = 'CONTACT_PERSON',
  /** It leads at least one project in the hub. */
  PROJECTS = 'PROJECTS',
  /** People of the municipality take part in a working group. */
  WORKING_GROUP = 'WORKING_GROUP',
  /** Every running project it leads had a status update within the last 90 days. */
  CURRENT_STATUS = 'CURRENT_STATUS',
}
registerEnumType(ProfileCheckKind, { name: 'ProfileCheckKind' });

@ObjectType({ description: 'One part of a municipality profile and whether it is done.' })
export class ProfileCheck {
  @Field(() => ProfileCheckKind)
  kind: ProfileCheckKind;

  @Field(() => Boolean)
  done: boolean;
}

@ObjectType({
  description:
    'Something that happened in the network (a domain event), with the objects it is about that the viewer may read.',
})
export class ActivityEntry {
  @Field(() => ID, { description: 'The event number.' })
  id: string;

  @Field(() => String, { description: "What happened: the domain event type, e.g. 'project.publish'." })
  type: string;

  @Field(() => Date)
  occurredAt: Date;

  @Field(() => ProjectPhase, { nullable: true, description: 'The reported phase of a status update.' })
  phase: ProjectPhase | null;

  @Field(() => MembershipStatus, { nullable: true, description: 'The new status of a network membership.' })
  membershipStatus: MembershipStatus | null;

  /** The event as read; the objects are resolved through their modules' loaders and policies. */
  event: FeedEvent;

  /** For an event about minutes: their meeting, when the feed read it along with the minutes' ids. */
  meetingId?: string;
}

@ObjectType({ description: 'The start page of a digital officer: her municipality and what waits for her.' })
export class OfficerDashboard {
  municipalityId: string;
  userId: string;
  /** Results shared by several fields (a list and its count come from one statement). */
  readonly parts = new Map<string, Promise<unknown>>();
}

@ObjectType({ description: 'An e-mail that could not be delivered; retried until the attempts run out.' })
export class FailedDeliveryEntry {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  recipient: string;

  @Field(() => String)
  subject: string;

  @Field(() => String, { description: 'What the mail is, e.g. INVITATION, PASSWORD_RESET.' })
  kind: string;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Int)
  attempts: number;

  @Field(() => String)
  lastError: string;
}

@ObjectType({ description: "The coordinators' start page: the work waiting and the network's activity." })
export class CoordinatorDashboard {
  readonly parts = new Map<string, Promise<unknown>>();
}

@ObjectType('DashboardDistrictCount', {
  description: 'Published projects whose lead municipality lies in a Landkreis or kreisfreie Stadt.',
})
export class DistrictCount {
  @Field(() => Municipality, { description: 'The Landkreis or kreisfreie Stadt of the lead municipalities.' })
  district: Municipality;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'Costs and funding of the published projects, in euro cents.' })
export class InvestmentTotals {
  @Field(() => Int, { description: 'Published projects that state costs.' })
  projectsWithCosts: number;

  @Field(() => GraphQLSafeInt)
  oneOffCents: number;

  @Field(() => GraphQLSafeInt, { description: 'Running costs per year.' })
  yearlyCents: number;

  @Field(() => GraphQLSafeInt)
  fundingCents: number;

  @Field(() => String)
  currency: string;
}

@ObjectType({
  description:
    "The ministry's start page: aggregates of the published projects (no names of people, no contacts).",
})
export class MinistryDashboard {
  @Field(() => Int)
  projectCount: number;

  @Field(() => [PhaseCount])
  projectsByPhase: PhaseCount[];

  @Field(() => [CategoryCount])
  projectsByCategory: CategoryCount[];

  @Field(() => [DistrictCount])
  projectsByDistrict: DistrictCount[];

  @Field(() => InvestmentTotals)
  investment: InvestmentTotals;
}
