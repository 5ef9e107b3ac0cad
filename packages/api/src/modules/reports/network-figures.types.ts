import { PeriodKind, ProjectCategory, ProjectPhase } from '@hub/shared';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';

@InputType({ description: 'A calendar quarter, half-year or year (Berlin time).' })
export class PeriodInput {
  @Field(() => PeriodKind)
  kind: PeriodKind;

  @Field(() => Int)
  year: number;

  @Field(() => Int, { description: '1–4 for quarters, 1–2 for half-years, 1 for a year.' })
  index: number;
}

@ObjectType({ description: 'A reporting period; its days are Berlin calendar days.' })
export class ReportPeriod {
  @Field(() => PeriodKind)
  kind: PeriodKind;

  @Field(() => Int)
  year: number;

  @Field(() => Int)
  index: number;

  @Field(() => String, { description: 'First day (YYYY-MM-DD).' })
  startsOn: string;

  @Field(() => String, { description: 'Last day (YYYY-MM-DD).' })
  endsOn: string;

  @Field(() => String, { description: 'German label, e.g. "Q1 2026".' })
  label: string;
}

@ObjectType()
export class PhaseCount {
  @Field(() => ProjectPhase)
  phase: ProjectPhase;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class CategoryCount {
  @Field(() => ProjectCategory)
  category: ProjectCategory;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'Projects whose lead municipality lies in a Landkreis or kreisfreie Stadt.' })
export class DistrictCount {
  @Field(() => ID, { description: 'Global ID of the Landkreis or kreisfreie Stadt.' })
  districtId: string;

  @Field(() => String)
  name: string;

  @Field(() => Int)
  count: number;
}

/**
 * The network's figures for one period: stocks as they stood at the period's end, flows within
 * it. A plain object (no methods) so that a published report can keep it as JSON.
 */
@ObjectType({ description: 'The network in figures for one period, computed from history.' })
export class NetworkFigures {
  @Field(() => ReportPeriod)
  period: ReportPeriod;

  @Field(() => Int, { description: 'Active member municipalities at the end of the period.' })
  memberCount: number;

  @Field(() => Int, { description: 'Municipalities that became members in the period.' })
  membersJoined: number;

  @Field(() => Int)
  membersLeft: number;

  @Field(() => GraphQLSafeInt, { description: 'Inhabitants of the Gemeinden covered by members.' })
  populationCovered: number;

  @Field(() => GraphQLSafeInt)
  statePopulation: number;

  @Field(() => Float, { description: 'populationCovered / statePopulation, 0…1.' })
  populationShare: number;

  @Field(() => Int, { description: 'Published projects at the end of the period.' })
  projectCount: number;

  @Field(() => Int, { description: 'Projects published in the period.' })
  projectsPublished: number;

  @Field(() => [PhaseCount], { description: 'Every phase, in order, with its count at the period end.' })
  projectsByPhase: PhaseCount[];

  @Field(() => [CategoryCount])
  projectsByCategory: CategoryCount[];

  @Field(() => [DistrictCount], { description: 'Largest first.' })
  projectsByDistrict: DistrictCount[];

  @Field(() => Int, { description: 'Adoptions (Nachnutzungen) up to the end of the period.' })
  adoptionCount: number;

  @Field(() => Int)
  adoptionsInPeriod: number;

  @Field(() => GraphQLSafeInt, { description: 'Estimated savings of those adoptions, euro cents.' })
  estimatedSavingCents: number;

  @Field(() => GraphQLSafeInt)
  savingsInPeriodCents: number;

  @Field(() => GraphQLSafeInt, { description: 'One-off costs of the projects, euro cents.' })
  oneOffCostCents: number;

  @Field(() => GraphQLSafeInt, { description: 'Yearly running costs of the projects, euro cents.' })
  yearlyCostCents: number;

  @Field(() => GraphQLSafeInt, { description: 'Funding of the projects, euro cents.' })
  fundingCents: number;

  @Field(() => Int)
  meetingsHeld: number;

  @Field(() => Int)
  networkMeetingsHeld: number;

  @Field(() => Int)
  workingGroupMeetingsHeld: number;

  @Field(() => Int)
  steeringMeetingsHeld: number;

  @Field(() => Int)
  invitations: number;

  @Field(() => Int, { description: 'Invitations with attendance recorded.' })
  attendanceRecorded: number;

  @Field(() => Int, { description: 'People who attended (summed over the meetings).' })
  attendances: number;

  @Field(() => Float, {
    nullable: true,
    description: 'attendances / attendanceRecorded; null without records.',
  })
  attendanceRate: number | null;

  @Field(() => Int)
  attendingMunicipalities: number;

  @Field(() => Int)
  actionItemsDue: number;

  @Field(() => Int)
  actionItemsDoneOnTime: number;

  @Field(() => Int)
  actionItemsDoneLate: number;

  @Field(() => Int, { description: 'Open at the end of the period although due before it.' })
  actionItemsOverdue: number;

  @Field(() => Int)
  workingGroupsActive: number;

  @Field(() => Int, { description: 'Working groups that met in the period.' })
  workingGroupsMet: number;

  @Field(() => Int)
  workingGroupMemberships: number;

  @Field(() => Int)
  workingGroupMembersJoined: number;
}

@ObjectType({ description: 'The figures of a period and of the one before, for comparison.' })
export class NetworkFigureComparison {
  @Field(() => NetworkFigures)
  current: NetworkFigures;

  @Field(() => NetworkFigures)
  previous: NetworkFigures;
}
