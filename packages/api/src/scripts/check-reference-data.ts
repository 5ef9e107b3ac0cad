/**
 * Self-check of the municipality directory built from the Gemeindeverzeichnis.
 *   tsx src/scripts/check-reference-data.ts        parses the CSV, prints counts, checks invariants
 *   tsx src/scripts/check-reference-data.ts --db   also loads it (twice) and the demo data into a
 *                                                  temporary embedded PostgreSQL (or DATABASE_URL,
 *                                                  where it creates and drops a scratch database)
 * Exits 1 when a check fails.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MembershipStatus, MunicipalityKind } from '@hub/shared';
import { Client } from 'pg';
import { createDataSource } from '../db/data-source';
import { startEmbeddedPostgres } from '../db/embedded';
import { logger } from '../logger';
import { DEMO_ACCOUNTS, seedDemo } from '../seed/demo';
import { type MunicipalityRecord, readMunicipalities } from '../seed/gemeindeverzeichnis';
import { loadMunicipalities } from '../seed/reference-data';

const EXPECTED: Record<MunicipalityKind, number> = {
  [MunicipalityKind.LANDKREIS]: 24,
  [MunicipalityKind.KREISFREIE_STADT]: 12,
  [MunicipalityKind.VERBANDSGEMEINDE]: 129,
  [MunicipalityKind.VERBANDSFREIE_GEMEINDE]: 29,
  [MunicipalityKind.STADT]: 97,
  [MunicipalityKind.ORTSGEMEINDE]: 2164,
  [MunicipalityKind.GEMEINDEFREIES_GEBIET]: 1,
};
const EXPECTED_TOTAL = 2456;

let failures = 0;
function check(condition: boolean, message: string) {
  if (!condition) {
    failures++;
    console.error(`FAIL ${message}`);
  }
}

function ms(start: bigint): string {
  return `${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(0)} ms`;
}

function checkDirectory(list: MunicipalityRecord[]) {
  const counts = new Map<MunicipalityKind, number>();
  for (const m of list) counts.set(m.kind, (counts.get(m.kind) ?? 0) + 1);
  console.log('Municipalities per kind:');
  for (const kind of Object.values(MunicipalityKind)) {
    const count = counts.get(kind) ?? 0;
    console.log(`  ${kind.padEnd(24)} ${String(count).padStart(5)}`);
    check(count === EXPECTED[kind], `${kind}: expected ${EXPECTED[kind]}, got ${count}`);
  }
  console.log(`  ${'total'.padEnd(24)} ${String(list.length).padStart(5)}`);
  check(list.length === EXPECTED_TOTAL, `total: expected ${EXPECTED_TOTAL}, got ${list.length}`);
  const gemeinden = list.filter((m) => m.ags !== null && m.kind !== MunicipalityKind.LANDKREIS);
  check(gemeinden.length === 2303, `Gemeinden (record type 60): expected 2303, got ${gemeinden.length}`);
  check(list.filter((m) => m.isTown).length === 12 + 118, 'towns: 12 kreisfreie Städte + 118 Städte');

  const byArs = new Map(list.map((m) => [m.ars, m]));
  const kl = list.find((m) => m.ags === '07312000');
  check(
    kl?.name === 'Kaiserslautern' && kl.kind === MunicipalityKind.KREISFREIE_STADT,
    'AGS 07312000 is Kaiserslautern',
  );
  check(kl?.ars === '073120000000' && kl.population === 100030, 'Kaiserslautern: ARS and population');
  check(
    kl?.latitude === 49.445456 && kl.longitude === 7.768864 && kl.areaKm2 === 139.7,
    'Kaiserslautern: position, area',
  );
  check(kl?.districtArs === kl?.ars && kl?.parentArs === null, 'Kaiserslautern is its own district');
  const lk = byArs.get('073350000000');
  check(lk?.name === 'Landkreis Kaiserslautern' && lk.ags === '07335000', 'Landkreis Kaiserslautern');
  check(byArs.get('073380000000')?.name === 'Rhein-Pfalz-Kreis', 'Rhein-Pfalz-Kreis keeps its name');
  const vg = list.find((m) => m.name === 'Verbandsgemeinde Cochem');
  const cochem = list.find((m) => m.name === 'Cochem' && m.kind === MunicipalityKind.STADT);
  check(cochem?.parentArs === vg?.ars && cochem?.isTown === true, 'Cochem (Stadt) lies in VG Cochem');
  check(
    vg?.parentArs === '071350000000' && cochem?.districtArs === '071350000000',
    'VG Cochem in Cochem-Zell',
  );
  const neuenahr = list.find((m) => m.ags === '07131007');
  check(
    neuenahr?.kind === MunicipalityKind.VERBANDSFREIE_GEMEINDE && neuenahr.isTown,
    'Bad Neuenahr-Ahrweiler',
  );
  check(
    neuenahr?.areaKm2 === 63.38 && neuenahr.population === 28468,
    'Bad Neuenahr-Ahrweiler: area, population',
  );
  check(!list.some((m) => /, (kreisfreie )?Stadt$/.test(m.name)), 'no ", Stadt" suffixes left');
  const sum = list
    .filter((m) => m.districtArs === lk?.ars && m.ags !== null && m.kind !== MunicipalityKind.LANDKREIS)
    .reduce((total, m) => total + (m.population ?? 0), 0);
  check(lk?.population === sum, 'Landkreis population is the sum of its Gemeinden');
  for (const m of list) {
    const parent = m.parentArs ? byArs.get(m.parentArs) : null;
    const expectedParentKind = {
      [MunicipalityKind.STADT]: MunicipalityKind.VERBANDSGEMEINDE,
      [MunicipalityKind.ORTSGEMEINDE]: MunicipalityKind.VERBANDSGEMEINDE,
      [MunicipalityKind.VERBANDSGEMEINDE]: MunicipalityKind.LANDKREIS,
      [MunicipalityKind.VERBANDSFREIE_GEMEINDE]: MunicipalityKind.LANDKREIS,
      [MunicipalityKind.LANDKREIS]: undefined,
      [MunicipalityKind.KREISFREIE_STADT]: undefined,
      [MunicipalityKind.GEMEINDEFREIES_GEBIET]: undefined,
    }[m.kind];
    check(parent?.kind === expectedParentKind, `${m.ars} ${m.name}: parent kind ${parent?.kind}`);
    const district = m.districtArs ? byArs.get(m.districtArs) : null;
    if (m.kind !== MunicipalityKind.GEMEINDEFREIES_GEBIET) {
      const ok =
        district?.kind === MunicipalityKind.LANDKREIS || district?.kind === MunicipalityKind.KREISFREIE_STADT;
      check(ok, `${m.ars} ${m.name}: district`);
    }
  }
}

async function checkDatabase(list: MunicipalityRecord[]) {
  let stop = async () => {};
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-reference-data-'));
    fs.chmodSync(dir, 0o777);
    let start = process.hrtime.bigint();
    const embedded = await startEmbeddedPostgres(dir, 55000 + Math.floor(Math.random() * 1000), logger);
    console.log(`embedded PostgreSQL started: ${ms(start)}`);
    serverUrl = embedded.url;
    stop = async () => {
      start = process.hrtime.bigint();
      await embedded.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  const scratch = `hub_reference_${process.pid}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${scratch}`);
  await admin.query(`CREATE DATABASE ${scratch}`);
  const url = new URL(serverUrl);
  url.pathname = `/${scratch}`;
  const dataSource = createDataSource({ url: url.toString() });
  try {
    await dataSource.initialize();
    let start = process.hrtime.bigint();
    await dataSource.runMigrations({ transaction: 'each' });
    console.log(`migrations: ${ms(start)}`);

    start = process.hrtime.bigint();
    const first = await dataSource.transaction((manager) => loadMunicipalities(manager));
    console.log(`loadMunicipalities (empty database): ${JSON.stringify(first)} in ${ms(start)}`);
    check(first.inserted === list.length && first.updated === 0, 'first load inserts everything');

    start = process.hrtime.bigint();
    const second = await dataSource.transaction((manager) => loadMunicipalities(manager));
    console.log(`loadMunicipalities (again):          ${JSON.stringify(second)} in ${ms(start)}`);
    check(second.inserted === 0 && second.updated === 0, 'second load changes nothing');

    // A changed name and a lost parent are repaired by the next load.
    await dataSource.query(`UPDATE municipality SET name = 'x', parent_id = NULL WHERE ags = '07135020'`);
    const third = await dataSource.transaction((manager) => loadMunicipalities(manager));
    console.log(`loadMunicipalities (one row changed): ${JSON.stringify(third)}`);
    check(third.inserted === 0 && third.updated === 1, 'third load repairs one row');

    const [counts] = await dataSource.query(`
      SELECT count(*)::int AS total,
             count(*) FILTER (WHERE parent_id IS NULL)::int AS without_parent,
             count(*) FILTER (WHERE district_id IS NULL)::int AS without_district
        FROM municipality`);
    console.log(`stored: ${JSON.stringify(counts)}`);
    check(counts.total === EXPECTED_TOTAL, 'stored total');
    check(
      counts.without_parent === 24 + 12 + 1 && counts.without_district === 1,
      'stored parents and districts',
    );

    const [kl] = await dataSource.query(`
      SELECT m.name, m.kind, m.ars, m.population, m.area_km2, d.name AS district
        FROM municipality m JOIN municipality d ON d.id = m.district_id WHERE m.ags = '07312000'`);
    console.log(`07312000: ${JSON.stringify(kl)}`);
    check(kl?.name === 'Kaiserslautern' && kl.district === 'Kaiserslautern', 'Kaiserslautern stored');

    const indexes = await dataSource.query(
      `SELECT indexname FROM pg_indexes WHERE tablename = 'municipality' AND indexdef LIKE '%gin_trgm_ops%'`,
    );
    console.log(`trigram indexes on municipality: ${indexes.map((i: { indexname: string }) => i.indexname)}`);
    const search = await dataSource.query(
      `SELECT name, kind FROM municipality WHERE hub_fold(name) LIKE '%' || hub_fold($1) || '%' ORDER BY name LIMIT 5`,
      ['zweibrucken'],
    );
    console.log(`search "zweibrucken": ${search.map((r: { name: string }) => r.name).join(', ')}`);

    start = process.hrtime.bigint();
    const accounts = await dataSource.transaction((manager) => seedDemo(manager));
    console.log(`seedDemo: ${accounts.length} accounts returned in ${ms(start)}`);
    check(accounts.length === DEMO_ACCOUNTS.length, 'seedDemo returns the demo accounts');
    const [demo] = await dataSource.query(
      `
      SELECT (SELECT count(*)::int FROM app_user) AS users,
             (SELECT count(*)::int FROM network_membership WHERE status = $1) AS active_members,
             (SELECT count(*)::int FROM membership_event) AS events,
             (SELECT min(since)::date::text FROM network_membership) AS first_since,
             (SELECT max(since)::date::text FROM network_membership) AS last_since,
             (SELECT min(created_at)::date::text FROM membership_event) AS first_event`,
      [MembershipStatus.ACTIVE],
    );
    console.log(`demo data: ${JSON.stringify(demo)}`);
    check(
      demo.active_members >= 45 && demo.events === demo.active_members * 2,
      'demo memberships with history',
    );
    check(demo.first_event === '2023-01-16' && demo.last_since < '2026', 'demo history dated 2023 to 2025');
    const again = await dataSource.transaction((manager) => seedDemo(manager));
    check(again.length === 0, 'seedDemo refuses when users exist');
    const kinds = await dataSource.query(`
      SELECT m.kind, count(*)::int AS members FROM network_membership n
        JOIN municipality m ON m.id = n.municipality_id GROUP BY m.kind ORDER BY m.kind`);
    console.log(
      `members per kind: ${kinds.map((k: { kind: string; members: number }) => `${k.kind} ${k.members}`).join(', ')}`,
    );
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${scratch}`);
    await admin.end();
    await stop();
  }
}

async function main() {
  const start = process.hrtime.bigint();
  const list = readMunicipalities();
  console.log(`parsed the Gemeindeverzeichnis in ${ms(start)}`);
  checkDirectory(list);
  if (process.argv.includes('--db')) await checkDatabase(list);
  if (failures) {
    console.error(`${failures} check(s) failed.`);
    process.exitCode = 1;
  } else {
    console.log('All checks passed.');
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
