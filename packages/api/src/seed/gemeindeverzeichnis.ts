import fs from 'node:fs';
import path from 'node:path';
import { MunicipalityKind } from '@hub/shared';
import { parse } from 'csv-parse/sync';

/**
 * Reads the Gemeindeverzeichnis of Rheinland-Pfalz (Destatis, dl-de/by-2-0) and turns it into the
 * municipality directory. Pure: no database access, see reference-data.ts for loading.
 */

/** The register shipped with the API (src/seed and dist/seed both sit two levels below it). */
export const GEMEINDEVERZEICHNIS_PATH = path.join(
  __dirname,
  '..',
  '..',
  'data',
  'gemeindeverzeichnis-rlp.csv',
);

/** One row of the register, with numbers parsed; keys keep their fixed-width string form. */
export interface RegisterRecord {
  /** satzart: 10 Land, 20 former Regierungsbezirk, 40 Kreis, 50 Gemeindeverband, 60 Gemeinde. */
  recordType: number;
  /** textkennzeichen: e.g. 41 kreisfreie Stadt, 44 Landkreis, 53 Verbandsgemeinde, 64 Gemeinde. */
  subtype: number | null;
  land: string;
  rb: string;
  kreis: string;
  vb: string;
  gemeinde: string;
  name: string;
  areaKm2: number | null;
  population: number | null;
  postcode: string | null;
  longitude: number | null;
  latitude: number | null;
}

/** A municipality ready to be stored; parent and district are referenced by ARS. */
export interface MunicipalityRecord {
  ars: string;
  ags: string | null;
  name: string;
  kind: MunicipalityKind;
  isTown: boolean;
  parentArs: string | null;
  districtArs: string | null;
  population: number | null;
  areaKm2: number | null;
  postcode: string | null;
  latitude: number | null;
  longitude: number | null;
}

type RawRow = Record<string, string>;

/** `100 030` → 100030; empty → null. */
export function parseInteger(value: string | undefined, field = 'value'): number | null {
  const text = (value ?? '').replace(/\s/g, '');
  if (text === '') return null;
  if (!/^\d+$/.test(text)) throw new Error(`${field}: not an integer: ${JSON.stringify(value)}`);
  return Number(text);
}

/** `63.38`, `7,768864` or `1 084,5` → a number; empty → null. */
export function parseDecimal(value: string | undefined, field = 'value'): number | null {
  const text = (value ?? '').replace(/\s/g, '').replace(',', '.');
  if (text === '') return null;
  if (!/^-?\d+(\.\d+)?$/.test(text))
    throw new Error(`${field}: not a decimal number: ${JSON.stringify(value)}`);
  return Number(text);
}

const SUBTYPES_BY_RECORD_TYPE: Record<number, (number | null)[]> = {
  10: [null],
  20: [null],
  40: [41, 44],
  50: [50, 53],
  60: [61, 63, 64, 66],
};

/** Parses the register's CSV text into typed rows; throws on anything it does not understand. */
export function parseGemeindeverzeichnis(csv: string): RegisterRecord[] {
  const rows = parse(csv, { columns: true, bom: true, skip_empty_lines: true }) as RawRow[];
  return rows.map((row, index) => {
    const line = index + 2; // the header is line 1
    const field = (name: string) => `line ${line}, ${name}`;
    const recordType = parseInteger(row.satzart, field('satzart'));
    const subtype = parseInteger(row.textkennzeichen, field('textkennzeichen'));
    if (recordType === null || !SUBTYPES_BY_RECORD_TYPE[recordType]?.includes(subtype)) {
      throw new Error(`line ${line}: unknown record type ${row.satzart}/${row.textkennzeichen}`);
    }
    let longitude = parseDecimal(row.laengengrad, field('laengengrad'));
    let latitude = parseDecimal(row.breitengrad, field('breitengrad'));
    // The German-Luxembourg condominium has "0,0" for a position: that means none.
    if (longitude === 0 && latitude === 0) longitude = latitude = null;
    const postcode = (row.postleitzahl ?? '').trim() || null;
    if (postcode !== null && !/^\d{5}$/.test(postcode))
      throw new Error(`${field('postleitzahl')}: ${postcode}`);
    return {
      recordType,
      subtype,
      land: (row.land ?? '').trim(),
      rb: (row.rb ?? '').trim(),
      kreis: (row.kreis ?? '').trim(),
      vb: (row.vb ?? '').trim(),
      gemeinde: (row.gemeinde ?? '').trim(),
      name: (row.gemeindename ?? '').trim(),
      areaKm2: parseDecimal(row.flaeche, field('flaeche')),
      population: parseInteger(row.bevoelkerung, field('bevoelkerung')),
      postcode,
      longitude,
      latitude,
    };
  });
}

