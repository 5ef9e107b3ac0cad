import {
  berlinDate,
  PeriodKind,
  ProjectCategory,
  ProjectPhase,
  periodContaining,
  quartersUpTo,
  reportLimits,
} from '@hub/shared';
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { paginate } from '../../db/paginate';
import type { Context } from '../../graphql/context';
import { inTransaction } from '../../graphql/context';
import { badInput, forbidden, unauthenticated } from '../../graphql/errors';
import { registerNodeType } from '../../graphql/node-registry';
import type { Connection } from '../../graphql/relay';
import { ConnectionType, maybeIdOf, toGlobalId } from '../../graphql/relay';
import { UserErrors } from '../../graphql/user-error';
import { rememberedPublicResult } from '../../live/public-data-memo';
import { requireViewer } from '../auth';
import { User, userById } from '../users';
import {
  checkedPeriod,
  compareWithPrevious,
  computeNetworkFigures,
  reportPeriod,
} from './network-figures.service';
import { NetworkFigureComparison, NetworkFigures, PeriodInput, ReportPeriod } from './network-figures.types';
import { ProgressReport } from './progress-report.entity';
import {
  CreateProgressReportInput,
  ProgressReportIdInput,
  ProgressReportPayload,
  ReviewProgressReportInput,
  UpdateProgressReportInput,
} from './progress-report.inputs';
import { contentOfReport, correctionsByReportId, progressReportById } from './progress-report.loaders';
import { can, readableReportsSql } from './progress-report.policy';
import { ProgressReportService, periodOf } from './progress-report.service';

export const ProgressReportConnection = ConnectionType(ProgressReport);

@ObjectType()
export class ReportSectionView {
  @Field(() => String)
  title: string;

  @Field(() => String, { description: 'Markdown as written.' })
  body: string;

  @Field(() => String, { description: 'Rendered and sanitised HTML (safe to insert).' })
  html: string;
}

@ObjectType()
export class ReportStatusUpdateView {
  @Field(() => String)
  reportedOn: string;

  @Field(() => ProjectPhase)
  phase: ProjectPhase;

  @Field(() => Int)
  progressPercent: number;

  @Field(() => String)
  text: string;
}

@ObjectType()
export class ReportMilestoneView {
  @Field(() => String)
  title: string;

  @Field(() => String, { nullable: true })
  dueDate: string | null;

  @Field(() => Boolean)
  done: boolean;
}

@ObjectType({ description: "A project's section of a report, as it stood when the report was published." })
export class ReportProjectSectionView {
  @Field(() => ID)
  projectId: string;

  @Field(() => String)
  title: string;

  @Field(() => String)
  leadMunicipality: string;

  @Field(() => String, { description: 'The Landkreis or kreisfreie Stadt.' })
  district: string;

  @Field(() => ProjectCategory)
  category: ProjectCategory;

  @Field(() => ProjectPhase)
  phase: ProjectPhase;

  @Field(() => Int, { nullable: true })
  progressPercent: number | null;

  @Field(() => Boolean)
  highlight: boolean;

  @Field(() => [ReportStatusUpdateView])
  statusUpdates: ReportStatusUpdateView[];

  @Field(() => [ReportMilestoneView])
  milestones: ReportMilestoneView[];
}

@ObjectType({ description: 'What the viewer may do with a report now.' })
export class ProgressReportPermissions {
  @Field(() => Boolean)
  edit: boolean;

  @Field(() => Boolean)
  submit: boolean;

  @Field(() => Boolean, { description: 'Approve or return it (a coordinator other than the submitter).' })
  review: boolean;

  @Field(() => Boolean)
  publish: boolean;

  @Field(() => Boolean, { description: 'Start a correction (a new version).' })
  correct: boolean;
}

@ObjectType({ description: 'Download paths of a report.' })
export class ProgressReportDownloads {
  @Field(() => String)
  pdf: string;

  @Field(() => String)
  xlsx: string;

