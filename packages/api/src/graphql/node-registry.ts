import type { Context } from './context';
import { fromGlobalId } from './relay';

/** Loads an object for `node(id:)` or returns null when it is missing or the viewer may not read it. */
export type NodeLoader = (ctx: Context, id: string) => Promise<object | null>;

const loaders = new Map<string, NodeLoader>();

/** Each module registers its node types, authorized exactly like the type's own query. */
export function registerNodeType(type: string, load: NodeLoader): void {
  loaders.set(type, load);
}

export async function resolveNode(ctx: Context, globalId: string): Promise<object | null> {
  const decoded = fromGlobalId(globalId);
  if (!decoded) return null;
  const load = loaders.get(decoded.type);
  return load ? load(ctx, decoded.id) : null;
}
