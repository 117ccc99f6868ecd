// Fixes never lose what the user wrote. Every quick fix offered on every rule fixture and example, in
// YAML and written as JSON, is applied and the result checked: it parses; every comment is still there,
// byte for byte; every line the fix's edits do not touch is unchanged and in place; the finding is gone;
// the fix is not offered again; and applying all of a file's fixes at once (what `dbarch lint --fix`
// and "Fix all" do) parses and resolves them all.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { Lexer, parse } from 'yaml';
import { applyEdits, nonOverlappingEdits } from '../../src/core/fixes';
import type { Finding, TextEdit } from '../../src/core/findings';
import { lint } from '../../src/core/lint';
import { filesUnder } from '../support/files';

const root = join(__dirname, '..', '..');

/** Every comment of a YAML text, as written (the lexer knows a `#` in a string from a comment). */
function comments(text: string): string[] {
  return [...new Lexer().lex(text)].filter((token) => token.startsWith('#')).sort();
}

/** The text's lines that no edit touches, as [line number, text]. */
function untouchedLines(text: string, edits: readonly TextEdit[]): [number, string][] {
  const kept: [number, string][] = [];
  let offset = 0;
  text.split('\n').forEach((line, index) => {
    const start = offset;
    const end = offset + line.length;
    offset = end + 1;
    // An edit touches a line when it overlaps it or inserts at its start, inside it or at its end.
    if (!edits.some((edit) => edit.span.start <= end && edit.span.end >= start)) kept.push([index, line]);
  });
  return kept;
}

/** Where each untouched line of the original is in the fixed text: the same text, in the same order. */
function assertUntouchedLinesKept(original: string, fixed: string, edits: readonly TextEdit[], title: string): void {
  const fixedLines = fixed.split('\n');
  let cursor = 0;
  for (const [index, line] of untouchedLines(original, edits)) {
    while (cursor < fixedLines.length && fixedLines[cursor] !== line) cursor++;
    assert.ok(cursor < fixedLines.length, `${title}: line ${index + 1} (${JSON.stringify(line)}) is gone or moved`);
    cursor++;
  }
}

interface Case {
  name: string;
  fileName: string;
  text: string;
}

const yamlCases: Case[] = [...filesUnder(join(root, 'test', 'fixtures', 'rules'), /\.dbarch\.ya?ml$/), ...filesUnder(join(root, 'examples'), /\.dbarch\.ya?ml$/)].map((path) => ({
  name: path.slice(root.length + 1),
  fileName: path.slice(path.lastIndexOf('/') + 1),
  text: readFileSync(path, 'utf8'),
}));

/** The same designs written as JSON (where the YAML parses to a JSON-able document). */
const jsonCases: Case[] = yamlCases.flatMap((item) => {
  if (lint(item.text, { fileName: item.fileName }).document.hasSyntaxErrors) return [];
  try {
    return [{ name: `${item.name} as JSON`, fileName: item.fileName.replace(/\.ya?ml$/, '.json'), text: JSON.stringify(parse(item.text), null, 2) + '\n' }];
  } catch {
    return [];
  }
});

let fixesApplied = 0;
let filesWithFixes = 0;

function sameFinding(a: Finding, b: Finding): boolean {
  return a.ruleId === b.ruleId && a.pointer === b.pointer;
}

describe('every quick fix on every fixture and example', () => {
  for (const item of [...yamlCases, ...jsonCases]) {
    const before = lint(item.text, { fileName: item.fileName }).findings;
    const fixable = before.filter((finding) => finding.fix);
    if (fixable.length === 0) continue;
    filesWithFixes++;
    test(item.name, () => {
      const originalComments = comments(item.text);
      for (const finding of fixable) {
        const { title, edits } = finding.fix!;
        const fixed = applyEdits(item.text, edits);
        const after = lint(fixed, { fileName: item.fileName });
        assert.ok(!after.document.hasSyntaxErrors, `${title}: the fixed file parses`);
        assert.deepEqual(comments(fixed), originalComments, `${title}: every comment kept byte for byte`);
        assertUntouchedLinesKept(item.text, fixed, edits, title);
        assert.ok(!after.findings.some((other) => sameFinding(other, finding)), `${title}: the finding is gone`);
        const offeredAgain = after.findings.find((other) => other.fix?.title === title && other.pointer === finding.pointer);
        assert.equal(offeredAgain, undefined, `${title}: not offered again (applying it twice changes nothing)`);
        fixesApplied++;
      }

      // All at once, as `dbarch lint --fix` and "Fix all" apply them.
      const edits = nonOverlappingEdits(fixable);
      const fixedAll = applyEdits(item.text, edits);
      const afterAll = lint(fixedAll, { fileName: item.fileName });
      assert.ok(!afterAll.document.hasSyntaxErrors, 'all fixes at once: the file parses');
      assert.deepEqual(comments(fixedAll), originalComments, 'all fixes at once: every comment kept');
      assertUntouchedLinesKept(item.text, fixedAll, edits, 'all fixes at once');
    });
  }

  test('counts', () => {
    assert.ok(fixesApplied > 100, `only ${fixesApplied} fixes applied`);
    console.log(`fixes round-tripped: ${fixesApplied} in ${filesWithFixes} files (${yamlCases.length} YAML files, ${jsonCases.length} as JSON)`);
  });
});
