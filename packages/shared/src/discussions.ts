/** What a discussion thread belongs to. REPORT and INITIATIVE are attached by their modules. */
export enum ThreadSubjectType {
  PROJECT = 'PROJECT',
  WORKING_GROUP = 'WORKING_GROUP',
  MEETING = 'MEETING',
  /** The network forum: the subject is one of the categories coordinators manage. */
  FORUM = 'FORUM',
  REPORT = 'REPORT',
  INITIATIVE = 'INITIATIVE',
}

/** Limits of threads and posts, used by API validation and by the forms alike. */
export const discussionLimits = {
  title: { minLength: 3, maxLength: 200 },
  body: { minLength: 1, maxLength: 20_000 },
  /** The reason a coordinator gives for hiding, locking or pinning. */
  reason: { minLength: 3, maxLength: 500 },
  categoryName: { minLength: 3, maxLength: 80 },
  categoryDescription: { maxLength: 500 },
  /** Mentions and project links one post may carry. */
  referencesPerPost: 30,
  /** New threads and posts per person per minute (a write rate limit of its own). */
  postsPerMinute: 10,
  /** The plain-text excerpt carried by events and shown in quotes. */
  excerpt: { maxLength: 500 },
  /** Posts on one page of a thread. */
  postsPage: { default: 50 },
  /** Earlier versions of a post kept and shown. */
  revisionsShown: 50,
  /** Forum categories (a plain list). */
  forumCategories: { max: 30 },
  /** Suggestions of the mention autocomplete. */
  mentionSuggestions: 8,
} as const;
