// Completion in architecture files, as VS Code gets it minus the vscode objects: the schema's keys and
// enum values (from yaml-language-server and vscode-json-languageservice, run in-process), reference
// names from the model, and engine-aware values from the facts. `|` marks the cursor.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import schema from '../../schemas/dbarch.schema.json';
import { AWS_REGIONS, DB_INSTANCE_CLASS_TYPES } from '../../src/core/facts';
import type { DocumentLanguage } from '../../src/core/document/document';
import { declaredJsonSchema, localSchemaTarget } from '../../src/extension/language/declared-schema';
import { LanguageFeatures } from '../../src/extension/language/features';
import { createSchemaServices } from '../../src/extension/language/schema-services';
import type { Suggestion } from '../../src/extension/language/types';
import { spaceOpensValue } from '../../src/extension/language/value-text';

const services = createSchemaServices(schema);
const features = new LanguageFeatures(() => services);

/** A design with something of every kind a reference can name. */
const design = `dbarch: 1
name: completion
environment: production
region: ap-northeast-2
applications:
  web:
    description: Storefront API
    connects:
      - { to: orders, access: read-write }
      - { to: catalog, endpoint: reporting, access: read }
  audit:
    connects:
      - { to: sessions, access: read }
databases:
  orders:
    service: rds
    engine: postgres
    engineVersion: "16.4"
    instanceClass: db.m6i.large
    az: ap-northeast-2a
    readReplicas:
      - name: orders-replica-1
        az: ap-northeast-2b
      - name: orders-tokyo
        region: ap-northeast-1
  catalog:
    service: aurora
    engine: aurora-postgresql
    instances:
      - { name: catalog-1, role: writer, instanceClass: db.r7g.large, az: ap-northeast-2a }
      - { name: catalog-2, instanceClass: db.r7g.large, az: ap-northeast-2d }
      - { name: catalog-3, instanceClass: db.serverless }
    customEndpoints:
      reporting: { type: reader, members: [catalog-3] }
    globalDatabase: { secondaryRegions: [us-west-2] }
  sessions:
    service: dynamodb
    partitionKey: { name: id, type: S }
    streams: { consumers: [audit] }
  session-cache:
    service: elasticache
    engine: valkey
    cacheFor: orders
  warehouse:
    service: redshift
    nodeType: ra3.xlplus
migrations:
  - name: load
    source: orders
    target: warehouse
`;

/** Completes at the `|` of a text. */
async function complete(marked: string, language: DocumentLanguage = 'yaml', schemaItems = true): Promise<{ items: Suggestion[]; text: string }> {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'the text marks the cursor with |');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const items = await features.complete({ uri: `file:///work/completion.dbarch.${language}`, language, text }, offset, { schemaItems });
  return { items, text };
}

/** The design with `find` replaced by `replace` (which marks the cursor). */
function edit(find: string, replace: string, text = design): string {
  assert.ok(text.includes(find), `the design contains ${find}`);
  return text.replace(find, replace);
}

function labels(items: Suggestion[]): string[] {
  return items.map((item) => item.label);
}

function item(items: Suggestion[], label: string): Suggestion {
  const found = items.find((candidate) => candidate.label === label);
  assert.ok(found, `${label} is offered (got ${labels(items).join(', ')})`);
  return found;
}

/** The text after accepting a suggestion. */
function accept(text: string, suggestion: Suggestion): string {
  assert.ok(suggestion.replace, `${suggestion.label} says what it replaces`);
  return text.slice(0, suggestion.replace.start) + (suggestion.insertText ?? suggestion.label) + text.slice(suggestion.replace.end);
}

