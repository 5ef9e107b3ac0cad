import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The vehicle-registration codes (Kfz-Kennzeichen) of Rheinland-Pfalz's 24 Landkreise and 12
 * kreisfreie Städte, as directory search aliases: "LU" finds Ludwigshafen am Rhein. The table
 * (data/kfz-kennzeichen-rlp.csv, Kreis key → code) is public knowledge; shared codes (KL, MZ, PS,
 * TR) name both the city and the Landkreis around it.
 */
const TABLE_PATH = path.join(__dirname, '..', '..', '..', 'data', 'kfz-kennzeichen-rlp.csv');

let kreiseByCode: Map<string, string[]> | null = null;

/** "Düw", "DUW" and "DÜW" are the same code. */
const plateKey = (text: string) => text.trim().normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();

function table(): Map<string, string[]> {
  if (kreiseByCode) return kreiseByCode;
  const map = new Map<string, string[]>();
  const [, ...lines] = readFileSync(TABLE_PATH, 'utf8').trim().split('\n');
  for (const line of lines) {
    const [kreis, code] = line.split(',');
    if (!kreis || !code) continue;
    const key = plateKey(code);
    map.set(key, [...(map.get(key) ?? []), kreis]);
  }
  kreiseByCode = map;
  return map;
}

/** The Kreis keys (first five digits of the ARS) a search text names as a registration code. */
export function kreiseForPlateCode(search: string): string[] {
  const key = plateKey(search);
  return /^[A-Z]{1,3}$/.test(key) ? (table().get(key) ?? []) : [];
}
