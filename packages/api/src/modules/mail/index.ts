/** The mail module's public face: what other modules may use. */

export type { OutgoingMail } from './mail-delivery';
export { enqueueMail } from './mail-delivery';