describe('schema completion (the language-service libraries)', () => {
  test('YAML keys of an RDS database, with their descriptions', async () => {
    const { items } = await complete(edit('    az: ap-northeast-2a\n', '    az: ap-northeast-2a\n    |\n'));
    for (const key of ['multiAz', 'storage', 'backup', 'deletionProtection', 'proxy']) item(items, key);
    assert.ok(!labels(items).includes('engine'), 'a key already written is not offered again');
    assert.match(item(items, 'multiAz').documentation ?? '', /standby/);
  });

  test('YAML enum values with their enumDescriptions', async () => {
    const { items } = await complete(edit('    engine: postgres\n', '    engine: |\n'));
    assert.deepEqual(labels(items), ['mysql', 'mariadb', 'postgres', 'oracle-ee', 'oracle-se2', 'sqlserver-ee', 'sqlserver-se', 'sqlserver-ex', 'sqlserver-web', 'db2-se', 'db2-ae']);
    assert.match(item(items, 'oracle-se2').documentation ?? '', /Standard Edition 2/);
  });

  test('JSON enum values and keys, with a relative $schema resolved offline to the bundled schema', async () => {
    const json = '{\n  "$schema": "../schemas/dbarch.schema.json",\n  "dbarch": 1,\n  "name": "x",\n  "databases": {\n    "cache": { "service": "elasticache", "engine": "|" }\n  }\n}';
    const values = await complete(json, 'json');
    assert.deepEqual(labels(values.items), ['"valkey"', '"redis"', '"memcached"']);
    assert.match(item(values.items, '"memcached"').documentation ?? '', /no replication/);
    const keys = await complete(json.replace('"engine": "|" }', '"engine": "valkey", | }'), 'json');
    for (const key of ['nodeType', 'shards', 'cacheFor']) item(keys.items, key);
    assert.match(item(keys.items, 'cacheFor').insertText ?? '', /^"cacheFor": /);
  });

  test('a YAML modeline naming another schema still completes against the bundled one', async () => {
    const { items } = await complete('# yaml-language-server: $schema=https://example.invalid/other.json\n' + edit('    engine: valkey\n', '    engine: |\n'));
    assert.deepEqual(labels(items), ['valkey', 'redis', 'memcached']);
  });
});

describe('reference completion', () => {
  test('`to:` offers the databases, then database/member for every replica and instance', async () => {
    const { items } = await complete(edit('{ to: orders, access: read-write }', '{ to: |, access: read-write }'));
    assert.deepEqual(labels(items).slice(0, 5), ['orders', 'catalog', 'sessions', 'session-cache', 'warehouse']);
    for (const member of ['orders/orders-replica-1', 'orders/orders-tokyo', 'catalog/catalog-1', 'catalog/catalog-3']) item(items, member);
    assert.equal(item(items, 'orders/orders-tokyo').detail, 'cross-Region read replica of orders in ap-northeast-1');
    assert.equal(item(items, 'orders').detail, 'rds postgres 16.4');
    assert.equal(item(items, 'orders').kind, 'Reference');
  });

  test('`to:` replaces the name being typed', async () => {
    const { items, text } = await complete(edit('{ to: orders, access: read-write }', '{ to: cat|, access: read-write }'));
    assert.match(accept(text, item(items, 'catalog')), /\{ to: catalog, access: read-write \}/);
  });

  test('`to:` in JSON inserts a quoted name, or fills the quotes already typed', async () => {
    const json = '{ "dbarch": 1, "name": "x", "applications": { "web": { "connects": [ { "to": | } ] } }, "databases": { "orders": { "service": "dynamodb" } } }';
    const bare = await complete(json, 'json');
    assert.equal(item(bare.items, 'orders').insertText, '"orders"');
    const quoted = await complete(json.replace('"to": |', '"to": "or|"'), 'json');
    assert.match(accept(quoted.text, item(quoted.items, 'orders')), /"to": "orders"/);
  });

  test('`cacheFor` offers every database but the cache itself', async () => {
    const { items } = await complete(edit('cacheFor: orders', 'cacheFor: |'));
    assert.deepEqual(labels(items), ['orders', 'catalog', 'sessions', 'warehouse']);
  });

  test('a migration `source` and `target` offer the databases', async () => {
    for (const [find, replace] of [
      ['source: orders', 'source: |'],
      ['target: warehouse', 'target: w|'],
    ]) {
      const { items } = await complete(edit(find, replace));
      assert.deepEqual(labels(items).slice(0, 5), ['orders', 'catalog', 'sessions', 'session-cache', 'warehouse']);
    }
  });

  test("a custom endpoint's `members` offer the cluster's instances not yet listed", async () => {
    const { items } = await complete(edit('members: [catalog-3]', 'members: [catalog-3, |]'));
    assert.deepEqual(labels(items), ['catalog-1', 'catalog-2']);
    assert.equal(item(items, 'catalog-1').detail, 'writer instance of catalog in ap-northeast-2a');
  });

  test("a stream's `consumers` offer the applications not yet listed", async () => {
    const { items } = await complete(edit('consumers: [audit]', 'consumers: [audit, |]'));
    assert.deepEqual(labels(items), ['web']);
    assert.equal(item(items, 'web').documentation, 'Storefront API');
  });

  test('a description from the file is shown as text: no image, link or HTML of its own', async () => {
    const hostile = design.replace('description: Storefront API', 'description: "![x](https://example.com/t.png) [run](command:workbench.action.quit) <img src=x>"');
    const { items } = await complete(edit('consumers: [audit]', 'consumers: [audit, |]', hostile));
    assert.equal(item(items, 'web').documentation, '!\\[x\\](https://example.com/t.png) \\[run\\](command:workbench.action.quit) \\<img src=x\\>');
  });

  test("a connection's `endpoint` offers the custom endpoints of the Aurora cluster it names", async () => {
    const { items } = await complete(edit('endpoint: reporting', 'endpoint: rep|'));
    assert.equal(item(items, 'reporting').detail, 'custom endpoint of catalog (reader)');
  });

  test('names come from a file that does not parse yet (a flow mapping left open)', async () => {
    const { items } = await complete(edit('      - { to: sessions, access: read }\n', '      - { to: |\n'));
    assert.deepEqual(labels(items).slice(0, 5), ['orders', 'catalog', 'sessions', 'session-cache', 'warehouse']);
  });
});

