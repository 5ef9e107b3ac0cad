/** The audit module's public face: what other modules may use. */
export { auditFromDomainEventSql } from './audit.service';
