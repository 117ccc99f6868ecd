// The templates of "dbarch: New architecture file": the starters lint clean and are what they say, the
// shipped examples become templates (except the teaching one), and a new file gets a free name.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { lint } from '../../src/core/lint';
import { STARTERS } from '../../src/extension/authoring/starters';
import { exampleTemplate, LEARNING_EXAMPLE, nameValueSpan, SHIPPED_EXAMPLES, uniqueFileName, withLintSummary, withoutSchemaReference } from '../../src/extension/authoring/templates';

const examples = join(__dirname, '..', '..', 'examples');
const problemsOf = (text: string, fileName: string): string[] =>
  lint(text, { fileName })
    .findings.filter((finding) => finding.severity !== 'info')
    .map((finding) => `${finding.severity} ${finding.ruleId} at line ${finding.range.start.line + 1}: ${finding.message}`);

test('every starter lints clean: no error and no warning', () => {
  assert.equal(STARTERS.length, 3);
  for (const starter of STARTERS) assert.deepEqual(problemsOf(starter.text, starter.fileName), [], starter.id);
});

test('the starters are the three families of the brief, each used by an application', () => {
  const byId = new Map(STARTERS.map((starter) => [starter.id, lint(starter.text, { fileName: starter.fileName }).model]));
  const rds = byId.get('starter:rds')?.databases[0];
  assert.ok(rds?.service === 'rds' && rds.engine === 'postgres', 'an RDS PostgreSQL database');
  assert.ok(rds.multiAz, 'with Multi-AZ');
  const aurora = byId.get('starter:aurora')?.databases[0];
  assert.ok(aurora?.service === 'aurora', 'an Aurora cluster');
  assert.deepEqual(
    aurora.instances.map((instance) => instance.role),
    ['writer', 'reader'],
    'a writer and a reader',
  );
  assert.equal(byId.get('starter:dynamodb')?.databases[0]?.service, 'dynamodb', 'a DynamoDB table');
  for (const [id, model] of byId) {
    assert.equal(model?.databases.length, 1, `${id}: one database`);
    assert.ok(model?.applications.some((application) => application.connects.some((connection) => connection.to === model.databases[0].name)), `${id}: an application connects to it`);
  }
});

test('a starter that drops its good practice is no longer clean (the check above can fail)', () => {
  const rds = STARTERS.find((starter) => starter.id === 'starter:rds');
  assert.ok(rds);
  const withoutMultiAz = rds.text.replace(/^\s*multiAz: true\n/m, '');
  assert.notEqual(withoutMultiAz, rds.text);
  assert.match(problemsOf(withoutMultiAz, rds.fileName).join('\n'), /rds\/multi-az-production/);
});

test('starters have unique ids, an architecture file name, a description and YAML that reads as data', () => {
  assert.equal(new Set(STARTERS.map((starter) => starter.id)).size, STARTERS.length);
  for (const starter of STARTERS) {
    assert.match(starter.fileName, /^[a-z][a-z0-9-]*\.dbarch\.yaml$/, starter.id);
    assert.ok(starter.label && starter.detail, starter.id);
    assert.equal((parseYaml(starter.text) as { dbarch: number }).dbarch, 1, starter.id);
  }
});

test('every shipped example but the learning one is a template, named and described by the file itself', () => {
  const files = readdirSync(examples).filter((file) => /\.dbarch\.(ya?ml|json)$/.test(file));
  assert.ok(files.includes(LEARNING_EXAMPLE), 'the walkthrough example ships');
  for (const file of files) {
    const text = readFileSync(join(examples, file), 'utf8');
    const template = exampleTemplate(file, text);
    if (file === LEARNING_EXAMPLE) {
      assert.equal(template, undefined, 'the learning example says "do not copy this file"');
      continue;
    }
    assert.ok(template, file);
    const data = (file.endsWith('.json') ? JSON.parse(text) : parseYaml(text)) as { name: string; description: string };
    assert.equal(template.id, `example:${file}`);
    assert.equal(template.label, data.name);
    assert.equal(template.detail, data.description);
    assert.equal(template.fileName, file);
    assert.equal(template.language, file.endsWith('.json') ? 'json' : 'yaml');
  }
  assert.equal(exampleTemplate('README.md', '# Examples'), undefined, 'only architecture files');
});

