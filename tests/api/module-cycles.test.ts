import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Modules import one way and through each other's public face: no folder under
 * packages/api/src/modules may reach itself through imports of other modules, and no module
 * imports another's files.
 */

const MODULES = join(__dirname, '../../packages/api/src/modules');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** module → the other modules it imports from. */
function moduleGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const module of readdirSync(MODULES)) {
    const targets = new Set<string>();
    for (const file of files(join(MODULES, module))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/from '\.\.\/([a-z-]+)(?:\/[^']*)?'/g)) {
        if (match[1] !== module) targets.add(match[1]);
      }
    }
    graph.set(module, targets);
  }
  return graph;
}

/** Every elementary cycle, each written from its alphabetically first module. */
function cycles(graph: Map<string, Set<string>>): string[] {
  const found = new Set<string>();
  const walk = (start: string, node: string, path: string[]) => {
    for (const next of graph.get(node) ?? []) {
      if (next === start) {
        const ring = [...path];
        const first = ring.indexOf([...ring].sort()[0]);
        const rotated = [...ring.slice(first), ...ring.slice(0, first)];
        found.add([...rotated, rotated[0]].join(' -> '));
      } else if (!path.includes(next) && next > start) {
        walk(start, next, [...path, next]);
      }
    }
  };
  for (const module of graph.keys()) walk(module, module, [module]);
  return [...found].sort();
}

it('no module reaches itself through other modules', () => {
  const graph = moduleGraph();
  expect(graph.size).toBeGreaterThan(8);
  expect(cycles(graph)).toEqual([]);
});

it('modules use each other only through their public face (index.ts)', () => {
  const deep: string[] = [];
  for (const module of readdirSync(MODULES)) {
    for (const file of files(join(MODULES, module))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/from '(\.\.\/[a-z-]+\/[^']+)'/g)) {
        deep.push(`${file.slice(MODULES.length + 1)} imports ${match[1]}`);
      }
    }
  }
  expect(deep).toEqual([]);
});

it('finds a cycle when there is one', () => {
  const graph = new Map([
    ['a', new Set(['b'])],
    ['b', new Set(['c'])],
    ['c', new Set(['a'])],
  ]);
  expect(cycles(graph)).toEqual(['a -> b -> c -> a']);
});
