import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { NOT_PRIMED } from '../../graphql/loaders';
import { Municipality } from '../municipalities';
import { User } from './user.entity';
import { officerCountByMunicipalityId, officersByMunicipalityId } from './user.loaders';
import { userPolicy } from './user.policy';

/** A municipality's digital officers: the users module's fields on the directory's type. */
@Resolver(() => Municipality)
export class MunicipalityOfficersResolver {
  @FieldResolver(() => [User], { description: 'Its digital officers; signed-in people only.' })
  async officers(@Root() municipality: Municipality, @Ctx() ctx: Context): Promise<User[]> {
    const officers = await ctx.loaders.get(officersByMunicipalityId).load(municipality.id);
    return userPolicy.can(ctx.viewer, 'read') ? officers : [];
  }

  @FieldResolver(() => Int, { description: 'How many digital officers it has (invited or active).' })
  officerCount(@Root() municipality: Municipality, @Ctx() ctx: Context): number | Promise<number> {
    // Primed by a directory page: answered without a promise per row.
    const primed = ctx.loaders.primed(officerCountByMunicipalityId, municipality.id);
    return primed !== NOT_PRIMED
      ? primed
      : ctx.loaders.get(officerCountByMunicipalityId).load(municipality.id);
  }
}
