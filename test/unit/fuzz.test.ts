// Property-based tests (fast-check) over mutations of real files: the examples and the rule fixtures
// with lines deleted, values swapped for other types, huge and negative numbers, unicode and
// right-to-left names, duplicated keys, deep nesting and truncation. Whatever the text, the pipeline
// returns findings without throwing and without hanging, every range lies inside the document, a second
// run gives the same output, and the diagram text of whatever topology results is well formed and parses
// with Mermaid's own parser. Generated architectures (bench/generate.ts, random seeds and sizes) go
// through the same checks. `FUZZ_RUNS` sets the cases per property (10,000+ in all by default; `npm run
// fuzz` runs 50,000 each); the seed is printed by fast-check on a failure.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseDocument, type YAMLError } from 'yaml';
import { generateArchitecture } from '../../bench/generate';
import { parseDocumentSteps, YAML_OPTIONS } from '../../src/core/document/yaml';
import { runSteps } from '../../src/core/steps';
import { lint, type LintResult } from '../../src/core/lint';
import { renderDiagram } from '../../src/core/mermaid';
import { buildPreview } from '../../src/core/preview';
import { assertSameData } from '../support/same-data';
import { filesUnder } from '../support/files';

const root = join(__dirname, '..', '..');
const RUNS = Number(process.env.FUZZ_RUNS ?? 4_500);
const GENERATED_RUNS = Math.max(100, Math.round(RUNS / 4));

/**
 * A hang guard, not a speed test: lint takes milliseconds on these sizes, so a case that takes seconds
 * is stuck in a loop or a quadratic step (how the huge replica count was found). Generous so a busy
 * machine never trips it: 3 s, plus 50 ms per KB.
 */
function timeBound(text: string): number {
  return 3_000 + 50 * (text.length / 1024);
}

/** Every distinct diagram the properties drew, parsed with Mermaid after the run. */
const diagrams = new Set<string>();
let cases = 0;

const corpus = [...filesUnder(join(root, 'examples'), /\.dbarch\.(ya?ml|json)$/), ...filesUnder(join(root, 'test', 'fixtures', 'rules'), /\.dbarch\.(ya?ml|json)$/)].map((path) => ({ name: path.slice(root.length + 1), text: readFileSync(path, 'utf8') }));

/** Values that stress types, sizes and text. */
const strangeValue = fc.oneof(
  fc.constantFrom('-1', '0', '1e308', '-1e308', '99999999999999999999', 'NaN', '.inf', '-.inf', 'null', '~', 'true', 'yes', '[]', '{}', '""', "''", '&a x', '*a', '!!binary aGk=', '"\\u0000"'),
  fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }).map(String),
  fc.string({ unit: 'binary', maxLength: 12 }).map((text) => JSON.stringify(text)),
  fc.constantFrom('"주문 DB"', '"שלום"', '"مرحبا"', '"\\u202Eevil\\u202C"', '"<img src=x onerror=alert(1)>"', '"%%{init: {}}%%"', '"]-->x"', '"a\\nb"'),
);

/** One edit of a file's lines. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('value' as const), at: fc.nat(), value: strangeValue }),
  fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), strangeValue, fc.constant('\t- x'), fc.constant('<<: *a')) }),
  fc.record({ kind: fc.constant('nest' as const), at: fc.nat(), depth: fc.integer({ min: 1, max: 400 }) }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(text: string, edit: Mutation): string {
  const lines = text.split('\n');
  const at = lines.length ? edit.at % lines.length : 0;
  switch (edit.kind) {
    case 'delete':
      lines.splice(at, 1);
      break;
    case 'duplicate':
      lines.splice(at, 0, lines[at] ?? '');
      break;
    case 'value': {
      const line = lines[at] ?? '';
      const colon = line.indexOf(': ');
      lines[at] = colon >= 0 ? `${line.slice(0, colon + 2)}${edit.value}` : `${line}${edit.value}`;
      break;
    }
    case 'indent': {
      const line = lines[at] ?? '';
      lines[at] = edit.by >= 0 ? ' '.repeat(edit.by) + line : line.replace(new RegExp(`^ {0,${-edit.by}}`), '');
      break;
    }
    case 'truncate':
      return text.slice(0, edit.at % (text.length + 1));
    case 'insert':
      lines.splice(at, 0, edit.text);
      break;
    case 'nest':
      lines.splice(at, 0, `${'['.repeat(edit.depth)}${']'.repeat(edit.depth)}`);
      break;
  }
  return lines.join('\n');
}

/** Lints the text and checks every property (the one entry point of the properties below). */
function lintAndCheck(text: string, fileName: string): void {
  cases++;
  if (process.env.FUZZ_TRACE) writeFileSync(process.env.FUZZ_TRACE, JSON.stringify({ fileName, text }));
  const started = performance.now();
  const result = lint(text, { fileName });
  const took = performance.now() - started;
  assert.ok(took < timeBound(text), `lint took ${Math.round(took)} ms on ${text.length} characters`);
  check(text, fileName, result);
}

