/** The mail module's public face: what other modules may use. */

export type { OutgoingMail } from './mail-delivery';
export { enqueueMail, enqueueMails, MAIL_MAX_ATTEMPTS, SEND_MAIL_TASK } from './mail-delivery';
export { failedDeliveries } from './outbox.overview';
export { OutboxMessage } from './outbox-message.entity';
