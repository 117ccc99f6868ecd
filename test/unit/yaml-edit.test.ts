// Reading a YAML file again after an edit (src/core/document/yaml-edit.ts): whether it parses only the
// edited item or the whole text, the document must be exactly what a whole parse gives: the data (key
// order included), the problems, the comments and the place of every value.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { generateArchitecture } from '../../bench/generate';
import { parseSource, toPointer, type PathSegment, type SourceDocument } from '../../src/core/document';
import { lint, sizeLimitResult } from '../../src/core/lint';
import { keyOrder } from '../support/same-data';
import { filesUnder } from '../support/files';
import { edit, random } from '../support/edits';

const ROOT = join(__dirname, '..', '..');

/** Every path to a value in some data, the root included. */
function pathsOf(value: unknown, path: PathSegment[] = [], out: PathSegment[][] = []): PathSegment[][] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((item, index) => pathsOf(item, [...path, index], out));
  else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) pathsOf(item, [...path, key], out);
  return out;
}

/** Asserts that a document read in pieces is what a whole read gives. */
function assertSameDocument(actual: SourceDocument, expected: SourceDocument, name: string): void {
  assert.deepEqual(actual.value, expected.value, `${name}: data`);
  assert.deepEqual(keyOrder(actual.value), keyOrder(expected.value), `${name}: key order`);
  assert.deepEqual(actual.problems, expected.problems, `${name}: problems`);
  assert.deepEqual(actual.duplicateKeys, expected.duplicateKeys, `${name}: duplicate keys`);
  assert.deepEqual(actual.comments, expected.comments, `${name}: comments`);
  assert.equal(actual.lines.lineCount, expected.lines.lineCount, `${name}: lines`);
  for (let line = 0; line < expected.lines.lineCount; line++) assert.equal(actual.lines.lineStart(line), expected.lines.lineStart(line), `${name}: line ${line + 1}`);
  for (const path of pathsOf(expected.value)) {
    const where = `${name}: ${toPointer(path) || '/'}`;
    for (const part of ['key', 'value', 'auto'] as const) assert.deepEqual(actual.locate(path, part), expected.locate(path, part), `${where} (${part})`);
    assert.deepEqual(actual.locate([...path, 'missing']), expected.locate([...path, 'missing']), `${where}/missing`);
    assert.deepEqual(actual.mapping(path), expected.mapping(path), `${where} (mapping)`);
  }
}

/** Freezes data all the way down, so that a lint that changed the data it shares with the next read would throw. */
function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const item of Object.values(value)) deepFreeze(item);
}

const texts: [string, string][] = [
  ...[...filesUnder(join(ROOT, 'examples'), /\.ya?ml$/), ...filesUnder(join(ROOT, 'test', 'fixtures'), /\.ya?ml$/)].map((path): [string, string] => [path.slice(ROOT.length + 1), readFileSync(path, 'utf8')]),
  ['generated, 20 databases', generateArchitecture({ databases: 20, seed: 7 })],
  ['generated, 60 databases', generateArchitecture({ databases: 60, seed: 3 })],
  ['generated, 10 databases, CRLF line breaks', generateArchitecture({ databases: 10, seed: 4 }).replace(/\n/g, '\r\n')],
];

test('a read after each of thousands of edits is the read of the whole text, and most edits parse only their item', () => {
  let edits = 0;
  let inPieces = 0;
  for (const [index, [name, original]] of texts.entries()) {
    const next = random(index + 1);
    // Each edit is made to the last text that read without problems, as a user fixes a typo before
    // going on: a read with problems is never built on, so a chain of broken texts would test little.
    let clean = parseSource(original, 'yaml');
    const rounds = name.startsWith('generated') ? 60 : 12;
    for (let round = 0; round < rounds; round++) {
      const text = edit(clean.text, next);
      const label = `${name}, edit ${round + 1}`;
      deepFreeze(clean.value);
      const reread = parseSource(text, 'yaml', clean);
      assertSameDocument(reread, parseSource(text, 'yaml'), label);
      edits++;
      if (reread.readInPieces) inPieces++;
      if (reread.problems.length === 0) clean = reread;
    }
  }
  console.log(`yaml edits: ${edits}, read in pieces: ${inPieces}`);
  // Random edits break the file often (a stray quote, a tab, an outdent); the test below types as a user does.
  assert.ok(inPieces > edits * 0.2, `only ${inPieces} of ${edits} edits were read in pieces`);
});

