// Schema findings: one clear message at the exact key or value, with the closest valid key or value.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits } from '../../src/core/fixes';
import { lint } from '../../src/core/lint';

function rds(body: string): string {
  return `dbarch: 1\nname: t\nenvironment: development\nregion: ap-northeast-2\ndatabases:\n  app-db:\n    service: rds\n    engine: postgres\n${body}`;
}

function only(text: string, fileName = 'a.dbarch.yaml') {
  // Only the format checks: rules about a bare database (encryption, TLS) are tested with their fixtures.
  const findings = lint(text, { fileName }).findings.filter((finding) => finding.ruleId === 'schema' || finding.ruleId === 'syntax');
  assert.equal(findings.length, 1, `expected one finding, got:\n${findings.map((finding) => `${finding.ruleId}: ${finding.message}`).join('\n')}`);
  const [finding] = findings;
  return { ...finding, text: text.slice(finding.span.start, finding.span.end) };
}

describe('schema findings', () => {
  test('an unknown key names the closest valid key, on the key, with a rename fix', () => {
    const text = rds('    multiAZ: true\n');
    const finding = only(text);
    assert.equal(finding.ruleId, 'schema');
    assert.equal(finding.severity, 'error');
    assert.equal(finding.message, 'Unknown key `multiAZ` in databases.app-db; did you mean `multiAz`?');
    assert.equal(finding.text, 'multiAZ');
    assert.deepEqual(finding.range.start, { line: 8, character: 4 });
    const fixed = applyEdits(text, finding.fix!.edits);
    assert.equal(fixed, rds('    multiAz: true\n'));
    assert.deepEqual(lint(fixed, { fileName: 'a.dbarch.yaml' }).findings.filter((finding) => finding.ruleId === 'schema'), []);
  });

  test('an unknown key that belongs to another service says which', () => {
    const finding = only(rds('    partitionKey: { name: id, type: S }\n'));
    assert.match(finding.message, /`partitionKey` belongs to `dynamodb`, not to this rds database/);
  });

  test('a bad enum value lists the valid values and the closest one, on the value', () => {
    const text = rds('').replace('engine: postgres', 'engine: postgress');
    const finding = only(text);
    assert.match(finding.message, /^`postgress` is not a valid `engine` in databases\.app-db; did you mean `postgres`\? Valid values: `mysql`, `mariadb`, `postgres`/);
    assert.equal(finding.text, 'postgress');
    assert.equal(applyEdits(text, finding.fix!.edits), rds(''));
  });

  test('a shorthand with the wrong type gives one message, not one per branch', () => {
    const finding = only(rds('    multiAz: "yes"\n'));
    assert.equal(finding.message, '`multiAz` in databases.app-db must be true or false, or a mapping, not a string.');
    assert.equal(finding.text, '"yes"');
  });

  test('inside the object form of a shorthand, the object branch is the one explained', () => {
    const finding = only(rds('    multiAz: { mode: clustr }\n'));
    assert.match(finding.message, /`clustr` is not a valid `mode` in databases\.app-db\.multiAz; did you mean `cluster`\?/);
  });

  test('a quoted number says to remove the quotes', () => {
    const finding = only(rds('    multiAz: true\n    storage: { type: gp3, sizeGiB: "200" }\n'));
    assert.equal(finding.message, '`sizeGiB` in databases.app-db.storage must be a whole number, not a string. Remove the quotes around the number.');
  });

  test('a missing required key is reported on the object\'s key', () => {
    const text = 'dbarch: 1\nname: t\nenvironment: development\ndatabases:\n  app-db:\n    service: rds\n';
    const finding = only(text);
    assert.match(finding.message, /^`databases\.app-db` is missing the required key `engine`/);
    assert.equal(finding.text, 'app-db');
  });

  test('a bad name says what names look like', () => {
    const finding = only('dbarch: 1\nname: t\ndatabases:\n  App_DB:\n    service: qldb\n');
    assert.match(finding.message, /`App_DB` is not a valid name in databases/);
    assert.equal(finding.text, 'App_DB');
  });

  test('an unknown service lists the services', () => {
    const finding = only('dbarch: 1\nname: t\ndatabases:\n  x:\n    service: dynamo\n');
    assert.match(finding.message, /`dynamo` is not a valid `service`.*did you mean `dynamodb`\?/);
  });

  test('the format version', () => {
    const finding = only('dbarch: 2\nname: t\n');
    assert.match(finding.message, /`dbarch` must be `1`/);
  });

  test('an empty file and a file that is not a mapping', () => {
    assert.match(only('# nothing yet\n').message, /The file is empty/);
    assert.match(only('- a\n- b\n').message, /must be a mapping of keys/);
  });

  test('the same problem in JSON is placed on the JSON key', () => {
    const text = '{\n  "dbarch": 1,\n  "name": "t",\n  "environment": "development",\n  "databases": {\n    "app-db": { "service": "rds", "engine": "postgres", "multiAZ": true }\n  }\n}\n';
    const finding = only(text, 'a.dbarch.json');
    assert.equal(finding.message, 'Unknown key `multiAZ` in databases.app-db; did you mean `multiAz`?');
    assert.equal(finding.text, '"multiAZ"');
    assert.equal(applyEdits(text, finding.fix!.edits).includes('"multiAz": true'), true);
  });

  test('rules stay quiet about an object until its schema problems are fixed', () => {
    // In production a database without multiAz would warn; an unknown `multiAZ` key must not also read as "no Multi-AZ".
    const text = 'dbarch: 1\nname: t\ndatabases:\n  app-db:\n    service: rds\n    engine: postgres\n    multiAZ: true\n';
    const findings = lint(text, { fileName: 'a.dbarch.yaml' }).findings;
    assert.deepEqual(findings.map((finding) => finding.ruleId), ['schema']);
  });
});
