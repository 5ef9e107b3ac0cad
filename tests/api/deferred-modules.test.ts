// Libraries only some requests and jobs need (Markdown, mail, YAML, the query compiler) are not
// loaded by the API's start, which they used to hold up by about a fifth of a second, and are all
// loaded once the start calls preloadDeferredModules (packages/api/src/deferred-module.ts).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestDatabase } from '../support/db';
import { createTestDatabase } from '../support/db';

const API = path.resolve(__dirname, '../../packages/api');
const TSX = require.resolve('tsx', { paths: [API] });
const DEFERRED = ['markdown-it', 'sanitize-html', 'nodemailer', 'yaml', 'graphql-jit'];

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

it('the start (modules, data source, app with SMTP) loads none of them; the preload loads them all', () => {
  const src = (file: string) => JSON.stringify(path.join(API, 'src', file));
  // What main.ts does before its port opens, in a process of its own (require.cache is per process).
  const script = `
    require(${JSON.stringify(require.resolve('reflect-metadata', { paths: [API] }))});
    const loaded = () => ${JSON.stringify(DEFERRED)}.filter((name) =>
      Object.keys(require.cache).some((file) => file.includes('/node_modules/' + name + '/')));
    (async () => {
      const { createDataSource } = await import(${src('db/data-source.ts')});
      await import(${src('server/bootstrap.ts')});
      const { createApp } = await import(${src('server/app.ts')});
      const { loadConfig } = await import(${src('config.ts')});
      const { logger } = await import(${src('logger.ts')});
      const dataSource = createDataSource({ url: process.env.DATABASE_URL, limits: { poolSize: 2 } });
      await dataSource.initialize();
      const app = await createApp({ config: loadConfig(), dataSource, log: logger });
      const atStart = loaded();
      await (await import(${src('deferred-module.ts')})).preloadDeferredModules();
      const afterPreload = loaded();
      await app.stop();
      await dataSource.destroy();
      console.log(JSON.stringify({ atStart, afterPreload }));
    })().catch((error) => { console.error(error); process.exit(1); });`;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hub-deferred-')), 'check.ts');
  fs.writeFileSync(file, script);
  const output = execFileSync(process.execPath, ['--import', TSX, file], {
    cwd: API,
    encoding: 'utf8',
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      SMTP_URL: 'smtp://127.0.0.1:9',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    },
  });
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  expect(JSON.parse(output.trim().split('\n').at(-1) as string)).toEqual({
    atStart: [],
    afterPreload: DEFERRED,
  });
}, 60_000);
