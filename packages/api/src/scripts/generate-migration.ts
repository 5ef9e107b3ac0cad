/**
 * Compares the entities with a database migrated from scratch.
 *   tsx src/scripts/generate-migration.ts <Name>   writes a migration for the difference
 *   tsx src/scripts/generate-migration.ts --check  exits 1 when a migration is missing
 *   add --tables=project,project_cost to keep only statements about those tables
 * Uses DATABASE_URL (a server where it may create and drop a scratch database) or a temporary
 * embedded PostgreSQL.
 */
import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { createDataSource } from '../db/data-source';
import { startEmbeddedPostgres } from '../db/embedded';
import { logger } from '../logger';

async function main() {
  const check = process.argv.includes('--check');
  const name = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
  if (!check && !name) throw new Error('usage: generate-migration <Name> | --check');

  let stop = async () => {};
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-migrations-'));
    fs.chmodSync(dir, 0o777);
    const embedded = await startEmbeddedPostgres(dir, 54000 + Math.floor(Math.random() * 1000), logger);
    serverUrl = embedded.url;
    stop = async () => {
      await embedded.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  const scratch = `hub_migration_${process.pid}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${scratch}`);
  await admin.query(`CREATE DATABASE ${scratch}`);
  const url = new URL(serverUrl);
  url.pathname = `/${scratch}`;
  const dataSource = createDataSource({ url: url.toString() });
  let missing = 0;
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    const sql = await dataSource.driver.createSchemaBuilder().log();
    // --tables a,b: keep only statements about these tables (and their enum types), so that
    // entities someone else is still working on stay out of this migration.
    const tablesArg = process.argv.find((arg) => arg.startsWith('--tables='));
    if (tablesArg) {
      const tables = tablesArg.slice('--tables='.length).split(',').filter(Boolean);
      const mentions = (q: { query: string }) =>
        tables.some(
          (t) =>
            q.query.includes(`"${t}"`) || q.query.includes(`"${t}_`) || q.query.includes(`"public"."${t}`),
        );
      // Enum types are named by their enumName, not by the table: keep those the kept statements use.
      const typeName = (q: { query: string }) =>
        q.query.match(/^(?:CREATE|DROP) TYPE "public"\."([^"]+)"/)?.[1];
      const uses = (kept: { query: string }[], q: { query: string }) => {
        const name = typeName(q);
        return Boolean(name) && kept.some((k) => k !== q && k.query.includes(`"public"."${name}"`));
      };
      const keptUp = sql.upQueries.filter(mentions);
      const keptDown = sql.downQueries.filter(mentions);
      sql.upQueries = sql.upQueries.filter((q) => mentions(q) || uses(keptUp, q));
      sql.downQueries = sql.downQueries.filter((q) => mentions(q) || uses(keptUp, q) || uses(keptDown, q));
    }
    missing = sql.upQueries.length;
    if (check) {
      if (missing) {
        console.error('The entities differ from the migrations. Missing statements:');
        for (const q of sql.upQueries) console.error(`  ${q.query};`);
      } else {
        console.log('Migrations match the entities.');
      }
    } else if (!missing) {
      console.log('No changes: nothing to generate.');
    } else {
      const timestamp = Date.now();
      const className = `${name}${timestamp}`;
      const line = (q: { query: string; parameters?: unknown[] }) =>
        `    await runner.query(${JSON.stringify(q.query)}${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`;
      const file = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(runner: QueryRunner): Promise<void> {
${sql.upQueries.map(line).join('\n')}
  }

  async down(runner: QueryRunner): Promise<void> {
${sql.downQueries.reverse().map(line).join('\n')}
  }
}
`;
      const dir = path.join(__dirname, '..', 'db', 'migrations');
      const fileName = `${timestamp}-${name}`;
      fs.writeFileSync(path.join(dir, `${fileName}.ts`), file);
      const indexPath = path.join(dir, 'index.ts');
      let index = fs.readFileSync(indexPath, 'utf8');
      index = `import { ${className} } from './${fileName}';\n${index}`;
      index = index.replace(/\[([^\]]*)\];/, (_m, list: string) => {
        const items = list
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        items.push(className);
        return `[\n  ${items.join(',\n  ')},\n];`;
      });
      fs.writeFileSync(indexPath, index);
      const biome = path.join(__dirname, '..', '..', '..', '..', 'node_modules', '.bin', 'biome');
      execFileSync(biome, ['check', '--write', path.join(dir, `${fileName}.ts`), indexPath], {
        stdio: 'ignore',
      });
      console.log(`Wrote src/db/migrations/${fileName}.ts (${missing} statements).`);
    }
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${scratch}`);
    await admin.end();
    await stop();
  }
  if (check && missing) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
