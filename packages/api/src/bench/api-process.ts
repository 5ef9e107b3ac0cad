/**
 * The API as production starts it (src/main.ts), in a process of its own for the load benchmark,
 * which asks it over IPC for its memory: "memory" as it is, "settled-memory" after a full GC
 * (needs --expose-gc), so that before and after compare what stays allocated.
 */
import '../main';
import { holdingConnection } from '../db/connection-guard';

// BENCH_REPLICA compares a hub with the read replica and one without: both run with the database
// layer's AsyncLocalStorage active, as production does after its first mutation. Otherwise only the
// hub with the replica (read scopes) would have it, and on Node 20 it costs every promise a little.
if (process.env.BENCH_REPLICA) void holdingConnection('the benchmark', async () => {});

process.on('message', (message) => {
  if (message !== 'memory' && message !== 'settled-memory') return;
  if (message === 'settled-memory') global.gc?.();
  process.send?.({ memory: process.memoryUsage() });
});
