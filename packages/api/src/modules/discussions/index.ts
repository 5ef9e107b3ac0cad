/**
 * The discussions module's public face: threads on projects, working groups, meetings and the
 * forum (more subjects attach through `registerThreadSubject`), and the policy.
 */

export { DiscussionPost, DiscussionThread, ForumCategory } from './discussion.entity';
export type { DiscussionAction, DiscussionSubject } from './discussion.policy';
export { can as canInDiscussions, readableThreadsSql } from './discussion.policy';
export { mayReadThread } from './discussion.service';
export type { LoadedSubject, ThreadSubjectRule } from './thread-subjects';
export { registerThreadSubject } from './thread-subjects';
