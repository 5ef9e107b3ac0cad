/** URLs of the discussion pages; German, like the rest of the app's paths. */
export const discussionPaths = {
  list: '/diskussionen',
  threadPattern: '/diskussionen/themen/:threadId',
  thread: (id: string, postNumber?: number) =>
    `/diskussionen/themen/${encodeURIComponent(id)}${postNumber ? `#beitrag-${postNumber}` : ''}`,
  newThreadPattern: '/diskussionen/neu/:subjectId',
  newThread: (subjectId: string) => `/diskussionen/neu/${encodeURIComponent(subjectId)}`,
  forumCategoryPattern: '/diskussionen/forum/:categoryId',
  forumCategory: (id: string) => `/diskussionen/forum/${encodeURIComponent(id)}`,
  forumCategories: '/diskussionen/kategorien',
} as const;

/** The anchor of a post in its thread (#beitrag-3). */
export const postAnchor = (number: number) => `beitrag-${number}`;