describe('engine-aware completion', () => {
  test('an RDS instanceClass offers the class types of the facts, burstable ones last in production', async () => {
    const { items } = await complete(edit('instanceClass: db.m6i.large', 'instanceClass: |'));
    const types = labels(items).filter((label) => label.startsWith('db.'));
    assert.deepEqual([...types].sort(), DB_INSTANCE_CLASS_TYPES.value.map((type) => `db.${type}.`).sort());
    assert.ok(!types.includes('db.serverless'), 'no RDS instance can be db.serverless');
    assert.deepEqual(labels(items).slice(-2), ['db.t3.', 'db.t4g.']);
    assert.equal(item(items, 'db.r7g.').detail, 'memory optimized, Graviton');
    assert.equal(item(items, 'db.r7g.').retrigger, true, 'choosing a type opens the list of sizes');
  });

  test('an instanceClass with its type written offers the sizes', async () => {
    const { items } = await complete(edit('instanceClass: db.m6i.large', 'instanceClass: db.r7g.|'));
    assert.deepEqual(labels(items).slice(0, 3), ['db.r7g.large', 'db.r7g.xlarge', 'db.r7g.2xlarge']);
  });

  test('an Aurora instanceClass also offers db.serverless, first', async () => {
    const { items } = await complete(edit('{ name: catalog-3, instanceClass: db.serverless }', '{ name: catalog-3, instanceClass: | }'));
    assert.equal(items[0].label, 'db.serverless');
  });

  test('engineVersion offers the versions the facts know, quoted, with versions past standard support struck out', async () => {
    const { items, text } = await complete(edit('engineVersion: "16.4"', 'engineVersion: |'));
    const twelve = item(items, '12');
    assert.equal(twelve.deprecated, true);
    assert.match(twelve.detail ?? '', /standard support ended 2025-02-28/);
    assert.equal(item(items, '14.1').deprecated, false);
    assert.match(accept(text, item(items, '14.1')), /engineVersion: "14\.1"\n/);
  });

  test('Aurora engine versions name the first releases with I/O-Optimized storage', async () => {
    const { items } = await complete(edit('    engine: aurora-postgresql\n', '    engine: aurora-postgresql\n    engineVersion: "|"\n'));
    assert.match(item(items, '16.1').detail ?? '', /I\/O-Optimized/);
  });

  test('region offers every Region code, the file\'s first', async () => {
    const { items } = await complete(edit('        region: ap-northeast-1', '        region: |'));
    assert.equal(items[0].label, 'ap-northeast-2');
    assert.deepEqual([...labels(items)].sort(), [...AWS_REGIONS.value].sort());
  });

  test("a Global Database's secondaryRegions leave out its own Region and those listed", async () => {
    const { items } = await complete(edit('secondaryRegions: [us-west-2]', 'secondaryRegions: [us-west-2, |]'));
    assert.ok(!labels(items).includes('ap-northeast-2') && !labels(items).includes('us-west-2'));
    item(items, 'eu-west-1');
  });

  test("az offers the AZs of the owner's Region, with those the file uses", async () => {
    const rds = await complete(edit('    az: ap-northeast-2a\n    readReplicas', '    az: |\n    readReplicas'));
    assert.deepEqual(labels(rds.items), ['ap-northeast-2a', 'ap-northeast-2b', 'ap-northeast-2c', 'ap-northeast-2d']);
    const tokyo = await complete(edit('        region: ap-northeast-1\n', '        region: ap-northeast-1\n        az: |\n'));
    assert.deepEqual(labels(tokyo.items), ['ap-northeast-1a', 'ap-northeast-1b', 'ap-northeast-1c']);
  });

  test('a Redshift nodeType offers the current node types, DC2 marked deprecated', async () => {
    const { items } = await complete(edit('nodeType: ra3.xlplus', 'nodeType: |'));
    item(items, 'ra3.xlplus');
    assert.equal(item(items, 'dc2.large').deprecated, true);
  });
});