test('a lint that builds on the last one finds what a lint from scratch finds', () => {
  let edits = 0;
  let inPieces = 0;
  for (const [index, [name, original]] of texts.entries()) {
    if (!name.startsWith('examples') && !name.startsWith('generated')) continue;
    const next = random(100 + index);
    // As the editor does: each lint builds on the last read without problems.
    let clean = lint(original).document;
    for (let round = 0; round < 25; round++) {
      const text = edit(clean.text, next);
      deepFreeze(clean.value);
      const result = lint(text, { earlier: clean });
      assert.deepEqual(result.findings, lint(text).findings, `${name}, edit ${round + 1}`);
      edits++;
      if (result.document.readInPieces) inPieces++;
      if (result.document.problems.length === 0) clean = result.document;
    }
  }
  assert.ok(inPieces > edits * 0.2, `only ${inPieces} of ${edits} lints built on the last one`);
});

test('a lint given a read of its very text uses it instead of parsing again, and finds the same', () => {
  const text = readFileSync(join(__dirname, '..', '..', 'examples', 'shop.dbarch.yaml'), 'utf8');
  const edited = text.replace('engine: postgres', 'engine: postgresql');
  const read = parseSource(edited, 'yaml', lint(text).document);
  assert.ok(read.readInPieces, 'the read built on the earlier one');
  const result = lint(edited, { read });
  assert.equal(result.document, read);
  assert.deepEqual(result.findings, lint(edited).findings);
  // A read of another text, or of the same text in another notation, is not used.
  assert.notEqual(lint(text, { read }).document, read);
  assert.deepEqual(lint(text, { read }).findings, lint(text).findings);
  assert.notEqual(lint(edited, { read, language: 'json' }).document, read);
});

