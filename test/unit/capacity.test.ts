// The capacity report (src/core/capacity) and `dbarch capacity`: DynamoDB RCU/WCU from the workload
// and item size, capacity mode, partition pressure for the table and each GSI, Aurora Serverless v2
// ACU as memory, and replica counts against AWS's limits. Every expected number is worked out by hand
// in the comment next to it, from the rules in docs/capacity.md (1 RCU = one strongly consistent read/s
// of up to 4 KB, half for eventually consistent, double for transactional; 1 WCU = one write/s of up to
// 1 KB, double for transactional; sizes round up; a partition serves 3,000 RCU and 1,000 WCU).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { run } from '../../src/cli/main';
import { capacityReport, type CapacityReport, type DatabaseCapacity, type ReplicaCount } from '../../src/core/capacity';
import { lint } from '../../src/core/lint';
import { dynamodbCapacityNeeds } from '../../src/core/rules/helpers/dynamodb-capacity';

function reportOf(text: string, language: 'yaml' | 'json' = 'yaml'): CapacityReport {
  const model = lint(text, { language }).model;
  assert.ok(model, 'the text has a model');
  return capacityReport(model);
}

function example(name: string): CapacityReport {
  return reportOf(readFileSync(join(__dirname, '../../examples', name), 'utf8'), name.endsWith('.json') ? 'json' : 'yaml');
}

function section(report: CapacityReport, name: string): DatabaseCapacity {
  const found = report.databases.find((database) => database.name === name);
  assert.ok(found, `a section for ${name}`);
  return found;
}

/** The replica rows of a database as `count/limit status`, for compact comparisons. */
function counts(rows: readonly ReplicaCount[]): string[] {
  return rows.map((row) => `${row.kind} ${row.owner} ${row.count}/${row.limit ?? '-'} ${row.status}`);
}

describe('RCU and WCU per request (the capacity helper)', () => {
  const read = (size: number | undefined, readConsistency: 'eventual' | 'strong' | 'transactional', readsPerSecond = 1) =>
    dynamodbCapacityNeeds({ item: size === undefined ? undefined : { averageSizeKB: size }, workload: { readsPerSecond, readConsistency } }).reads;
  const write = (size: number | undefined, writeMode: 'standard' | 'transactional', writesPerSecond = 1) =>
    dynamodbCapacityNeeds({ item: size === undefined ? undefined : { averageSizeKB: size }, workload: { writesPerSecond, writeMode } }).writes;

  test('6 KB reads: 6 / 4 = 1.5 -> 2 units of 4 KB; strong 2 RCU, eventual 1, transactional 4', () => {
    assert.equal(read(6, 'strong')?.unitsPerRequest, 2);
    assert.equal(read(6, 'eventual')?.unitsPerRequest, 1);
    assert.equal(read(6, 'transactional')?.unitsPerRequest, 4);
    assert.deepEqual(read(6, 'transactional', 250)?.steps, [
      '6 KB rounds up to 2 x 4 KB = 2 read units',
      'transactional read: 2 x 2 = 4 RCU per read',
      '250 reads/s x 4 RCU = 1,000 RCU',
    ]);
  });

  test('1.5 KB writes: 1.5 / 1 -> 2 units of 1 KB; standard 2 WCU, transactional 4', () => {
    assert.equal(write(1.5, 'standard')?.unitsPerRequest, 2);
    assert.equal(write(1.5, 'transactional')?.unitsPerRequest, 4);
    assert.deepEqual(write(1.5, 'transactional', 100)?.steps, [
      '1.5 KB rounds up to 2 x 1 KB = 2 write units',
      'transactional write: 2 x 2 = 4 WCU per write',
      '100 writes/s x 4 WCU = 400 WCU',
    ]);
  });

  test('a size that is a whole number of units is not rounded; an undeclared size counts as one unit', () => {
    // 8 KB = 2 x 4 KB exactly: 2 RCU per strongly consistent read.
    assert.equal(read(8, 'strong')?.steps[0], '8 KB is 2 x 4 KB = 2 read units');
    assert.equal(read(8, 'strong')?.unitsPerRequest, 2);
    assert.equal(read(undefined, 'strong')?.steps[0], 'item size not declared, counted as 1 x 4 KB = 1 read unit');
    assert.equal(write(undefined, 'standard')?.capacityUnits, 1);
  });

  test('the total rounds up to a whole unit: 3 eventually consistent reads of 1 KB = 1.5 -> 2 RCU', () => {
    const need = read(1, 'eventual', 3);
    assert.equal(need?.capacityUnits, 2);
    assert.equal(need?.steps[2], '3 reads/s x 0.5 RCU = 1.5, rounded up to 2 RCU');
    assert.equal(need?.summary, '2 RCU for 3 eventually consistent reads/s of 1 KB items');
  });
});

