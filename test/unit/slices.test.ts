// Linting in slices (the editor's way): the same reading and the same findings as linting in one go,
// pauses at every step when asked, and a stop at the first pause once the lint is cancelled.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseDocument, type YAMLError } from 'yaml';
import { generateArchitecture } from '../../bench/generate';
import { parseDocumentSteps, YAML_OPTIONS } from '../../src/core/document/yaml';
import { lint, lintInSlices, type LintResult } from '../../src/core/lint';
import { runSteps } from '../../src/core/steps';
import { assertSameData } from '../support/same-data';
import { filesUnder } from '../support/files';

const ROOT = join(__dirname, '..', '..');

/** Texts the parser must read the same either way: every example and fixture, and awkward cases. */
const texts: [string, string][] = [
  ...[...filesUnder(join(ROOT, 'examples'), /\.ya?ml$/), ...filesUnder(join(ROOT, 'test', 'fixtures'), /\.ya?ml$/)].map((path): [string, string] => [path.slice(ROOT.length + 1), readFileSync(path, 'utf8')]),
  ['empty', ''],
  ['two documents', 'dbarch: 1\n---\nname: x\n'],
  ['an unclosed quote', 'dbarch: 1\nname: "shop\n'],
  ['a bad indent', 'dbarch: 1\n  name: x\n bad: y\n'],
  ['tabs', 'a:\n\tb: 1\n'],
  ['anchors and merge keys', 'base: &b { engine: postgres }\ndatabases:\n  orders:\n    <<: *b\n    service: rds\n'],
  ['a block scalar', 'description: |\n  line one\n  # not a comment\nname: x\n'],
  // What toJS does that the tree walk hands back to it, or must copy exactly.
  ['inherited and duplicate keys', '__proto__: 1\ntoString: 2\na: 1\nb: { c: 1 }\na: { d: 2 }\n'],
  ['keys of every scalar type', '1: a\n1.0: b\nnull: c\n~: d\ntrue: e\n0x10: f\n"": g\n: h\n'],
  ['missing values', 'a:\nb: [1, 2, ]\nc: { d, e: }\nf:\n  - \n  - x\n'],
  ['a merge key', '<<: { a: 1 }\nb: 2\n'],
  ['a quoted merge key', '"<<": 1\n'],
  ['a collection as a key', '? [a, b]\n: 1\n'],
  ['a pair in a flow sequence', 'x: [a: 1, b]\n'],
  ['tagged collections', 'a: !!map { b: 1 }\nc: !custom [1]\nd: !!str 5\n'],
  ['YAML 1.1 types', '%YAML 1.1\n---\nday: 2001-12-14\nset: !!set { a, b }\nbin: !!binary aGVsbG8=\n'],
  ['scalars at the top', '42\n'],
  ['a generated file of 200 databases', generateArchitecture({ databases: 200, seed: 3 })],
];

test('the parse driven token by token reads every text exactly as parseDocument does', () => {
  assert.ok(texts.length > 400, `only ${texts.length} texts`);
  for (const [name, text] of texts) {
    const expected = parseDocument(text, YAML_OPTIONS);
    const actual = runSteps(parseDocumentSteps(text));
    const errors = (document: { errors: YAMLError[]; warnings: YAMLError[] }): unknown => [document.errors, document.warnings].map((list) => list.map((error) => [error.code, error.pos, error.message]));
    assert.deepEqual(errors(actual), errors(expected), `${name}: problems`);
    assert.deepEqual(actual.toJS({ maxAliasCount: -1 }), expected.toJS({ maxAliasCount: -1 }), `${name}: data`);
    assert.deepEqual(actual.range, expected.range, `${name}: range`);
    if (expected.errors.length === 0) assert.equal(String(actual), String(expected), `${name}: the document written back`);
  }
});

test('the data read from every text is what toJS gives, key order included', () => {
  for (const [name, text] of texts) assertSameData(text, name);
  // toJS throws on a merge key on a scalar; the reading must throw the same (the lint reports it).
  assertSameData('<<: 1\n', 'a merge key on a scalar');
});

/** What a lint result says, for comparison (the document and model are compared through it). */
function summary(result: LintResult | undefined): unknown {
  assert.ok(result);
  return { findings: result.findings, environment: result.environment, nodes: result.topology?.nodes, edges: result.topology?.edges };
}

test('a lint in slices gives exactly the findings and Topology of a lint in one go', async () => {
  const cases: [string, string][] = [
    ...readdirSync(join(ROOT, 'examples'))
      .filter((name) => /\.dbarch\.(yaml|json)$/.test(name))
      .map((name): [string, string] => [name, readFileSync(join(ROOT, 'examples', name), 'utf8')]),
    ['generated.dbarch.yaml', generateArchitecture({ databases: 120, seed: 5 })],
    ['broken.dbarch.yaml', 'dbarch: 1\nname: "x\n'],
  ];
  for (const [fileName, text] of cases) {
    let pauses = 0;
    const sliced = await lintInSlices(text, { fileName }, { sliceMs: 0, pause: async () => void pauses++ });
    assert.deepEqual(summary(sliced), summary(lint(text, { fileName })), fileName);
    assert.ok(pauses >= 2, `${fileName}: ${pauses} pauses`);
  }
});

test('a large file pauses within the parse, not only between stages', async () => {
  const text = generateArchitecture({ databases: 200, seed: 1 });
  let pauses = 0;
  await lintInSlices(text, { fileName: 'a.dbarch.yaml' }, { sliceMs: 0, pause: async () => void pauses++ });
  // The stages and the rules give the same pause points for any file that parses; the parse adds one
  // per 2,000 tokens (a 200-database file has about 100,000).
  let small = 0;
  await lintInSlices('dbarch: 1\nname: x\n', { fileName: 'a.dbarch.yaml' }, { sliceMs: 0, pause: async () => void small++ });
  assert.ok(pauses >= small + 20, `${pauses} pauses for 200 databases, ${small} for two lines`);
});

test('a cancelled lint stops at its next pause and resolves to undefined', async () => {
  const text = generateArchitecture({ databases: 100, seed: 2 });
  let pauses = 0;
  const result = await lintInSlices(text, { fileName: 'a.dbarch.yaml' }, { sliceMs: 0, pause: async () => void pauses++, cancelled: () => pauses >= 3 });
  assert.equal(result, undefined);
  assert.equal(pauses, 3);
});

test('without a slice length set, a small file is linted without a pause', async () => {
  let pauses = 0;
  const result = await lintInSlices('dbarch: 1\nname: x\nenvironment: development\n', { fileName: 'a.dbarch.yaml' }, { sliceMs: 60_000, pause: async () => void pauses++ });
  assert.equal(pauses, 0);
  assert.ok(result);
});

test('the default pause lets timers and other events run between slices', async () => {
  let timerRan = false;
  setTimeout(() => {
    timerRan = true;
  }, 0);
  // Every step is a slice; a timer set before the lint runs at one of its pauses.
  const result = await lintInSlices(generateArchitecture({ databases: 20, seed: 4 }), { fileName: 'a.dbarch.yaml' }, { sliceMs: 0 });
  assert.ok(result);
  assert.ok(timerRan);
});
