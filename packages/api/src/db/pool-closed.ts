import type { Pool } from 'pg';

/**
 * Resolves once every connection the pool has now is closed; call it just before `pool.end()`.
 * `pool.end()` resolves as soon as the pool has asked its clients to end, before their sockets
 * close. A PostgreSQL stopped right after it (fast shutdown) cut those connections, and each one
 * logged "terminating connection due to administrator command" on the way out.
 */
export function connectionsClosed(pool: Pool, timeoutMs = 5000): Promise<void> {
  let open = pool.totalCount;
  if (open === 0) return Promise.resolve();
  return new Promise((resolve) => {
    // A client whose connecting fails as the pool ends leaves without a 'remove' event.
    const timer = setTimeout(done, timeoutMs);
    timer.unref();
    function removed() {
      if (--open === 0) done();
    }
    function done() {
      clearTimeout(timer);
      pool.off('remove', removed);
      resolve();
    }
    pool.on('remove', removed);
  });
}
