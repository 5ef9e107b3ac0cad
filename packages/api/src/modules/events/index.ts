/** The events module's public face: emit what happened, and take it as a consumer. */
export { DomainEvent, DomainEventConsumption } from './domain-event.entity';
export { emitDomainEvent, takeDomainEvents } from './domain-event.service';
export type {
  DomainEventInput,
  DomainEventPayloads,
  DomainEventType,
  Snapshot,
  TakenDomainEvent,
} from './domain-event.types';