/** "Kaiserslautern, kreisfreie Stadt" / "Mayen, Stadt" → "Kaiserslautern" / "Mayen"; isTown keeps the rest. */
function withoutTownSuffix(name: string): string {
  return name.replace(/, (kreisfreie )?Stadt$/, '');
}

/*
 * Names. `name` is the register's name without ", Stadt" / ", kreisfreie Stadt" (town rights are
 * in isTown, the kind in kind). Landkreise and Verbandsgemeinden are named after their main town,
 * so the register's bare name would be ambiguous in every list and search ("Kaiserslautern" the
 * city and the Landkreis, "Cochem" the town and the VG). They get their legal name instead:
 * "Landkreis Kaiserslautern" (unless the name already says Kreis: "Rhein-Pfalz-Kreis",
 * "Eifelkreis Bitburg-Prüm"), "Verbandsgemeinde Cochem".
 */
function landkreisName(name: string): string {
  return /kreis/i.test(name) ? name : `Landkreis ${name}`;
}

function verbandsgemeindeName(name: string): string {
  return /^Verbandsgemeinde /.test(name) ? name : `Verbandsgemeinde ${name}`;
}

const kreisArs = (r: RegisterRecord) => `${r.land}${r.rb}${r.kreis}0000000`;
const verbandArs = (r: RegisterRecord) => `${r.land}${r.rb}${r.kreis}${r.vb}000`;
const gemeindeArs = (r: RegisterRecord) => `${r.land}${r.rb}${r.kreis}${r.vb}${r.gemeinde}`;
const verbandKey = (r: RegisterRecord) => `${r.land}${r.rb}${r.kreis}${r.vb}`;
const kreisKey = (r: RegisterRecord) => `${r.land}${r.rb}${r.kreis}`;

/**
 * Builds the directory: Landkreise, Verbandsgemeinden and every Gemeinde (kreisfreie Städte
 * included, one row each, with the data of their Gemeinde record).
 *
 * Parents: Stadt/Ortsgemeinde → Verbandsgemeinde → Landkreis; verbandsfreie Gemeinde → Landkreis.
 * districtId is the Landkreis or kreisfreie Stadt everything lies in, for those two themselves
 * too, so "everything in district X" is one equality. The condominium has neither.
 * The register gives population and area only for Gemeinden; Landkreise and Verbandsgemeinden get
 * the sums of their Gemeinden, and no postcode or position.
 */