describe('a JSON file whose $schema VS Code loads itself', () => {
  test('the $schema is read from the root object', () => {
    assert.equal(declaredJsonSchema('{ "$schema": "../schemas/dbarch.schema.json", "dbarch": 1 }'), '../schemas/dbarch.schema.json');
    assert.equal(declaredJsonSchema('{ "dbarch": 1, "databases": { "x": { "$schema": "a.json" } } }'), undefined);
    assert.equal(declaredJsonSchema('{ "$schema": 1 }'), undefined);
  });

  test('only files count as schemas VS Code loads by itself; web addresses depend on the network', () => {
    assert.deepEqual(localSchemaTarget('../schemas/dbarch.schema.json'), { relative: '../schemas/dbarch.schema.json' });
    assert.deepEqual(localSchemaTarget('file:///work/schemas/dbarch.schema.json'), { uri: 'file:///work/schemas/dbarch.schema.json' });
    assert.equal(localSchemaTarget('https://example.invalid/dbarch.schema.json'), undefined);
  });

  test("without the schema's items, dbarch still offers its own", async () => {
    const json = '{ "dbarch": 1, "name": "x", "applications": { "web": { "connects": [ { "to": "|" } ] } }, "databases": { "orders": { "service": "dynamodb", "tableClass": "" } } }';
    assert.deepEqual(labels((await complete(json, 'json', false)).items), ['orders']);
    const enumValues = await complete(json.replace('"to": "|"', '"to": ""').replace('"tableClass": ""', '"tableClass": "|"'), 'json', false);
    assert.deepEqual(labels(enumValues.items), []);
  });
});

describe('completion opened by typing', () => {
  test('right after a colon, the value gets the space YAML needs', async () => {
    const { items, text } = await complete(edit('cacheFor: orders', 'cacheFor:|'));
    assert.match(accept(text, item(items, 'catalog')), /cacheFor: catalog\n/);
  });

  test('a typed space opens completion only where a value starts', () => {
    for (const opens of ['    cacheFor: ', '      - { to: ', '      - ', '    members: [catalog-1, ']) assert.equal(spaceOpensValue(opens), true, opens);
    for (const stays of ['    ', '    description: Orders and ', '  orders: # primary ']) assert.equal(spaceOpensValue(stays), false, stays);
  });
});
