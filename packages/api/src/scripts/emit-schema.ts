/** Writes packages/api/schema.graphql (`--check`: exits 1 when the committed file is stale). */
import fs from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { getSchema } from '../graphql/schema';

async function main() {
  const file = path.join(__dirname, '..', '..', 'schema.graphql');
  const text = `${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
  if (process.argv.includes('--check')) {
    const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (committed !== text) {
      console.error(
        'packages/api/schema.graphql is stale: run `pnpm --filter @hub/api schema` and commit it.',
      );
      process.exit(1);
    }
    console.log('schema.graphql is up to date.');
    return;
  }
  fs.writeFileSync(file, text);
  console.log(`Wrote ${path.relative(process.cwd(), file)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