describe('the examples, worked by hand', () => {
  test('game-leaderboard: leaderboard (provisioned, auto scaling to 6,000, global table, DAX) and its by-score index', () => {
    const leaderboard = section(example('game-leaderboard.dbarch.yaml'), 'leaderboard');
    const table = leaderboard.dynamodb;
    assert.ok(table?.reads && table.writes);
    // Reads: 0.5 KB -> 1 x 4 KB; eventually consistent 0.5 RCU; 3,000 x 0.5 = 1,500 RCU.
    assert.equal(table.reads.capacityUnits, 1500);
    // Writes: 0.5 KB -> 1 x 1 KB = 1 WCU; 800 x 1 = 800 WCU.
    assert.equal(table.writes.capacityUnits, 800);
    // Auto scaling may raise both to 6,000: 1,500 / 6,000 = 25%, 800 / 6,000 = 13.3%; nothing short.
    assert.equal(table.billing.mode, 'provisioned');
    assert.equal(table.billing.reads?.provisioned?.units, 6000);
    assert.equal(table.billing.reads?.provisioned?.usedPercent, 25);
    assert.equal(table.billing.writes?.provisioned?.status, 'enough');
    // At the 70% target: 1,500 / 0.7 = 2,142.9 -> 2,143 RCU; 800 / 0.7 = 1,142.9 -> 1,143 WCU.
    assert.equal(table.billing.reads?.atTarget?.units, 2143);
    assert.equal(table.billing.writes?.atTarget?.units, 1143);
    // Default quota 40,000: 1,500 is 3.75% of it.
    assert.equal(table.billing.reads?.quota.usedPercent, 3.75);
    assert.ok(table.billing.notes.some((note) => note.text.startsWith('Global table: every replica applies the writes of every Region, so each of the 3 Regions needs the 800 WCU')));
    // Partitions: 1,500 / 3,000 = 0.5 -> 1 and 800 / 1,000 = 0.8 -> 1: one partition is enough.
    assert.equal(table.partitions.minimumPartitions, 1);
    // One player_id value: 3,000 RCU / 0.5 = 6,000 reads/s and 1,000 WCU / 1 = 1,000 writes/s.
    assert.deepEqual(table.partitions.perKeyCeiling, { readsPerSecond: 6000, writesPerSecond: 1000 });
    // Over 5,000,000 players: 1,500 / 5,000,000 = 0.0003 RCU and 800 / 5,000,000 = 0.00016 WCU per value.
    assert.deepEqual(table.partitions.perKey, { readCapacityUnits: 0.0003, writeCapacityUnits: 0.00016 });
    assert.deepEqual(table.partitions.hot, []);
    // by-score: every score write writes the index: 800 writes/s x 1 WCU = 800 WCU, half of its 1,600 WCU.
    const [byScore] = table.indexes;
    assert.equal(byScore.name, 'by-score');
    assert.equal(byScore.writes?.capacityUnits, 800);
    assert.equal(byScore.sizeIsUpperBound, true);
    assert.ok(byScore.notes.some((note) => note.text === 'Provisioned: 1,600 WCU on the index (`writeCapacity`); the writes use 50% of it.'));
    // 800 WCU over 2,000 board shards: 0.4 WCU per shard, far below 1,000.
    assert.deepEqual(byScore.partitions.perKey, { writeCapacityUnits: 0.4 });
    assert.equal(byScore.partitions.perKeyCeiling.writesPerSecond, 1000);
    // Seoul + Tokyo + Oregon: 3 Regions, no MREC limit recorded; DAX 3 nodes of at most 11.
    assert.deepEqual(counts(leaderboard.replicas), ['dynamodb-global-table leaderboard 3/- no-limit', 'dax-nodes leaderboard 3/11 within']);
  });

  test('game-leaderboard: matches (on-demand, 2 KB items) needs two partitions for its writes', () => {
    const table = section(example('game-leaderboard.dbarch.yaml'), 'matches').dynamodb;
    assert.ok(table?.reads && table.writes);
    // Reads: 2 KB -> 1 x 4 KB, eventual 0.5 RCU; 400 x 0.5 = 200 RCU.
    assert.equal(table.reads.capacityUnits, 200);
    // Writes: 2 KB = 2 x 1 KB = 2 WCU; 600 x 2 = 1,200 WCU.
    assert.equal(table.writes.capacityUnits, 1200);
    assert.equal(table.billing.mode, 'on-demand');
    assert.equal(table.billing.reads?.provisioned, undefined);
    assert.ok(table.billing.notes.some((note) => note.text.includes('200 read request units and 1,200 write request units per second')));
    // 1,200 WCU / 1,000 = 1.2 -> 2 partitions (reads need 200 / 3,000 -> 1).
    assert.equal(table.partitions.minimumPartitions, 2);
    assert.ok(table.partitions.notes[0].text.includes('1,200 WCU / 1,000 = 1.2, rounded up to 2'));
    // One player: 1,000 WCU / 2 WCU = 500 writes/s.
    assert.equal(table.partitions.perKeyCeiling.writesPerSecond, 500);
    // by-match: 600 writes x 2 WCU = 1,200 WCU, 2 partitions; no cardinality declared, so no per-key share.
    const [byMatch] = table.indexes;
    assert.equal(byMatch.writes?.capacityUnits, 1200);
    assert.equal(byMatch.partitions.minimumPartitions, 2);
    assert.equal(byMatch.partitions.perKey, undefined);
    assert.ok(byMatch.partitions.notes.some((note) => note.text.startsWith('No `partitionKeyCardinality` is declared')));
    assert.deepEqual(section(example('game-leaderboard.dbarch.yaml'), 'matches').replicas, []);
  });

  test('shop: sessions, the catalog Serverless range, and the replicas of every service', () => {
    const report = example('shop.dbarch.yaml');
    const sessions = section(report, 'sessions');
    const table = sessions.dynamodb;
    assert.ok(table?.reads && table.writes);
    // Reads: 1.5 KB -> 1 x 4 KB, eventual 0.5 RCU; 2,000 x 0.5 = 1,000 RCU.
    assert.equal(table.reads.capacityUnits, 1000);
    // Writes: 1.5 KB -> 2 x 1 KB = 2 WCU; 500 x 2 = 1,000 WCU.
    assert.equal(table.writes.capacityUnits, 1000);
    // 1,000 WCU / 1,000 = exactly 1 partition; one session: 6,000 reads/s, 1,000 / 2 = 500 writes/s.
    assert.equal(table.partitions.minimumPartitions, 1);
    assert.ok(table.partitions.notes[0].text.endsWith('1,000 WCU / 1,000 = 1.'));
    assert.deepEqual(table.partitions.perKeyCeiling, { readsPerSecond: 6000, writesPerSecond: 500 });
    // 1,000,000 sessions: 0.001 RCU and 0.001 WCU per value.
    assert.deepEqual(table.partitions.perKey, { readCapacityUnits: 0.001, writeCapacityUnits: 0.001 });
    // by-user (keys-only): counted at the item size, 1,000 WCU, an upper bound.
    assert.equal(table.indexes[0].writes?.capacityUnits, 1000);
    assert.equal(table.indexes[0].projection, 'keys-only');
    assert.deepEqual(counts(sessions.replicas), ['dynamodb-global-table sessions 2/- no-limit', 'dax-nodes sessions 3/11 within']);

    // catalog: 0.5-16 ACU x 2 GiB = 1-32 GiB per instance; one db.serverless instance (catalog-3).
    const catalog = section(report, 'catalog');
    assert.deepEqual(catalog.serverless?.memoryGiB, { min: 1, max: 32 });
    assert.deepEqual(catalog.serverless?.instances, ['catalog-3']);
    assert.deepEqual(catalog.serverless?.totalMemoryGiB, { min: 1, max: 32 });
    // 2 readers of 15; auto scaling to 8 of 15; 1 Global Database secondary of 10.
    assert.deepEqual(counts(catalog.replicas), ['aurora-readers catalog 2/15 within', 'aurora-auto-scaling catalog 8/15 within', 'aurora-global-database catalog 1/10 within']);
    // orders (PostgreSQL): 2 replicas of 15; the Tokyo replica is itself the source of 1.
    assert.deepEqual(counts(section(report, 'orders').replicas), ['rds-read-replicas orders 2/15 within', 'rds-read-replicas orders-replica-tokyo 1/15 within']);
    // session-cache: 2 replicas of 5 per shard; 1 shard x (1 + 2) = 3 nodes of the 90 default quota.
    assert.deepEqual(counts(section(report, 'session-cache').replicas), ['elasticache-replicas-per-shard session-cache 2/5 within', 'elasticache-nodes session-cache 3/90 within']);
    // DocumentDB and Neptune: one instance each, so a primary and 0 replicas of 15.
    assert.deepEqual(counts(section(report, 'documents').replicas), ['documentdb-replicas documents 0/15 within']);
    assert.deepEqual(counts(section(report, 'graph').replicas), ['neptune-replicas graph 0/15 within']);
    assert.deepEqual(
      report.without.map((database) => database.name),
      ['warehouse', 'ledger', 'metrics'],
    );
  });

  test('multi-region, oracle-to-aurora and learning-mistakes', () => {
    const multi = example('multi-region.dbarch.json');
    assert.deepEqual(counts(section(multi, 'accounts').replicas), ['rds-read-replicas accounts 2/15 within']);
    assert.deepEqual(counts(section(multi, 'catalog').replicas), ['aurora-readers catalog 2/15 within', 'aurora-global-database catalog 1/10 within']);
    assert.deepEqual(counts(section(example('oracle-to-aurora.dbarch.yaml'), 'erp').replicas), ['aurora-readers erp 2/15 within']);
    // events declares no workload: the report says what to declare and computes nothing for its index.
    const events = section(example('learning-mistakes.dbarch.yaml'), 'events').dynamodb;
    assert.match(events?.missing ?? '', /^Declare `workload\.readsPerSecond`/);
    assert.equal(events?.reads, undefined);
    assert.deepEqual(events?.indexes, []);
  });
});

