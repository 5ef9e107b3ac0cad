import { PROJECT_CURRENCY, ProjectCategory, ProjectSort } from '@hub/shared';
import type { GraphQLResolveInfo } from 'graphql';
import { GraphQLSafeInt } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { projectionPlanOf, registerProjectedRootField } from '../../graphql/compiled-execution';
import type { Context } from '../../graphql/context';
import { inTransaction } from '../../graphql/context';
import { NOT_PRIMED } from '../../graphql/loaders';
import { registerNodeType } from '../../graphql/node-registry';
import {
  type ConnectionAnswerPlan,
  connectionAnswerPlan,
  type ProjectedAnswer,
} from '../../graphql/projected-connection';
import type { Connection } from '../../graphql/relay';
import { ConnectionType, maybeIdOf } from '../../graphql/relay';
import { requireViewer } from '../auth';
import { Municipality, municipalityById, primeMunicipalities } from '../municipalities';
import { User, userById } from '../users';
import { WorkingGroup, workingGroupById, workingGroupPolicy } from '../working-groups';
import { catalogueAnswer, cataloguePage, cataloguePageWants } from './project.catalogue-page';
import { Project } from './project.entity';
import {
  AdoptProjectInput,
  CreateProjectInput,
  MarkProjectInterestInput,
  PostStatusUpdateInput,
  PrefillFromPubliccodeInput,
  ProjectFilter,
  SetProjectMilestoneDoneInput,
  SetProjectStatusInput,
  UpdateProjectInput,
} from './project.inputs';
import {
  adoptionsByOrigin,
  contactsByProject,
  costsByProject,
  costTotalsByProject,
  fundingByProject,
  latestStatusUpdateByProject,
  lineageByProject,
  milestoneById,
  milestonesByProject,
  participantsByProject,
  projectById,
  statusUpdateById,
  statusUpdatesByProject,
} from './project.loaders';
import { projectPolicy } from './project.policy';
import { projectProjection } from './project.projection';
import { readableProject, readableProjects, readableProjectsById } from './project.readable';
import type { SimilarRow } from './project.search';
import {
  catalogueCsv,
  catalogueXlsx,
  networkFigures,
  projectFacets,
  similarProjects,
} from './project.search';
import { ProjectService } from './project.service';
import {
  AdoptProjectPayload,
  CostSummary,
  CreateProjectPayload,
  DistrictFacetCount,
  PrefillPayload,
  ProjectFacets,
  ProjectNetworkFigures,
  ProjectParticipation,
  ProjectPayload,
  ProjectPermissions,
  ProjectSolution,
  SimilarProject,
  StatusUpdatePayload,
} from './project.types';
import {
  ProjectCost,
  ProjectFunding,
  ProjectMilestone,
  type ProjectParticipant,
  ProjectStatusUpdate,
} from './project-details.entity';
import { fromPubliccodeYml, toPubliccodeYml } from './publiccode';

export const ProjectConnection = ConnectionType(Project);

// Catalogue pages whose cards SQL can answer are answered by PostgreSQL (see project.projection.ts).
registerProjectedRootField('projects', {
  plan: (fieldNodes, scope) =>
    connectionAnswerPlan(scope, 'ProjectConnection', fieldNodes, projectProjection, 'p'),
});

registerNodeType('Project', async (ctx, id) =>
  readableProject(ctx, await ctx.loaders.get(projectById).load(id)),
);
registerNodeType('ProjectMilestone', async (ctx, id) => {
  const milestone = await ctx.loaders.get(milestoneById).load(id);
  if (!milestone) return null;
  return (await readableProject(ctx, await ctx.loaders.get(projectById).load(milestone.projectId)))
    ? milestone
    : null;
});
registerNodeType('ProjectStatusUpdate', async (ctx, id) => {
  const update = await ctx.loaders.get(statusUpdateById).load(id);
  if (!update) return null;
  return (await readableProject(ctx, await ctx.loaders.get(projectById).load(update.projectId)))
    ? update
    : null;
});

