/** The events module's public face: emit what happened, take it as a consumer, or read the latest for a feed. */
export { DomainEvent, DomainEventConsumption } from './domain-event.entity';
export type { FeedEvent, FeedFilter } from './domain-event.feed';
export { latestDomainEvents } from './domain-event.feed';
export { emitDomainEvent, takeDomainEvents } from './domain-event.service';
export type {
  DomainEventInput,
  DomainEventPayloads,
  DomainEventType,
  Snapshot,
  TakenDomainEvent,
} from './domain-event.types';