describe('partition pressure', () => {
  const table = (body: string) => `dbarch: 1
name: partitions
region: ap-northeast-2
databases:
  t:
    service: dynamodb
    partitionKey: { name: tenant, type: S }
${body}`;

  test('10,000 strongly consistent reads/s of 4 KB: 10,000 RCU / 3,000 = 3.33 -> 4 partitions', () => {
    const capacity = section(reportOf(table('    item: { averageSizeKB: 4 }\n    workload: { readsPerSecond: 10000, readConsistency: strong }\n')), 't').dynamodb;
    assert.equal(capacity?.reads?.capacityUnits, 10000);
    assert.equal(capacity?.partitions.minimumPartitions, 4);
    // One tenant: 3,000 RCU / 1 RCU = 3,000 reads/s.
    assert.equal(capacity?.partitions.perKeyCeiling.readsPerSecond, 3000);
  });

  test('few key values: the even share per value is over the partition limit (the dynamodb/hot-partition case)', () => {
    // 2,000 writes/s of 1 KB = 2,000 WCU over 2 tenants: 1,000 WCU each, exactly the limit (not over);
    // over 1 tenant: 2,000 WCU on one value, 1,000 over.
    const two = section(reportOf(table('    partitionKeyCardinality: 2\n    item: { averageSizeKB: 1 }\n    workload: { writesPerSecond: 2000 }\n')), 't').dynamodb;
    assert.deepEqual(two?.partitions.hot, []);
    const one = section(reportOf(table('    partitionKeyCardinality: 1\n    item: { averageSizeKB: 1 }\n    workload: { writesPerSecond: 2000 }\n')), 't').dynamodb;
    assert.equal(one?.partitions.hot.length, 1);
    assert.equal(one?.partitions.hot[0].perKey, 2000);
    const warning = one?.partitions.notes.find((note) => note.warning);
    assert.ok(warning?.text.startsWith('Spread evenly over 1 value: 2,000 WCU per value, more than the 1,000 WCU one partition serves.'), warning?.text);
    // The lint rule reports the same table.
    const findings = lint(table('    partitionKeyCardinality: 1\n    item: { averageSizeKB: 1 }\n    workload: { writesPerSecond: 2000 }\n'), { language: 'yaml' }).findings;
    assert.ok(findings.some((finding) => finding.ruleId === 'dynamodb/hot-partition'));
  });

  test('provisioned capacity short of the need, and a need over the default table quota', () => {
    // 50,000 eventually consistent reads of 4 KB = 25,000 RCU, 200 provisioned: 24,800 short.
    // 45,000 writes of 1 KB = 45,000 WCU: over the 40,000 WCU default quota.
    const capacity = section(
      reportOf(table('    billing: { mode: provisioned, readCapacity: 200, writeCapacity: 50000 }\n    item: { averageSizeKB: 4 }\n    workload: { readsPerSecond: 50000, writesPerSecond: 10000 }\n')),
      't',
    ).dynamodb;
    assert.equal(capacity?.reads?.capacityUnits, 25000);
    assert.equal(capacity?.billing.reads?.provisioned?.shortBy, 24800);
    assert.ok(capacity?.billing.reads?.notes.some((note) => note.warning && note.text === 'Provisioned: 200 RCU provisioned (`readCapacity`), 24,800 RCU short.'));
    // 10,000 writes x 4 WCU = 40,000 WCU: at the quota, not over it.
    assert.equal(capacity?.writes?.capacityUnits, 40000);
    assert.equal(capacity?.billing.writes?.quota.over, false);
    const over = section(reportOf(table('    item: { averageSizeKB: 1 }\n    workload: { writesPerSecond: 45000 }\n')), 't').dynamodb;
    assert.equal(over?.billing.writes?.quota.over, true);
    assert.ok(over?.billing.writes?.notes.some((note) => note.warning && note.text.includes('above the default quota of 40,000 WCU per table, on-demand too')));
  });
});