test('the picker says how each template lints: the starters are clean, the format tour is not', () => {
  for (const starter of STARTERS) assert.equal(withLintSummary(starter).description, 'starter, YAML · lints clean', starter.id);
  const shop = exampleTemplate('shop.dbarch.yaml', readFileSync(join(examples, 'shop.dbarch.yaml'), 'utf8'));
  assert.ok(shop);
  const summary = withLintSummary(shop);
  assert.match(summary.description, /^example, YAML · \d+ errors?, \d+ warnings?$/);
  assert.ok(summary.problems > 0);
  const oneError = withLintSummary({ ...STARTERS[0], text: STARTERS[0].text.replace('engine: postgres', 'engine: postgress') });
  assert.equal(oneError.description, 'starter, YAML · 1 error');
});

test('a JSON example that points $schema at the repository loses that key and nothing else', () => {
  const file = 'multi-region.dbarch.json';
  const shipped = readFileSync(join(examples, file), 'utf8');
  // Inside dbarch's repository an example may say "$schema": "../schemas/..."; in a user's folder that
  // path names nothing. Written here so the test holds whether or not the shipped file has the key.
  const text = shipped.includes('"$schema"') ? shipped : shipped.replace(/^\{\n/, '{\n  "$schema": "../schemas/dbarch.schema.json",\n');
  assert.match(text, /"\$schema"/);
  const template = exampleTemplate(file, text);
  assert.ok(template);
  assert.doesNotMatch(template.text, /\$schema/);
  const { $schema: _dropped, ...rest } = JSON.parse(text) as Record<string, unknown>;
  assert.deepEqual(JSON.parse(template.text), rest);
  assert.deepEqual(problemsOf(template.text, file), problemsOf(text, file), 'it lints exactly as the example');
  assert.equal(withoutSchemaReference('{\n  "dbarch": 1\n}\n'), '{\n  "dbarch": 1\n}\n', 'no $schema: unchanged');
});

test('a new file name never takes one that exists or is open', () => {
  const taken = new Set(['orders.dbarch.yaml', 'orders-2.dbarch.yaml']);
  assert.equal(uniqueFileName('orders.dbarch.yaml', (name) => taken.has(name)), 'orders-3.dbarch.yaml');
  assert.equal(uniqueFileName('carts.dbarch.yaml', (name) => taken.has(name)), 'carts.dbarch.yaml');
  assert.equal(uniqueFileName('multi-region.dbarch.json', (name) => name === 'multi-region.dbarch.json'), 'multi-region-2.dbarch.json');
});

test('the new file selects the value of the top-level name (YAML and JSON)', () => {
  const yaml = '# comment\ndbarch: 1\nname: orders-platform   # the system\ndatabases: {}\n';
  const yamlSpan = nameValueSpan(yaml, 'yaml');
  assert.ok(yamlSpan);
  assert.equal(yaml.slice(yamlSpan.start, yamlSpan.end), 'orders-platform');
  const json = '{\n  "dbarch": 1,\n  "name": "multi-region-accounts"\n}\n';
  const jsonSpan = nameValueSpan(json, 'json');
  assert.ok(jsonSpan);
  assert.equal(json.slice(jsonSpan.start, jsonSpan.end), 'multi-region-accounts');
  assert.equal(nameValueSpan('dbarch: 1\n', 'yaml'), undefined, 'no name: nothing to select');
  for (const starter of STARTERS) {
    const span = nameValueSpan(starter.text, starter.language);
    assert.ok(span, starter.id);
    assert.match(starter.text.slice(span.start, span.end), /^[a-z][a-z0-9-]+$/, starter.id);
  }
});

test('SHIPPED_EXAMPLES names exactly the architecture files in examples/ (the web build reads them by name)', () => {
  const folder = readdirSync(join(__dirname, '..', '..', 'examples')).filter((name) => /\.dbarch\.(ya?ml|json)$/.test(name)).sort();
  assert.deepEqual([...SHIPPED_EXAMPLES].sort(), folder);
});
