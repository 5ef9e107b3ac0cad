import { randomBytes } from 'node:crypto';

/**
 * A value of a GraphQL result that is JSON text already (an answer PostgreSQL built for a
 * projected selection): `stringifyResult` writes the text into the response as it is, instead of
 * parsing it into objects for `JSON.stringify` to write them out again. Anything else that
 * serialises the result (`JSON.stringify`) gets the parsed value through `toJSON`, so the text is
 * only ever an optimisation. Code that reads a result's values in-process sees a RawJson.
 */
export class RawJson {
  constructor(readonly text: string) {}

  toJSON(): unknown {
    if (!splicing) return JSON.parse(this.text);
    splicing.push(this.text);
    return `${MARK}${splicing.length - 1}`;
  }
}

/**
 * The texts met by the running `stringifyResult` (JSON.stringify is synchronous: one at a time).
 * Each RawJson stands in the output as a mark string until the texts replace the marks: a NUL
 * character (which no text from PostgreSQL can hold) and a number unknown outside this process.
 */
let splicing: string[] | null = null;
const MARK = `\u0000raw-json-${randomBytes(8).toString('hex')}:`;
// As JSON.stringify writes the mark: quoted, the NUL escaped.
const WRITTEN_MARK = new RegExp(`"${JSON.stringify(MARK).slice(1, -1).replace(/\\/g, '\\\\')}(\\d+)"`, 'g');

/** `JSON.stringify(value)` with every RawJson in it written as its text. */
export function stringifyResult(value: unknown): string {
  const texts: string[] = [];
  splicing = texts;
  let json: string;
  try {
    json = JSON.stringify(value);
  } finally {
    splicing = null;
  }
  return texts.length ? json.replace(WRITTEN_MARK, (_, i: string) => texts[Number(i)]) : json;
}
