import { paths } from '../../paths';

/** URLs of the meeting pages; German, like the rest of the app's paths. */
export const meetingPaths = {
  list: paths.meetings,
  create: `${paths.meetings}/neu`,
  actionItems: '/aufgaben',
  participation: `${paths.meetings}/beteiligung`,
  detailPattern: `${paths.meetings}/:meetingId`,
  detail: (id: string) => `${paths.meetings}/${encodeURIComponent(id)}`,
  printPattern: `${paths.meetings}/:meetingId/protokoll`,
  print: (id: string) => `${paths.meetings}/${encodeURIComponent(id)}/protokoll`,
} as const;

/** Query parameters of the action-item board: `?ueberfaellig=1` shows only the overdue items. */
/** The board's own filter name (ActionItemsPage keeps its filters in the address). */
export const actionItemParams = { overdue: 'overdue' } as const;
