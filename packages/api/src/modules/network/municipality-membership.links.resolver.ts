import { MembershipStatus } from '@hub/shared';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Field, FieldResolver, Info, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { NOT_PRIMED } from '../../graphql/loaders';
import { connectionAsks } from '../../graphql/look-ahead';
import type { Connection } from '../../graphql/relay';
import type { Actor, SqlFilter } from '../../policy/policy';
import {
  Municipality,
  MunicipalityConnection,
  MunicipalityDirectory,
  MunicipalityFilter,
  MunicipalitySort,
} from '../municipalities';
import { officerCountColumn } from '../users';
import { NetworkMembership } from './membership.entity';
import { membershipByMunicipalityId, membershipColumn } from './membership.loaders';
import { membershipPolicy, visibleStatuses } from './membership.policy';

@ObjectType({ description: 'What the viewer may do with a municipality.' })
export class MunicipalityPermissions {
  @Field(() => Boolean, {
    description: 'Invite it into the network (coordinators, when it is not a member).',
  })
  inviteToNetwork: boolean;

  @Field(() => Boolean, { description: 'Apply for membership (its own officers, when it is not a member).' })
  applyForMembership: boolean;
}

/**
 * The directory's membership filters as conditions on `municipality m`: statuses the viewer may not
 * see match nothing rather than reveal who is invited.
 */
export function directoryMembershipConditions(
  filter: MunicipalityFilter | null | undefined,
  actor: Actor,
): SqlFilter[] {
  const conditions: SqlFilter[] = [];
  if (filter?.memberStatuses?.length) {
    const visible = visibleStatuses(actor);
    conditions.push({
      sql: 'EXISTS (SELECT 1 FROM network_membership nm WHERE nm.municipality_id = m.id AND nm.status = ANY(:statuses))',
      params: { statuses: filter.memberStatuses.filter((s) => visible.includes(s)) },
    });
  }
  if (filter?.networkMember === true || filter?.networkMember === false) {
    conditions.push({
      sql: `${filter.networkMember ? '' : 'NOT '}EXISTS (SELECT 1 FROM network_membership active WHERE active.municipality_id = m.id AND active.status = :active)`,
      params: { active: MembershipStatus.ACTIVE },
    });
  }
  return conditions;
}

/**
 * A municipality's place in the network: its membership, the directory filtered by membership, and
 * what the viewer may do about it. Here rather than in the directory module, which knows nothing of
 * the network (the network builds on the directory).
 */
@Resolver(() => Municipality)
export class MunicipalityMembershipResolver {
  @Query(() => MunicipalityConnection, {
    description: 'Every administrative unit of Rheinland-Pfalz; public.',
  })
  municipalities(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('filter', () => MunicipalityFilter, { nullable: true }) filter?: MunicipalityFilter | null,
    @Arg('sort', () => MunicipalitySort, {
      nullable: true,
      description: 'RELEVANCE with a search, NAME otherwise.',
    })
    sort?: MunicipalitySort | null,
  ): Promise<Connection<Municipality>> {
    // What the page's fields read comes with the page: its statement is the request's only one for them.
    const asked = connectionAsks(info).nodeFields;
    const readsMembership = ['membership', 'networkMember', 'viewerCan'].some((field) => asked.has(field));
    return new MunicipalityDirectory(ctx.dataSource).find(
      { first, after, filter, sort },
      directoryMembershipConditions(filter, ctx.viewer),
      {
        loaders: ctx.loaders,
        fields: asked,
        districts: asked.has('district'),
        columns: [
          ...(readsMembership ? [membershipColumn(ctx.dataSource)] : []),
          ...(asked.has('officerCount') ? [officerCountColumn] : []),
        ],
      },
    );
  }

  @FieldResolver(() => NetworkMembership, {
    nullable: true,
    description: 'Its network membership; the public sees active memberships only.',
  })
  membership(
    @Root() municipality: Municipality,
    @Ctx() ctx: Context,
  ): NetworkMembership | null | Promise<NetworkMembership | null> {
    const readable = (membership: NetworkMembership | null) =>
      membership && membershipPolicy.can(ctx.viewer, 'read', { membership }) ? membership : null;
    // Primed by a directory page: answered without a promise per row.
    const primed = ctx.loaders.primed(membershipByMunicipalityId, municipality.id);
    if (primed !== NOT_PRIMED) return readable(primed);
    return ctx.loaders.get(membershipByMunicipalityId).load(municipality.id).then(readable);
  }

  @FieldResolver(() => Boolean, { description: 'An active member of the network.' })
  async networkMember(@Root() municipality: Municipality, @Ctx() ctx: Context): Promise<boolean> {
    const membership = await ctx.loaders.get(membershipByMunicipalityId).load(municipality.id);
    return membership?.status === MembershipStatus.ACTIVE;
  }

  @FieldResolver(() => MunicipalityPermissions)
  async viewerCan(@Root() municipality: Municipality, @Ctx() ctx: Context): Promise<MunicipalityPermissions> {
    const membership = await ctx.loaders.get(membershipByMunicipalityId).load(municipality.id);
    return {
      inviteToNetwork: membershipPolicy.can(ctx.viewer, 'invite', { current: membership }),
      applyForMembership: membershipPolicy.can(ctx.viewer, 'apply', {
        municipalityId: municipality.id,
        current: membership,
      }),
    };
  }
}
