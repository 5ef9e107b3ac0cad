import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { NOT_PRIMED } from '../../graphql/loaders';
import { registerNodeType } from '../../graphql/node-registry';
import { ConnectionType, idOf } from '../../graphql/relay';
import { Municipality } from './municipality.entity';
import { municipalitiesByParentId, municipalityById } from './municipality.loaders';

export const MunicipalityConnection = ConnectionType(Municipality);

// The directory is public reference data (Destatis, dl-de/by-2-0): readable by everyone.
registerNodeType('Municipality', (ctx, id) => ctx.loaders.get(municipalityById).load(id));

/** The municipality directory of Rheinland-Pfalz; public, personal data only through the user policy. */
@Resolver(() => Municipality)
export class MunicipalityResolver {
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
  district(
    @Root() municipality: Municipality,
    @Ctx() ctx: Context,
  ): Municipality | null | Promise<Municipality | null> {
    if (!municipality.districtId) return null;
    const primed = ctx.loaders.primed(municipalityById, municipality.districtId);
    return primed !== NOT_PRIMED ? primed : ctx.loaders.get(municipalityById).load(municipality.districtId);
  }

  @FieldResolver(() => [Municipality], { description: 'The units directly below it, by name.' })
  children(@Root() municipality: Municipality, @Ctx() ctx: Context): Promise<Municipality[]> {
    return ctx.loaders.get(municipalitiesByParentId).load(municipality.id);
  }
}
