import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/user-error';
import { PeriodInput } from './network-figures.types';
import { ProgressReport } from './progress-report.entity';

@InputType()
export class CreateProgressReportInput {
  @Field(() => PeriodInput)
  period: PeriodInput;

  @Field(() => String, { nullable: true, description: 'Defaults to "Fortschrittsbericht <period>".' })
  title?: string | null;
}

@InputType()
export class ReportSectionInput {
  @Field(() => String)
  title: string;

  @Field(() => String, { description: 'Markdown.' })
  body: string;
}

@InputType({ description: 'Only what is given changes; lists replace the whole list.' })
export class UpdateProgressReportInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => [ReportSectionInput], { nullable: true })
  sections?: ReportSectionInput[] | null;

  @Field(() => [ID], { nullable: true, description: 'Projects to highlight (published ones).' })
  highlightProjectIds?: string[] | null;
}

@InputType()
export class ProgressReportIdInput {
  @Field(() => ID)
  id: string;
}

@InputType()
export class ReviewProgressReportInput {
  @Field(() => ID)
  id: string;

  @Field(() => Boolean, { description: 'true approves it for publication; false returns it to draft.' })
  approve: boolean;

  @Field(() => String, { nullable: true })
  comment?: string | null;
}

@ObjectType()
export class ProgressReportPayload {
  @Field(() => ProgressReport, { nullable: true })
  report: ProgressReport | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}
