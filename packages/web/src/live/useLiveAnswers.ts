import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { socketState } from './socketState';

/**
 * Whether a subscription is delivering: its socket is open and it has answered since (the API
 * sends the current state at once). Screens poll instead while it is not; `answered` and `dropped`
 * go to the subscription's onData and onError.
 */
export function useLiveAnswers(): { live: boolean; answered: () => void; dropped: () => void } {
  const socketOpen = useSyncExternalStore(socketState.subscribe, socketState.get, () => false);
  const [hasAnswered, setHasAnswered] = useState(false);
  useEffect(() => {
    if (!socketOpen) setHasAnswered(false);
  }, [socketOpen]);
  const answered = useCallback(() => setHasAnswered(true), []);
  const dropped = useCallback(() => setHasAnswered(false), []);
  return { live: socketOpen && hasAnswered, answered, dropped };
}
