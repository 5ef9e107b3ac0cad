import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from './context';
import { badInput } from './errors';
import { resolveNode } from './node-registry';
import { Node } from './relay';

/** Relay's `node` and `nodes`: null for unknown IDs and for objects the viewer may not read. */
@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true })
  node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<object | null> {
    return resolveNode(ctx, id);
  }

  @Query(() => [Node], { nullable: 'items' })
  nodes(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: Context): Promise<(object | null)[]> {
    if (ids.length > 100) throw badInput('ids may hold at most 100 IDs', 'ids');
    return Promise.all(ids.map((id) => resolveNode(ctx, id)));
  }
}
