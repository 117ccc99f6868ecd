// Hover in architecture files: a database's summary on its name (service, engine and version, where
// its nodes run, its replicas or instances, its findings), the RCU/WCU arithmetic on a DynamoDB table's
// capacity keys, and the schema's description of every key (from the language-service libraries).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import schema from '../../schemas/dbarch.schema.json';
import type { DocumentLanguage } from '../../src/core/document/document';
import { lint, type LintResult } from '../../src/core/lint';
import { dynamodbCapacityNeeds } from '../../src/core/rules/helpers/dynamodb-capacity';
import { LanguageFeatures } from '../../src/extension/language/features';
import { createSchemaServices } from '../../src/extension/language/schema-services';
import type { HoverInfo } from '../../src/extension/language/types';

const features = new LanguageFeatures(((services) => () => services)(createSchemaServices(schema)));

const design = `dbarch: 1
name: hover
environment: production
region: ap-northeast-2
databases:
  orders:
    service: rds
    description: Orders [see the runbook](https://example.invalid) <b>now</b>
    engine: postgres
    engineVersion: "12.20"
    instanceClass: db.m6i.large
    az: ap-northeast-2a
    readReplicas:
      - name: orders-replica-1
        az: ap-northeast-2b
      - name: orders-tokyo
        region: ap-northeast-1
        az: ap-northeast-1a
  catalog:
    service: aurora
    engine: aurora-mysql
    engineVersion: "3.08.0"
    instances:
      - { name: catalog-1, role: writer, az: ap-northeast-2a }
      - { name: catalog-2, az: ap-northeast-2c }
  sessions:
    service: dynamodb
    partitionKey: { name: id, type: S }
    billing: { mode: provisioned, readCapacity: 100, writeCapacity: 4000 }
    item: { averageSizeKB: 6 }
    workload:
      readsPerSecond: 300
      writesPerSecond: 500
      readConsistency: strong
`;

/** Hovers at the first occurrence of `needle` (one character into it), with the lint of the text. */
async function hoverAt(text: string, needle: string, options: { language?: DocumentLanguage; result?: LintResult | null } = {}): Promise<HoverInfo> {
  const language = options.language ?? 'yaml';
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `the text contains ${needle}`);
  const result = options.result === null ? undefined : (options.result ?? lint(text, { language }));
  const hover = await features.hover({ uri: `file:///work/hover.dbarch.${language}`, language, text }, offset + 1, { result });
  assert.ok(hover, `a hover at ${needle}`);
  return hover;
}

