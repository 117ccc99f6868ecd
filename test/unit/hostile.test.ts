// Files no one should write, and some will: each gives findings (or none), never a crash, with every
// range inside the text and the same result twice.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lint } from '../../src/core/lint';
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
  { name: 'enormous and impossible numbers', text: 'dbarch: 1\nname: x\ndatabases:\n  t:\n    service: dynamodb\n    partitionKey: {name: id, type: S}\n    workload: {readsPerSecond: 1e308, writesPerSecond: .inf}\n    item: {averageSizeKB: 1e300}\n    billing: {mode: provisioned, readCapacity: 1e308, writeCapacity: 0}\n  r:\n    service: rds\n    engine: postgres\n    storage: {sizeGiB: .nan, iops: -.inf}\n', fileName: 'a.dbarch.yaml' },
];

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