test('an edit inside one item is read in pieces; an edit that reaches outside it is read whole', () => {
  const base = [
    'dbarch: 1',
    'name: shop',
    'databases:',
    '  orders:',
    '    service: rds',
    '    engine: postgres',
    '    notes: |',
    '      # not a comment',
    '  # between the two',
    '  carts:',
    '    service: dynamodb',
    'items:',
    '  - a: 1',
    '  - b: 2',
    '',
  ].join('\n');
  const cases: [string, string, string, boolean][] = [
    ['a value typed into a database', base, base.replace('engine: postgres', 'engine: postgresql'), true],
    ['a database renamed', base, base.replace('  orders:', '  order-db:'), true],
    ['a list item changed', base, base.replace('- a: 1', '- a: 12'), true],
    ['a comment between two items', base, base.replace('# between the two', '# between'), true],
    ['a block scalar edited', base, base.replace('# not a comment', '# still not a comment'), true],
    ['a line added at the end of a list item', base, base.replace('  - a: 1\n', '  - a: 1\n    c: 3\n'), true],
    ['a line added at the end of a database', base, base.replace('      # not a comment\n', '      # not a comment\n    port: 5432\n'), true],
    ['a line deleted at the end of a database', base.replace('      # not a comment\n', '      # not a comment\n    port: 5432\n'), base, true],
    ['a line break typed in CRLF text', base.replace(/\n/g, '\r\n'), base.replace(/\n/g, '\r\n').replace('engine: postgres', 'engine: postgres\r\n    port: 5432'), true],
    ['a database renamed to the name of another', base, base.replace('  carts:', '  orders:'), false],
    ['a database added', base, base.replace('  carts:', '  payments:\n    service: rds\n  carts:'), false],
    ['a top-level value', base, base.replace('name: shop', 'name: shops'), false],
    ['a line outdented to the top level', base, base.replace('    engine: postgres', 'engine: postgres'), false],
    ['a document marker', base, base.replace('    engine: postgres', '---\n    engine: postgres'), false],
    ['an alias', base, base.replace('engine: postgres', 'engine: *e'), false],
    ['a key written twice', base, base.replace('engine: postgres', 'engine: postgres\n    engine: mysql'), false],
    ['a directive before the content', '%YAML 1.1\n---\n' + base, '%YAML 1.1\n---\n' + base.replace('engine: postgres', 'engine: yes'), false],
  ];
  // Edits that a piece read alone would read differently from the whole file (found by an adversarial review).
  const tricky: [string, string, string][] = [
    ['a blank line, then content left of the column', 'x:\n  a: 1\n  b: 2\ny: 1\n', 'x:\n  a: 1\n \nb: 2\ny: 1\n'],
    ['the same with CRLF', 'x:\r\n  a: 1\r\n  b: 2\r\ny: 1\r\n', 'x:\r\n  a: 1\r\n\r\nb: 2\r\ny: 1\r\n'],
    ['a comment line, then content left of the column', 'x:\n  a: 1\n  b: 2\ny: 1\n', 'x:\n  a: 1\n#\nb: 2\ny: 1\n'],
    ['the first item pushed to the next line', 'x:\n  a: 1\n  b: 2\n', 'x:\n \na: 1\n  b: 2\n'],
    ['an explicit key left of the column', 'x:\n    a: 1\n    b: 2\n', 'x:\n    a: 1\n   \n? b\n: 2\n'],
    ['an empty key', 'd:\n  a: 1\n  b: 2\n', 'd:\n  a: 1\n  : 2\n'],
    ['an empty top-level key after the edited list', 'd:\n  - b\n  - c\n:\n', 'd:\n  - b\n  - cc\n    \n:\n'],
    ['a comment at column 0 before a list item\'s value', 'x:\n  - a\n  - k: v\n  - c\n', 'x:\n  - a\n  - k:\n\n# c\n      v\n  - c\n'],
    ['a comment at column 0 before a mapping item\'s value', 'x:\n  a: 1\n  b: v\n  c: 1\n', 'x:\n  a: 1\n  b:\n\n# c\n    v\n  c: 1\n'],
    ['a comment after a tab', 'x:\n  a: 1\n  b: v\n  c: 1\n', 'x:\n  a: 1\n  b:\n  \t# c\n    v\n  c: 1\n'],
    ['a comment in a compact list', 'x:\n- a\n- k: v\n- c\nz: 1\n', 'x:\n- a\n- k:\n\n#\n   v\n- c\nz: 1\n'],
    ['an explicit block scalar key', 'databases:\n  a: 1\n  b: 2\n', 'databases:\n  a: 1\n  ? |\n    # x\n  : 2\n'],
    ['an explicit quoted key over lines', 'databases:\n  a: 1\n  b: 2\n', 'databases:\n  a: 1\n  ? "b\n    # x\n    c"\n  : 2\n'],
  ];
  for (const [name, before, after] of tricky) cases.push([name, before, after, false]);
  for (const [name, before, after, expected] of cases) {
    const reread = parseSource(after, 'yaml', parseSource(before, 'yaml'));
    assertSameDocument(reread, parseSource(after, 'yaml'), name);
    assert.equal(reread.readInPieces, expected, `${name}: read in pieces`);
  }
  // The same text again (settings changed) keeps the earlier read; the stand-in for a file over the
  // size limit parsed nothing, so a read never builds on it.
  const again = parseSource(base, 'yaml', parseSource(base, 'yaml'));
  assertSameDocument(again, parseSource(base, 'yaml'), 'the same text again');
  const limited = sizeLimitResult(base, { fileName: 'shop.dbarch.yaml', limitKB: 0 }).document;
  assertSameDocument(parseSource(base, 'yaml', limited), parseSource(base, 'yaml'), 'after a file over the size limit');
  // A read in pieces builds on another read in pieces, edit after edit.
  let earlier = parseSource(base, 'yaml');
  let text = base;
  for (const letter of 'ql') {
    text = text.replace('engine: postgres', `engine: postgres${letter}`);
    earlier = parseSource(text, 'yaml', earlier);
    assert.ok(earlier.readInPieces);
    assertSameDocument(earlier, parseSource(text, 'yaml'), `typed ${letter}`);
  }
});

test('typing at the end of any value of the examples reads in pieces, every time', () => {
  let typed = 0;
  for (const path of filesUnder(join(ROOT, 'examples'), /\.ya?ml$/)) {
    const original = readFileSync(path, 'utf8');
    const earlier = parseSource(original, 'yaml');
    // Every plain `key: value` line inside an item (indented at least twice), with no comment after it.
    for (const match of original.matchAll(/^ {4,}[A-Za-z]+: [A-Za-z0-9][^#{}[\]\n]*$/gm)) {
      const at = match.index + match[0].length;
      const text = original.slice(0, at) + 'x' + original.slice(at);
      const where = `${path.slice(ROOT.length + 1)}: x after ${match[0].trim()}`;
      const reread = parseSource(text, 'yaml', earlier);
      assertSameDocument(reread, parseSource(text, 'yaml'), where);
      assert.ok(reread.readInPieces, `${where}: read whole`);
      typed++;
    }
  }
  assert.ok(typed > 100, `only ${typed} values typed into`);
});