describe("a database's summary on its name", () => {
  test('an RDS database: engine and version, class, where each node runs, its findings', async () => {
    const hover = await hoverAt(design, 'orders:');
    const summary = hover.sections[0];
    assert.match(summary, /^\*\*orders\*\*: Amazon RDS for PostgreSQL 12\.20, db\.m6i\.large, Single-AZ/);
    assert.match(summary, /\| orders \| primary: postgres 12\.20 db\.m6i\.large \| ap-northeast-2 \| ap-northeast-2a \|/);
    assert.match(summary, /\| orders-replica-1 \| replica: read replica \| ap-northeast-2 \| ap-northeast-2b \|/);
    assert.match(summary, /\| orders-tokyo \| replica: cross-Region read replica \| ap-northeast-1 \| ap-northeast-1a \|/);
    assert.match(summary, /\$\(warning\) `rds\/engine-end-of-support`: orders runs RDS for PostgreSQL 12\.20/);
    assert.match(summary, /`rds\/multi-az-production`/);
    assert.ok(!/`rds\/[^`]+`: catalog/.test(summary), 'only the findings of this database');
    // The schema's description of a database follows dbarch's summary.
    assert.equal(hover.sections.length, 2);
    const start = design.indexOf('orders:');
    assert.deepEqual(hover.span, { start, end: start + 'orders'.length });
  });

  test("the file's own text cannot add links or HTML to the hover", async () => {
    const summary = (await hoverAt(design, 'orders:')).sections[0];
    assert.ok(summary.includes('Orders \\[see the runbook\\](https://example.invalid) \\<b\\>now\\</b\\>'), summary);
  });

  test('an Aurora cluster: its instances and the cluster volume', async () => {
    const summary = (await hoverAt(design, 'catalog:')).sections[0];
    assert.match(summary, /^\*\*catalog\*\*: Amazon Aurora MySQL 3\.08\.0, 2 instances/);
    assert.match(summary, /\| catalog-1 \| writer: aurora-mysql writer \| ap-northeast-2 \| ap-northeast-2a \|/);
    assert.match(summary, /\| catalog-2 \| reader: aurora-mysql reader \| ap-northeast-2 \| ap-northeast-2c \|/);
    assert.match(summary, /\| catalog cluster volume \| volume: 6 copies across 3 AZs \| ap-northeast-2 \| across AZs \|/);
  });

  test('without a lint result, the hover lints the text itself', async () => {
    const summary = (await hoverAt(design, 'orders:', { result: null })).sections[0];
    assert.match(summary, /`rds\/engine-end-of-support`/);
  });

  test('a JSON file', async () => {
    const json = JSON.stringify({ dbarch: 1, name: 'j', region: 'eu-west-1', databases: { cache: { service: 'elasticache', engine: 'valkey', nodeType: 'cache.r7g.large', shards: 2, replicasPerShard: 1, azs: ['eu-west-1a', 'eu-west-1b'] } } }, null, 2);
    const summary = (await hoverAt(json, '"cache"', { language: 'json' })).sections[0];
    assert.match(summary, /^\*\*cache\*\*: Amazon ElastiCache for valkey, cache\.r7g\.large, 2 shards with 1 replica each/);
    assert.match(summary, /\| cache replica 1 \| replica x 2: 1 per shard \(2\) \| eu-west-1 \| eu-west-1b \|/);
  });
});

describe('DynamoDB capacity', () => {
  const needs = dynamodbCapacityNeeds({ item: { averageSizeKB: 6 }, workload: { readsPerSecond: 300, writesPerSecond: 500, readConsistency: 'strong' } });

  test('the workload keys show the RCU and WCU arithmetic of the capacity helper', async () => {
    const summary = (await hoverAt(design, 'readsPerSecond')).sections[0];
    assert.ok(needs.reads && needs.writes);
    assert.ok(summary.includes('600 RCU for 300 strongly consistent reads/s of 6 KB items (6 KB rounds up to 2 x 4 KB = 2 RCU per read).'), summary);
    assert.ok(summary.includes(needs.writes.explanation.replace(/^./, (first) => first.toUpperCase())), summary);
  });

  test('provisioned capacity is compared with the need, a shortfall flagged', async () => {
    const summary = (await hoverAt(design, 'readCapacity')).sections[0];
    assert.match(summary, /\$\(warning\) Provisioned: 100 RCU provisioned \(`readCapacity`\), 500 RCU short\./);
    assert.match(summary, /Provisioned: 4,000 WCU provisioned \(`writeCapacity`\); the workload uses 75% of it\./);
  });

  test('a table without a declared workload says what to declare', async () => {
    const text = design.replace(/ {4}workload:\n(?: {6}.*\n)+/, '');
    const summary = (await hoverAt(text, 'averageSizeKB')).sections[0];
    assert.match(summary, /Declare `workload\.readsPerSecond`/);
  });
});

describe('schema hover (the language-service libraries)', () => {
  test("a key shows the schema's description and nothing of dbarch's own", async () => {
    const hover = await hoverAt(design, 'instanceClass');
    assert.equal(hover.sections.length, 1);
    assert.match(hover.sections[0], /DB instance class, `db\.<family><generation><options>\.<size>`/);
    assert.ok(!hover.sections[0].includes('####'), 'no schema title heading');
  });

  test('an enum value shows its enumDescription, in JSON too', async () => {
    const json = '{\n  "dbarch": 1,\n  "name": "x",\n  "databases": { "t": { "service": "dynamodb", "partitionKey": { "name": "id", "type": "S" }, "tableClass": "standard-ia" } }\n}';
    const hover = await hoverAt(json, 'standard-ia', { language: 'json' });
    assert.match(hover.sections.join('\n'), /Infrequent Access|infrequent/i);
  });
});
