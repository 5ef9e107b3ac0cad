import type { ProjectCategory } from '@hub/shared';
import { Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { forbidden, unauthenticated } from '../../graphql/errors';
import { failedDeliveries } from '../mail';
import {
  Meeting,
  meetingById,
  meetingsWithMinutesAwaitingApproval,
  meetingsWithUnansweredInvitations,
  Outcome,
  openActionItemsOf,
  outcomeById,
  upcomingMeetingsOf,
} from '../meetings';
import { Municipality, municipalityById } from '../municipalities';
import { pendingApplicationCount } from '../network';
import {
  adoptedProjectsLikeOurs,
  Project,
  portfolioFigures,
  projectById,
  staleProjectsOf,
} from '../projects';
import { User, userById } from '../users';
import { pendingJoinRequests, WorkingGroup } from '../working-groups';
import type { DashboardAction } from './dashboard.policy';
import { dashboardPolicy } from './dashboard.policy';
import { activitySubjects, networkActivity, workingGroupActivity } from './dashboard.service';
import {
  ActivityEntry,
  CoordinatorDashboard,
  FailedDeliveryEntry,
  InvestmentTotals,
  MinistryDashboard,
  OfficerDashboard,
  ProfileCheck,
} from './dashboard.types';
import { profileChecksOf } from './profile-checks';

/** How many entries each list of a dashboard shows; the counts say how many there are in all. */
export const DASHBOARD_LIST_SIZE = {
  actionItems: 5,
  meetings: 3,
  projects: 5,
  activity: 8,
  workQueue: 5,
  networkActivity: 12,
} as const;

/** A project is "without a status update" after this many days. */
export const STALE_AFTER_DAYS = 90;

function authorize(ctx: Context, action: DashboardAction): void {
  if (!ctx.viewer) throw unauthenticated();
  if (!dashboardPolicy.can(ctx.viewer, action)) throw forbidden('This dashboard is not for your role.');
}

/** Runs a part of a dashboard once per request, however many fields need it. */
function part<T>(
  root: { parts: Map<string, Promise<unknown>> },
  key: string,
  load: () => Promise<T>,
): Promise<T> {
  let loading = root.parts.get(key) as Promise<T> | undefined;
  if (!loading) {
    loading = load();
    root.parts.set(key, loading);
  }
  return loading;
}

async function loadAll<T>(
  ctx: Context,
  loader: Parameters<Context['loaders']['get']>[0],
  ids: string[],
): Promise<T[]> {
  const rows = (await ctx.loaders.get(loader).loadMany(ids)) as (T | Error | null)[];
  return rows.filter((row): row is T => row !== null && !(row instanceof Error));
}

@Resolver()
export class DashboardResolver {
  @Query(() => OfficerDashboard, {
    description:
      "A digital officer's start page: her municipality, action items, meetings, projects, groups.",
  })
  officerDashboard(@Ctx() ctx: Context): OfficerDashboard {
    authorize(ctx, 'readOfficerDashboard');
    const scope = dashboardPolicy.officerScope(ctx.viewer)!;
    return Object.assign(new OfficerDashboard(), scope);
  }

  @Query(() => CoordinatorDashboard, {
    description: "The coordinators' start page: work waiting and activity.",
  })
  coordinatorDashboard(@Ctx() ctx: Context): CoordinatorDashboard {
    authorize(ctx, 'readCoordinatorDashboard');
    return new CoordinatorDashboard();
  }

  @Query(() => MinistryDashboard, {
    description:
      "The ministry's start page: published projects by phase, category and Landkreis, costs, funding.",
  })
  async ministryDashboard(@Ctx() ctx: Context): Promise<MinistryDashboard> {
    authorize(ctx, 'readMinistryDashboard');
    const figures = await portfolioFigures(ctx.dataSource);
    const districts = await ctx.loaders
      .get(municipalityById)
      .loadMany(figures.byDistrict.map((d) => d.districtId));
    return Object.assign(new MinistryDashboard(), {
      projectCount: figures.projectCount,
      projectsByPhase: figures.byPhase,
      projectsByCategory: figures.byCategory.map((c) => ({
        category: c.category as ProjectCategory,
        count: c.count,
      })),
      projectsByDistrict: figures.byDistrict.flatMap((d, index) => {
        const district = districts[index];
        return district && !(district instanceof Error) ? [{ district, count: d.count }] : [];
      }),
      investment: Object.assign(new InvestmentTotals(), {
        projectsWithCosts: figures.projectsWithCosts,
        oneOffCents: figures.oneOffCents,
        yearlyCents: figures.yearlyCents,
        fundingCents: figures.fundingCents,
        currency: 'EUR',
      }),
    });
  }
}

@Resolver(() => OfficerDashboard)
export class OfficerDashboardResolver {
  private actionItemPart(ctx: Context, root: OfficerDashboard) {
    return part(root, 'actionItems', () =>
      openActionItemsOf(
        ctx.dataSource,
        { id: root.userId, municipalityId: root.municipalityId },
        DASHBOARD_LIST_SIZE.actionItems,
      ),
    );
  }

  private meetingPart(ctx: Context, root: OfficerDashboard) {
    return part(root, 'meetings', () =>
      upcomingMeetingsOf(ctx.dataSource, root.userId, DASHBOARD_LIST_SIZE.meetings),
    );
  }

  private stalePart(ctx: Context, root: OfficerDashboard) {
    return part(root, 'staleProjects', () =>
      staleProjectsOf(ctx.dataSource, root.municipalityId, STALE_AFTER_DAYS, DASHBOARD_LIST_SIZE.projects),
    );
  }

  private checkPart(ctx: Context, root: OfficerDashboard) {
    return part(root, 'checks', async () =>
      profileChecksOf(ctx, root.municipalityId, (await this.stalePart(ctx, root)).total),
    );
  }

  @FieldResolver(() => Municipality)
  async municipality(@Root() root: OfficerDashboard, @Ctx() ctx: Context): Promise<Municipality> {
    return (await ctx.loaders.get(municipalityById).load(root.municipalityId)) as Municipality;
  }

  @FieldResolver(() => [ProfileCheck], { description: 'The parts of the municipality profile, done or not.' })
  profileChecks(@Root() root: OfficerDashboard, @Ctx() ctx: Context): Promise<ProfileCheck[]> {
    return this.checkPart(ctx, root);
  }

  @FieldResolver(() => Int, { description: 'Share of the profile checks done, in percent.' })
  async profileCompleteness(@Root() root: OfficerDashboard, @Ctx() ctx: Context): Promise<number> {
    const checks = await this.checkPart(ctx, root);
    return Math.round((100 * checks.filter((c) => c.done).length) / checks.length);
  }

  @FieldResolver(() => [Outcome], {
    description: `Her and her municipality's open action items, overdue first (at most ${DASHBOARD_LIST_SIZE.actionItems}).`,
  })
  async actionItems(@Root() root: OfficerDashboard, @Ctx() ctx: Context): Promise<Outcome[]> {
    return loadAll<Outcome>(ctx, outcomeById, (await this.actionItemPart(ctx, root)).ids);
  }

  @FieldResolver(() => Int)
  async openActionItemCount(@Root() root: OfficerDashboard, @Ctx() ctx: Context): Promise<number> {
    return (await this.actionItemPart(ctx, root)).total;
  }

  @FieldResolver(() => Int)
  async overdueActionItemCount(@Root() root: OfficerDashboard, @Ctx() ctx: Context): Promise<number> {
    return (await this.actionItemPart(ctx, root)).overdue;
  }

  @FieldResolver(() => [Meeting], {
    description: `Meetings she is invited to that are still ahead, soonest first (at most ${DASHBOARD_LIST_SIZE.meetings}).`,
  })
  async upcomingMeetings(@Root() root: OfficerDashboard, @Ctx() ctx: Context): Promise<Meeting[]> {
    return loadAll<Meeting>(ctx, meetingById, (await this.meetingPart(ctx, root)).ids);
  }

  @FieldResolver(() => Int)
  async upcomingMeetingCount(@Root() root: OfficerDashboard, @Ctx() ctx: Context): Promise<number> {
    return (await this.meetingPart(ctx, root)).total;
  }

  @FieldResolver(() => Int, { description: 'Invitations to upcoming meetings she has not answered.' })
  async unansweredInvitationCount(@Root() root: OfficerDashboard, @Ctx() ctx: Context): Promise<number> {
    return (await this.meetingPart(ctx, root)).unanswered;
  }

  @FieldResolver(() => [Project], {
    description: `Running projects of her municipality without a status update for ${STALE_AFTER_DAYS} days, longest silent first.`,
  })
  async staleProjects(@Root() root: OfficerDashboard, @Ctx() ctx: Context): Promise<Project[]> {
    return loadAll<Project>(ctx, projectById, (await this.stalePart(ctx, root)).ids);
  }

  @FieldResolver(() => Int)
  async staleProjectCount(@Root() root: OfficerDashboard, @Ctx() ctx: Context): Promise<number> {
    return (await this.stalePart(ctx, root)).total;
  }

  @FieldResolver(() => [Project], {
    description:
      "Published projects of others in the categories of her municipality's projects that other municipalities adopted, most adopted first.",
  })
  async adoptedProjectsLikeOurs(@Root() root: OfficerDashboard, @Ctx() ctx: Context): Promise<Project[]> {
    const ids = await adoptedProjectsLikeOurs(
      ctx.dataSource,
      root.municipalityId,
      DASHBOARD_LIST_SIZE.projects,
    );
    return loadAll<Project>(ctx, projectById, ids);
  }

  @FieldResolver(() => [ActivityEntry], {
    description: 'The latest activity in her working groups, newest first.',
  })
  workingGroupActivity(@Root() root: OfficerDashboard, @Ctx() ctx: Context): Promise<ActivityEntry[]> {
    return workingGroupActivity(ctx, root.userId, DASHBOARD_LIST_SIZE.activity);
  }
}

@Resolver(() => CoordinatorDashboard)
export class CoordinatorDashboardResolver {
  private joinRequests(ctx: Context, root: CoordinatorDashboard) {
    return part(root, 'joinRequests', () => pendingJoinRequests(ctx.dataSource));
  }

  private minutes(ctx: Context, root: CoordinatorDashboard) {
    return part(root, 'minutes', () =>
      meetingsWithMinutesAwaitingApproval(ctx.dataSource, DASHBOARD_LIST_SIZE.workQueue),
    );
  }

  private invitations(ctx: Context, root: CoordinatorDashboard) {
    return part(root, 'invitations', () =>
      meetingsWithUnansweredInvitations(ctx.dataSource, DASHBOARD_LIST_SIZE.workQueue),
    );
  }

  private deliveries(ctx: Context, root: CoordinatorDashboard) {
    return part(root, 'deliveries', () => failedDeliveries(ctx.dataSource, DASHBOARD_LIST_SIZE.workQueue));
  }

  @FieldResolver(() => Int, { description: 'Applications to join the network waiting for a decision.' })
  applicationCount(@Ctx() ctx: Context): Promise<number> {
    return pendingApplicationCount(ctx.dataSource);
  }

  @FieldResolver(() => Int, { description: 'Requests to join a working group waiting for a lead.' })
  async joinRequestCount(@Root() root: CoordinatorDashboard, @Ctx() ctx: Context): Promise<number> {
    return (await this.joinRequests(ctx, root)).requests;
  }

  @FieldResolver(() => Int, { description: 'Working groups with requests waiting.' })
  async joinRequestGroupCount(@Root() root: CoordinatorDashboard, @Ctx() ctx: Context): Promise<number> {
    return (await this.joinRequests(ctx, root)).groups;
  }

  @FieldResolver(() => [Meeting], {
    description: 'Meetings whose minutes wait for approval, longest waiting first.',
  })
  async minutesAwaitingApproval(@Root() root: CoordinatorDashboard, @Ctx() ctx: Context): Promise<Meeting[]> {
    return loadAll<Meeting>(ctx, meetingById, (await this.minutes(ctx, root)).ids);
  }

  @FieldResolver(() => Int)
  async minutesAwaitingApprovalCount(
    @Root() root: CoordinatorDashboard,
    @Ctx() ctx: Context,
  ): Promise<number> {
    return (await this.minutes(ctx, root)).total;
  }

  @FieldResolver(() => [Meeting], {
    description: 'Upcoming meetings with unanswered invitations, soonest first.',
  })
  async meetingsWithUnansweredInvitations(
    @Root() root: CoordinatorDashboard,
    @Ctx() ctx: Context,
  ): Promise<Meeting[]> {
    return loadAll<Meeting>(ctx, meetingById, (await this.invitations(ctx, root)).ids);
  }

  @FieldResolver(() => Int, { description: 'Unanswered invitations to upcoming meetings.' })
  async unansweredInvitationCount(@Root() root: CoordinatorDashboard, @Ctx() ctx: Context): Promise<number> {
    return (await this.invitations(ctx, root)).invitations;
  }

  @FieldResolver(() => [FailedDeliveryEntry], {
    description: 'The latest e-mails that could not be delivered.',
  })
  async failedDeliveries(
    @Root() root: CoordinatorDashboard,
    @Ctx() ctx: Context,
  ): Promise<FailedDeliveryEntry[]> {
    return (await this.deliveries(ctx, root)).latest.map((d) => Object.assign(new FailedDeliveryEntry(), d));
  }

  @FieldResolver(() => Int)
  async failedDeliveryCount(@Root() root: CoordinatorDashboard, @Ctx() ctx: Context): Promise<number> {
    return (await this.deliveries(ctx, root)).total;
  }

  @FieldResolver(() => [ActivityEntry], {
    description: 'The latest activity across the network, newest first.',
  })
  networkActivity(@Ctx() ctx: Context): Promise<ActivityEntry[]> {
    return networkActivity(ctx, DASHBOARD_LIST_SIZE.networkActivity);
  }
}

@Resolver(() => ActivityEntry)
export class ActivityEntryResolver {
  @FieldResolver(() => User, {
    nullable: true,
    description: 'Who did it (null for the system or once erased).',
  })
  actor(@Root() entry: ActivityEntry, @Ctx() ctx: Context): Promise<User | null> {
    return entry.event.actorId ? ctx.loaders.get(userById).load(entry.event.actorId) : Promise.resolve(null);
  }

  @FieldResolver(() => Project, { nullable: true })
  project(@Root() entry: ActivityEntry, @Ctx() ctx: Context): Promise<Project | null> {
    return activitySubjects.project(ctx, entry.event);
  }

  @FieldResolver(() => Meeting, {
    nullable: true,
    description: 'The meeting (also for events about its minutes).',
  })
  meeting(@Root() entry: ActivityEntry, @Ctx() ctx: Context): Promise<Meeting | null> {
    return activitySubjects.meeting(ctx, entry.event, entry.meetingId);
  }

  @FieldResolver(() => WorkingGroup, {
    nullable: true,
    description: 'The group (also for events about its memberships).',
  })
  workingGroup(@Root() entry: ActivityEntry, @Ctx() ctx: Context): Promise<WorkingGroup | null> {
    return activitySubjects.workingGroup(ctx, entry.event);
  }

  @FieldResolver(() => Municipality, {
    nullable: true,
    description: 'The municipality of a membership change.',
  })
  async municipality(@Root() entry: ActivityEntry, @Ctx() ctx: Context): Promise<Municipality | null> {
    const id = await activitySubjects.municipalityId(ctx, entry.event);
    return id ? ctx.loaders.get(municipalityById).load(id) : null;
  }
}

export const dashboardResolvers = [
  DashboardResolver,
  OfficerDashboardResolver,
  CoordinatorDashboardResolver,
  ActivityEntryResolver,
] as const;
