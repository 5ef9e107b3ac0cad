/**
 * Derives `data/openthesaurus/synonyms-de.txt` and `words-de.txt` from the OpenThesaurus text export:
 *   tsx src/scripts/derive-thesaurus.ts /path/to/openthesaurus.txt
 * Keeps single-word terms (letters and hyphens, 3+ characters) and drops colloquial, vulgar,
 * pejorative, dated and jocular terms: synonyms found for a search must be words a municipal
 * project would use. Qualifiers such as "(fachspr.)" are removed from kept terms. Synonym sets
 * left with fewer than two terms are dropped. Output: one set per line, terms separated by `;`.
 * `words-de.txt` lists every single word of the thesaurus (any register, one per line): the parts
 * German compounds are split into ("Straße" is in no synonym set, but in "Straßensanierung").
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DROPPED_QUALIFIER =
  /ugs|vulg|derb|abwertend|veraltet|scherzh|salopp|Jargon|fig\.|selten|landschaftl|regional|österr|schweiz|süddt|norddt|bayr|derogativ|Slang|Szene|historisch|Kindersprache|Gaunersprache|poetisch|geh\./i;
const SINGLE_WORD = /^[\p{L}][\p{L}-]*[\p{L}]$/u;

export function deriveSynonymSets(source: string): string[][] {
  const sets: string[][] = [];
  for (const line of source.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const terms = new Set<string>();
    for (const raw of line.split(';')) {
      const qualifiers = [...raw.matchAll(/\(([^)]*)\)/g)].map((m) => m[1] ?? '');
      if (qualifiers.some((q) => DROPPED_QUALIFIER.test(q))) continue;
      const term = raw.replace(/\([^)]*\)/g, '').trim();
      if (term.length >= 3 && SINGLE_WORD.test(term)) terms.add(term);
    }
    if (terms.size >= 2) sets.push([...terms]);
  }
  return sets;
}

/** Every single word of 3+ letters, qualifiers removed, sorted. */
export function deriveWords(source: string): string[] {
  const words = new Set<string>();
  for (const line of source.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    for (const raw of line.split(';')) {
      const term = raw.replace(/\([^)]*\)/g, '').trim();
      if (term.length >= 3 && /^\p{L}+$/u.test(term)) words.add(term);
    }
  }
  return [...words].sort();
}

if (require.main === module) {
  const source = process.argv[2];
  if (!source) throw new Error('usage: derive-thesaurus.ts /path/to/openthesaurus.txt');
  const sets = deriveSynonymSets(readFileSync(source, 'utf8'));
  const header = [
    '# Derived from OpenThesaurus (www.openthesaurus.de), text export of 2016-04-24.',
    '# Copyright (C) 2003-2014 Daniel Naber and the OpenThesaurus contributors.',
    '# Licence: GNU LGPL 2.1 or later (LICENSE-LGPL-2.1). Derived by src/scripts/derive-thesaurus.ts.',
  ];
  const target = join(__dirname, '../../data/openthesaurus/synonyms-de.txt');
  writeFileSync(target, `${[...header, ...sets.map((s) => s.join(';'))].join('\n')}\n`);
  console.log(`${sets.length} synonym sets written to ${target}`);
  const words = deriveWords(readFileSync(source, 'utf8'));
  const wordsTarget = join(__dirname, '../../data/openthesaurus/words-de.txt');
  writeFileSync(wordsTarget, `${[...header, ...words].join('\n')}\n`);
  console.log(`${words.length} words written to ${wordsTarget}`);
}
