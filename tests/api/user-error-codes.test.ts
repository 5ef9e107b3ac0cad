import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const apiSource = join(__dirname, '../../packages/api/src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** The codes the API's services pass to `userError(…)` and `fail(…)`. */
function codesSentByTheApi(): string[] {
  const codes = new Set<string>();
  for (const file of sourceFiles(apiSource)) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\b(?:userError|fail)\(\s*'([A-Z_]+)'/g)) {
      codes.add(match[1]);
    }
  }
  return [...codes].sort();
}

/**
 * The web client's one mapping file, read as text: the web package is an ES module that this jest
 * setup does not load, and the list of codes is plain data.
 */
const mappingFile = readFileSync(
  join(__dirname, '../../packages/web/src/errors/userErrorMessages.ts'),
  'utf8',
);
const listedCodes = [
  ...(/userErrorCodes = \[([^\]]*)\]/.exec(mappingFile)?.[1] ?? '').matchAll(/'([A-Z_]+)'/g),
].map((match) => match[1]);
/** Codes with a wording of their own (`CODE: 'key'` or `CODE: (t) => …`) somewhere in the file. */
const wordedCodes = new Set([...mappingFile.matchAll(/^\s+([A-Z_]+): /gm)].map((match) => match[1]));

describe('the web client words every userError code in one file', () => {
  it('lists every code the API sends', () => {
    const sent = codesSentByTheApi();
    expect(sent.length).toBeGreaterThan(30);
    expect(sent.filter((code) => !listedCodes.includes(code))).toEqual([]);
  });

  it('has a wording for every listed code (unknown ones get the general sentence)', () => {
    expect(listedCodes.filter((code) => !wordedCodes.has(code))).toEqual([]);
  });
});
