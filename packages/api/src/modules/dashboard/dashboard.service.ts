import type { MembershipStatus, ProjectPhase } from '@hub/shared';
import type { Context } from '../../graphql/context';
import { resolveNode } from '../../graphql/node-registry';
import { toGlobalId } from '../../graphql/relay';
import type { DomainEventType, FeedEvent } from '../events';
import { latestDomainEvents } from '../events';
import type { Meeting } from '../meetings';
import { meetingRefsOfWorkingGroups, minutesById } from '../meetings';
import type { NetworkMembership } from '../network';
import type { Project } from '../projects';
import { projectIdsOfWorkingGroups } from '../projects';
import type { WorkingGroup, WorkingGroupMembership } from '../working-groups';
import { activeGroupIdsOfUser, activeGroupIdsOfUserSql } from '../working-groups';
import { ActivityEntry } from './dashboard.types';

/** What the network's activity feed shows: changes worth a look, not every keystroke. */
export const NETWORK_ACTIVITY: readonly DomainEventType[] = [
  'project.publish',
  'project.statusUpdate',
  'project.adopt',
  'meeting.create',
  'minutes.publish',
  'membership.status',
  'workingGroup.create',
  'workingGroupMembership.accept',
  'workingGroupMembership.appoint',
];

/** What a working group's members hear about: its meetings and minutes, its projects, its new members. */
export const WORKING_GROUP_ACTIVITY: readonly DomainEventType[] = [
  'project.publish',
  'project.statusUpdate',
  'project.adopt',
  'meeting.create',
  'minutes.publish',
  'workingGroup.update',
  'workingGroupMembership.accept',
  'workingGroupMembership.appoint',
];

const toEntry = (event: FeedEvent): ActivityEntry =>
  Object.assign(new ActivityEntry(), {
    id: event.id,
    type: event.type,
    occurredAt: event.occurredAt,
    phase: event.type === 'project.statusUpdate' ? ((event.payload.phase as ProjectPhase) ?? null) : null,
    membershipStatus:
      event.type === 'membership.status' ? ((event.payload.status as MembershipStatus) ?? null) : null,
    event,
  });

/** The latest network activity for the coordinators. */
export async function networkActivity(ctx: Context, limit: number): Promise<ActivityEntry[]> {
  const events = await latestDomainEvents(ctx.dataSource, { types: NETWORK_ACTIVITY, limit });
  return events.map(toEntry);
}

/**
 * The latest activity in the working groups the person is an active member of: about the groups
 * themselves, their meetings and minutes, and the projects assigned to them.
 */
export async function workingGroupActivity(
  ctx: Context,
  userId: string,
  limit: number,
): Promise<ActivityEntry[]> {
  // The groups, their meetings and their projects in one round: the meetings and projects are
  // filtered by the groups' subquery rather than waiting for the group ids.
  const groups = activeGroupIdsOfUserSql(userId);
  const [groupIds, meetings, projectIds] = await Promise.all([
    activeGroupIdsOfUser(ctx.dataSource, userId),
    meetingRefsOfWorkingGroups(ctx.dataSource, groups),
    projectIdsOfWorkingGroups(ctx.dataSource, groups),
  ]);
  if (!groupIds.length) return [];
  const events = await latestDomainEvents(ctx.dataSource, {
    types: WORKING_GROUP_ACTIVITY,
    subjects: [
      { type: 'WorkingGroup', ids: groupIds },
      { type: 'Meeting', ids: meetings.meetingIds },
      { type: 'MeetingMinutes', ids: meetings.minutes.map((m) => m.id) },
      { type: 'Project', ids: projectIds },
    ],
    limit,
  });
  // The meeting of each minutes is known already: its entry need not load the minutes first.
  const meetingOfMinutes = new Map(meetings.minutes.map((m) => [m.id, m.meetingId]));
  return events.map((event) =>
    Object.assign(toEntry(event), {
      meetingId:
        event.subjectType === 'MeetingMinutes' ? meetingOfMinutes.get(event.subjectId ?? '') : undefined,
    }),
  );
}

/** The subject of an event as the node of its type, if the viewer may read it (the owner's read rule). */
function subjectNode<T>(ctx: Context, event: FeedEvent, type: string): Promise<T | null> {
  if (event.subjectType !== type || !event.subjectId) return Promise.resolve(null);
  return resolveNode(ctx, toGlobalId(type, event.subjectId)) as Promise<T | null>;
}

/** The objects an activity entry is about, each through its owning module's loader and read rule. */
export const activitySubjects = {
  project: (ctx: Context, event: FeedEvent) => subjectNode<Project>(ctx, event, 'Project'),

  /** `meetingId`: the meeting of minutes when the feed knows it already (spares loading the minutes). */
  async meeting(ctx: Context, event: FeedEvent, meetingId?: string): Promise<Meeting | null> {
    if (meetingId) return (await resolveNode(ctx, toGlobalId('Meeting', meetingId))) as Meeting | null;
    if (event.subjectType === 'MeetingMinutes' && event.subjectId) {
      const minutes = await ctx.loaders.get(minutesById).load(event.subjectId);
      return minutes
        ? ((await resolveNode(ctx, toGlobalId('Meeting', minutes.meetingId))) as Meeting | null)
        : null;
    }
    return subjectNode<Meeting>(ctx, event, 'Meeting');
  },

  async workingGroup(ctx: Context, event: FeedEvent): Promise<WorkingGroup | null> {
    const membership = await subjectNode<WorkingGroupMembership>(ctx, event, 'WorkingGroupMembership');
    if (membership)
      return (await resolveNode(
        ctx,
        toGlobalId('WorkingGroup', membership.workingGroupId),
      )) as WorkingGroup | null;
    return subjectNode<WorkingGroup>(ctx, event, 'WorkingGroup');
  },

  async municipalityId(ctx: Context, event: FeedEvent): Promise<string | null> {
    const membership = await subjectNode<NetworkMembership>(ctx, event, 'NetworkMembership');
    return membership?.municipalityId ?? null;
  },
};
