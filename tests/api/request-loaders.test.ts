import type { DataSource } from 'typeorm';
import { Loaders, NOT_PRIMED, partitionedLoader } from '../../packages/api/src/graphql/loaders';

/**
 * A request's loaders (graphql/loaders.ts): a value read along with a page is primed, and the
 * loader answers it without a batch, whether the loader existed before the priming or not.
 */
describe('the request loaders', () => {
  let batches: string[][];
  const byId = partitionedLoader<string, string>(
    () => 'one batch',
    (id) => id,
    async (_dataSource, ids) => {
      batches.push([...ids]);
      return ids.map((id) => `loaded ${id}`);
    },
  );
  const loadersOfRequest = () => new Loaders({} as DataSource);
  beforeEach(() => {
    batches = [];
  });

  it('answer primed values without a batch when the loader is first used after the priming', async () => {
    const loaders = loadersOfRequest();
    loaders.prime(byId, 'a', 'primed a');
    loaders.prime(byId, 'b', 'primed b');
    loaders.prime(byId, 'a', 'primed a again');
    expect(loaders.primed(byId, 'a')).toBe('primed a again');
    expect(loaders.primed(byId, 'c')).toBe(NOT_PRIMED);
    expect(await loaders.get(byId).loadMany(['a', 'b', 'c'])).toEqual([
      'primed a again',
      'primed b',
      'loaded c',
    ]);
    expect(batches).toEqual([['c']]);
  });

  it('replace what an existing loader holds for a key primed again', async () => {
    const loaders = loadersOfRequest();
    expect(await loaders.get(byId).load('a')).toBe('loaded a');
    loaders.prime(byId, 'a', 'primed a');
    expect(await loaders.get(byId).load('a')).toBe('primed a');
    expect(loaders.primed(byId, 'a')).toBe('primed a');
    expect(batches).toEqual([['a']]);
  });

  it('refuse every use, priming too, once stopped', () => {
    const loaders = loadersOfRequest();
    const spent = new Error('time budget spent');
    loaders.stop(spent);
    expect(() => loaders.prime(byId, 'a', 'primed a')).toThrow(spent);
    expect(() => loaders.get(byId)).toThrow(spent);
    expect(() => loaders.primed(byId, 'a')).toThrow(spent);
  });
});