  @Field(() => String, { description: 'The figures with the comparison as CSV (German Excel).' })
  figuresCsv: string;

  @Field(() => String)
  projectsCsv: string;
}

registerNodeType('ProgressReport', async (ctx, id) => {
  const report = await ctx.loaders.get(progressReportById).load(id);
  return report && can(ctx.viewer, 'read', { report }) ? report : null;
});

const service = (ctx: Context) => new ProgressReportService(ctx.requestId);

async function payload(
  ctx: Context,
  work: (s: ProgressReportService, m: import('typeorm').EntityManager) => Promise<ProgressReport>,
): Promise<ProgressReportPayload> {
  const { result, userErrors } = await inTransaction(ctx, (m) => work(service(ctx), m));
  return { report: result, userErrors };
}

/** The network's figures and the progress reports; thin: authorize, call the service. */
@Resolver(() => ProgressReport)
export class ProgressReportResolver {
  @Query(() => NetworkFigureComparison, {
    description: "The network's figures for a period and the period before, from history. Signed-in people.",
  })
  async networkFigures(
    @Arg('period', () => PeriodInput) period: PeriodInput,
    @Ctx() ctx: Context,
  ): Promise<NetworkFigureComparison> {
    if (!can(ctx.viewer, 'readFigures')) throw unauthenticated();
    const checked = periodOrBadInput(period);
    return rememberedPublicResult(ctx.publicMemo, `figures:${JSON.stringify(checked)}`, () =>
      compareWithPrevious(ctx.dataSource.manager, checked),
    );
  }

  @Query(() => [NetworkFigures], {
    description: 'The figures per quarter, oldest first, up to `last` (default: this quarter).',
  })
  async networkFigureSeries(
    @Arg('last', () => PeriodInput, { nullable: true }) last: PeriodInput | null,
    @Arg('quarters', () => Int, { nullable: true }) quarters: number | null,
    @Ctx() ctx: Context,
  ): Promise<NetworkFigures[]> {
    if (!can(ctx.viewer, 'readFigures')) throw unauthenticated();
    const end = last ? periodOrBadInput(last) : periodContaining(PeriodKind.QUARTER, berlinDate());
    if (end.kind !== PeriodKind.QUARTER) throw badInput('The series runs over quarters.', 'last');
    const count = quarters ?? reportLimits.seriesQuarters.default;
    if (!Number.isInteger(count) || count < 1 || count > reportLimits.seriesQuarters.max)
      throw badInput(`quarters: 1–${reportLimits.seriesQuarters.max}.`, 'quarters');
    return rememberedPublicResult(ctx.publicMemo, `series:${JSON.stringify(end)}:${count}`, () =>
      computeNetworkFigures(ctx.dataSource.manager, quartersUpTo(end, count)),
    );
  }

