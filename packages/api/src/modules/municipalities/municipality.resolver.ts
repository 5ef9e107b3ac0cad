import { MembershipStatus } from '@hub/shared';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { registerNodeType } from '../../graphql/node-registry';
import type { Connection } from '../../graphql/relay';
import { ConnectionType, idOf } from '../../graphql/relay';
import { membershipByMunicipalityId, membershipPolicy, NetworkMembership, visibleStatuses } from '../network';
import { Municipality } from './municipality.entity';
import { MunicipalityFilter, MunicipalityPermissions, MunicipalitySort } from './municipality.inputs';
import { municipalitiesByParentId, municipalityById } from './municipality.loaders';
import { MunicipalityDirectory } from './municipality.service';

export const MunicipalityConnection = ConnectionType(Municipality);

// The directory is public reference data (Destatis, dl-de/by-2-0): readable by everyone.
registerNodeType('Municipality', (ctx, id) => ctx.loaders.get(municipalityById).load(id));

/** The municipality directory of Rheinland-Pfalz; public, personal data only through the user policy. */
@Resolver(() => Municipality)
export class MunicipalityResolver {
  @Query(() => MunicipalityConnection, {
    description: 'Every administrative unit of Rheinland-Pfalz; public.',
  })
  municipalities(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('filter', () => MunicipalityFilter, { nullable: true }) filter?: MunicipalityFilter | null,
    @Arg('sort', () => MunicipalitySort, {
      nullable: true,
      description: 'RELEVANCE with a search, NAME otherwise.',
    })
    sort?: MunicipalitySort | null,
  ): Promise<Connection<Municipality>> {
    return new MunicipalityDirectory(ctx.dataSource).find(
      { first, after, filter, sort },
      visibleStatuses(ctx.viewer),
    );
  }

  @Query(() => Municipality, { nullable: true, description: 'Null for an unknown ID.' })
  municipality(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Municipality | null> {
    return ctx.loaders.get(municipalityById).load(idOf(id, 'Municipality'));
  }

  @FieldResolver(() => Municipality, {
    nullable: true,
    description: 'Verbandsgemeinde or Landkreis it belongs to.',
  })
  async parent(@Root() municipality: Municipality, @Ctx() ctx: Context): Promise<Municipality | null> {
    return municipality.parentId ? ctx.loaders.get(municipalityById).load(municipality.parentId) : null;
  }

  @FieldResolver(() => Municipality, {
    nullable: true,
    description: 'The Landkreis (or kreisfreie Stadt) it lies in.',
  })
  async district(@Root() municipality: Municipality, @Ctx() ctx: Context): Promise<Municipality | null> {
    return municipality.districtId ? ctx.loaders.get(municipalityById).load(municipality.districtId) : null;
  }

  @FieldResolver(() => [Municipality], { description: 'The units directly below it, by name.' })
  children(@Root() municipality: Municipality, @Ctx() ctx: Context): Promise<Municipality[]> {
    return ctx.loaders.get(municipalitiesByParentId).load(municipality.id);
  }

  @FieldResolver(() => NetworkMembership, {
    nullable: true,
    description: 'Its network membership; the public sees active memberships only.',
  })
  async membership(
    @Root() municipality: Municipality,
    @Ctx() ctx: Context,
  ): Promise<NetworkMembership | null> {
    const membership = await ctx.loaders.get(membershipByMunicipalityId).load(municipality.id);
    return membership && membershipPolicy.can(ctx.viewer, 'read', { membership: membership })
      ? membership
      : null;
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
