// The files of a folder and its subfolders whose names match, for tests that run over every example and fixture.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The paths of the files under `directory` (at any depth) whose names match `pattern`. */
export function filesUnder(directory: string, pattern: RegExp): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return filesUnder(path, pattern);
    return pattern.test(entry.name) ? [path] : [];
  });
}
