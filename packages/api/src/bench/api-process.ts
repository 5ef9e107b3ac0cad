/**
 * The API as production starts it (src/main.ts), in a process of its own for the load benchmark,
 * which asks it over IPC for its memory: "memory" as it is, "settled-memory" after a full GC
 * (needs --expose-gc), so that before and after compare what stays allocated.
 */
import '../main';

process.on('message', (message) => {
  if (message !== 'memory' && message !== 'settled-memory') return;
  if (message === 'settled-memory') global.gc?.();
  process.send?.({ memory: process.memoryUsage() });
});
