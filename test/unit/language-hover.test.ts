// Hover in architecture files: a database's summary on its name (service, engine and version, where
// its nodes run, its replicas or instances, its findings), the capacity report on capacity keys (the
// RCU/WCU arithmetic of a DynamoDB table or index, Aurora Serverless v2 memory, replica counts against
// limits), and the schema's description of every key (from the language-service libraries).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import schema from '../../schemas/dbarch.schema.json';
import type { DocumentLanguage } from '../../src/core/document/document';
import { lint, type LintResult } from '../../src/core/lint';
import { capacityReport } from '../../src/core/capacity';
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

  test("without a lint of the text, the hover waits for the editor's, and has no summary if that lint ends without one", async () => {
    const text = design.replace('az: ap-northeast-2a\n    readReplicas', 'az: ap-northeast-2c\n    readReplicas');
    const offset = text.indexOf('orders:') + 1;
    const document = { uri: 'file:///work/hover.dbarch.yaml', language: 'yaml' as const, text };
    const stale = lint(design, { language: 'yaml' });
    let asked = 0;
    const editors = await features.hover(document, offset, {
      result: stale,
      lint: () => {
        asked++;
        return Promise.resolve(lint(text, { language: 'yaml' }));
      },
    });
    assert.equal(asked, 1);
    assert.match(editors?.sections[0] ?? '', /\| orders \| primary: postgres 12\.20 db\.m6i\.large \| ap-northeast-2 \| ap-northeast-2c \|/);
    // The text changed while the editor linted: its lint ends without a result, and the hover says only what the schema says.
    const outdated = await features.hover(document, offset, { result: stale, lint: () => Promise.resolve(undefined) });
    assert.ok(outdated && !outdated.sections.some((section) => section.includes('**orders**')), JSON.stringify(outdated));
    // The editor does not lint unsaved text (`dbarch.run: onSave`): the hover lints it on its own.
    const own = await features.hover(document, offset, { result: stale, lint: () => undefined });
    assert.match(own?.sections[0] ?? '', /ap-northeast-2c \|/);
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

  test('the workload keys show the RCU and WCU arithmetic of the capacity helper, step by step', async () => {
    const summary = (await hoverAt(design, 'readsPerSecond')).sections[0];
    assert.ok(needs.reads && needs.writes);
    // 6 KB / 4 KB = 1.5 -> 2 read units; strongly consistent: 2 RCU per read; 300 x 2 = 600 RCU.
    assert.ok(summary.includes('- **Reads**: 600 RCU for 300 strongly consistent reads/s of 6 KB items.'), summary);
    assert.ok(summary.includes('  1. 6 KB rounds up to 2 x 4 KB = 2 read units\n  2. strongly consistent read: 2 x 1 = 2 RCU per read\n  3. 300 reads/s x 2 RCU = 600 RCU'), summary);
    // 6 KB / 1 KB = 6 write units; 500 x 6 = 3,000 WCU.
    assert.ok(summary.includes(`- **Writes**: ${needs.writes.summary}.`), summary);
    assert.equal(needs.writes.capacityUnits, 3000);
    for (const step of needs.writes.steps) assert.ok(summary.includes(step), step);
  });

  test('the hover and `dbarch capacity` print the same notes', async () => {
    const summary = (await hoverAt(design, 'writesPerSecond')).sections[0];
    const model = lint(design, { language: 'yaml' }).model;
    assert.ok(model);
    const sessions = capacityReport(model).databases.find((database) => database.name === 'sessions')?.dynamodb;
    assert.ok(sessions);
    const notes = [...(sessions.billing.reads?.notes ?? []), ...(sessions.billing.writes?.notes ?? []), ...sessions.billing.notes, ...sessions.partitions.notes];
    assert.ok(notes.length >= 5);
    for (const note of notes) assert.ok(summary.includes(note.text), note.text);
  });

  test('partition pressure: the partitions the throughput needs and what one key value takes', async () => {
    const summary = (await hoverAt(design, 'billing')).sections[0];
    // 600 RCU / 3,000 = 0.2 -> 1; 3,000 WCU / 1,000 = 3 partitions.
    assert.match(summary, /\*\*Partitions\*\* \(each serves at most 3,000 RCU and 1,000 WCU\)/);
    assert.ok(summary.includes('Throughput alone needs at least 3 partitions: 600 RCU / 3,000 = 0.2, rounded up to 1; 3,000 WCU / 1,000 = 3.'), summary);
    // One key: 3,000 RCU / 2 RCU = 1,500 reads/s; 1,000 WCU / 6 WCU = 166.67 -> 166 writes/s.
    assert.ok(summary.includes('so one key takes at most 1,500 reads/s (3,000 RCU / 2 RCU) and 166 writes/s (1,000 WCU / 6 WCU).'), summary);
    assert.match(summary, /No `partitionKeyCardinality` is declared/);
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

describe('capacity of indexes, Aurora Serverless v2 and replicas', () => {
  const capacityDesign = `dbarch: 1
name: capacity-hover
region: ap-northeast-2
databases:
  scores:
    service: dynamodb
    partitionKey: { name: player_id, type: S }
    billing: { mode: provisioned, readCapacity: 100, writeCapacity: 400 }
    item: { averageSizeKB: 1.5 }
    workload: { readsPerSecond: 100, writesPerSecond: 300 }
    globalSecondaryIndexes:
      - name: by-board
        partitionKey: { name: board, type: S }
        projection: all
        partitionKeyCardinality: 2
        writeCapacity: 500
    globalTable: { replicaRegions: [ap-northeast-1], consistency: strong }
  reports:
    service: aurora
    engine: aurora-postgresql
    instances:
      - { name: reports-1, role: writer, instanceClass: db.r7g.large, az: ap-northeast-2a }
      - { name: reports-2, instanceClass: db.serverless, az: ap-northeast-2b }
      - { name: reports-3, instanceClass: db.serverless, az: ap-northeast-2c }
    serverless: { version: 2, minAcu: 2, maxAcu: 64 }
    autoScaling: { minReplicas: 2, maxReplicas: 15 }
  cache:
    service: elasticache
    engine: valkey
    shards: 2
    replicasPerShard: 6
`;

  test('an index capacity key: the writes the table sends it, against its provisioned WCU and its partitions', async () => {
    const summary = (await hoverAt(capacityDesign, 'writeCapacity: 500')).sections[0];
    assert.match(summary, /^\*\*Capacity of index by-board of scores\*\*/);
    // 300 writes/s of 1.5 KB -> 2 write units each: 600 WCU, more than the 500 provisioned on the index.
    assert.ok(summary.includes('- Writes: 600 WCU for 300 writes/s of 1.5 KB items: each table write that carries `board` writes an index entry'), summary);
    assert.ok(summary.includes('  3. 300 writes/s x 2 WCU = 600 WCU'), summary);
    assert.ok(summary.includes('- $(warning) Provisioned: 500 WCU on the index (`writeCapacity`), 100 WCU short'), summary);
    // 600 WCU over 2 board values: 300 WCU per value, within 1,000 WCU.
    assert.ok(summary.includes('Spread evenly over 2 values: 600 / 2 = 300 WCU per value, within one partition\'s 1,000 WCU.'), summary);
  });

  test('a table hover lists its indexes and marks the ones that fall short', async () => {
    const summary = (await hoverAt(capacityDesign, 'workload')).sections[0];
    assert.ok(summary.includes('- by-board: 600 WCU for 300 writes/s of 1.5 KB items.\n  - $(warning) Provisioned: 500 WCU on the index'), summary);
  });

  test('Aurora Serverless v2: the ACU range as memory, per instance and for the db.serverless instances together', async () => {
    const summary = (await hoverAt(capacityDesign, 'maxAcu')).sections[0];
    assert.match(summary, /^\*\*Aurora Serverless v2 capacity of reports\*\*/);
    // 2 ACU x 2 GiB = 4 GiB; 64 ACU x 2 GiB = 128 GiB; two instances: 8-256 GiB.
    assert.ok(summary.includes('- 2-64 ACU per instance = about 4-128 GiB of memory: 2 x 2 GiB to 64 x 2 GiB, as 1 ACU is about 2 GiB.'), summary);
    assert.ok(summary.includes('- 2 db.serverless instances (reports-2, reports-3) scale in it each: 8-256 GiB together.'), summary);
    // The same on a db.serverless instance class, and nothing of dbarch's on a provisioned one.
    assert.equal((await hoverAt(capacityDesign, 'db.serverless')).sections[0], summary);
    const provisioned = await hoverAt(capacityDesign, 'db.r7g.large');
    assert.equal(provisioned.sections.length, 1);
    assert.ok(!provisioned.sections[0].includes('ACU per instance'));
  });

  test('replica keys: each count against its limit, marked when it is over', async () => {
    const aurora = (await hoverAt(capacityDesign, 'instances:')).sections[0];
    assert.match(aurora, /^\*\*Replicas of reports\*\* against AWS's limits/);
    assert.ok(aurora.includes('- $(pass) reports: 2 readers (reports-2, reports-3), at most 15 Aurora Replicas besides the writer.'), aurora);
    assert.ok(aurora.includes('- $(pass) reports: auto scaling may grow it to 15 readers (`maxReplicas`), at most 15. At the limit: no room for another.'), aurora);
    const cache = (await hoverAt(capacityDesign, 'replicasPerShard')).sections[0];
    assert.ok(cache.includes('- $(warning) cache: 6 replicas per shard, at most 5. 1 over the limit.'), cache);
    assert.ok(cache.includes('- $(pass) cache: 2 shards x (1 primary + 6 replicas) = 14 nodes; the default quota is 90 per cluster'), cache);
    // MRSC needs exactly 3 Regions: ap-northeast-2 and ap-northeast-1 are 2.
    const global = (await hoverAt(capacityDesign, 'globalTable')).sections[0];
    assert.ok(global.includes('- $(warning) scores: MRSC global table in 2 Regions (ap-northeast-2, ap-northeast-1); MRSC needs exactly 3. 1 missing.'), global);
  });

  test('an RDS replica list, at every level of a chain', async () => {
    const summary = (await hoverAt(design, 'readReplicas')).sections[0];
    assert.ok(summary.includes('- $(pass) orders: 2 read replicas (orders-replica-1, orders-tokyo), at most 15 per source on RDS for PostgreSQL.'), summary);
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
