/**
 * Whether a build is current, by its stamp: the content hash of the files the build read, and their
 * stat signature (names, sizes, modification times). While the signature is as it was at the last
 * build, the contents are taken to be too (as make does), and their hash, reading ~5 MB (a tenth
 * of a second of every restart), is not computed; once a file changed (an edit, a checkout, a
 * touch), the content hash decides, so a touched file alone does not cause a build.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** The files under `entry` (a file or folder, relative to `root`), sorted; none when it is missing. */
export function files(root, entry) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return [];
  if (!fs.statSync(full).isDirectory()) return [entry];
  return fs
    .readdirSync(full)
    .sort()
    .flatMap((name) => files(root, path.join(entry, name)));
}

function contentHash(root, list) {
  const hash = createHash('sha256');
  for (const file of list) {
    hash.update(file);
    hash.update('\0');
    hash.update(fs.readFileSync(path.join(root, file)));
  }
  return hash.digest('hex');
}

function statSignature(root, list) {
  const hash = createHash('sha256');
  for (const file of list) {
    const { size, mtimeMs } = fs.statSync(path.join(root, file));
    hash.update(`${file}\0${size}\0${mtimeMs}\0`);
  }
  return hash.digest('hex');
}

/**
 * The state of the inputs (files and folders under `root`) against the stamp file: `current` when
 * they are what the last stamped build read; `save()` stamps them (after a build, or to note a
 * new signature of unchanged contents).
 */
export function sourceStamp(root, inputs, stampFile) {
  const list = inputs.flatMap((entry) => files(root, entry));
  const signature = statSignature(root, list);
  const [hash = null, stampedSignature = null] = fs.existsSync(stampFile)
    ? fs.readFileSync(stampFile, 'utf8').trim().split('\n')
    : [];
  const sameSignature = hash !== null && signature === stampedSignature;
  const current = sameSignature ? hash : contentHash(root, list);
  return {
    current: current === hash,
    signatureChanged: !sameSignature,
    save: () => fs.writeFileSync(stampFile, `${current}\n${signature}\n`),
  };
}
