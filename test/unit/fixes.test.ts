// Fixes as text edits that keep comments, quoting and layout.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseSource } from '../../src/core/document';
import { applyEdits, toFix, type FixIntent } from '../../src/core/fixes';

function fix(text: string, intent: FixIntent, language: 'yaml' | 'json' = 'yaml'): string | undefined {
  const result = toFix(parseSource(text, language), intent);
  return result ? applyEdits(text, result.edits) : undefined;
}

const yaml = `databases:
  orders:            # the order database
    service: rds
    engine: 'postgres'
    security: { encrypted: false }
    readReplicas:
      - name: orders-replica-1
        az: ap-northeast-2b
  sessions:
    service: dynamodb
`;

describe('fixes', () => {
  test('replace keeps the quoting style and the comment', () => {
    assert.equal(fix(yaml, { kind: 'replace', title: '', pointer: '/databases/orders/engine', value: 'mysql' }), yaml.replace("'postgres'", "'mysql'"));
  });

  test('set adds a key at the mapping\'s indentation after its last entry, block collections included', () => {
    const fixed = fix(yaml, { kind: 'set', title: '', pointer: '/databases/orders/multiAz', value: true });
    assert.equal(fixed, yaml.replace('        az: ap-northeast-2b\n', '        az: ap-northeast-2b\n    multiAz: true\n'));
    assert.deepEqual(parseSource(fixed!, 'yaml').problems, []);
  });

  test('set in a list item mapping', () => {
    const fixed = fix(yaml, { kind: 'set', title: '', pointer: '/databases/orders/readReplicas/0/multiAz', value: true });
    assert.equal(fixed, yaml.replace('        az: ap-northeast-2b\n', '        az: ap-northeast-2b\n        multiAz: true\n'));
  });

  test('set in a flow mapping, replacing or adding', () => {
    assert.equal(fix(yaml, { kind: 'set', title: '', pointer: '/databases/orders/security/encrypted', value: true }), yaml.replace('encrypted: false', 'encrypted: true'));
    assert.equal(fix(yaml, { kind: 'set', title: '', pointer: '/databases/orders/security/requireTls', value: true }), yaml.replace('{ encrypted: false }', '{ encrypted: false, requireTls: true }'));
  });

  test('set creates missing parent mappings inline', () => {
    const fixed = fix(yaml, { kind: 'set', title: '', pointer: '/databases/sessions/security/encryption', value: 'aws-managed' });
    assert.equal(fixed, yaml + '    security: { encryption: aws-managed }\n');
  });

  test('JSON: multi-line and single-line objects, and empty ones', () => {
    const json = '{\n  "orders": {\n    "service": "rds",\n    "security": {}\n  },\n  "inline": { "a": 1 }\n}\n';
    assert.equal(fix(json, { kind: 'set', title: '', pointer: '/orders/multiAz', value: true }, 'json'), json.replace('"security": {}\n', '"security": {},\n    "multiAz": true\n'));
    assert.equal(fix(json, { kind: 'set', title: '', pointer: '/orders/security/encrypted', value: true }, 'json'), json.replace('"security": {}', '"security": { "encrypted": true }'));
    assert.equal(fix(json, { kind: 'set', title: '', pointer: '/inline/b', value: 'x' }, 'json'), json.replace('{ "a": 1 }', '{ "a": 1, "b": "x" }'));
  });

  test('rename keeps the value', () => {
    assert.equal(fix(yaml, { kind: 'rename', title: '', pointer: '/databases/orders/service', key: 'kind' }), yaml.replace('    service: rds', '    kind: rds'));
  });

  test('strings that YAML would read as something else are quoted', () => {
    const text = 'a: x\n';
    assert.equal(fix(text, { kind: 'replace', title: '', pointer: '/a', value: 'true' }), 'a: "true"\n');
    assert.equal(fix(text, { kind: 'replace', title: '', pointer: '/a', value: '16.4' }), 'a: "16.4"\n');
    assert.equal(fix(text, { kind: 'replace', title: '', pointer: '/a', value: 'a: b' }), 'a: "a: b"\n');
  });
});

describe('fixes never overwrite what they should not', () => {
  test('a key written without a value gets the value after its colon', () => {
    assert.equal(fix('a:\nb: 1\n', { kind: 'set', title: '', pointer: '/a', value: true }), 'a: true\nb: 1\n');
  });

  test('a mapping or list is never replaced by a scalar', () => {
    const text = 'pitr:\n  enabled: false\n';
    assert.equal(fix(text, { kind: 'set', title: '', pointer: '/pitr', value: true }), undefined);
    assert.equal(fix(text, { kind: 'set', title: '', pointer: '/pitr/enabled', value: true }), 'pitr:\n  enabled: true\n');
  });
});