describe('Aurora Serverless v2: ACU to memory (1 ACU is about 2 GiB)', () => {
  const cluster = (serverless: string, classes: string[]) => `dbarch: 1
name: serverless
region: ap-northeast-2
databases:
  c:
    service: aurora
    engine: aurora-postgresql
    instances:
${classes.map((instanceClass, index) => `      - { name: c-${index + 1}, ${index === 0 ? 'role: writer, ' : ''}instanceClass: ${instanceClass} }`).join('\n')}
${serverless}`;

  test('4-64 ACU on three db.serverless instances: 8-128 GiB each, 24-384 GiB together', () => {
    const serverless = section(reportOf(cluster('    serverless: { minAcu: 4, maxAcu: 64 }\n', ['db.serverless', 'db.serverless', 'db.serverless'])), 'c').serverless;
    assert.equal(serverless?.version, 2);
    assert.deepEqual(serverless?.memoryGiB, { min: 8, max: 128 });
    assert.deepEqual(serverless?.totalMemoryGiB, { min: 24, max: 384 });
    assert.ok(serverless?.notes.some((note) => note.text === '3 db.serverless instances (c-1, c-2, c-3) scale in it each: 24-384 GiB together.'));
  });

  test('a minimum of 0 ACU: auto-pause, no memory while paused', () => {
    const serverless = section(reportOf(cluster('    serverless: { minAcu: 0, maxAcu: 2 }\n', ['db.serverless'])), 'c').serverless;
    assert.equal(serverless?.autoPause, true);
    assert.deepEqual(serverless?.memoryGiB, { min: 0, max: 4 });
    assert.match(serverless?.notes[0].text ?? '', /\(0 ACU: the instance pauses when idle, holding no memory\)/);
  });

  test('out of range, without a range, Serverless v1, and provisioned-only clusters', () => {
    // 300 ACU is more than the 256 ACU (512 GiB) maximum.
    const big = section(reportOf(cluster('    serverless: { minAcu: 1, maxAcu: 300 }\n', ['db.serverless'])), 'c').serverless;
    assert.ok(big?.notes.some((note) => note.warning && note.text.startsWith('The most an instance can take is 256 ACU (512 GiB')));
    const none = section(reportOf(cluster('', ['db.serverless'])), 'c').serverless;
    assert.equal(none?.memoryGiB, undefined);
    assert.ok(none?.notes[0].warning);
    const v1 = section(reportOf(cluster('    serverless: { version: 1, minAcu: 2, maxAcu: 8 }\n', ['db.r7g.large'])), 'c').serverless;
    assert.equal(v1?.memoryGiB, undefined);
    assert.match(v1?.notes[0].text ?? '', /^Serverless v1 reached end of life on 2025-03-31/);
    assert.equal(section(reportOf(cluster('', ['db.r7g.large', 'db.r7g.large'])), 'c').serverless, undefined);
  });
});