async function similarOf(ctx: Context, rows: SimilarRow[]): Promise<SimilarProject[]> {
  const projects = await Promise.all(rows.map((row) => ctx.loaders.get(projectById).load(row.id)));
  return rows.flatMap((row, i) => {
    const project = projects[i];
    return project ? [Object.assign(new SimilarProject(), { ...row, project })] : [];
  });
}

/** Thin: reads arguments, authorizes through projectPolicy, calls ProjectService or the search functions. */
/** The participations of a project, skipping municipalities that no longer exist. */
function participations(
  participants: readonly ProjectParticipant[],
  municipalities: readonly (Municipality | null)[],
): ProjectParticipation[] {
  return participants.flatMap((p, i) => {
    const municipality = municipalities[i];
    return municipality ? [Object.assign(new ProjectParticipation(), { municipality, role: p.role })] : [];
  });
}

@Resolver(() => Project)
export class ProjectResolver {
  @Query(() => Project, {
    nullable: true,
    description: 'A project; null when missing or not visible to the viewer.',
  })
  async project(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Project | null> {
    const uuid = maybeIdOf(id, 'Project');
    return uuid ? readableProject(ctx, await ctx.loaders.get(projectById).load(uuid)) : null;
  }

  @Query(() => ProjectConnection, {
    description: 'The catalogue ("Markt der Projekte"); the public sees published projects.',
  })
  projects(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => ProjectFilter, { nullable: true }) filter: ProjectFilter | null,
    @Arg('sort', () => ProjectSort, { nullable: true }) sort: ProjectSort | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<Project> | ProjectedAnswer> {
    const answer = projectionPlanOf<ConnectionAnswerPlan>(info);
    if (answer) return catalogueAnswer(ctx, filter, sort, { first, after }, answer);
    return cataloguePage(ctx, filter, sort, { first, after }, cataloguePageWants(info, ctx.dataSource));
  }

  @Query(() => ProjectFacets, { description: 'Counts per facet value for the catalogue filter.' })
  async projectFacets(
    @Ctx() ctx: Context,
    @Arg('filter', () => ProjectFilter, { nullable: true }) filter: ProjectFilter | null,
  ): Promise<ProjectFacets> {
    const { districtRows, ...counts } = await projectFacets(ctx.dataSource, ctx.viewer, filter);
    primeMunicipalities(ctx.dataSource, ctx.loaders, districtRows);
    const districts = await Promise.all(
      counts.districts.map((d) => ctx.loaders.get(municipalityById).load(d.districtId)),
    );
    return {
      ...counts,
      districts: counts.districts.flatMap((d, i) => {
        const district = districts[i];
        return district ? [Object.assign(new DistrictFacetCount(), { district, count: d.count })] : [];
      }),
    };
  }

  @Query(() => [SimilarProject], {
    description: 'Published projects similar to one being written, best first.',
  })
  async similarProjects(
    @Ctx() ctx: Context,
    @Arg('title', () => String) title: string,
    @Arg('summary', () => String, { nullable: true }) summary: string | null,
    @Arg('category', () => ProjectCategory, { nullable: true }) category: ProjectCategory | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
  ): Promise<SimilarProject[]> {
    return similarOf(ctx, await similarProjects(ctx.dataSource, { title, summary, category, first }));
  }

  @Query(() => ProjectNetworkFigures, { description: 'Reuse across the network.' })
  async projectNetworkFigures(@Ctx() ctx: Context): Promise<ProjectNetworkFigures> {
    const figures = await networkFigures(ctx.dataSource);
    const mostReused = await Promise.all(
      figures.mostReusedIds.map((id) => ctx.loaders.get(projectById).load(id)),
    );
    return { ...figures, mostReused: mostReused.filter((p): p is Project => p !== null) };
  }

  @Query(() => String, {
    description:
      'The catalogue (with the filter) as CSV for German Excel (BOM, semicolons), without personal data.',
  })
  projectCatalogueCsv(
    @Ctx() ctx: Context,
    @Arg('filter', () => ProjectFilter, { nullable: true }) filter: ProjectFilter | null,
  ): Promise<string> {
    return catalogueCsv(ctx.dataSource, ctx.viewer, filter);
  }

  @Query(() => String, {
    description:
      'The catalogue (with the filter) as an XLSX workbook, base64-encoded: costs and funding as euro numbers, without personal data.',
  })
  projectCatalogueXlsx(
    @Ctx() ctx: Context,
    @Arg('filter', () => ProjectFilter, { nullable: true }) filter: ProjectFilter | null,
  ): Promise<string> {
    return catalogueXlsx(ctx.dataSource, ctx.viewer, filter);
  }

  @Mutation(() => CreateProjectPayload, { description: 'Also returns similar existing projects.' })
  async createProject(
    @Arg('input', () => CreateProjectInput) input: CreateProjectInput,
    @Ctx() ctx: Context,
  ): Promise<CreateProjectPayload> {
    const viewer = requireViewer(ctx);
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      new ProjectService(ctx).create(m, viewer, input),
    );
    const similar = result
      ? await similarOf(
          ctx,
          await similarProjects(ctx.dataSource, {
            title: result.title,
            summary: result.summary,
            category: result.category,
            excludeId: result.id,
          }),
        )
      : [];
    return { project: result, userErrors, similarProjects: similar };
  }

