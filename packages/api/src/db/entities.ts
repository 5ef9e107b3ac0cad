import { AuditEvent } from '../modules/audit/audit-event.entity';
import { RateLimitBucket } from '../modules/auth/rate-limit-bucket.entity';
import { Session } from '../modules/auth/session.entity';
import { UserToken } from '../modules/auth/user-token.entity';
import { OutboxMessage } from '../modules/mail/outbox-message.entity';
import { Municipality } from '../modules/municipalities/municipality.entity';
import { MembershipEvent, NetworkMembership } from '../modules/network/membership.entity';
import { User } from '../modules/users/user.entity';

/** Every TypeORM entity; each module adds its own here. */
export const entities = [
  Municipality,
  User,
  Session,
  UserToken,
  RateLimitBucket,
  OutboxMessage,
  AuditEvent,
  NetworkMembership,
  MembershipEvent,
];