describe('replica counts against limits', () => {
  const file = (databases: string) => `dbarch: 1
name: replicas
region: ap-northeast-2
databases:
${databases}`;
  const names = (prefix: string, count: number) => Array.from({ length: count }, (_, index) => `${prefix}-${index + 1}`);
  const replicaList = (prefix: string, count: number) => names(prefix, count).map((name) => `      - { name: ${name} }`).join('\n');

  test('RDS: 15 per source for MySQL, 5 for SQL Server, none on Oracle SE2; a chained source has its own count', () => {
    const report = reportOf(
      file(`  my:
    service: rds
    engine: mysql
    readReplicas:
${replicaList('my-r', 16)}
  ms:
    service: rds
    engine: sqlserver-ee
    readReplicas:
${replicaList('ms-r', 5)}
  ora:
    service: rds
    engine: oracle-se2
    readReplicas:
      - { name: ora-r-1 }
  pg:
    service: rds
    engine: postgres
    readReplicas:
      - name: pg-r-1
        readReplicas:
          - { name: pg-r-2 }
`),
    );
    const [mysql] = section(report, 'my').replicas;
    assert.equal(`${mysql.count}/${mysql.limit} ${mysql.status}`, '16/15 over');
    assert.match(mysql.text, /at most 15 per source on RDS for MySQL\. 1 over the limit\.$/);
    assert.deepEqual(counts(section(report, 'ms').replicas), ['rds-read-replicas ms 5/5 at-limit']);
    assert.deepEqual(counts(section(report, 'ora').replicas), ['rds-read-replicas ora 1/0 over']);
    assert.deepEqual(counts(section(report, 'pg').replicas), ['rds-read-replicas pg 1/15 within', 'rds-read-replicas pg-r-1 1/15 within']);
  });

  test('Aurora 15 readers, DocumentDB and Neptune 15 replicas, Global Database 10 secondaries', () => {
    const instances = (prefix: string, count: number) =>
      names(prefix, count)
        .map((name, index) => `      - { name: ${name}${index === 0 ? ', role: writer' : ''} }`)
        .join('\n');
    const regions = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-west-1', 'eu-west-2', 'eu-central-1', 'ap-northeast-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-south-1'];
    const report = reportOf(
      file(`  au:
    service: aurora
    engine: aurora-mysql
    instances:
${instances('au', 17)}
    globalDatabase: { secondaryRegions: [${regions.join(', ')}] }
  docs:
    service: documentdb
    instances:
${instances('docs', 16)}
  g:
    service: neptune
    instances:
${instances('g', 3)}
`),
    );
    // 17 instances: a writer and 16 readers, one over 15; 11 secondary Regions, one over 10.
    assert.deepEqual(counts(section(report, 'au').replicas), ['aurora-readers au 16/15 over', 'aurora-global-database au 11/10 over']);
    // 16 instances: a primary and 15 replicas, at the limit.
    assert.deepEqual(counts(section(report, 'docs').replicas), ['documentdb-replicas docs 15/15 at-limit']);
    assert.deepEqual(counts(section(report, 'g').replicas), ['neptune-replicas g 2/15 within']);
  });

  test('ElastiCache: 5 replicas per shard, 90 nodes by default; Memcached has none to count', () => {
    const report = reportOf(
      file(`  big:
    service: elasticache
    engine: redis
    shards: 20
    replicasPerShard: 5
  mc:
    service: elasticache
    engine: memcached
    shards: 3
`),
    );
    // 20 shards x (1 + 5) = 120 nodes: over the default quota of 90 (500 with an increase).
    const rows = section(report, 'big').replicas;
    assert.deepEqual(counts(rows), ['elasticache-replicas-per-shard big 5/5 at-limit', 'elasticache-nodes big 120/90 over']);
    assert.match(rows[1].text, /20 shards x \(1 primary \+ 5 replicas\) = 120 nodes; the default quota is 90 per cluster \(up to 500 with an increase\)\. Over the default quota: ask for an increase first\.$/);
    assert.ok(report.without.some((database) => database.name === 'mc'));
  });

  test('DynamoDB: MRSC needs exactly 3 Regions (a witness counts), MREC has no recorded limit; DAX at most 11 nodes', () => {
    const report = reportOf(
      file(`  witnessed:
    service: dynamodb
    partitionKey: { name: id, type: S }
    globalTable: { replicaRegions: [ap-northeast-1], consistency: strong, witnessRegion: ap-northeast-3 }
  four:
    service: dynamodb
    partitionKey: { name: id, type: S }
    globalTable: { replicaRegions: [ap-northeast-1, ap-northeast-3, us-east-1], consistency: strong }
  many:
    service: dynamodb
    partitionKey: { name: id, type: S }
    globalTable: { replicaRegions: [ap-northeast-1, us-east-1, eu-west-1] }
    dax: { nodes: 12 }
`),
    );
    assert.deepEqual(counts(section(report, 'witnessed').replicas), ['dynamodb-global-table witnessed 3/3 within']);
    assert.deepEqual(counts(section(report, 'four').replicas), ['dynamodb-global-table four 4/3 over']);
    assert.deepEqual(counts(section(report, 'many').replicas), ['dynamodb-global-table many 4/- no-limit', 'dax-nodes many 12/11 over']);
  });
});

