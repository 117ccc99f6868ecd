// Composing a YAML file in steps (src/core/document/yaml-compose.ts): whether the large sections are
// composed a batch of items at a time or the file in one call, the document must be the one the `yaml`
// package's parseDocument gives: every node, range, comment, error and warning.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseDocument, Parser, type Document } from 'yaml';
import { generateArchitecture } from '../../bench/generate';
import { parseDocumentSteps, YAML_OPTIONS } from '../../src/core/document/yaml';
import { composeDocumentSteps, ITEMS_PER_STEP } from '../../src/core/document/yaml-compose';
import { filesUnder } from '../support/files';
import { edit, random } from '../support/edits';

const ROOT = join(__dirname, '..', '..');

/**
 * The document composed in steps of `itemsPerStep` items, and how many pause points it gave (none when
 * composed in one call). Batches of one to three items put the seams between the items of every
 * example and fixture, and of small files that are quick to parse thousands of times.
 */
function composedInSteps(text: string, itemsPerStep = ITEMS_PER_STEP): { document: Document.Parsed; pauses: number } {
  const tokens = [...new Parser().parse(text)];
  const steps = composeDocumentSteps(tokens, text.length, YAML_OPTIONS, itemsPerStep);
  let pauses = 0;
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return { document: step.value, pauses };
    pauses++;
  }
}

/**
 * The first place two values differ: same class, same own enumerable properties in any order, compared
 * in depth (the `yaml` nodes keep their schema in a property that is not enumerable). Undefined when
 * they agree.
 * assert.deepStrictEqual says the same, but takes a hundred times longer on trees of this size.
 */
