import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { NOT_PRIMED } from '../../graphql/loaders';
import { addProjectedFields } from '../../graphql/sql-projection';
import { Municipality, municipalityProjection } from '../municipalities';
import { User } from './user.entity';
import { COUNTED_OFFICER, officerCountByMunicipalityId, officersByMunicipalityId } from './user.loaders';
import { userPolicy } from './user.policy';

// officerCount answered in SQL (graphql/sql-projection.ts) as the loader counts.
addProjectedFields(municipalityProjection, {
  officerCount: {
    scalar: (m) =>
      `(SELECT count(*)::int FROM app_user u WHERE u.municipality_id = ${m}.id AND ${COUNTED_OFFICER})`,
  },
});

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
