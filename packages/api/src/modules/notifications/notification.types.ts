import { EmailFrequency, FollowState, FollowSubjectType, NotificationType } from '@hub/shared';
import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType, Node } from '../../graphql/relay';
import { UserError } from '../../graphql/user-error';
import { Notification } from './notification.entity';

export const NotificationConnection = ConnectionType(Notification);

@InputType()
export class MarkNotificationsReadInput {
  @Field(() => [ID], { nullable: true, description: 'These notifications; leave out with `all`.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  ids?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Every unread notification of the viewer.' })
  @IsOptional()
  @IsBoolean()
  all?: boolean | null;
}

@ObjectType()
export class MarkNotificationsReadPayload {
  @Field(() => Int, { description: 'Unread notifications left.' })
  unreadCount: number;

  @Field(() => Date, {
    nullable: true,
    description: 'The moment the notifications were marked read (their `readAt`); null with errors.',
  })
  readAt: Date | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType({ description: "The viewer's relation to something that can be followed." })
export class FollowInfo {
  @Field(() => ID)
  subjectId: string;

  @Field(() => FollowSubjectType)
  subjectType: FollowSubjectType;

  @Field(() => FollowState)
  state: FollowState;

  @Field(() => Boolean, {
    description: 'The viewer takes part (team, member, author) and follows without having chosen to.',
  })
  automatic: boolean;

  @Field(() => Boolean)
  viewerCanFollow: boolean;
}

@InputType()
export class SetFollowStateInput {
  @Field(() => ID, { description: 'A project, working group, municipality or discussion thread.' })
  @IsString()
  @MaxLength(200)
  subjectId: string;

  @Field(() => FollowState)
  @IsEnum(FollowState)
  state: FollowState;
}

@ObjectType()
export class SetFollowStatePayload {
  @Field(() => FollowInfo, { nullable: true })
  follow: FollowInfo | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}

@ObjectType()
export class NotificationPreferenceInfo {
  @Field(() => NotificationType)
  type: NotificationType;

  @Field(() => EmailFrequency)
  email: EmailFrequency;

  @Field(() => EmailFrequency, { description: 'What applies without a choice of the person.' })
  defaultEmail: EmailFrequency;
}

@InputType()
export class SetNotificationPreferenceInput {
  @Field(() => NotificationType)
  @IsEnum(NotificationType)
  type: NotificationType;

  @Field(() => EmailFrequency)
  @IsEnum(EmailFrequency)
  email: EmailFrequency;
}

@ObjectType()
export class SetNotificationPreferencePayload {
  @Field(() => [NotificationPreferenceInfo])
  preferences: NotificationPreferenceInfo[];

  @Field(() => [UserError])
  userErrors: UserError[];
}

/** An e-mail in the outbox as the coordinators' "Zustellung" page lists it. */
@ObjectType({ implements: Node })
export class MailDelivery extends Node {
  id: string;

  @Field(() => String)
  recipient: string;

  @Field(() => String)
  subject: string;

  @Field(() => String)
  kind: string;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Int)
  attempts: number;

  @Field(() => String, { nullable: true })
  lastError: string | null;

  @Field(() => Boolean, { description: 'The queue has given up retrying; only a manual retry sends it.' })
  givenUp: boolean;
}

export const MailDeliveryConnection = ConnectionType(MailDelivery);

@InputType()
export class RetryDeliveryInput {
  @Field(() => ID)
  @IsString()
  @MaxLength(200)
  id: string;
}

@ObjectType()
export class RetryDeliveryPayload {
  @Field(() => MailDelivery, { nullable: true })
  delivery: MailDelivery | null;

  @Field(() => [UserError])
  userErrors: UserError[];
}