export function buildMunicipalities(records: RegisterRecord[]): MunicipalityRecord[] {
  const kreise = new Map<string, RegisterRecord>();
  const verbaende = new Map<string, RegisterRecord>();
  for (const r of records) {
    if (r.recordType === 40) kreise.set(kreisKey(r), r);
    if (r.recordType === 50) verbaende.set(verbandKey(r), r);
  }

  const landkreise: MunicipalityRecord[] = [];
  const verbandsgemeinden: MunicipalityRecord[] = [];
  const gemeinden: MunicipalityRecord[] = [];
  for (const r of records) {
    if (r.recordType === 40 && r.subtype === 44) {
      const ars = kreisArs(r);
      const ags = `${r.land}${r.rb}${r.kreis}000`;
      landkreise.push(association(ars, ags, landkreisName(r.name), MunicipalityKind.LANDKREIS, null, ars));
    } else if (r.recordType === 50 && r.subtype === 53) {
      const name = verbandsgemeindeName(r.name);
      const kreis = kreisArs(r);
      verbandsgemeinden.push(
        association(verbandArs(r), null, name, MunicipalityKind.VERBANDSGEMEINDE, kreis, kreis),
      );
    } else if (r.recordType === 60) {
      gemeinden.push(gemeinde(r));
    }
  }

  /** A Landkreis or Verbandsgemeinde; population and area are summed up below. */
  function association(
    ars: string,
    ags: string | null,
    name: string,
    kind: MunicipalityKind,
    parentArs: string | null,
    districtArs: string,
  ): MunicipalityRecord {
    return {
      ars,
      ags,
      name,
      kind,
      isTown: false,
      parentArs,
      districtArs,
      population: 0,
      areaKm2: 0,
      postcode: null,
      latitude: null,
      longitude: null,
    };
  }

  function gemeinde(r: RegisterRecord): MunicipalityRecord {
    const ars = gemeindeArs(r);
    const ags = `${r.land}${r.rb}${r.kreis}${r.gemeinde}`;
    const data = {
      ars,
      ags,
      name: withoutTownSuffix(r.name),
      isTown: r.subtype === 61 || r.subtype === 63,
      population: r.population,
      areaKm2: r.areaKm2,
      postcode: r.postcode,
      latitude: r.latitude,
      longitude: r.longitude,
    };
    if (r.subtype === 66) {
      // gemeindefreies Gebiet: outside every Kreis in RLP (the German-Luxembourg condominium)
      const kreis = kreise.get(kreisKey(r));
      const district = kreis?.subtype === 44 ? kreisArs(r) : null;
      return {
        ...data,
        kind: MunicipalityKind.GEMEINDEFREIES_GEBIET,
        parentArs: district,
        districtArs: district,
      };
    }
    const kreis = kreise.get(kreisKey(r));
    if (!kreis) throw new Error(`${ars} ${r.name}: no Kreis record ${kreisKey(r)}`);
    if (r.subtype === 61) {
      if (kreis.subtype !== 41) throw new Error(`${ars} ${r.name}: kreisfreie Stadt inside a Landkreis`);
      return { ...data, kind: MunicipalityKind.KREISFREIE_STADT, parentArs: null, districtArs: ars };
    }
    if (kreis.subtype !== 44) throw new Error(`${ars} ${r.name}: Gemeinde directly in a kreisfreie Stadt`);
    const verband = verbaende.get(verbandKey(r));
    if (!verband) throw new Error(`${ars} ${r.name}: no Gemeindeverband record ${verbandKey(r)}`);
    const district = kreisArs(r);
    if (verband.subtype === 50) {
      return {
        ...data,
        kind: MunicipalityKind.VERBANDSFREIE_GEMEINDE,
        parentArs: district,
        districtArs: district,
      };
    }
    const kind = r.subtype === 63 ? MunicipalityKind.STADT : MunicipalityKind.ORTSGEMEINDE;
    return { ...data, kind, parentArs: verbandArs(r), districtArs: district };
  }

  const all = [...landkreise, ...verbandsgemeinden, ...gemeinden];
  const byArs = new Map<string, MunicipalityRecord>();
  for (const m of all) {
    if (!/^\d{12}$/.test(m.ars)) throw new Error(`${m.name}: malformed ARS ${m.ars}`);
    if (m.ags !== null && !/^\d{8}$/.test(m.ags)) throw new Error(`${m.name}: malformed AGS ${m.ags}`);
    if (byArs.has(m.ars)) throw new Error(`duplicate ARS ${m.ars}: ${byArs.get(m.ars)?.name} and ${m.name}`);
    byArs.set(m.ars, m);
  }
  for (const m of all) {
    for (const ref of [m.parentArs, m.districtArs]) {
      if (ref !== null && !byArs.has(ref))
        throw new Error(`${m.ars} ${m.name}: unknown parent or district ${ref}`);
    }
  }
  // Sum population and area upwards (Gemeinde → VG, Gemeinde and VG → Landkreis via districtArs).
  for (const m of gemeinden) {
    const targets = new Set([m.parentArs, m.districtArs]);
    targets.delete(m.ars);
    for (const ars of targets) {
      const target = ars === null ? undefined : byArs.get(ars);
      if (
        !target ||
        (target.kind !== MunicipalityKind.LANDKREIS && target.kind !== MunicipalityKind.VERBANDSGEMEINDE)
      ) {
        continue;
      }
      target.population = (target.population ?? 0) + (m.population ?? 0);
      target.areaKm2 = (target.areaKm2 ?? 0) + (m.areaKm2 ?? 0);
    }
  }
  for (const m of [...landkreise, ...verbandsgemeinden]) {
    if (m.areaKm2 !== null) m.areaKm2 = Math.round(m.areaKm2 * 100) / 100;
  }
  return all;
}

/** Reads and builds the directory from the register file shipped with the API. */
export function readMunicipalities(file = GEMEINDEVERZEICHNIS_PATH): MunicipalityRecord[] {
  return buildMunicipalities(parseGemeindeverzeichnis(fs.readFileSync(file, 'utf8')));
}