function difference(actual: unknown, expected: unknown, path = ''): string | undefined {
  if (Object.is(actual, expected)) return undefined;
  if (typeof actual !== 'object' || typeof expected !== 'object' || actual === null || expected === null) return `${path}: ${String(actual)} is not ${String(expected)}`;
  if (Object.getPrototypeOf(actual) !== Object.getPrototypeOf(expected)) return `${path}: another class`;
  if (actual instanceof Error && expected instanceof Error && actual.message !== expected.message) return `${path}: "${actual.message}" is not "${expected.message}"`;
  const keys = Object.keys(actual).sort();
  const expectedKeys = Object.keys(expected).sort();
  if (keys.length !== expectedKeys.length || keys.some((key, index) => key !== expectedKeys[index])) return `${path}: properties ${keys.join(',')} are not ${expectedKeys.join(',')}`;
  for (const key of keys) {
    const found = difference((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${path}.${key}`);
    if (found) return found;
  }
  return undefined;
}

/** Asserts that a document is the one parseDocument makes of the text. */
function assertAsParsed(actual: Document.Parsed, text: string, name: string): void {
  const expected = parseDocument(text, YAML_OPTIONS);
  const parts = (document: Document.Parsed) => ({
    contents: document.contents,
    range: document.range,
    errors: document.errors,
    warnings: document.warnings,
    comment: document.comment,
    commentBefore: document.commentBefore,
  });
  assert.equal(difference(parts(actual), parts(expected)), undefined, name);
}

/**
 * A comment line at an indent of 0, 2 or 4 before a random line: after a section's last item the
 * composer reads such lines as an item of their own, which batches must not split from the rest.
 */
function commentLine(text: string, next: () => number): string {
  const at = text.lastIndexOf('\n', Math.floor(next() * text.length)) + 1;
  return `${text.slice(0, at)}${' '.repeat(2 * Math.floor(next() * 3))}# c\n${text.slice(at)}`;
}

test('every example, fixture and generated file composes in steps to what parseDocument gives', () => {
  for (const file of filesUnder(ROOT, /\.ya?ml$/).filter((path) => /[/\\](examples|test[/\\]fixtures)[/\\]/.test(path))) {
    const text = readFileSync(file, 'utf8');
    for (const itemsPerStep of [1, 2, 3, ITEMS_PER_STEP]) assertAsParsed(composedInSteps(text, itemsPerStep).document, text, `${file}, ${itemsPerStep} a step`);
  }
  for (const databases of [ITEMS_PER_STEP + 1, 200]) {
    for (const seed of [1, 2]) {
      const text = generateArchitecture({ databases, seed });
      const { document, pauses } = composedInSteps(text);
      assertAsParsed(document, text, `${databases} databases, seed ${seed}`);
      // The databases section alone takes two batches or more.
      assert.ok(pauses >= Math.ceil(databases / ITEMS_PER_STEP), `${databases} databases: composed in ${pauses + 1} steps`);
    }
  }
});

test('a file with 1,000 databases never holds the parse for one whole composition', () => {
  // The read's steps, from the parser's tokens to the walk of the tree: none composes more than a batch.
  const text = generateArchitecture({ databases: 1_000, seed: 3 });
  const steps = parseDocumentSteps(text);
  let pauses = 0;
  let step = steps.next();
  for (; !step.done; step = steps.next()) pauses++;
  assertAsParsed(step.value, text, '1,000 databases');
  // Every database, application and migration batch pauses once, on top of the parser's pauses.
  assert.ok(pauses > 1_000 / ITEMS_PER_STEP, `${pauses} pauses`);
});

test('1,500 randomly edited files compose in steps to what parseDocument gives, most of them in pieces', () => {
  const next = random(20261128);
  const base = generateArchitecture({ databases: 8, seed: 5 });
  let inPieces = 0;
  const runs = 1_500;
  for (let run = 0; run < runs; run++) {
    let text = base;
    for (let edits = 1 + Math.floor(next() * 3); edits > 0; edits--) text = next() < 0.3 ? commentLine(text, next) : edit(text, next);
    const { document, pauses } = composedInSteps(text, 1 + (run % 3));
    assertAsParsed(document, text, `edited file ${run}`);
    if (pauses > 0) inPieces++;
  }
  assert.ok(inPieces > runs / 2, `${inPieces} of ${runs} edited files composed in pieces`);
});

test('comment lines, anchors and document markers: a section is composed in pieces unless something in it reads across its items', () => {
  const base = generateArchitecture({ databases: 12, seed: 2 });
  const migrations = base.indexOf('\nmigrations:\n');
  assert.ok(migrations > base.indexOf('\ndatabases:\n'), 'the databases come before the migrations');
  const basePauses = composedInSteps(base, 3).pauses;
  assert.ok(basePauses > 12 / 3, 'the generated file is composed in pieces');
  // How each file is composed: every large section in pieces, the databases section in one call with
  // the rest of the document, or the whole file in one call.
  const cases: { name: string; text: string; composed: 'in pieces' | 'databases whole' | 'whole' | 'any' }[] = [
    { name: 'a document start marker', text: `---\n${base}`, composed: 'in pieces' },
    // Commented-out lines after the last database belong to the databases mapping as an item of their own.
    { name: 'comment lines after the last database', text: `${base.slice(0, migrations)}\n  # old-orders:\n  #   service: rds\n${base.slice(migrations)}`, composed: 'in pieces' },
    { name: 'an anchor in one database and its alias in another', text: base.replace(/\n {4}service: rds\n/, '\n    service: &rds rds\n').replace(/(\n {4}service: )rds\n(?![^]*service: rds\n)/, '$1*rds\n'), composed: 'in pieces' },
    { name: 'an anchor on the databases section', text: base.replace('\ndatabases:\n', '\ndatabases: &all\n'), composed: 'databases whole' },
    { name: 'a tag on the databases section', text: base.replace('\ndatabases:\n', '\ndatabases: !!map\n'), composed: 'databases whole' },
    { name: 'a %YAML directive', text: `%YAML 1.2\n---\n${base}`, composed: 'whole' },
    { name: 'a second document', text: `${base}---\nname: other\n`, composed: 'whole' },
    // The first batch that has an error ends the attempt; here it is the first one.
    { name: 'a syntax error in the first application', text: base.replace(/\n {4}connects:\n/, '\n    connects: [x\n'), composed: 'whole' },
    { name: 'a syntax error in one database', text: base.replace(/\n {4}service: rds\n/, '\n    service: [rds\n'), composed: 'any' },
  ];
  for (const { name, text, composed } of cases) {
    assert.notEqual(text, base, `${name}: the file is changed`);
    const { document, pauses } = composedInSteps(text, 3);
    assertAsParsed(document, text, name);
    const actual = pauses === 0 ? 'whole' : pauses < basePauses ? 'databases whole' : 'in pieces';
    if (composed !== 'any') assert.equal(actual, composed, `${name}: ${pauses} pauses, ${basePauses} for the generated file`);
  }
});
