// `pnpm start` builds only when the build's inputs changed (scripts/source-stamp.mjs): the stat
// signature spares a restart the content hash, and the content hash decides once a file was touched.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const stampModule = path.resolve(__dirname, '../../scripts/source-stamp.mjs');

/** What `sourceStamp` says about the folder's inputs now; with `save`, it also stamps them. */
function stampOf(root: string, save = false): { current: boolean; signatureChanged: boolean } {
  const script = `
    import { sourceStamp } from ${JSON.stringify(stampModule)};
    const state = sourceStamp(${JSON.stringify(root)}, ['src', 'package.json', 'missing'], ${JSON.stringify(path.join(root, 'stamp'))});
    if (${save}) state.save();
    console.log(JSON.stringify({ current: state.current, signatureChanged: state.signatureChanged }));`;
  return JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }),
  );
}

describe('the build stamp of pnpm start', () => {
  let root: string;
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };
  const setTime = (file: string, seconds: number) => fs.utimesSync(path.join(root, file), seconds, seconds);

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-stamp-'));
    write('package.json', '{}');
    write('src/a.ts', 'export const a = 1;');
    write('src/deep/b.ts', 'export const b = 2;');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('is not current without a stamp, and current once stamped', () => {
    expect(stampOf(root)).toEqual({ current: false, signatureChanged: true });
    stampOf(root, true);
    expect(stampOf(root)).toEqual({ current: true, signatureChanged: false });
  });

  it('builds for a changed, added or removed file', () => {
    stampOf(root, true);
    write('src/a.ts', 'export const a = 10;');
    expect(stampOf(root).current).toBe(false);
    stampOf(root, true);
    write('src/deep/c.ts', 'export const c = 3;');
    expect(stampOf(root).current).toBe(false);
    stampOf(root, true);
    fs.rmSync(path.join(root, 'src/deep/c.ts'));
    expect(stampOf(root).current).toBe(false);
  });

  it('does not build for a touched file whose content is unchanged, and notes its new signature', () => {
    setTime('src/a.ts', 1_700_000_000);
    stampOf(root, true);
    setTime('src/a.ts', 1_700_000_100);
    expect(stampOf(root)).toEqual({ current: true, signatureChanged: true });
    stampOf(root, true);
    expect(stampOf(root)).toEqual({ current: true, signatureChanged: false });
  });

  it('reads the contents only when the signature changed (like make: same size and time, same file)', () => {
    setTime('src/a.ts', 1_700_000_000);
    stampOf(root, true);
    // Same size, time put back: the signature cannot tell, and the stamp is trusted.
    write('src/a.ts', 'export const a = 9;');
    setTime('src/a.ts', 1_700_000_000);
    expect(stampOf(root).current).toBe(true);
    // Once the time differs, the content hash finds the change.
    setTime('src/a.ts', 1_700_000_001);
    expect(stampOf(root).current).toBe(false);
  });

  it('still reads a stamp written before the signature was kept (the hash alone)', () => {
    stampOf(root, true);
    const [hash] = fs.readFileSync(path.join(root, 'stamp'), 'utf8').split('\n');
    fs.writeFileSync(path.join(root, 'stamp'), `${hash}\n`);
    expect(stampOf(root)).toEqual({ current: true, signatureChanged: true });
  });
});
