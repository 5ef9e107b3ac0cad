import type { Context } from '../../graphql/context';
import { requireViewer } from '../auth/viewer';
import { ledGroupIdsByUser } from './meeting.loaders';
import type { MeetingActor } from './meeting.policy';

/** The viewer with the working groups they lead, or null when nobody is signed in. */
export async function actorOf(ctx: Context): Promise<MeetingActor | null> {
  if (!ctx.viewer) return null;
  return { viewer: ctx.viewer, ledGroupIds: await ctx.loaders.get(ledGroupIdsByUser).load(ctx.viewer.id) };
}

/** Like actorOf, but UNAUTHENTICATED for anonymous requests. */
export async function requireActor(ctx: Context): Promise<MeetingActor> {
  const viewer = requireViewer(ctx);
  return { viewer, ledGroupIds: await ctx.loaders.get(ledGroupIdsByUser).load(viewer.id) };
}