  @Mutation(() => ProjectPayload)
  async updateProject(
    @Arg('input', () => UpdateProjectInput) input: UpdateProjectInput,
    @Ctx() ctx: Context,
  ): Promise<ProjectPayload> {
    const viewer = requireViewer(ctx);
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      new ProjectService(ctx).update(m, viewer, input),
    );
    return { project: result, userErrors };
  }

  @Mutation(() => ProjectPayload, { description: 'Publishes a project or takes it back to draft.' })
  async setProjectStatus(
    @Arg('input', () => SetProjectStatusInput) input: SetProjectStatusInput,
    @Ctx() ctx: Context,
  ): Promise<ProjectPayload> {
    const viewer = requireViewer(ctx);
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      new ProjectService(ctx).setStatus(m, viewer, input.id, input.status),
    );
    return { project: result, userErrors };
  }

  @Mutation(() => ProjectPayload, {
    description: 'Marks one milestone done or open again; the other milestones stay as they are.',
  })
  async setProjectMilestoneDone(
    @Arg('input', () => SetProjectMilestoneDoneInput) input: SetProjectMilestoneDoneInput,
    @Ctx() ctx: Context,
  ): Promise<ProjectPayload> {
    const viewer = requireViewer(ctx);
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      new ProjectService(ctx).setMilestoneDone(m, viewer, input),
    );
    return { project: result, userErrors };
  }

  @Mutation(() => StatusUpdatePayload, { description: 'Posts a status update (Sachstand).' })
  async postProjectStatusUpdate(
    @Arg('input', () => PostStatusUpdateInput) input: PostStatusUpdateInput,
    @Ctx() ctx: Context,
  ): Promise<StatusUpdatePayload> {
    const viewer = requireViewer(ctx);
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      new ProjectService(ctx).postStatusUpdate(m, viewer, input),
    );
    return { statusUpdate: result?.update ?? null, project: result?.project ?? null, userErrors };
  }

  @Mutation(() => AdoptProjectPayload, {
    description: 'Nachnutzung: creates your own project linked to the origin.',
  })
  async adoptProject(
    @Arg('input', () => AdoptProjectInput) input: AdoptProjectInput,
    @Ctx() ctx: Context,
  ): Promise<AdoptProjectPayload> {
    const viewer = requireViewer(ctx);
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      new ProjectService(ctx).adopt(m, viewer, input),
    );
    return {
      project: result?.project ?? null,
      origin: result?.origin ?? null,
      notifiedPeople: result?.notifiedPeople ?? 0,
      userErrors,
    };
  }

  @Mutation(() => ProjectPayload, {
    description: "Marks (or withdraws) the viewer's municipality's interest.",
  })
  async markProjectInterest(
    @Arg('input', () => MarkProjectInterestInput) input: MarkProjectInterestInput,
    @Ctx() ctx: Context,
  ): Promise<ProjectPayload> {
    const viewer = requireViewer(ctx);
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      new ProjectService(ctx).markInterest(m, viewer, input.projectId, input.interested ?? true),
    );
    return { project: result, userErrors };
  }

  @Mutation(() => PrefillPayload, {
    description: 'Reads a publiccode.yml into the fields of a new project (stores nothing).',
  })
  async prefillProjectFromPubliccode(
    @Arg('input', () => PrefillFromPubliccodeInput) input: PrefillFromPubliccodeInput,
    @Ctx() ctx: Context,
  ): Promise<PrefillPayload> {
    requireViewer(ctx);
    const { result, userErrors } = await inTransaction(ctx, async () => fromPubliccodeYml(input.yaml));
    return { draft: result, userErrors };
  }

  // ---- fields

  @FieldResolver(() => Municipality)
  leadMunicipality(
    @Root() project: Project,
    @Ctx() ctx: Context,
  ): Municipality | null | Promise<Municipality | null> {
    const primed = ctx.loaders.primed(municipalityById, project.leadMunicipalityId);
    return primed !== NOT_PRIMED
      ? primed
      : ctx.loaders.get(municipalityById).load(project.leadMunicipalityId);
  }

  @FieldResolver(() => [ProjectParticipation], {
    description: 'Municipalities taking part, with their role.',
  })
  participants(
    @Root() project: Project,
    @Ctx() ctx: Context,
  ): ProjectParticipation[] | Promise<ProjectParticipation[]> {
    const primed = ctx.loaders.primed(participantsByProject, project.id);
    if (primed !== NOT_PRIMED) {
      const municipalities = primed.map((p) => ctx.loaders.primed(municipalityById, p.municipalityId));
      if (!municipalities.includes(NOT_PRIMED))
        return participations(primed, municipalities as (Municipality | null)[]);
    }
    return (async () => {
      const participants = await ctx.loaders.get(participantsByProject).load(project.id);
      const municipalities = await Promise.all(
        participants.map((p) => ctx.loaders.get(municipalityById).load(p.municipalityId)),
      );
      return participations(participants, municipalities);
    })();
  }

  @FieldResolver(() => [User], {
    description: 'Contact people; empty for the ministry and the public (DSGVO).',
  })
  async contacts(@Root() project: Project, @Ctx() ctx: Context): Promise<User[]> {
    if (!projectPolicy.can(ctx.viewer, 'readContacts')) return [];
    const contacts = await ctx.loaders.get(contactsByProject).load(project.id);
    const users = await Promise.all(contacts.map((c) => ctx.loaders.get(userById).load(c.userId)));
    return users.filter((u): u is User => u !== null);
  }

  @FieldResolver(() => WorkingGroup, { nullable: true })
  async workingGroup(@Root() project: Project, @Ctx() ctx: Context): Promise<WorkingGroup | null> {
    if (!project.workingGroupId || !workingGroupPolicy.can(ctx.viewer, 'read')) return null;
    return ctx.loaders.get(workingGroupById).load(project.workingGroupId);
  }

  @FieldResolver(() => ProjectSolution)
  solution(@Root() project: Project): ProjectSolution {
    return {
      product: project.solutionProduct,
      vendor: project.solutionVendor,
      openSource: project.solutionOpenSource,
      licence: project.solutionLicence,
      repositoryUrl: project.solutionRepositoryUrl,
    };
  }

  @FieldResolver(() => [ProjectCost])
  costs(@Root() project: Project, @Ctx() ctx: Context): Promise<ProjectCost[]> {
    return ctx.loaders.get(costsByProject).load(project.id);
  }

  @FieldResolver(() => [ProjectFunding])
  funding(@Root() project: Project, @Ctx() ctx: Context): Promise<ProjectFunding[]> {
    return ctx.loaders.get(fundingByProject).load(project.id);
  }

  @FieldResolver(() => CostSummary, { description: 'Totals computed in SQL.' })
  async costSummary(@Root() project: Project, @Ctx() ctx: Context): Promise<CostSummary> {
    const totals = await ctx.loaders.get(costTotalsByProject).load(project.id);
    return {
      oneOffTotalCents: totals.oneOffCents,
      yearlyTotalCents: totals.yearlyCents,
      fundingTotalCents: totals.fundingCents,
      currency: PROJECT_CURRENCY,
      hasCostInformation: totals.lineItems > 0,
    };
  }

  @FieldResolver(() => [ProjectMilestone])
  milestones(@Root() project: Project, @Ctx() ctx: Context): Promise<ProjectMilestone[]> {
    return ctx.loaders.get(milestonesByProject).load(project.id);
  }

  @FieldResolver(() => [ProjectStatusUpdate], { description: 'Status history, newest first.' })
  statusUpdates(@Root() project: Project, @Ctx() ctx: Context): Promise<ProjectStatusUpdate[]> {
    return ctx.loaders.get(statusUpdatesByProject).load(project.id);
  }

  @FieldResolver(() => ProjectStatusUpdate, { nullable: true })
  latestStatusUpdate(@Root() project: Project, @Ctx() ctx: Context): Promise<ProjectStatusUpdate | null> {
    return ctx.loaders.get(latestStatusUpdateByProject).load(project.id);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Progress in percent from the latest status update.',
  })
  progressPercent(@Root() project: Project, @Ctx() ctx: Context): number | null | Promise<number | null> {
    const primed = ctx.loaders.primed(latestStatusUpdateByProject, project.id);
    if (primed !== NOT_PRIMED) return primed?.progressPercent ?? null;
    return ctx.loaders
      .get(latestStatusUpdateByProject)
      .load(project.id)
      .then((update) => update?.progressPercent ?? null);
  }

  @FieldResolver(() => Project, { nullable: true, description: 'The project this one was adopted from.' })
  async origin(@Root() project: Project, @Ctx() ctx: Context): Promise<Project | null> {
    return project.originProjectId
      ? readableProject(ctx, await ctx.loaders.get(projectById).load(project.originProjectId))
      : null;
  }

  @FieldResolver(() => [Project], { description: 'The origin chain, nearest first (origin, its origin, …).' })
  async lineage(@Root() project: Project, @Ctx() ctx: Context): Promise<Project[]> {
    const ids = await ctx.loaders.get(lineageByProject).load(project.id);
    return readableProjectsById(ctx, ids);
  }

  @FieldResolver(() => [Project], { description: 'Projects adopted from this one that the viewer may see.' })
  async adopters(@Root() project: Project, @Ctx() ctx: Context): Promise<Project[]> {
    return readableProjects(ctx, await ctx.loaders.get(adoptionsByOrigin).load(project.id));
  }

  @FieldResolver(() => GraphQLSafeInt, {
    nullable: true,
    description: 'For an adopted project: estimated saving in euro cents.',
  })
  estimatedSavingCents(@Root() project: Project): number | null {
    return project.estimatedSavingCents;
  }

  @FieldResolver(() => String, {
    description: 'The solution as publiccode.yml (openCode metadata standard).',
  })
  async publiccodeYml(@Root() project: Project, @Ctx() ctx: Context): Promise<string> {
    const lead = await ctx.loaders.get(municipalityById).load(project.leadMunicipalityId);
    return toPubliccodeYml(project, lead?.name ?? null);
  }

  @FieldResolver(() => ProjectPermissions, { description: 'What the viewer may do with this project.' })
  async viewerCan(@Root() project: Project, @Ctx() ctx: Context): Promise<ProjectPermissions> {
    const participants = await ctx.loaders.get(participantsByProject).load(project.id);
    const viewer = ctx.viewer;
    return {
      edit: projectPolicy.can(viewer, 'edit', { project, participants }),
      publish: projectPolicy.can(viewer, 'publish', { project, participants }),
      adopt: projectPolicy.can(viewer, 'adopt', { project, participants }),
      markInterest: projectPolicy.can(viewer, 'markInterest', { project, participants }),
      postStatusUpdate: projectPolicy.can(viewer, 'postStatusUpdate', { project, participants }),
      setNetworkProject: projectPolicy.can(viewer, 'setNetworkProject'),
      readContacts: projectPolicy.can(viewer, 'readContacts'),
    };
  }
}
