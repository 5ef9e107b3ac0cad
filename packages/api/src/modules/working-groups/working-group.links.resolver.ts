import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { Municipality } from '../municipalities';
import { WorkingGroup } from './working-group.entity';
import { activeGroupIdsByMunicipalityId, workingGroupById } from './working-group.loaders';
import { workingGroupPolicy } from './working-group.policy';

/** The working groups a municipality's people take part in. */
@Resolver(() => Municipality)
export class MunicipalityWorkingGroupsResolver {
  @FieldResolver(() => [WorkingGroup], {
    nullable: true,
    description: 'Groups (not archived) with active members from it, by name; null for the public.',
  })
  async workingGroups(
    @Root() municipality: Municipality,
    @Ctx() ctx: Context,
  ): Promise<WorkingGroup[] | null> {
    if (!workingGroupPolicy.can(ctx.viewer, 'read')) return null;
    const ids = await ctx.loaders.get(activeGroupIdsByMunicipalityId).load(municipality.id);
    const groups = await Promise.all(ids.map((id) => ctx.loaders.get(workingGroupById).load(id)));
    return groups.filter((group): group is WorkingGroup => group !== null);
  }
}