/** The properties every lint result must have. */
function check(text: string, fileName: string, result: LintResult): void {
  const lines = text.split(/\r\n|\r|\n/);
  for (const finding of result.findings) {
    const { start, end } = finding.range;
    assert.ok(start.line >= 0 && start.line < Math.max(1, lines.length), `${finding.ruleId}: start line ${start.line} of ${lines.length}`);
    assert.ok(end.line >= start.line && end.line < Math.max(1, lines.length), `${finding.ruleId}: end line ${end.line}`);
    assert.ok(start.character >= 0 && start.character <= (lines[start.line] ?? '').length, `${finding.ruleId}: start character ${start.character}`);
    assert.ok(finding.span.start >= 0 && finding.span.end <= text.length && finding.span.start <= finding.span.end, `${finding.ruleId}: span ${finding.span.start}-${finding.span.end} of ${text.length}`);
    assert.equal(typeof finding.message, 'string');
    assert.ok(finding.message.length > 0);
    // The driver turns a rule that throws into a finding; for the fuzz that is a failure all the same.
    assert.doesNotMatch(finding.message, /failed on this file/, finding.message);
  }
  if (!fileName.endsWith('.json')) assertSameParse(text);
  const again = lint(text, { fileName });
  assert.deepEqual(
    again.findings.map((finding) => [finding.ruleId, finding.severity, finding.message, finding.span.start, finding.span.end]),
    result.findings.map((finding) => [finding.ruleId, finding.severity, finding.message, finding.span.start, finding.span.end]),
    'a second run gives the same findings',
  );
  if (result.topology) {
    const diagram = renderDiagram(result.topology);
    assertWellFormed(diagram.text);
    diagrams.add(diagram.text);
    buildPreview(result, { force: true });
  }
}

/** The parse the lint drives token by token (so the editor can pause it) reads the text as parseDocument does. */
function assertSameParse(text: string): void {
  let expected;
  try {
    expected = parseDocument(text, YAML_OPTIONS);
  } catch {
    return; // a stack overflow on deep nesting: the lint reports it; there is nothing to compare
  }
  const actual = runSteps(parseDocumentSteps(text));
  const problems = (document: { errors: YAMLError[]; warnings: YAMLError[] }): unknown => [...document.errors, ...document.warnings].map((error) => [error.code, ...error.pos]);
  assert.deepEqual(problems(actual), problems(expected), 'the stepped parse reports the same problems');
  assert.deepEqual(actual.range, expected.range, 'the stepped parse covers the same text');
  // Without aliases the data is small and safe to expand; a bad merge key (`<<: 1`) makes both throw.
  const data = (document: typeof actual): unknown => {
    try {
      return { value: document.toJS() };
    } catch (error) {
      return { error: String(error) };
    }
  };
  if (!text.includes('*') && expected.errors.length === 0) {
    assert.deepEqual(data(actual), data(expected), 'the stepped parse reads the same data');
    assertSameData(text, 'the data the lint reads');
  }
}