describe('dbarch capacity', () => {
  function cli(argv: string[], cwd: string) {
    let stdout = '';
    let stderr = '';
    const code = run(argv, { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), color: false });
    return { code, stdout, stderr };
  }
  const examples = join(__dirname, '../../examples');

  test('prints the arithmetic step by step, the notes and the replica rows (exit 0)', () => {
    const { code, stdout, stderr } = cli(['capacity', 'shop.dbarch.yaml'], examples);
    assert.equal(code, 0, stderr);
    assert.equal(stderr, '');
    assert.match(stdout, /^Capacity of shop-platform \(shop\.dbarch\.yaml\)\n/);
    assert.ok(stdout.includes('sessions: DynamoDB table, on-demand\n  Reads: 1,000 RCU for 2,000 eventually consistent reads/s of 1.5 KB items\n    1. 1.5 KB rounds up to 1 x 4 KB = 1 read unit\n    2. eventually consistent read: 1 x 0.5 = 0.5 RCU per read\n    3. 2,000 reads/s x 0.5 RCU = 1,000 RCU\n'), stdout);
    assert.ok(stdout.includes('    1. 1.5 KB rounds up to 2 x 1 KB = 2 write units\n    2. standard write: 2 x 1 = 2 WCU per write\n    3. 500 writes/s x 2 WCU = 1,000 WCU\n'), stdout);
    assert.ok(stdout.includes('  Aurora Serverless v2:\n    0.5-16 ACU per instance = about 1-32 GiB of memory'), stdout);
    assert.ok(stdout.includes('    ok        session-cache: 2 replicas per shard, at most 5.\n'), stdout);
    assert.ok(stdout.includes('Nothing to compute for warehouse (redshift), ledger (qldb), metrics (timestream)'), stdout);
  });

  test('marks warnings and counts over their limit', () => {
    const root = mkdtempSync(join(tmpdir(), 'dbarch-capacity-'));
    writeFileSync(
      join(root, 'a.dbarch.yaml'),
      `dbarch: 1
name: tight
region: ap-northeast-2
databases:
  t:
    service: dynamodb
    partitionKey: { name: id, type: S }
    billing: { mode: provisioned, readCapacity: 10, writeCapacity: 10 }
    workload: { readsPerSecond: 100, writesPerSecond: 5 }
  c:
    service: elasticache
    engine: valkey
    replicasPerShard: 6
`,
    );
    const { code, stdout } = cli(['capacity', 'a.dbarch.yaml'], root);
    assert.equal(code, 0);
    // 100 eventually consistent reads of one 4 KB unit: 50 RCU, 10 provisioned: 40 short.
    assert.ok(stdout.includes('    ! Provisioned: 10 RCU provisioned (`readCapacity`), 40 RCU short.\n'), stdout);
    assert.ok(stdout.includes('    OVER      c: 6 replicas per shard, at most 5. 1 over the limit.\n'), stdout);
  });

  test('--format json: the report as data, with the file', () => {
    const { code, stdout } = cli(['capacity', 'game-leaderboard.dbarch.yaml', '--format', 'json'], examples);
    assert.equal(code, 0);
    const report = JSON.parse(stdout) as CapacityReport & { file: string };
    assert.equal(report.file, 'game-leaderboard.dbarch.yaml');
    assert.equal(report.name, 'game-leaderboard');
    assert.deepEqual(
      report.databases.map((database) => [database.name, database.dynamodb?.reads?.capacityUnits, database.dynamodb?.writes?.capacityUnits]),
      [
        ['leaderboard', 1500, 800],
        ['matches', 200, 1200],
      ],
    );
    assert.deepEqual(report.databases[0].dynamodb?.reads?.steps, ['0.5 KB rounds up to 1 x 4 KB = 1 read unit', 'eventually consistent read: 1 x 0.5 = 0.5 RCU per read', '3,000 reads/s x 0.5 RCU = 1,500 RCU']);
  });

  test('exit 1 on syntax errors, 2 on bad usage or an unreadable file', () => {
    const root = mkdtempSync(join(tmpdir(), 'dbarch-capacity-'));
    writeFileSync(join(root, 'broken.dbarch.yaml'), 'dbarch: 1\nname: [unclosed\n');
    const broken = cli(['capacity', 'broken.dbarch.yaml'], root);
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /cannot be computed until its syntax errors are fixed:\n {2}\d+:\d+ {2}/);
    assert.equal(cli(['capacity', 'missing.dbarch.yaml'], root).code, 2);
    assert.match(cli(['capacity'], root).stderr, /takes exactly one file/);
    assert.equal(cli(['capacity', 'a', 'b'], root).code, 2);
    const format = cli(['capacity', 'broken.dbarch.yaml', '--format', 'yaml'], root);
    assert.equal(format.code, 2);
    assert.match(format.stderr, /`--format` must be one of table, json/);
    assert.match(cli(['capcity', 'x'], root).stderr, /did you mean `dbarch capacity`\?/);
  });

  test('schema errors are left out of the report and said so on standard error', () => {
    const root = mkdtempSync(join(tmpdir(), 'dbarch-capacity-'));
    writeFileSync(
      join(root, 'a.dbarch.yaml'),
      'dbarch: 1\nname: s\nregion: ap-northeast-2\ndatabases:\n  t:\n    service: dynamodb\n    partitionKey: { name: id, type: S }\n    workload: { readsPerSecond: lots, writesPerSecond: 10 }\n',
    );
    const { code, stdout, stderr } = cli(['capacity', 'a.dbarch.yaml'], root);
    assert.equal(code, 0);
    assert.match(stderr, /has 1 schema error; the values in error are left out of the report/);
    assert.ok(!stdout.includes('Reads:'));
    assert.ok(stdout.includes('  Writes: 10 WCU for 10 writes/s\n'), stdout);
  });
});
