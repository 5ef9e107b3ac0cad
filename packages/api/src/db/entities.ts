import { AuditEvent } from '../modules/audit/audit-event.entity';
import { PasswordResetRequest } from '../modules/auth/password-reset-request.entity';
import { RateLimitBucket } from '../modules/auth/rate-limit-bucket.entity';
import { Session } from '../modules/auth/session.entity';
import { UserToken } from '../modules/auth/user-token.entity';
import {
  DiscussionPost,
  DiscussionPostReference,
  DiscussionPostRevision,
  DiscussionReadState,
  DiscussionThread,
  ForumCategory,
} from '../modules/discussions/discussion.entity';
import { DomainEvent, DomainEventConsumption } from '../modules/events';
import {
  Initiative,
  InitiativeStatusChange,
  InitiativeSupport,
  PilotApplication,
  PrioritisationRound,
  RoundBallot,
} from '../modules/initiatives/initiative.entity';
import { OutboxMessage } from '../modules/mail/outbox-message.entity';
import {
  AgendaItem,
  CalendarFeed,
  Meeting,
  MeetingInvitation,
  MeetingMinutes,
  MinutesRevision,
  Outcome,
} from '../modules/meetings/meeting.entity';
import { Municipality } from '../modules/municipalities/municipality.entity';
import { MembershipEvent, NetworkMembership } from '../modules/network/membership.entity';
import {
  Follow,
  Notification,
  NotificationCounter,
  NotificationPreference,
  NotificationSigningKey,
  NotificationThread,
} from '../modules/notifications';
import { Project } from '../modules/projects/project.entity';
import {
  ProjectContact,
  ProjectCost,
  ProjectFunding,
  ProjectMilestone,
  ProjectParticipant,
  ProjectPhaseChange,
  ProjectStatusUpdate,
} from '../modules/projects/project-details.entity';
import {
  ProjectFigureContribution,
  ProjectFigurePending,
  ProjectFigureQuarter,
} from '../modules/projects/project-figures.entity';
import { ProgressReport } from '../modules/reports/progress-report.entity';
import { User } from '../modules/users/user.entity';
import {
  WorkingGroup,
  WorkingGroupMembership,
  WorkingGroupMembershipEvent,
} from '../modules/working-groups/working-group.entity';

/** Every TypeORM entity; each module adds its own here. */
export const entities = [
  Meeting,
  AgendaItem,
  MeetingInvitation,
  MeetingMinutes,
  MinutesRevision,
  Outcome,
  CalendarFeed,
  Project,
  ProjectParticipant,
  ProjectCost,
  ProjectFunding,
  ProjectMilestone,
  ProjectContact,
  ProjectStatusUpdate,
  ProjectPhaseChange,
  ProjectFigureContribution,
  ProjectFigureQuarter,
  ProjectFigurePending,
  ProgressReport,
  Municipality,
  User,
  Session,
  UserToken,
  RateLimitBucket,
  PasswordResetRequest,
  OutboxMessage,
  AuditEvent,
  DomainEvent,
  DomainEventConsumption,
  NetworkMembership,
  MembershipEvent,
  WorkingGroup,
  WorkingGroupMembership,
  WorkingGroupMembershipEvent,
  ForumCategory,
  DiscussionThread,
  DiscussionPost,
  DiscussionPostRevision,
  DiscussionPostReference,
  DiscussionReadState,
  Notification,
  Follow,
  NotificationPreference,
  NotificationThread,
  NotificationSigningKey,
  NotificationCounter,
  Initiative,
  InitiativeSupport,
  InitiativeStatusChange,
  PrioritisationRound,
  RoundBallot,
  PilotApplication,
];
