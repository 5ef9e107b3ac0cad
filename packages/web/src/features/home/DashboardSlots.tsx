/**
 * Places on the start page that other parts of the hub fill once they are merged. Until then each
 * renders nothing (no placeholder text): the dashboard shows only what exists.
 */

/** Officer: unread discussions (from the discussions module). */
export function UnreadDiscussionsSlot(): null {
  return null;
}

/** Coordinator and ministry: the network's figures with the change against the previous quarter. */
export function NetworkFiguresSlot(): null {
  return null;
}

/** Ministry: the latest published progress reports. */
export function LatestReportsSlot(): null {
  return null;
}
