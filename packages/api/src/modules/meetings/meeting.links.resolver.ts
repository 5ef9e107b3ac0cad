import { MeetingKind } from '@hub/shared';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import type { Connection } from '../../graphql/relay';
import { Municipality } from '../municipalities';
import { groupLeadIds, WorkingGroup } from '../working-groups';
import { MeetingConnection } from './meeting.access';
import { Meeting } from './meeting.entity';
import { municipalityMeetings, workingGroupMeetings } from './meeting.lists';
import { firstMeetingsByMunicipality, firstMeetingsByWorkingGroup } from './meeting.loaders';
import { meetingPolicy } from './meeting.policy';

/** The meetings people of a municipality are invited to; null for those who may not list meetings. */
@Resolver(() => Municipality)
export class MunicipalityMeetingsResolver {
  @FieldResolver(() => MeetingConnection, {
    nullable: true,
    description: 'Meetings its people are invited to, latest first; null for the public.',
  })
  async meetings(
    @Root() municipality: Municipality,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<Meeting> | null> {
    if (!meetingPolicy.can(ctx.viewer, 'read')) return null;
    // The first page of many municipalities comes in one batch; later pages one at a time.
    if (after) return municipalityMeetings(ctx.dataSource, municipality.id, { first, after });
    return ctx.loaders.get(firstMeetingsByMunicipality).load({ parentId: municipality.id, first });
  }
}

/** A working group's meetings. */
@Resolver(() => WorkingGroup)
export class WorkingGroupMeetingsResolver {
  @FieldResolver(() => MeetingConnection, {
    nullable: true,
    description:
      'Its meetings: with upcoming, those not over yet and not cancelled, soonest first; otherwise all, latest first.',
  })
  async meetings(
    @Root() group: WorkingGroup,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('upcoming', () => Boolean, { nullable: true }) upcoming: boolean | null,
  ): Promise<Connection<Meeting> | null> {
    if (!meetingPolicy.can(ctx.viewer, 'read')) return null;
    if (after) return workingGroupMeetings(ctx.dataSource, group.id, Boolean(upcoming), { first, after });
    return ctx.loaders
      .get(firstMeetingsByWorkingGroup)
      .load({ parentId: group.id, first, upcoming: Boolean(upcoming) });
  }

  @FieldResolver(() => Boolean, {
    description:
      'Whether the viewer may plan a meeting of this group (coordinators and its leads; not once archived).',
  })
  async viewerCanPlanMeeting(@Root() group: WorkingGroup, @Ctx() ctx: Context): Promise<boolean> {
    return meetingPolicy.can(ctx.viewer, 'create', {
      kind: MeetingKind.WORKING_GROUP,
      groupLeadIds: await groupLeadIds(ctx.loaders, group.id),
      groupArchived: group.archivedAt !== null,
    });
  }
}
