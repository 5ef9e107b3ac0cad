/** The meetings module's public face: what other modules may use. */
export { meetingPolicy } from './meeting.policy';
