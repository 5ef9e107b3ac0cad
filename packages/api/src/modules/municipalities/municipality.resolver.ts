import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { registerNodeType } from '../../graphql/node-registry';
import { Municipality } from './municipality.entity';
import { municipalityById } from './municipality.loaders';

// The directory is public reference data (Destatis, dl-de/by-2-0): readable by everyone.
registerNodeType('Municipality', (ctx, id) => ctx.loaders.get(municipalityById).load(id));

@Resolver(() => Municipality)
export class MunicipalityResolver {
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
}