/** The Mermaid text's lines are the shapes the renderer writes: no label can end early or start a directive. */
function assertWellFormed(text: string): void {
  const lines = text.trimEnd().split('\n');
  assert.match(lines[0], /^flowchart (LR|TB|RL|BT)$/);
  for (const line of lines.slice(1)) {
    assert.doesNotMatch(line, /%%|^\s*click\b|:::/, line);
    // Outside quoted labels only generated ids, arrows and keywords appear.
    const outside = line.replace(/"[^"]*"/g, '""');
    assert.match(
      outside,
      /^\s*(subgraph r\d+(z\d+)?\[""\]|end|direction (LR|TB|RL|BT)|n\d+\S*""\S*|n\d+ \S+ n\d+|classDef [\w-]+ [\w#:,. -]+|class [\w,]+ [\w-]+|linkStyle [\d,]+ [\w#:,. -]+)$/,
      line,
    );
  }
}

test(`${RUNS} mutated examples and fixtures: findings in range, deterministic, a well-formed diagram, no throw`, () => {
  fc.assert(
    fc.property(fc.constantFrom(...corpus), fc.array(mutation, { minLength: 1, maxLength: 4 }), (file, edits) => {
      const text = edits.reduce(apply, file.text);
      lintAndCheck(text, file.name.endsWith('.json') ? 'fuzz.dbarch.json' : 'fuzz.dbarch.yaml');
    }),
    { numRuns: RUNS, includeErrorInReport: true },
  );
});

test(`${RUNS} random texts read as YAML and as JSON: no throw, findings in range`, () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.boolean(), (text, json) => {
      lintAndCheck(text, json ? 'fuzz.dbarch.json' : 'fuzz.dbarch.yaml');
    }),
    { numRuns: RUNS, includeErrorInReport: true },
  );
});

test(`${GENERATED_RUNS} generated architectures (random seed, 1-60 databases, YAML or JSON), some mutated`, () => {
  fc.assert(
    fc.property(fc.integer(), fc.integer({ min: 1, max: 60 }), fc.boolean(), fc.array(mutation, { maxLength: 2 }), (seed, databases, json, edits) => {
      const format = json ? 'json' : 'yaml';
      const text = edits.reduce(apply, generateArchitecture({ databases, seed, format }));
      lintAndCheck(text, `generated.dbarch.${format}`);
    }),
    { numRuns: GENERATED_RUNS, includeErrorInReport: true },
  );
});

test('every distinct diagram the cases drew parses with Mermaid (the webview\'s own parser)', async () => {
  assert.ok(diagrams.size > 0, 'the properties above drew diagrams');
  const parse = await mermaidParser();
  const failures: string[] = [];
  for (const text of diagrams) {
    try {
      await parse(text);
    } catch (error) {
      failures.push(`${(error as Error).message.split('\n').slice(0, 3).join(' ')}\n${text.slice(0, 2_000)}`);
      if (failures.length >= 3) break;
    }
  }
  assert.deepEqual(failures, []);
  console.log(`fuzz: ${cases} cases, ${diagrams.size} distinct diagrams parsed by Mermaid`);
});

/**
 * Mermaid's `parse` (flowchart grammar, then the same sanitising as the webview, which needs a DOM:
 * jsdom provides one), configured as the preview configures it.
 */
async function mermaidParser(): Promise<(text: string) => Promise<unknown>> {
  const { JSDOM } = await import('jsdom');
  const { window } = new JSDOM('<!doctype html><html><body></body></html>');
  Object.assign(globalThis, { window, document: window.document });
  const { default: mermaid } = await import('mermaid');
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', htmlLabels: false, maxTextSize: 1_000_000, maxEdges: 5_000 });
  return (text) => mermaid.parse(text);
}

test('what the fuzz found: a huge replica count, a null list item, an unclosed JSON object', () => {
  const cache = `dbarch: 1\nname: t\nregion: us-east-1\ndatabases:\n  c:\n    service: elasticache\n    engine: redis\n    nodeType: cache.r7g.large\n    replicasPerShard: 1299856679\n    multiAz: true\n    azs: [us-east-1a, us-east-1b]\n`;
  const huge = lint(cache, { fileName: 'f.dbarch.yaml' });
  const replicas = huge.topology!.nodes.filter((node) => node.kind === 'cache-replica');
  assert.ok(replicas.length <= 8, `${replicas.length} replica nodes`);
  assert.match(replicas[replicas.length - 1].label, /replicas 8-1,299,856,679$/);
  check(cache, 'f.dbarch.yaml', huge);
  const secondary = `dbarch: 1\nname: t\nregion: us-east-1\ndatabases:\n  a:\n    service: aurora\n    engine: aurora-mysql\n    instances:\n      - { name: a-1, role: writer, instanceClass: db.r7g.large }\n    globalDatabase:\n      secondaryRegions:\n        - ~\n        - 7\n`;
  check(secondary, 'f.dbarch.yaml', lint(secondary, { fileName: 'f.dbarch.yaml' }));
  check('{\n  "dbarch": 1,\n', 'f.dbarch.json', lint('{\n  "dbarch": 1,\n', { fileName: 'f.dbarch.json' }));
});
