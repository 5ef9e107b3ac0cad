import fs from 'node:fs';

export default async function globalTeardown() {
  const running = globalThis.__HUB_TEST_PG__;
  if (!running) return;
  await running.server.stop();
  fs.rmSync(running.dir, { recursive: true, force: true });
}
