/**
 * A wake-up for a subscription's read: runs `read` one at a time; a wake during a read makes one
 * more read after it, however many wakes came, so a burst of notifications costs at most two reads
 * and the last state is always read. An error ends the reading (`onError`).
 */
export function serialWake(read: () => Promise<void>, onError: (error: unknown) => void): () => void {
  let running = false;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await read();
      } while (again);
    } catch (error) {
      onError(error);
    } finally {
      running = false;
    }
  };
  return () => void run();
}
