/**
 * Answers that are JSON text already (raw-json.ts): the response writes them as they are, any
 * other serialisation gets their parsed value, and nothing else in a result can pass for one.
 */
import { RawJson, stringifyResult } from '../../packages/api/src/graphql/raw-json';
import { scriptSafeJson } from '../../packages/api/src/server/first-view';

// As PostgreSQL writes json: spaces around the colons, text as it is.
const card = '{"id" : "UHJvamVjdDox", "title" : "Bürger-App </script> \u2028", "tags" : ["a", "b"]}';

it('writes JSON text into the response as it is, beside the values serialised as ever', () => {
  const result = { data: { projects: { totalCount: 2, edges: new RawJson(`[${card}]`), names: ['x'] } } };
  expect(stringifyResult(result)).toBe(
    `{"data":{"projects":{"totalCount":2,"edges":[${card}],"names":["x"]}}}`,
  );
  // Several texts, in a list and under several keys, each in its place.
  const several = [new RawJson('1'), { a: new RawJson('"zwei"'), b: new RawJson('null') }, new RawJson('[]')];
  expect(stringifyResult(several)).toBe('[1,{"a":"zwei","b":null},[]]');
  expect(JSON.parse(stringifyResult(result))).toEqual(JSON.parse(JSON.stringify(result)));
});

it('gives every other serialisation the parsed value', () => {
  expect(JSON.stringify({ edges: new RawJson(`[${card}]`) })).toBe(
    JSON.stringify({ edges: [JSON.parse(card)] }),
  );
  // Between two responses nothing is left over: a plain stringify after a splicing one parses again.
  stringifyResult({ a: new RawJson('{"b" : 1}') });
  expect(JSON.stringify({ a: new RawJson('{"b" : 1}') })).toBe('{"a":{"b":1}}');
});

it('splices nothing into strings that look like its marks', () => {
  // The marks start with a NUL character, which no text from PostgreSQL holds, and a number unknown outside.
  const lookalikes = ['\u0000raw-json-0000000000000000:0', '"\\u0000raw-json-:0"', 'raw-json-:0'];
  const value = { texts: lookalikes, answer: new RawJson('{"x" : 1}') };
  expect(JSON.parse(stringifyResult(value))).toEqual({ texts: lookalikes, answer: { x: 1 } });
});

it('keeps the first view script-safe for text that came from PostgreSQL as it is', () => {
  const embedded = scriptSafeJson([
    { operationName: 'ProjectsPage', data: { edges: new RawJson(`[${card}]`) } },
  ]);
  expect(embedded).not.toMatch(/<\/script>|\u2028/);
  expect(JSON.parse(embedded)).toEqual([
    { operationName: 'ProjectsPage', data: { edges: [JSON.parse(card)] } },
  ]);
});
