import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { EntityManager } from 'typeorm';
import type { Context } from '../../graphql/context';
import { inTransaction } from '../../graphql/context';
import { idOf, toGlobalId } from '../../graphql/relay';
import type { UserError } from '../../graphql/user-error';
import { renderMarkdown } from '../../markdown';
import { requireViewer } from '../auth';
import { Municipality, municipalityById } from '../municipalities';
import { Project, readableProjectsById } from '../projects';
import { User, userById } from '../users';
import {
  AgendaItem,
  AgendaItemNotes,
  Meeting,
  MeetingMinutes,
  MinutesRevision,
  OutcomeSnapshot,
} from './meeting.entity';
import { MeetingRefInput, MinutesPayload, SaveMinutesInput } from './meeting.inputs';
import { agendaItemById, meetingById, minutesByMeeting, revisionsByMinutes } from './meeting.loaders';
import { meetingPolicy } from './meeting.policy';
import { meetingStateOf } from './meeting.state';
import { MinutesService } from './minutes.service';

function service(ctx: Context, viewer: User) {
  return new MinutesService(ctx, viewer);
}

/** The minutes of a meeting: drafting, the approval workflow, publication and corrections. */
@Resolver(() => Meeting)
export class MeetingMinutesWorkflowResolver {
  @Mutation(() => MinutesPayload, { description: 'Creates or edits the draft minutes.' })
  async saveMinutes(
    @Arg('input', () => SaveMinutesInput) input: SaveMinutesInput,
    @Ctx() ctx: Context,
  ): Promise<MinutesPayload> {
    const viewer = requireViewer(ctx);
    const meetingId = idOf(input.meetingId, 'Meeting', 'meetingId');
    const { result, userErrors } = await inTransaction(ctx, (m) =>
      service(ctx, viewer).saveMinutes(m, input, meetingId),
    );
    return this.payload(ctx, result, meetingId, userErrors);
  }

  @Mutation(() => MinutesPayload, { description: 'DRAFT → SUBMITTED, by the organiser.' })
  async submitMinutes(
    @Arg('input', () => MeetingRefInput) input: MeetingRefInput,
    @Ctx() ctx: Context,
  ): Promise<MinutesPayload> {
    return this.step(ctx, input, (s, m, id) => s.submitMinutes(m, id));
  }

  @Mutation(() => MinutesPayload, { description: 'SUBMITTED → DRAFT: sent back for changes.' })
  async returnMinutesToDraft(
    @Arg('input', () => MeetingRefInput) input: MeetingRefInput,
    @Ctx() ctx: Context,
  ): Promise<MinutesPayload> {
    return this.step(ctx, input, (s, m, id) => s.returnMinutesToDraft(m, id));
  }

  @Mutation(() => MinutesPayload, {
    description: 'SUBMITTED → APPROVED, by a coordinator or a lead other than the submitter.',
  })
  async approveMinutes(
    @Arg('input', () => MeetingRefInput) input: MeetingRefInput,
    @Ctx() ctx: Context,
  ): Promise<MinutesPayload> {
    return this.step(ctx, input, (s, m, id) => s.approveMinutes(m, id));
  }

  @Mutation(() => MinutesPayload, { description: 'APPROVED → PUBLISHED; the invitees are notified.' })
  async publishMinutes(
    @Arg('input', () => MeetingRefInput) input: MeetingRefInput,
    @Ctx() ctx: Context,
  ): Promise<MinutesPayload> {
    return this.step(ctx, input, (s, m, id) => s.publishMinutes(m, id));
  }

  @Mutation(() => MinutesPayload, {
    description: 'PUBLISHED → DRAFT of the next revision; published revisions stay readable.',
  })
  async startMinutesCorrection(
    @Arg('input', () => MeetingRefInput) input: MeetingRefInput,
    @Ctx() ctx: Context,
  ): Promise<MinutesPayload> {
    return this.step(ctx, input, (s, m, id) => s.startCorrection(m, id));
  }

  private async step(
    ctx: Context,
    input: MeetingRefInput,
    run: (s: MinutesService, m: EntityManager, meetingId: string) => Promise<MeetingMinutes>,
  ): Promise<MinutesPayload> {
    const viewer = requireViewer(ctx);
    const meetingId = idOf(input.meetingId, 'Meeting', 'meetingId');
    const { result, userErrors } = await inTransaction(ctx, (m) => run(service(ctx, viewer), m, meetingId));
    return this.payload(ctx, result, meetingId, userErrors);
  }

  /** The changed minutes with their meeting, so that clients update both from the answer. */
  private async payload(
    ctx: Context,
    minutes: MeetingMinutes | null,
    meetingId: string,
    userErrors: UserError[],
  ): Promise<MinutesPayload> {
    return {
      minutes,
      meeting: minutes ? await ctx.loaders.get(meetingById).load(meetingId) : null,
      userErrors,
    };
  }

  @FieldResolver(() => MeetingMinutes, {
    nullable: true,
    description: 'The working copy: for those who draft and approve.',
  })
  async minutes(@Root() meeting: Meeting, @Ctx() ctx: Context): Promise<MeetingMinutes | null> {
    if (!meetingPolicy.can(ctx.viewer, 'readDraftMinutes', await meetingStateOf(ctx, meeting))) return null;
    return ctx.loaders.get(minutesByMeeting).load(meeting.id);
  }

