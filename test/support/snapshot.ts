// Snapshot files: the expected text of an output, stored under test/snapshots/ and reviewed like code.
// `UPDATE_SNAPSHOTS=1` writes them from the current output; without it a missing snapshot fails, so a
// new one is always written on purpose and looked at before it is committed.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The folder of every snapshot. */
export const SNAPSHOTS = join(__dirname, '..', 'snapshots');

/** Whether this run rewrites snapshots instead of checking them. */
export const UPDATING = process.env.UPDATE_SNAPSHOTS === '1';

/** Checks `actual` against the snapshot at `path` (relative to test/snapshots), or rewrites it. */
export function matchSnapshot(actual: string, path: string): void {
  const file = join(SNAPSHOTS, path);
  if (UPDATING) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.ok(existsSync(file), `test/snapshots/${path} does not exist: run the tests with UPDATE_SNAPSHOTS=1, then review and commit it`);
  assert.equal(actual, readFileSync(file, 'utf8'), `test/snapshots/${path} differs: if the change is intended, run with UPDATE_SNAPSHOTS=1 and review the diff`);
}

/** The snapshot files of a folder (relative to test/snapshots), for finding stale ones. */
export function snapshotFiles(folder: string): string[] {
  const directory = join(SNAPSHOTS, folder);
  return existsSync(directory) ? readdirSync(directory).sort() : [];
}
