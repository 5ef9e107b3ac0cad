import { ActionItemStatus, OutcomeKind } from '@hub/shared';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context';
import { inTransaction } from '../../graphql/context';

import { registerNodeType } from '../../graphql/node-registry';
import type { Connection } from '../../graphql/relay';
import { idOf, toGlobalId } from '../../graphql/relay';
import { requireViewer } from '../auth';
import { Municipality, municipalityById } from '../municipalities';
import { Project, readableProjectsById } from '../projects';
import { User, userById } from '../users';
import { actionItemBoard } from './action-item.lists';
import { OutcomeService } from './action-item.service';
import { canSeeOutcomes, OutcomeConnection, readableMeeting } from './meeting.access';
import { AgendaItem, Meeting, Outcome } from './meeting.entity';
import {
  ActionItemFilter,
  AddOutcomeInput,
  MeetingPayload,
  OutcomePayload,
  OutcomeRefInput,
  UpdateActionItemInput,
} from './meeting.inputs';
import {
  agendaItemById,
  carriedActionItemsByMeeting,
  meetingById,
  outcomeById,
  outcomesByMeeting,
} from './meeting.loaders';
import { meetingPolicy } from './meeting.policy';
import { todayInBerlin } from './meeting.service';
import { meetingStateOf } from './meeting.state';
import { ActionItemPermissions } from './meeting.types';

registerNodeType('Outcome', async (ctx, id) => {
  const outcome = await ctx.loaders.get(outcomeById).load(id);
  const meeting = outcome && (await readableMeeting(ctx, outcome.meetingId));
  return outcome && meeting && (await canSeeOutcomes(ctx, meeting)) ? outcome : null;
});

function service(ctx: Context, viewer: User) {
  return new OutcomeService(ctx, viewer);
}

/** Outcomes of a meeting (decisions, action items, information) and the action-item board. */
@Resolver(() => Meeting)
export class MeetingOutcomesResolver {
  @Query(() => OutcomeConnection, {
    description:
      'Action items of published minutes, overdue first (by due date). Defaults: the viewer’s and their municipality’s open ones.',
  })
  async actionItems(
    @Ctx() ctx: Context,
    @Arg('filter', () => ActionItemFilter, { nullable: true }) filter: ActionItemFilter | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<Outcome>> {
    const viewer = requireViewer(ctx);
    return actionItemBoard(ctx.dataSource, viewer, filter, { first, after });
  }

  @Mutation(() => OutcomePayload, {
    description: 'A decision, action item or information on an agenda item (while the minutes are a draft).',
  })
  async addOutcome(
    @Arg('input', () => AddOutcomeInput) input: AddOutcomeInput,
    @Ctx() ctx: Context,
  ): Promise<OutcomePayload> {
    const viewer = requireViewer(ctx);
    const itemId = idOf(input.agendaItemId, 'AgendaItem', 'agendaItemId');
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      service(ctx, viewer).addOutcome(m, input, itemId),
    );
    return { outcome: result, userErrors };
  }

  @Mutation(() => MeetingPayload)
  async removeOutcome(
    @Arg('input', () => OutcomeRefInput) input: OutcomeRefInput,
    @Ctx() ctx: Context,
  ): Promise<MeetingPayload> {
    const viewer = requireViewer(ctx);
    const outcomeId = idOf(input.outcomeId, 'Outcome', 'outcomeId');
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      service(ctx, viewer).removeOutcome(m, outcomeId),
    );
    return { meeting: result, userErrors };
  }

  @Mutation(() => OutcomePayload, { description: 'The owner (or the organiser) moves an action item along.' })
  async updateActionItem(
    @Arg('input', () => UpdateActionItemInput) input: UpdateActionItemInput,
    @Ctx() ctx: Context,
  ): Promise<OutcomePayload> {
    const viewer = requireViewer(ctx);
    const outcomeId = idOf(input.actionItemId, 'Outcome', 'actionItemId');
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      service(ctx, viewer).updateActionItem(m, input, outcomeId),
    );
    return { outcome: result, userErrors };
  }

  @FieldResolver(() => [Outcome], {
    description: 'Decisions, action items and information; visible with the minutes.',
  })
  async outcomes(@Root() meeting: Meeting, @Ctx() ctx: Context): Promise<Outcome[]> {
    if (!(await canSeeOutcomes(ctx, meeting))) return [];
    return ctx.loaders.get(outcomesByMeeting).load(meeting.id);
  }

  @FieldResolver(() => [Outcome], {
    description:
      'The agenda section "Offene Aufgaben": open action items of earlier meetings of the same group (or kind), until done.',
  })
  openActionItems(@Root() meeting: Meeting, @Ctx() ctx: Context): Promise<Outcome[]> {
    return ctx.loaders.get(carriedActionItemsByMeeting).load(meeting);
  }
}

@Resolver(() => Outcome)
export class OutcomeResolver {
  @FieldResolver(() => Meeting, { nullable: true })
  meeting(@Root() outcome: Outcome, @Ctx() ctx: Context): Promise<Meeting | null> {
    return ctx.loaders.get(meetingById).load(outcome.meetingId);
  }

  @FieldResolver(() => AgendaItem, { nullable: true })
  agendaItem(@Root() outcome: Outcome, @Ctx() ctx: Context): Promise<AgendaItem | null> {
    return ctx.loaders.get(agendaItemById).load(outcome.agendaItemId);
  }

  @FieldResolver(() => User, { nullable: true })
  ownerUser(@Root() outcome: Outcome, @Ctx() ctx: Context): Promise<User | null> | null {
    return outcome.ownerUserId ? ctx.loaders.get(userById).load(outcome.ownerUserId) : null;
  }

  @FieldResolver(() => Municipality, { nullable: true })
  ownerMunicipality(@Root() outcome: Outcome, @Ctx() ctx: Context): Promise<Municipality | null> | null {
    return outcome.ownerMunicipalityId
      ? ctx.loaders.get(municipalityById).load(outcome.ownerMunicipalityId)
      : null;
  }

  @FieldResolver(() => [ID], { description: 'Linked Projects.' })
  projectIds(@Root() outcome: Outcome): string[] {
    return outcome.projectIds.map((id) => toGlobalId('Project', id));
  }

  @FieldResolver(() => [Project], { description: 'The linked projects the viewer may read.' })
  projects(@Root() outcome: Outcome, @Ctx() ctx: Context): Promise<Project[]> {
    return readableProjectsById(ctx, outcome.projectIds);
  }

  @FieldResolver(() => Boolean, { description: 'An open action item past its due date (Berlin).' })
  overdue(@Root() outcome: Outcome): boolean {
    const open = outcome.status === ActionItemStatus.OPEN || outcome.status === ActionItemStatus.IN_PROGRESS;
    return open && outcome.dueDate !== null && outcome.dueDate < todayInBerlin();
  }

  @FieldResolver(() => ActionItemPermissions)
  async viewerCan(@Root() outcome: Outcome, @Ctx() ctx: Context): Promise<ActionItemPermissions> {
    const meeting = await ctx.loaders.get(meetingById).load(outcome.meetingId);
    const update =
      outcome.kind === OutcomeKind.ACTION_ITEM &&
      meeting !== null &&
      meetingPolicy.can(ctx.viewer, 'updateActionItem', {
        ...(await meetingStateOf(ctx, meeting)),
        item: outcome,
      });
    return Object.assign(new ActionItemPermissions(), { update });
  }
}
