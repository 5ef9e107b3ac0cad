import { MembershipAnswerBy, MembershipStatus } from '@hub/shared';
import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { paginate } from '../../db/paginate';
import type { Context } from '../../graphql/context';
import { inTransaction } from '../../graphql/context';
import { forbidden } from '../../graphql/errors';
import { registerNodeType } from '../../graphql/node-registry';
import type { Connection } from '../../graphql/relay';
import { ConnectionType, idOf } from '../../graphql/relay';
import { requireViewer } from '../../graphql/viewer';
import { Municipality, mapPositionByMunicipalityId, municipalityById } from '../municipalities';
import { User, userById, userPolicy } from '../users';
import { MembershipEvent, NetworkMembership } from './membership.entity';
import {
  ChangeMembershipInput,
  DistrictStatistics,
  MemberLocation,
  MembershipFilter,
  MembershipPayload,
  MembershipPermissions,
  NetworkStatistics,
  StartMembershipInput,
} from './membership.inputs';
import { eventsByMembershipId, membershipById, membershipEventById } from './membership.loaders';
import { answerBy as answerByOf, membershipPolicy } from './membership.policy';
import {
  activeMemberIds,
  MembershipChange,
  MembershipService,
  membersCsv,
  membersXlsx,
  networkStatistics,
} from './membership.service';

export const NetworkMembershipConnection = ConnectionType(NetworkMembership);

registerNodeType('NetworkMembership', async (ctx, id) => {
  const membership = await ctx.loaders.get(membershipById).load(id);
  return membership && membershipPolicy.can(ctx.viewer, 'read', { membership: membership })
    ? membership
    : null;
});

registerNodeType('MembershipEvent', async (ctx, id) =>
  membershipPolicy.can(ctx.viewer, 'readHistory') ? ctx.loaders.get(membershipEventById).load(id) : null,
);

/** Thin: the membership workflow, the list of memberships, statistics and the export. */
@Resolver(() => NetworkMembership)
export class NetworkMembershipResolver {
  @Query(() => NetworkMembershipConnection, {
    description:
      'Memberships, open invitations and applications first, then by municipality name. Signed-in people only.',
  })
  networkMemberships(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('filter', () => MembershipFilter, { nullable: true }) filter?: MembershipFilter | null,
  ): Promise<Connection<NetworkMembership>> {
    const viewer = requireViewer(ctx);
    if (!membershipPolicy.can(viewer, 'list')) throw forbidden();
    const query = ctx.dataSource
      .getRepository(NetworkMembership)
      .createQueryBuilder('nm')
      .innerJoinAndSelect('nm.municipality', 'm');
    if (filter?.statuses?.length)
      query.andWhere('nm.status IN (:...statuses)', { statuses: filter.statuses });
    return paginate(query, { first, after }, [
      {
        expression: 'nm.status',
        direction: 'ASC',
        type: Object.values(MembershipStatus),
        value: (m) => m.status,
      },
      { expression: 'm.name', direction: 'ASC', type: 'text', value: (m) => m.municipality?.name },
      { expression: 'nm.id', direction: 'ASC', type: 'uuid', value: (m) => m.id },
    ]);
  }

  @Query(() => NetworkStatistics, {
    description: 'Members, population covered and members per district. Public.',
  })
  async networkStatistics(@Ctx() ctx: Context): Promise<NetworkStatistics> {
    const [statistics, memberIds] = await Promise.all([
      networkStatistics(ctx.dataSource),
      activeMemberIds(ctx.dataSource),
    ]);
    const positions = await ctx.loaders.get(mapPositionByMunicipalityId).loadMany(memberIds);
    statistics.locations = memberIds.flatMap((municipalityId, i) => {
      const position = positions[i];
      return position && !(position instanceof Error)
        ? [Object.assign(new MemberLocation(), { municipalityId, ...position })]
        : [];
    });
    return statistics;
  }

  @Query(() => String, {
    description:
      'The members and their officers as CSV (UTF-8 with BOM, semicolons, as German Excel opens it). Coordinators only.',
  })
  async networkMembersCsv(@Ctx() ctx: Context): Promise<string> {
    const viewer = requireViewer(ctx);
    if (!membershipPolicy.can(viewer, 'export')) throw forbidden();
    return membersCsv(ctx.dataSource.manager);
  }

  @Query(() => String, {
    description:
      'The members and their officers as an XLSX workbook, base64-encoded (population as numbers). Coordinators only.',
  })
  async networkMembersXlsx(@Ctx() ctx: Context): Promise<string> {
    const viewer = requireViewer(ctx);
    if (!membershipPolicy.can(viewer, 'export')) throw forbidden();
    return membersXlsx(ctx.dataSource.manager);
  }

  @Mutation(() => MembershipPayload, {
    description: 'A coordinator invites a municipality into the network.',
  })
  inviteMunicipality(
    @Arg('input', () => StartMembershipInput) input: StartMembershipInput,
    @Ctx() ctx: Context,
  ): Promise<MembershipPayload> {
    return this.start(ctx, input, MembershipStatus.INVITED);
  }

  @Mutation(() => MembershipPayload, {
    description: 'An officer applies for the membership of their municipality.',
  })
  applyForMembership(
    @Arg('input', () => StartMembershipInput) input: StartMembershipInput,
    @Ctx() ctx: Context,
  ): Promise<MembershipPayload> {
    return this.start(ctx, input, MembershipStatus.APPLIED);
  }

