/**
 * A wake-up for a subscription's read: runs `read` one at a time; a wake during a read makes one
 * more read after it, however many wakes came, so a burst of notifications costs at most two reads
 * and the last state is always read. A failed read goes to `onError`; a wake during it still reads
 * again (a subscriber added meanwhile gets its first delivery).
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
    do {
      again = false;
      try {
        await read();
      } catch (error) {
        onError(error);
      }
    } while (again);
    running = false;
  };
  return () => void run();
}
