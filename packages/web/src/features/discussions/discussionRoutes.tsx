import type { RouteObject } from 'react-router';
import { withPageMessages } from '../../i18n';
import { discussionPaths } from './discussionPaths';

/** The discussion pages beside the list, each loaded with its code on first visit. */
export const discussionPages: RouteObject[] = [
  {
    path: discussionPaths.threadPattern,
    lazy: async () => ({ Component: (await withPageMessages(import('./ThreadPage'))).ThreadPage }),
  },
  {
    path: discussionPaths.newThreadPattern,
    lazy: async () => ({ Component: (await withPageMessages(import('./NewThreadPage'))).NewThreadPage }),
  },
  {
    path: discussionPaths.forumCategoryPattern,
    lazy: async () => ({
      Component: (await withPageMessages(import('./ForumCategoryPage'))).ForumCategoryPage,
    }),
  },
  {
    path: discussionPaths.forumCategories,
    lazy: async () => ({
      Component: (await withPageMessages(import('./ForumCategoriesPage'))).ForumCategoriesPage,
    }),
  },
];