  @Query(() => ProgressReportConnection, {
    description: 'Progress reports, newest period first; coordinators see drafts too.',
  })
  async progressReports(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<ProgressReport>> {
    if (!can(ctx.viewer, 'list')) throw unauthenticated();
    const query = ctx.dataSource
      .getRepository(ProgressReport)
      .createQueryBuilder('r')
      .where(readableReportsSql(ctx.viewer, 'r'));
    return paginate(query, { first, after }, [
      { expression: 'r.year', direction: 'DESC', type: 'integer', value: (r) => r.year },
      { expression: 'r.period_kind::text', direction: 'ASC', type: 'text', value: (r) => r.periodKind },
      { expression: 'r.period_index', direction: 'DESC', type: 'integer', value: (r) => r.periodIndex },
      { expression: 'r.version', direction: 'DESC', type: 'integer', value: (r) => r.version },
      { expression: 'r.id', direction: 'ASC', type: 'uuid', value: (r) => r.id },
    ]);
  }

  @Query(() => Boolean, { description: 'Whether the viewer may start a progress report.' })
  viewerCanCreateProgressReport(@Ctx() ctx: Context): boolean {
    return can(ctx.viewer, 'create');
  }

  @Query(() => ProgressReport, { nullable: true, description: 'Null when missing or not readable.' })
  async progressReport(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<ProgressReport | null> {
    if (!ctx.viewer) throw unauthenticated();
    const uuid = maybeIdOf(id, 'ProgressReport');
    const report = uuid ? await ctx.loaders.get(progressReportById).load(uuid) : null;
    return report && can(ctx.viewer, 'read', { report }) ? report : null;
  }

  @FieldResolver(() => ReportPeriod)
  period(@Root() report: ProgressReport): ReportPeriod {
    return reportPeriod(periodOf(report));
  }

  @FieldResolver(() => Boolean, { description: 'Published: its content no longer changes.' })
  frozen(@Root() report: ProgressReport): boolean {
    return report.snapshot !== null;
  }

  @FieldResolver(() => NetworkFigureComparison, {
    description: 'Figures of the period and of the one before.',
  })
  async figures(@Root() report: ProgressReport, @Ctx() ctx: Context): Promise<NetworkFigureComparison> {
    const { current, previous } = await ctx.loaders.get(contentOfReport).load(report);
    return { current, previous };
  }

  @FieldResolver(() => [ReportSectionView])
  async sections(@Root() report: ProgressReport, @Ctx() ctx: Context): Promise<ReportSectionView[]> {
    return (await ctx.loaders.get(contentOfReport).load(report)).sections;
  }

  @FieldResolver(() => [ReportProjectSectionView], { description: 'Highlights first, then by title.' })
  async projects(@Root() report: ProgressReport, @Ctx() ctx: Context): Promise<ReportProjectSectionView[]> {
    return (await ctx.loaders.get(contentOfReport).load(report)).projects;
  }

  @FieldResolver(() => String, { nullable: true, description: "The reviewer's note; coordinators only." })
  reviewComment(@Root() report: ProgressReport, @Ctx() ctx: Context): string | null {
    return can(ctx.viewer, 'readWorkflow') ? report.reviewComment : null;
  }

  @FieldResolver(() => User, {
    nullable: true,
    description: 'The second coordinator who approved or returned it last; coordinators only.',
  })
  async reviewedBy(@Root() report: ProgressReport, @Ctx() ctx: Context): Promise<User | null> {
    if (!can(ctx.viewer, 'readWorkflow') || !report.reviewedById) return null;
    return ctx.loaders.get(userById).load(report.reviewedById);
  }

  @FieldResolver(() => Date, { nullable: true, description: 'When it was last reviewed; coordinators only.' })
  reviewedAt(@Root() report: ProgressReport, @Ctx() ctx: Context): Date | null {
    return can(ctx.viewer, 'readWorkflow') ? report.reviewedAt : null;
  }

  @FieldResolver(() => Boolean, { description: 'Submitted by the viewer (who then cannot review it).' })
  submittedByViewer(@Root() report: ProgressReport, @Ctx() ctx: Context): boolean {
    return ctx.viewer !== null && report.submittedById === ctx.viewer.id;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The published version this one corrects.' })
  previousVersionId(@Root() report: ProgressReport): string | null {
    return report.previousVersionId ? toGlobalId('ProgressReport', report.previousVersionId) : null;
  }

  @FieldResolver(() => ProgressReport, {
    nullable: true,
    description: 'The newer version the viewer may read, if any.',
  })
  async correctedBy(@Root() report: ProgressReport, @Ctx() ctx: Context): Promise<ProgressReport | null> {
    const versions = await ctx.loaders.get(correctionsByReportId).load(report.id);
    return versions.find((r) => can(ctx.viewer, 'read', { report: r })) ?? null;
  }

  @FieldResolver(() => ProgressReportPermissions)
  async viewerCan(@Root() report: ProgressReport, @Ctx() ctx: Context): Promise<ProgressReportPermissions> {
    const viewer = ctx.viewer;
    const corrected = can(viewer, 'correct', { report })
      ? (await ctx.loaders.get(correctionsByReportId).load(report.id)).length > 0
      : false;
    return {
      edit: can(viewer, 'edit', { report }),
      submit: can(viewer, 'submit', { report }),
      review: can(viewer, 'review', { report }),
      publish: can(viewer, 'publish', { report }),
      correct: can(viewer, 'correct', { report, hasNewerVersion: corrected }),
    };
  }

  @FieldResolver(() => ProgressReportDownloads, { description: 'Where to download it (session cookie).' })
  downloads(@Root() report: ProgressReport): ProgressReportDownloads {
    const base = `/api/reports/${encodeURIComponent(toGlobalId('ProgressReport', report.id))}`;
    return {
      pdf: `${base}/fortschrittsbericht.pdf`,
      xlsx: `${base}/fortschrittsbericht.xlsx`,
      figuresCsv: `${base}/kennzahlen.csv`,
      projectsCsv: `${base}/projekte.csv`,
    };
  }

  @Mutation(() => ProgressReportPayload, { description: 'Coordinators start a report for a period.' })
  async createProgressReport(
    @Arg('input', () => CreateProgressReportInput) input: CreateProgressReportInput,
    @Ctx() ctx: Context,
  ): Promise<ProgressReportPayload> {
    const viewer = requireViewer(ctx);
    if (!can(viewer, 'create')) throw forbidden('Only coordinators compile progress reports.');
    return payload(ctx, (s, m) => s.create(m, viewer, input));
  }

  @Mutation(() => ProgressReportPayload, {
    description: 'Title, narrative sections and highlights of a draft.',
  })
  async updateProgressReport(
    @Arg('input', () => UpdateProgressReportInput) input: UpdateProgressReportInput,
    @Ctx() ctx: Context,
  ): Promise<ProgressReportPayload> {
    const viewer = requireViewer(ctx);
    return payload(ctx, (s, m) => s.update(m, viewer, input));
  }

  @Mutation(() => ProgressReportPayload, { description: 'Asks a second coordinator to review the draft.' })
  async submitProgressReport(
    @Arg('input', () => ProgressReportIdInput) input: ProgressReportIdInput,
    @Ctx() ctx: Context,
  ): Promise<ProgressReportPayload> {
    const viewer = requireViewer(ctx);
    return payload(ctx, (s, m) => s.submit(m, viewer, input.id));
  }

  @Mutation(() => ProgressReportPayload, {
    description: 'A second coordinator approves the report or returns it.',
  })
  async reviewProgressReport(
    @Arg('input', () => ReviewProgressReportInput) input: ReviewProgressReportInput,
    @Ctx() ctx: Context,
  ): Promise<ProgressReportPayload> {
    const viewer = requireViewer(ctx);
    return payload(ctx, (s, m) => s.review(m, viewer, input));
  }

  @Mutation(() => ProgressReportPayload, { description: 'Publishes an approved report and freezes it.' })
  async publishProgressReport(
    @Arg('input', () => ProgressReportIdInput) input: ProgressReportIdInput,
    @Ctx() ctx: Context,
  ): Promise<ProgressReportPayload> {
    const viewer = requireViewer(ctx);
    return payload(ctx, (s, m) => s.publish(m, viewer, input.id));
  }

  @Mutation(() => ProgressReportPayload, {
    description: 'Starts a correction: a new draft version of a published report.',
  })
  async correctProgressReport(
    @Arg('input', () => ProgressReportIdInput) input: ProgressReportIdInput,
    @Ctx() ctx: Context,
  ): Promise<ProgressReportPayload> {
    const viewer = requireViewer(ctx);
    return payload(ctx, (s, m) => s.correct(m, viewer, input.id));
  }
}

/** A period from a query argument; a period that does not exist is BAD_USER_INPUT. */
function periodOrBadInput(input: PeriodInput) {
  try {
    return checkedPeriod(input);
  } catch (error) {
    if (error instanceof UserErrors) throw badInput(error.message, 'period');
    throw error;
  }
}
