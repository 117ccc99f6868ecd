// Finding architecture files and their configuration on disk.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { CONFIG_FILE_NAME } from '../core/config';
import * as l10n from '../core/l10n';
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

/**
 * Reads a text file as UTF-8, or returns the reason it cannot be read. A file that is not UTF-8 is
 * refused rather than read with replacement characters: a `--fix` would write those back and lose the
 * original bytes.
 */
export function readText(file: string): { text: string } | { error: string } {
  try {
    if (statSync(file).isDirectory()) return { error: l10n.t`it is a directory` };
    const bytes = readFileSync(file);
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { error: l10n.t`it is UTF-16 text; save it as UTF-8` };
    const invalid = firstInvalidUtf8(bytes);
    if (invalid !== undefined) {
      const line = bytes.subarray(0, invalid).filter((byte) => byte === 0x0a).length + 1;
      return { error: l10n.t('it is not UTF-8 text (an invalid byte on line {line}); save it as UTF-8', { line }) };
    }
    return { text: bytes.toString('utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { error: l10n.t`no such file` };
    if (code === 'EACCES') return { error: l10n.t`permission denied` };
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** The offset of the first byte that is not part of a valid UTF-8 sequence, if any. */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  for (let index = 0; index < bytes.length; ) {
    const lead = bytes[index];
    if (lead < 0x80) {
      index++;
      continue;
    }
    // The sequence length and the range of its second byte (no overlong forms, no surrogates, <= U+10FFFF).
    const [length, low, high] =
      lead >= 0xc2 && lead <= 0xdf ? [2, 0x80, 0xbf]
      : lead === 0xe0 ? [3, 0xa0, 0xbf]
      : (lead >= 0xe1 && lead <= 0xec) || lead === 0xee || lead === 0xef ? [3, 0x80, 0xbf]
      : lead === 0xed ? [3, 0x80, 0x9f]
      : lead === 0xf0 ? [4, 0x90, 0xbf]
      : lead >= 0xf1 && lead <= 0xf3 ? [4, 0x80, 0xbf]
      : lead === 0xf4 ? [4, 0x80, 0x8f]
      : [0, 0, 0];
    if (length === 0 || index + length > bytes.length) return index;
    if (bytes[index + 1] < low || bytes[index + 1] > high) return index;
    for (let next = index + 2; next < index + length; next++) if (bytes[next] < 0x80 || bytes[next] > 0xbf) return index;
    index += length;
  }
  return undefined;
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
 * `cannot` words the second case ("shop.dbarch.yaml cannot be drawn"), already in the chosen language.
 */
export function readArchitecture(path: string, io: CliIo, cannot: (shown: string) => string): ReadArchitecture | number {
  const file = resolve(io.cwd, path);
  const shown = display(file, io.cwd);
  const read = readText(file);
  if ('error' in read) {
    io.stderr(`dbarch: ${l10n.t('cannot read {file}: {error}.', { file: shown, error: read.error })}\n`);
    return 2;
  }
  const result = lint(read.text, { fileName: file });
  if (!result.model || !result.topology) {
    io.stderr(`dbarch: ${l10n.t('{cannot} until its syntax errors are fixed:', { cannot: cannot(shown) })}\n`);
    for (const finding of result.findings.filter((item) => item.severity === 'error')) {
      io.stderr(`  ${finding.range.start.line + 1}:${finding.range.start.character + 1}  ${finding.message}\n`);
    }
    return 1;
  }
  return { file, shown, result: result as ReadArchitecture['result'] };
}