  @Mutation(() => MembershipPayload, {
    description: 'Accepts an invitation (own officers, coordinators) or an application (coordinators).',
  })
  acceptMembership(
    @Arg('input', () => ChangeMembershipInput) input: ChangeMembershipInput,
    @Ctx() ctx: Context,
  ) {
    return this.change(ctx, input, MembershipChange.ACCEPT);
  }

  @Mutation(() => MembershipPayload, { description: 'Declines an invitation or an application.' })
  declineMembership(
    @Arg('input', () => ChangeMembershipInput) input: ChangeMembershipInput,
    @Ctx() ctx: Context,
  ) {
    return this.change(ctx, input, MembershipChange.DECLINE);
  }

  @Mutation(() => MembershipPayload, { description: 'Coordinators suspend an active membership.' })
  suspendMembership(
    @Arg('input', () => ChangeMembershipInput) input: ChangeMembershipInput,
    @Ctx() ctx: Context,
  ) {
    return this.change(ctx, input, MembershipChange.SUSPEND);
  }

  @Mutation(() => MembershipPayload, {
    description: 'Coordinators make a suspended membership active again.',
  })
  reactivateMembership(
    @Arg('input', () => ChangeMembershipInput) input: ChangeMembershipInput,
    @Ctx() ctx: Context,
  ) {
    return this.change(ctx, input, MembershipChange.REACTIVATE);
  }

  @Mutation(() => MembershipPayload, { description: 'Coordinators end a membership; its history is kept.' })
  endMembership(
    @Arg('input', () => ChangeMembershipInput) input: ChangeMembershipInput,
    @Ctx() ctx: Context,
  ) {
    return this.change(ctx, input, MembershipChange.END);
  }

  @FieldResolver(() => Municipality)
  async municipality(@Root() membership: NetworkMembership, @Ctx() ctx: Context): Promise<Municipality> {
    return (await ctx.loaders.get(municipalityById).load(membership.municipalityId)) as Municipality;
  }

  @FieldResolver(() => MembershipAnswerBy, {
    nullable: true,
    description:
      'Who must answer now: the municipality an invitation, the coordinators an application; null when nothing is open.',
  })
  answerBy(@Root() membership: NetworkMembership): MembershipAnswerBy | null {
    return answerByOf(membership);
  }

  @FieldResolver(() => [MembershipEvent], {
    description: 'Every status change, oldest first; signed-in people only.',
  })
  async history(@Root() membership: NetworkMembership, @Ctx() ctx: Context): Promise<MembershipEvent[]> {
    if (!membershipPolicy.can(ctx.viewer, 'readHistory')) return [];
    return ctx.loaders.get(eventsByMembershipId).load(membership.id);
  }

  @FieldResolver(() => MembershipPermissions)
  viewerCan(@Root() membership: NetworkMembership, @Ctx() ctx: Context): MembershipPermissions {
    const v = ctx.viewer;
    return {
      accept: membershipPolicy.can(v, 'accept', { membership: membership }),
      decline: membershipPolicy.can(v, 'decline', { membership: membership }),
      suspend: membershipPolicy.can(v, 'suspend', { membership: membership }),
      reactivate: membershipPolicy.can(v, 'reactivate', { membership: membership }),
      end: membershipPolicy.can(v, 'end', { membership: membership }),
    };
  }

  private async start(
    ctx: Context,
    input: StartMembershipInput,
    as: MembershipStatus.INVITED | MembershipStatus.APPLIED,
  ): Promise<MembershipPayload> {
    const viewer = requireViewer(ctx);
    const municipalityId = idOf(input.municipalityId, 'Municipality', 'municipalityId');
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      new MembershipService(ctx).start(m, viewer, municipalityId, as, input.note ?? null),
    );
    return { membership: result, userErrors };
  }

  private async change(
    ctx: Context,
    input: ChangeMembershipInput,
    change: MembershipChange,
  ): Promise<MembershipPayload> {
    const viewer = requireViewer(ctx);
    const membershipId = idOf(input.membershipId, 'NetworkMembership', 'membershipId');
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      new MembershipService(ctx).change(m, viewer, membershipId, change, input.note ?? null),
    );
    return { membership: result, userErrors };
  }
}

@Resolver(() => MembershipEvent)
export class MembershipEventResolver {
  @FieldResolver(() => User, {
    nullable: true,
    description: 'Who made the change; null for the system or an erased person.',
  })
  async actor(@Root() event: MembershipEvent, @Ctx() ctx: Context): Promise<User | null> {
    if (!event.actorId) return null;
    const user = await ctx.loaders.get(userById).load(event.actorId);
    return user && userPolicy.can(ctx.viewer, 'read') ? user : null;
  }
}

@Resolver(() => DistrictStatistics)
export class DistrictStatisticsResolver {
  @FieldResolver(() => Municipality)
  async district(@Root() row: DistrictStatistics, @Ctx() ctx: Context): Promise<Municipality> {
    return (await ctx.loaders.get(municipalityById).load(row.district.id)) as Municipality;
  }
}

@Resolver(() => MemberLocation)
export class MemberLocationResolver {
  @FieldResolver(() => Municipality)
  async municipality(@Root() location: MemberLocation, @Ctx() ctx: Context): Promise<Municipality> {
    return (await ctx.loaders.get(municipalityById).load(location.municipalityId)) as Municipality;
  }
}
