/** The meetings module's public face: what other modules may use. */
export { meetingPolicy } from './meeting.policy';
export { Meeting } from './meeting.entity';
export { meetingById } from './meeting.loaders';
export { meetingReadableSql } from './meeting.policy';
