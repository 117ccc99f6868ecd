// Files no one should write, and some will: each gives findings (or none), never a crash, with every
// range inside the text and the same result twice.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lint, sizeLimitResult } from '../../src/core/lint';
import { toMermaid } from '../../src/core/mermaid';

const cases: { name: string; text: string; fileName: string; expect?: RegExp }[] = [
  { name: 'flow nesting 5,000 deep', text: 'a: ' + '['.repeat(5000) + ']'.repeat(5000), fileName: 'a.dbarch.yaml', expect: /nested too deeply/ },
  { name: 'block nesting 3,000 deep', text: Array.from({ length: 3000 }, (_, i) => ' '.repeat(i) + 'k:').join('\n'), fileName: 'a.dbarch.yaml', expect: /nested too deeply/ },
  { name: 'JSON nesting 10,000 deep', text: '{"a":'.repeat(10000) + '1' + '}'.repeat(10000), fileName: 'a.dbarch.json', expect: /nested too deeply/ },
  { name: 'NUL and control bytes', text: 'dbarch: 1\nname: "a\u0000b"\n\u0000\u0001', fileName: 'a.dbarch.yaml' },
  { name: 'binary noise', text: String.fromCharCode(...Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)), fileName: 'a.dbarch.yaml' },
  { name: 'CRLF line ends', text: 'dbarch: 1\r\nname: x\r\nenvironment: development\r\ndatabases:\r\n  orders:\r\n    service: rds\r\n    engine: postgress\r\n', fileName: 'a.dbarch.yaml', expect: /did you mean `postgres`/ },
  { name: '__proto__ and constructor as names', text: 'dbarch: 1\nname: x\ndatabases:\n  __proto__:\n    service: rds\n    engine: postgres\n  constructor:\n    service: rds\n', fileName: 'a.dbarch.yaml', expect: /`__proto__` is not a valid name/ },
  { name: '__proto__ in JSON', text: '{"dbarch":1,"name":"x","__proto__":{"polluted":true}}', fileName: 'a.dbarch.json', expect: /Unknown key `__proto__`/ },
  { name: 'a scalar instead of a mapping', text: '42', fileName: 'a.dbarch.yaml', expect: /must be a mapping/ },
  { name: 'keys that are not strings', text: 'dbarch: 1\nname: x\n? [a, b]\n: 1\n1: 2\n', fileName: 'a.dbarch.yaml', expect: /Unknown key/ },
  { name: 'an alias bomb (billion laughs)', text: 'dbarch: 1\nname: x\n' + aliasBomb(9), fileName: 'a.dbarch.yaml', expect: /alias bomb/ },
  { name: 'flow nesting 10,000 deep', text: 'a: ' + '['.repeat(10000) + ']'.repeat(10000), fileName: 'a.dbarch.yaml', expect: /nested too deeply/ },
  { name: 'block nesting 10,000 deep', text: Array.from({ length: 10000 }, (_, i) => ' '.repeat(i) + 'k:').join('\n'), fileName: 'a.dbarch.yaml', expect: /nested too deeply/ },
  { name: 'a byte order mark', text: '\uFEFFdbarch: 1\nname: x\nenvironment: development\ndatabases:\n  orders:\n    service: rds\n    engine: postgress\n', fileName: 'a.dbarch.yaml', expect: /did you mean `postgres`/ },
  { name: 'tabs for indentation', text: 'dbarch: 1\nname: x\ndatabases:\n\torders:\n\t\tservice: rds\n', fileName: 'a.dbarch.yaml', expect: /Tabs are not allowed for indentation/ },
  { name: 'JSON with a trailing comma in an object', text: '{\n  "dbarch": 1,\n  "name": "x",\n}\n', fileName: 'a.dbarch.json', expect: /no trailing comma/ },
  { name: 'JSON with a trailing comma in a list', text: '{\n  "dbarch": 1,\n  "name": "x",\n  "tags": ["a",]\n}\n', fileName: 'a.dbarch.json', expect: /no trailing comma/ },
  { name: 'replacement characters where invalid UTF-8 was', text: 'dbarch: 1\nname: "caf\uFFFD"\nenvironment: development\n', fileName: 'a.dbarch.yaml' },
  { name: 'enormous and impossible numbers', text: 'dbarch: 1\nname: x\ndatabases:\n  t:\n    service: dynamodb\n    partitionKey: {name: id, type: S}\n    workload: {readsPerSecond: 1e308, writesPerSecond: .inf}\n    item: {averageSizeKB: 1e300}\n    billing: {mode: provisioned, readCapacity: 1e308, writeCapacity: 0}\n  r:\n    service: rds\n    engine: postgres\n    storage: {sizeGiB: .nan, iops: -.inf}\n', fileName: 'a.dbarch.yaml' },
];

