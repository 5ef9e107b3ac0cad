/**
 * Whether the subscriptions' WebSocket is open: the WebSocket link reports it, screens that fall
 * back to polling while it is down read it (with useSyncExternalStore). Kept apart from the link
 * so reading it does not load the WebSocket client.
 */
let connected = false;
const listeners = new Set<() => void>();

export const socketState = {
  get: (): boolean => connected,
  set(value: boolean): void {
    if (value === connected) return;
    connected = value;
    for (const listener of listeners) listener();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
