import { randomUUID } from 'node:crypto';
import { fromGlobalId, toGlobalId } from '../../packages/api/src/graphql/relay';

/** Global IDs (graphql/relay.ts) are kept once encoded: the same ID reads the same, also past the bound. */
describe('global IDs', () => {
  it('are the base64url of "Type:id", the same when encoded again, and decode to type and id', () => {
    const id = randomUUID();
    const expected = Buffer.from(`Project:${id}`, 'utf8').toString('base64url');
    expect(toGlobalId('Project', id)).toBe(expected);
    expect(toGlobalId('Project', id)).toBe(expected);
    expect(toGlobalId('Municipality', id)).toBe(Buffer.from(`Municipality:${id}`).toString('base64url'));
    expect(fromGlobalId(expected)).toEqual({ type: 'Project', id });
  });

  it('stay right for more IDs than are kept', () => {
    const ids = Array.from({ length: 10_050 }, () => randomUUID());
    for (const id of [...ids, ...ids.slice(0, 100)])
      expect(fromGlobalId(toGlobalId('Meeting', id))).toEqual({ type: 'Meeting', id });
  });
});
