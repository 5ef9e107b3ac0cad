/** The meetings module's public face: what other modules may use. */

export { Meeting } from './meeting.entity';
export { meetingById } from './meeting.loaders';
export { meetingPolicy, meetingReadableSql } from './meeting.policy';
