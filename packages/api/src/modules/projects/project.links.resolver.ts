import { ProjectParticipantRole, ProjectSort } from '@hub/shared';
import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import type { Connection } from '../../graphql/relay';
import { PageInfo, toGlobalId } from '../../graphql/relay';
import { Municipality } from '../municipalities';
import { WorkingGroup } from '../working-groups';
import { Project } from './project.entity';
import {
  firstProjectsByMunicipality,
  firstProjectsByWorkingGroup,
  participantsByProject,
} from './project.loaders';
import { ProjectConnection } from './project.resolver';
import { searchProjects, workingGroupProjects } from './project.search';

@ObjectType({ description: 'A project of a municipality, with the municipality’s role in it.' })
export class MunicipalityProjectEdge {
  @Field(() => Project)
  node: Project;

  @Field(() => String)
  cursor: string;

  @Field(() => ProjectParticipantRole, { description: 'LEAD, PARTNER or INTERESTED.' })
  role: ProjectParticipantRole;
}

@ObjectType()
export class MunicipalityProjectConnection {
  @Field(() => [MunicipalityProjectEdge])
  edges: MunicipalityProjectEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;
}

/** The projects a municipality leads or takes part in: the catalogue's query, so its read rules. */
@Resolver(() => Municipality)
export class MunicipalityProjectsResolver {
  @FieldResolver(() => MunicipalityProjectConnection, {
    description: 'Projects it leads or takes part in that the viewer may read, newest first.',
  })
  async projects(
    @Root() municipality: Municipality,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<MunicipalityProjectConnection> {
    // The first page of many municipalities comes in one batch; later pages one at a time.
    const page = after
      ? await searchProjects(
          ctx.dataSource,
          ctx.viewer,
          { municipalityId: toGlobalId('Municipality', municipality.id) },
          ProjectSort.NEWEST,
          { first, after },
        )
      : await ctx.loaders
          .get(firstProjectsByMunicipality)
          .load({ parentId: municipality.id, first, viewer: ctx.viewer });
    const participants = await Promise.all(
      page.edges.map((edge) => ctx.loaders.get(participantsByProject).load(edge.node.id)),
    );
    const edges = page.edges.map((edge, i) => ({
      ...edge,
      role:
        edge.node.leadMunicipalityId === municipality.id
          ? ProjectParticipantRole.LEAD
          : (participants[i].find((p) => p.municipalityId === municipality.id)?.role ??
            ProjectParticipantRole.INTERESTED),
    }));
    return { ...page, edges };
  }
}

/** The projects of a working group (those the viewer may read). */
@Resolver(() => WorkingGroup)
export class WorkingGroupProjectsResolver {
  @FieldResolver(() => ProjectConnection, { description: 'Its projects the viewer may read, newest first.' })
  projects(
    @Root() group: WorkingGroup,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<Project>> {
    if (after) return workingGroupProjects(ctx.dataSource, ctx.viewer, group.id, { first, after });
    return ctx.loaders
      .get(firstProjectsByWorkingGroup)
      .load({ parentId: group.id, first, viewer: ctx.viewer });
  }
}