  @FieldResolver(() => MinutesRevision, {
    nullable: true,
    description: 'The latest published revision of the minutes.',
  })
  async publishedMinutes(@Root() meeting: Meeting, @Ctx() ctx: Context): Promise<MinutesRevision | null> {
    const revisions = await this.minutesRevisions(meeting, ctx);
    return revisions.at(-1) ?? null;
  }

  @FieldResolver(() => [MinutesRevision], { description: 'Every published revision, oldest first.' })
  async minutesRevisions(@Root() meeting: Meeting, @Ctx() ctx: Context): Promise<MinutesRevision[]> {
    if (!meetingPolicy.can(ctx.viewer, 'readPublishedMinutes')) return [];
    const minutes = await ctx.loaders.get(minutesByMeeting).load(meeting.id);
    return minutes?.publishedAt ? ctx.loaders.get(revisionsByMinutes).load(minutes.id) : [];
  }
}

@Resolver(() => AgendaItemNotes)
export class AgendaItemNotesResolver {
  @FieldResolver(() => AgendaItem, { nullable: true })
  agendaItem(@Root() notes: AgendaItemNotes, @Ctx() ctx: Context): Promise<AgendaItem | null> {
    return ctx.loaders.get(agendaItemById).load(notes.agendaItemId);
  }

  @FieldResolver(() => ID)
  agendaItemId(@Root() notes: AgendaItemNotes): string {
    return toGlobalId('AgendaItem', notes.agendaItemId);
  }

  @FieldResolver(() => String, { description: 'The notes rendered from Markdown and sanitised.' })
  html(@Root() notes: AgendaItemNotes): string {
    return renderMarkdown(notes.notes);
  }
}

@Resolver(() => MeetingMinutes)
export class MeetingMinutesResolver {
  @FieldResolver(() => String, { description: 'The body rendered from Markdown and sanitised.' })
  html(@Root() minutes: MeetingMinutes): string {
    return renderMarkdown(minutes.body);
  }

  @FieldResolver(() => [AgendaItemNotes])
  itemNotes(@Root() minutes: MeetingMinutes): AgendaItemNotes[] {
    return minutes.itemNotes;
  }

  @FieldResolver(() => User, { nullable: true })
  submittedBy(@Root() minutes: MeetingMinutes, @Ctx() ctx: Context): Promise<User | null> | null {
    return minutes.submittedById ? ctx.loaders.get(userById).load(minutes.submittedById) : null;
  }

  @FieldResolver(() => User, { nullable: true })
  approvedBy(@Root() minutes: MeetingMinutes, @Ctx() ctx: Context): Promise<User | null> | null {
    return minutes.approvedById ? ctx.loaders.get(userById).load(minutes.approvedById) : null;
  }
}

@Resolver(() => MinutesRevision)
export class MinutesRevisionResolver {
  @FieldResolver(() => String, { description: 'The body rendered from Markdown and sanitised.' })
  html(@Root() revision: MinutesRevision): string {
    return renderMarkdown(revision.body);
  }

  @FieldResolver(() => [AgendaItemNotes])
  itemNotes(@Root() revision: MinutesRevision): AgendaItemNotes[] {
    return revision.itemNotes;
  }

  @FieldResolver(() => User, { nullable: true })
  publishedBy(@Root() revision: MinutesRevision, @Ctx() ctx: Context): Promise<User | null> | null {
    return revision.publishedById ? ctx.loaders.get(userById).load(revision.publishedById) : null;
  }

  @FieldResolver(() => [OutcomeSnapshot], { description: 'The outcomes as they stood at publication.' })
  outcomes(@Root() revision: MinutesRevision): OutcomeSnapshot[] {
    return revision.outcomes ?? [];
  }
}

@Resolver(() => OutcomeSnapshot)
export class OutcomeSnapshotResolver {
  @FieldResolver(() => ID, { description: 'The live Outcome this was copied from (it may be gone).' })
  outcomeId(@Root() snapshot: OutcomeSnapshot): string {
    return toGlobalId('Outcome', snapshot.outcomeId);
  }

  @FieldResolver(() => ID)
  agendaItemId(@Root() snapshot: OutcomeSnapshot): string {
    return toGlobalId('AgendaItem', snapshot.agendaItemId);
  }

  @FieldResolver(() => User, { nullable: true })
  ownerUser(@Root() snapshot: OutcomeSnapshot, @Ctx() ctx: Context): Promise<User | null> | null {
    return snapshot.ownerUserId ? ctx.loaders.get(userById).load(snapshot.ownerUserId) : null;
  }

  @FieldResolver(() => Municipality, { nullable: true })
  ownerMunicipality(
    @Root() snapshot: OutcomeSnapshot,
    @Ctx() ctx: Context,
  ): Promise<Municipality | null> | null {
    return snapshot.ownerMunicipalityId
      ? ctx.loaders.get(municipalityById).load(snapshot.ownerMunicipalityId)
      : null;
  }

  @FieldResolver(() => [Project], { description: 'The linked projects the viewer may read.' })
  projects(@Root() snapshot: OutcomeSnapshot, @Ctx() ctx: Context): Promise<Project[]> {
    return readableProjectsById(ctx, snapshot.projectIds);
  }
}