/** `depth` levels of nine aliases to the level below: 9^depth values from a few hundred bytes. */
function aliasBomb(depth: number): string {
  const lines = ['l0: &l0 [x, x, x, x, x, x, x, x, x]'];
  for (let level = 1; level <= depth; level++) lines.push(`l${level}: &l${level} [${Array(9).fill(`*l${level - 1}`).join(', ')}]`);
  return lines.join('\n') + '\n';
}

for (const { name, text, fileName, expect } of cases) {
  test(name, () => {
    const first = lint(text, { fileName });
    for (const finding of first.findings) {
      assert.ok(finding.span.start >= 0 && finding.span.start <= finding.span.end && finding.span.end <= text.length, `${finding.ruleId} range inside the text`);
    }
    if (first.topology) assert.match(toMermaid(first.topology), /^flowchart /);
    if (expect) assert.ok(first.findings.some((finding) => expect.test(finding.message)), first.findings.map((finding) => finding.message).join('\n'));
    const second = lint(text, { fileName });
    assert.deepEqual(second.findings, first.findings, 'the same findings on a second run');
  });
}

test('a 2 MB file with 8,000 databases is linted in one piece (no quadratic step)', () => {
  const text = 'dbarch: 1\nname: big\nenvironment: development\ndatabases:\n' + Array.from({ length: 8000 }, (_, i) => `  db-${i}:\n    service: qldb\n    description: ${'x'.repeat(200)}\n`).join('');
  const { findings } = lint(text, { fileName: 'big.dbarch.yaml' });
  assert.equal(findings.filter((finding) => finding.ruleId === 'arch/deprecated-service').length, 8000);
});

test('the trailing comma is reported at the comma', () => {
  const text = '{\n  "dbarch": 1,\n  "name": "x",\n}\n';
  const [finding] = lint(text, { fileName: 'a.dbarch.json' }).findings;
  assert.equal(finding.ruleId, 'syntax');
  assert.deepEqual([finding.span.start, finding.span.end], [text.lastIndexOf(','), text.lastIndexOf(',') + 1]);
  assert.deepEqual(finding.range.start, { line: 2, character: 13 });
});

test('a byte order mark moves no range', () => {
  const text = '\uFEFFdbarch: 1\nname: x\nenvironment: development\ndatabases:\n  orders:\n    service: rds\n    engine: postgress\n';
  const finding = lint(text, { fileName: 'a.dbarch.yaml' }).findings.find((item) => item.ruleId === 'schema')!;
  assert.equal(text.slice(finding.span.start, finding.span.end), 'postgress');
  assert.deepEqual(finding.range.start, { line: 6, character: 12 });
});

test('keys named __proto__, constructor and prototype pollute nothing', () => {
  for (const [text, fileName] of [
    ['dbarch: 1\nname: x\n__proto__: {polluted: yes}\ndatabases:\n  __proto__: {service: rds, polluted: yes}\n  constructor: {prototype: {polluted: yes}}\n', 'a.dbarch.yaml'],
    ['{"dbarch":1,"name":"x","__proto__":{"polluted":true},"databases":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}}', 'a.dbarch.json'],
  ]) {
    const result = lint(text, { fileName });
    if (result.topology) toMermaid(result.topology);
    assert.equal(({} as Record<string, unknown>).polluted, undefined, fileName);
    assert.equal((Object.prototype as unknown as Record<string, unknown>).polluted, undefined, fileName);
  }
});

test('a 10 MB file is linted whole, in one pass per line (the extension skips it above dbarch.maxFileSizeKB)', () => {
  const entry = (i: number): string => `  db-${i}:\n    service: qldb\n    description: ${'x'.repeat(230)}\n`;
  const text = 'dbarch: 1\nname: big\nenvironment: development\ndatabases:\n' + Array.from({ length: 40_000 }, (_, i) => entry(i)).join('');
  assert.ok(text.length > 10_000_000);
  const { findings } = lint(text, { fileName: 'big.dbarch.yaml' });
  assert.equal(findings.filter((finding) => finding.ruleId === 'arch/deprecated-service').length, 40_000);
  const limited = sizeLimitResult(text, { fileName: 'big.dbarch.yaml', limitKB: 1024 });
  assert.equal(limited.findings.length, 1);
  assert.match(limited.findings[0].message, /dbarch\.maxFileSizeKB/);
});
