// Finding architecture files and their configuration on disk.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { CONFIG_FILE_NAME } from '../core/config';
import { lint, type LintResult } from '../core/lint';
import type { Architecture } from '../core/model/model';
import type { Topology } from '../core/topology/topology';
import type { CliIo } from './main';

/** The file names dbarch lints when it searches a directory. */
export const ARCHITECTURE_FILE_GLOB = '**/*.dbarch.{yaml,yml,json}';

const IGNORED = ['**/node_modules/**', '**/.git/**'];

/** Expands paths, directories and globs into architecture files; reports arguments that match nothing. */
export function collectFiles(inputs: readonly string[], cwd: string): { files: string[]; unmatched: string[] } {
  const files = new Set<string>();
  const unmatched: string[] = [];
  for (const input of inputs) {
    const absolute = resolve(cwd, input);
    let matches: string[] = [];
    if (existsSync(absolute)) {
      const stats = statSync(absolute);
      matches = stats.isDirectory() ? globSync(ARCHITECTURE_FILE_GLOB, { cwd: absolute, absolute: true, ignore: IGNORED, dot: false }) : [absolute];
    } else if (isDynamicPattern(input)) {
      matches = globSync(input, { cwd, absolute: true, ignore: IGNORED });
    }
    if (matches.length === 0) unmatched.push(input);
    for (const match of matches.sort()) files.add(resolve(match));
  }
  return { files: [...files], unmatched };
}

/** The nearest `.dbarch.json` at or above a file's folder, or undefined. */
export function findConfigFile(file: string, cache = new Map<string, string | undefined>()): string | undefined {
  const visited: string[] = [];
  let directory = dirname(file);
  for (;;) {
    if (cache.has(directory)) {
      const found = cache.get(directory);
      for (const seen of visited) cache.set(seen, found);
      return found;
    }
    visited.push(directory);
    const candidate = join(directory, CONFIG_FILE_NAME);
    if (existsSync(candidate) && statSync(candidate).isFile()) {
      for (const seen of visited) cache.set(seen, candidate);
      return candidate;
    }
    const parent = dirname(directory);
    if (parent === directory) {
      for (const seen of visited) cache.set(seen, undefined);
      return undefined;
    }
    directory = parent;
  }
}

/** Reads a text file as UTF-8, or returns the reason it cannot be read. */
export function readText(file: string): { text: string } | { error: string } {
  try {
    if (statSync(file).isDirectory()) return { error: 'it is a directory' };
    return { text: readFileSync(file, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { error: 'no such file' };
    if (code === 'EACCES') return { error: 'permission denied' };
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** A file's path as the user reads it: relative to the working folder when it is inside it. */
export function display(file: string, cwd: string): string {
  const path = relative(cwd, file);
  return path && !path.startsWith('..') ? path.split(sep).join('/') : file;
}

/** A linted architecture file whose model and topology could be built. */
export interface ReadArchitecture {
  file: string;
  /** The path as the user reads it. */
  shown: string;
  result: LintResult & { model: Architecture; topology: Topology };
}

/**
 * Reads and lints one file for a command that works on its model (diagram, capacity, simulate). When it
 * cannot (unreadable: exit 2; syntax errors: exit 1), says why on stderr and returns the exit code;
 * `cannot` words the second case ("shop.dbarch.yaml cannot be drawn").
 */
export function readArchitecture(path: string, io: CliIo, cannot: (shown: string) => string): ReadArchitecture | number {
  const file = resolve(io.cwd, path);
  const shown = display(file, io.cwd);
  const read = readText(file);
  if ('error' in read) {
    io.stderr(`dbarch: cannot read ${shown}: ${read.error}.\n`);
    return 2;
  }
  const result = lint(read.text, { fileName: file });
  if (!result.model || !result.topology) {
    io.stderr(`dbarch: ${cannot(shown)} until its syntax errors are fixed:\n`);
    for (const finding of result.findings.filter((item) => item.severity === 'error')) {
      io.stderr(`  ${finding.range.start.line + 1}:${finding.range.start.character + 1}  ${finding.message}\n`);
    }
    return 1;
  }
  return { file, shown, result: result as ReadArchitecture['result'] };
}
