// The failure model: every example against the expectations worked out by hand next to it
// (examples/*.failures.yaml), then each mechanic on a small file of its own.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { azLoss, describeScenario, failureScenarios, simulate, worstCase, type DatabaseOutcome, type FailureScenario } from '../../src/core/failure';
import { lint } from '../../src/core/lint';

const examples = join(__dirname, '..', '..', 'examples');

/** A duration as the expectations write it: a [min, max] range in seconds, or words the engine's text contains. */
type ExpectedDuration = [number, number] | string;

interface ExpectedOutcome {
  state: DatabaseOutcome['state'];
  reads: boolean;
  writes: boolean;
  rto: ExpectedDuration;
  rpo: ExpectedDuration;
  why: string;
}

interface Expectations {
  example: string;
  scenarios: {
    fail: { az?: string; region?: string; node?: string };
    databases: Record<string, ExpectedOutcome>;
    nodes: Record<string, string>;
    connections: { application: string; to: string; fate: string; why: string }[];
  }[];
}

function load(text: string, fileName: string) {
  const result = lint(text, { fileName });
  assert.ok(result.model && result.topology, `${fileName} parses`);
  return { model: result.model, topology: result.topology };
}

function scenarioOf(fail: Expectations['scenarios'][number]['fail']): FailureScenario {
  if (fail.az) return { kind: 'az', az: fail.az };
  if (fail.region) return { kind: 'region', region: fail.region };
  return { kind: 'node', node: fail.node! };
}

function checkDuration(actual: DatabaseOutcome['rto'], expected: ExpectedDuration, what: string): void {
  if (typeof expected === 'string') assert.ok(actual.text.includes(expected), `${what}: "${actual.text}" should say "${expected}"`);
  else assert.deepEqual(actual.seconds, expected, `${what}: ${actual.text}`);
}

describe('every example against its hand-worked failures (examples/*.failures.yaml)', () => {
  const files = readdirSync(examples).filter((file) => /\.dbarch\.(ya?ml|json)$/.test(file)).sort();
  for (const file of files) {
    const expectationsFile = file.replace(/\.dbarch\.(ya?ml|json)$/, '.failures.yaml');
    describe(file, () => {
      test(`has ${expectationsFile}, covering every AZ it uses and its primary Region, every database in each`, () => {
        assert.ok(existsSync(join(examples, expectationsFile)), `examples/${expectationsFile} is missing`);
        const expectations = parse(readFileSync(join(examples, expectationsFile), 'utf8')) as Expectations;
        assert.equal(expectations.example, file);
        const { model, topology } = load(readFileSync(join(examples, file), 'utf8'), file);
        const written = expectations.scenarios.map((scenario) => describeScenario(scenarioOf(scenario.fail)));
        const required = [...failureScenarios(model, topology).filter((scenario) => scenario.kind === 'az'), { kind: 'region' as const, region: model.region! }].map(describeScenario);
        for (const scenario of required) assert.ok(written.includes(scenario), `${expectationsFile} has no entry for the ${scenario}`);
        for (const scenario of expectations.scenarios) {
          assert.deepEqual(Object.keys(scenario.databases).sort(), model.databases.map((database) => database.name).sort(), `${describeScenario(scenarioOf(scenario.fail))}: every database`);
          for (const [name, expected] of Object.entries(scenario.databases)) assert.ok(typeof expected.why === 'string' && expected.why.trim() !== '', `${name}: say why`);
        }
      });

      if (!existsSync(join(examples, expectationsFile))) return;
      const expectations = parse(readFileSync(join(examples, expectationsFile), 'utf8')) as Expectations;
      const { model, topology } = load(readFileSync(join(examples, file), 'utf8'), file);
      for (const entry of expectations.scenarios) {
        const scenario = scenarioOf(entry.fail);
        test(describeScenario(scenario), () => {
          const simulation = simulate(model, topology, scenario);
          for (const [name, expected] of Object.entries(entry.databases)) {
            const actual = simulation.databases.find((outcome) => outcome.database === name);
            assert.ok(actual, `${name} is simulated`);
            const context = `${name} (${expected.why})\n  engine: ${actual.explanation}`;
            assert.deepEqual({ state: actual.state, reads: actual.reads, writes: actual.writes }, { state: expected.state, reads: expected.reads, writes: expected.writes }, context);
            checkDuration(actual.rto, expected.rto, `${name} RTO`);
            checkDuration(actual.rpo, expected.rpo, `${name} RPO`);
            assert.ok(actual.explanation.length > 0, `${name} has an explanation`);
            // A failover's timing and every figure come from the facts module, with their sources.
            const figures = [actual.rto, actual.rpo].some((duration) => duration.seconds && duration.seconds[1] > 0);
            if (actual.state === 'failed-over' || figures) assert.ok(actual.facts.length > 0, `${name} names the facts it used`);
          }
          const notUp = Object.fromEntries([...simulation.nodes].filter(([, fate]) => fate !== 'up'));
          assert.deepEqual(notUp, entry.nodes ?? {}, 'the nodes that are not up');
          const affected = simulation.applications.filter((item) => item.fate !== 'works').map((item) => ({ application: item.application, to: item.to, fate: item.fate }));
          assert.deepEqual(affected, (entry.connections ?? []).map(({ application, to, fate }) => ({ application, to, fate })), 'the connections that do not simply keep working');
        });
      }
    });
  }
});

/** Simulates one scenario on a small file: `databases` and `applications` are YAML blocks, indented as under the top-level keys. */
function run(databases: string, scenario: FailureScenario, options: { applications?: string; environment?: string; region?: string } = {}) {
  const text = `dbarch: 1\nname: mechanic\nenvironment: ${options.environment ?? 'production'}\nregion: ${options.region ?? 'ap-northeast-2'}\n${options.applications ? `applications:\n${options.applications}\n` : ''}databases:\n${databases}\n`;
  const { model, topology } = load(text, 'mechanic.dbarch.yaml');
  const simulation = simulate(model, topology, scenario);
  const outcome = (name: string): DatabaseOutcome => simulation.databases.find((item) => item.database === name)!;
  const fate = (id: string) => simulation.nodes.get(id);
  const connection = (application: string, to: string) => simulation.applications.find((item) => item.application === application && item.to === to)!;
  return { model, topology, simulation, outcome, fate, connection };
}

const az = (name: string): FailureScenario => ({ kind: 'az', az: name });
const region = (name: string): FailureScenario => ({ kind: 'region', region: name });
const node = (name: string): FailureScenario => ({ kind: 'node', node: name });

describe('RDS', () => {
  const multiAz = `  orders:
    service: rds
    engine: postgres
    engineVersion: "16.4"
    az: ap-northeast-2a
    multiAz: true
    backup: { retentionDays: 7 }`;

  test('Multi-AZ instance: losing the primary promotes the synchronous standby in 60-120 s, no data lost; the endpoint follows', () => {
    const { outcome, fate, connection } = run(multiAz, az('ap-northeast-2a'), { applications: '  web:\n    connects:\n      - { to: orders, access: read-write }' });
    assert.equal(outcome('orders').state, 'failed-over');
    assert.deepEqual(outcome('orders').rto.seconds, [60, 120]);
    assert.deepEqual(outcome('orders').rpo.seconds, [0, 0]);
    assert.match(outcome('orders').explanation, /another AZ \(the file does not name it/);
    assert.ok(outcome('orders').facts.includes('docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZSingleStandby.html'));
    assert.equal(fate('db:orders'), 'failed');
    assert.equal(fate('db:orders:standby'), 'promoted');
    assert.equal(connection('web', 'orders').fate, 'works');
    assert.match(outcome('orders').improvements.join(' '), /mode: cluster/);
  });

  test('Multi-AZ instance: losing an AZ the file places nothing in takes nothing known', () => {
    const { outcome, fate } = run(multiAz + '\n  other:\n    service: rds\n    engine: mysql\n    az: ap-northeast-2c\n    multiAz: true', az('ap-northeast-2c'));
    assert.equal(outcome('orders').state, 'unaffected');
    assert.match(outcome('orders').explanation, /does not say which AZ the standby of orders runs in/);
    assert.equal(fate('db:orders:standby'), 'up');
  });

  test('Multi-AZ DB cluster: a readable standby is promoted in under 35 s', () => {
    const { outcome, connection } = run(
      '  billing:\n    service: rds\n    engine: mysql\n    engineVersion: "8.4.3"\n    az: ap-northeast-2a\n    multiAz: { mode: cluster, standbyAz: ap-northeast-2b }',
      az('ap-northeast-2a'),
      { applications: '  web:\n    connects:\n      - { to: billing, endpoint: reader, access: read }' },
    );
    assert.equal(outcome('billing').state, 'failed-over');
    assert.deepEqual(outcome('billing').rto.seconds, [0, 35]);
    assert.equal(connection('web', 'billing').fate, 'works');
  });

  test('Single-AZ: down until restored; RPO up to 5 minutes with backups, everything since a manual snapshot without', () => {
    const single = '  orders:\n    service: rds\n    engine: postgres\n    az: ap-northeast-2a\n    backup: { retentionDays: 7 }';
    const { outcome } = run(single, az('ap-northeast-2a'));
    assert.equal(outcome('orders').state, 'down');
    assert.deepEqual([outcome('orders').reads, outcome('orders').writes], [false, false]);
    assert.match(outcome('orders').rto.text, /restore time/);
    assert.deepEqual(outcome('orders').rpo.seconds, [0, 300]);
    assert.match(outcome('orders').improvements[0], /multiAz: true/);
    const noBackups = run(single.replace('retentionDays: 7', 'retentionDays: 0'), az('ap-northeast-2a')).outcome('orders');
    assert.equal(noBackups.rpo.seconds, undefined);
    assert.match(noBackups.rpo.text, /manual snapshot/);
  });

  test('Single-AZ with a replica in another AZ: read-only until the replica is promoted by hand (RPO its replication lag)', () => {
    const { outcome, connection } = run('  orders:\n    service: rds\n    engine: postgres\n    az: ap-northeast-2a\n    readReplicas:\n      - { name: orders-replica, az: ap-northeast-2b }', az('ap-northeast-2a'), {
      applications: '  web:\n    connects:\n      - { to: orders, access: read-write }\n      - { to: orders, access: read }',
    });
    assert.equal(outcome('orders').state, 'read-only');
    assert.deepEqual([outcome('orders').reads, outcome('orders').writes], [true, false]);
    assert.match(outcome('orders').rto.text, /orders-replica is promoted by hand/);
    assert.match(outcome('orders').rpo.text, /replication lag/);
    assert.equal(connection('web', 'orders').fate, 'reconnect');
  });

  test('a standby written into the primary\'s AZ goes down with it; a replica there too leaves nothing', () => {
    const { outcome } = run('  orders:\n    service: rds\n    engine: postgres\n    az: ap-northeast-2a\n    multiAz: { standbyAz: ap-northeast-2a }', az('ap-northeast-2a'));
    assert.equal(outcome('orders').state, 'down');
    assert.match(outcome('orders').improvements.join(' '), /standby in another AZ/);
  });

  test('a primary the file places in no AZ: the worst case (it ran in the lost AZ) is taken and said; a written standby AZ puts it elsewhere', () => {
    const unplaced = run('  orders:\n    service: rds\n    engine: postgres\n  cache:\n    service: elasticache\n    engine: valkey\n    azs: [ap-northeast-2b]', az('ap-northeast-2b')).outcome('orders');
    assert.equal(unplaced.state, 'down');
    assert.deepEqual(unplaced.assumptions, ['The file does not say which AZ orders runs in; the simulation takes the worst case, that it ran in ap-northeast-2b.']);
    const elsewhere = run('  orders:\n    service: rds\n    engine: postgres\n    multiAz: { standbyAz: ap-northeast-2b }', az('ap-northeast-2b')).outcome('orders');
    assert.equal(elsewhere.state, 'degraded');
  });

  test('a failed replica: applications reading it straight must use another endpoint; its chained replica goes stale', () => {
    const { outcome, fate, connection } = run(
      '  orders:\n    service: rds\n    engine: postgres\n    az: ap-northeast-2a\n    multiAz: true\n    readReplicas:\n      - name: orders-replica\n        az: ap-northeast-2b\n        readReplicas:\n          - { name: orders-chained, az: ap-northeast-2c }',
      node('orders-replica'),
      { applications: '  web:\n    connects:\n      - { to: orders/orders-replica, access: read }\n      - { to: orders/orders-chained, access: read }' },
    );
    assert.equal(outcome('orders').state, 'degraded');
    assert.equal(fate('member:orders-replica'), 'failed');
    assert.equal(fate('member:orders-chained'), 'degraded');
    assert.equal(connection('web', 'orders/orders-replica').fate, 'reconnect');
    assert.equal(connection('web', 'orders/orders-chained').fate, 'degraded');
  });

  test('losing the primary\'s Region: a cross-Region replica keeps reads; writes need it promoted and the applications moved to its endpoint', () => {
    const { outcome, connection } = run(
      '  orders:\n    service: rds\n    engine: postgres\n    az: ap-northeast-2a\n    multiAz: true\n    readReplicas:\n      - { name: orders-tokyo, region: ap-northeast-1, az: ap-northeast-1a }',
      region('ap-northeast-2'),
      { applications: '  web:\n    connects:\n      - { to: orders, access: read-write }\n  web-tokyo:\n    region: ap-northeast-1\n    connects:\n      - { to: orders, access: read-write }' },
    );
    assert.equal(outcome('orders').state, 'read-only');
    assert.equal(connection('web', 'orders').fate, 'broken');
    assert.equal(connection('web-tokyo', 'orders').fate, 'reconnect');
    assert.match(connection('web-tokyo', 'orders').note, /promoted by hand/);
  });
});

describe('Aurora, DocumentDB, Neptune', () => {
  const catalog = `  catalog:
    service: aurora
    engine: aurora-mysql
    instances:
      - { name: catalog-1, role: writer, instanceClass: db.r7g.large, az: ap-northeast-2a }
      - { name: catalog-2, instanceClass: db.r7g.large, az: ap-northeast-2b, promotionTier: 1 }
      - { name: catalog-3, instanceClass: db.r7g.xlarge, az: ap-northeast-2c, promotionTier: 1 }
      - { name: catalog-4, instanceClass: db.r7g.2xlarge, az: ap-northeast-2a, promotionTier: 0 }`;

  test('the writer\'s AZ: the lowest promotion tier that survives, then the largest class, is promoted in about 30 s', () => {
    const { outcome, fate } = run(catalog, az('ap-northeast-2a'));
    assert.equal(outcome('catalog').state, 'failed-over');
    assert.deepEqual(outcome('catalog').rto.seconds, [30, 30]);
    assert.deepEqual(outcome('catalog').rpo.seconds, [0, 0]);
    // catalog-4 (tier 0) is lost with 2a; of the tier-1 readers catalog-3 is the larger.
    assert.equal(fate('member:catalog-3'), 'promoted');
    assert.equal(fate('member:catalog-4'), 'failed');
  });

  test('the cluster volume: 6 copies, 2 per AZ; one AZ lost keeps writes (4) and reads (3); one more copy would leave reads only', () => {
    const { outcome, fate } = run(catalog, az('ap-northeast-2b'));
    assert.equal(outcome('catalog').state, 'degraded');
    assert.equal(fate('db:catalog:volume'), 'degraded');
    assert.match(outcome('catalog').explanation, /6 copies, 2 in each of 3 AZs: losing ap-northeast-2b leaves at least 4, and writes need 4, reads 3, so both go on\. One more lost copy .* would leave 3: reads only/);
    assert.ok(outcome('catalog').facts.includes('aws.amazon.com/blogs/database/amazon-aurora-under-the-hood-quorum-and-correlated-failure'));
  });

  test('no reader: a new writer is created, which takes minutes; no write is lost', () => {
    const { outcome } = run('  catalog:\n    service: aurora\n    engine: aurora-mysql\n    instances:\n      - { name: catalog-1, role: writer, az: ap-northeast-2a }', az('ap-northeast-2a'));
    assert.equal(outcome('catalog').state, 'down');
    assert.equal(outcome('catalog').rto.text, 'minutes (a new writer is created)');
    assert.deepEqual(outcome('catalog').rpo.seconds, [0, 0]);
    assert.match(outcome('catalog').improvements[0], /promotionTier: 0/);
  });

  test('auto scaling keeps readers beyond those written: one is promoted', () => {
    const { outcome } = run('  catalog:\n    service: aurora\n    engine: aurora-mysql\n    autoScaling: { minReplicas: 1, maxReplicas: 4 }\n    instances:\n      - { name: catalog-1, role: writer, az: ap-northeast-2a }', az('ap-northeast-2a'));
    assert.equal(outcome('catalog').state, 'failed-over');
    assert.match(outcome('catalog').explanation, /auto scaling keeps at least 1 \(promotion tier 15\)/);
  });

  test('Global Database: losing the primary Region promotes a secondary in under a minute, losing about a second', () => {
    const { outcome, fate, connection } = run(catalog + '\n    globalDatabase: { secondaryRegions: [ap-northeast-1] }', region('ap-northeast-2'), {
      applications: '  tokyo-api:\n    region: ap-northeast-1\n    connects:\n      - { to: catalog, endpoint: reader, access: read }',
    });
    assert.equal(outcome('catalog').state, 'failed-over');
    assert.deepEqual(outcome('catalog').rto.seconds, [0, 60]);
    assert.deepEqual(outcome('catalog').rpo.seconds, [0, 1]);
    assert.equal(fate('gdb:catalog@ap-northeast-1'), 'promoted');
    assert.equal(connection('tokyo-api', 'catalog').fate, 'reconnect');
    const alone = run(catalog, region('ap-northeast-2')).outcome('catalog');
    assert.equal(alone.state, 'down');
    assert.match(alone.improvements[0], /Global Database/);
  });

  test('an instance endpoint does not follow a failover; the reader endpoint moves to the other readers', () => {
    const { connection } = run(catalog, node('catalog-2'), {
      applications: '  web:\n    connects:\n      - { to: catalog/catalog-2, access: read }\n      - { to: catalog, endpoint: reader, access: read }',
    });
    assert.equal(connection('web', 'catalog/catalog-2').fate, 'reconnect');
    assert.equal(connection('web', 'catalog').fate, 'works');
  });

  test('DocumentDB and Neptune fail over like Aurora', () => {
    for (const service of ['documentdb', 'neptune']) {
      const { outcome } = run(`  docs:\n    service: ${service}\n    instances:\n      - { name: docs-1, role: writer, az: ap-northeast-2a }\n      - { name: docs-2, az: ap-northeast-2b }`, az('ap-northeast-2a'));
      assert.equal(outcome('docs').state, 'failed-over', service);
      assert.deepEqual(outcome('docs').rto.seconds, [30, 30], service);
    }
  });

  test('cluster instances without AZs are taken to be spread: the writer may be in the lost AZ, the readers elsewhere', () => {
    const { outcome } = run('  docs:\n    service: documentdb\n    instances:\n      - { name: docs-1, role: writer }\n      - { name: docs-2 }\n  other:\n    service: rds\n    engine: mysql\n    az: ap-northeast-2b\n    multiAz: true', az('ap-northeast-2b'));
    assert.equal(outcome('docs').state, 'failed-over');
    assert.equal(outcome('docs').assumptions.length, 1);
  });
});

describe('DynamoDB and DAX', () => {
  const table = '  sessions:\n    service: dynamodb\n    partitionKey: { name: id, type: S }';

  test('a table rides out any AZ; DAX pinned to that AZ is lost, DAX spread over AZs loses a node', () => {
    const pinned = run(table + '\n    dax: { nodeType: dax.r5.large, nodes: 3, azs: [ap-northeast-2a] }', az('ap-northeast-2a'));
    assert.equal(pinned.outcome('sessions').state, 'degraded');
    assert.equal(pinned.fate('db:sessions'), 'up');
    assert.equal(pinned.fate('dax:sessions'), 'failed');
    const spread = run(table + '\n    dax: { nodeType: dax.r5.large, nodes: 3, azs: [ap-northeast-2a, ap-northeast-2b, ap-northeast-2c] }', az('ap-northeast-2a'));
    assert.equal(spread.fate('dax:sessions'), 'degraded');
    assert.match(spread.outcome('sessions').explanation, /1 of its 3 nodes/);
    const plain = run(table + '\n  orders:\n    service: rds\n    engine: mysql\n    az: ap-northeast-2a\n    multiAz: true', az('ap-northeast-2a'));
    assert.equal(plain.outcome('sessions').state, 'unaffected');
  });

  test('the table\'s Region: down without a global table; MREC replicas take over and lose the unreplicated writes; MRSC loses none', () => {
    assert.equal(run(table, region('ap-northeast-2')).outcome('sessions').state, 'down');
    const mrec = run(table + '\n    globalTable: { replicaRegions: [ap-northeast-1] }', region('ap-northeast-2'), {
      applications: '  app-tokyo:\n    region: ap-northeast-1\n    connects:\n      - { to: sessions, access: read-write }\n  app-oregon:\n    region: us-west-2\n    connects:\n      - { to: sessions, access: read-write }',
    });
    assert.equal(mrec.outcome('sessions').state, 'degraded');
    assert.match(mrec.outcome('sessions').rpo.text, /not yet replicated/);
    assert.equal(mrec.connection('app-tokyo', 'sessions').fate, 'works');
    assert.equal(mrec.connection('app-oregon', 'sessions').fate, 'reconnect');
    const mrsc = run(table + '\n    globalTable: { replicaRegions: [ap-northeast-1, ap-northeast-3], consistency: strong }', region('ap-northeast-2'));
    assert.deepEqual(mrsc.outcome('sessions').rpo.seconds, [0, 0]);
  });
});

describe('ElastiCache', () => {
  test('Valkey with Multi-AZ and a replica fails over; without Multi-AZ it is read-only; without a replica it is down', () => {
    const base = '  cache:\n    service: elasticache\n    engine: valkey\n    azs: [ap-northeast-2a, ap-northeast-2b]';
    assert.equal(run(base + '\n    replicasPerShard: 1\n    multiAz: true', az('ap-northeast-2a')).outcome('cache').state, 'failed-over');
    const noMultiAz = run(base + '\n    replicasPerShard: 1', az('ap-northeast-2a')).outcome('cache');
    assert.equal(noMultiAz.state, 'read-only');
    assert.match(noMultiAz.improvements[0], /multiAz: true/);
    const none = run(base + '\n    replicasPerShard: 0\n    role: session-store', az('ap-northeast-2a')).outcome('cache');
    assert.equal(none.state, 'down');
    assert.equal(none.rpo.text, 'every session');
  });

  test('Memcached loses the data of the lost nodes: spread nodes degrade, one AZ (the default) goes down', () => {
    const spread = run('  cache:\n    service: elasticache\n    engine: memcached\n    shards: 4\n    azs: [ap-northeast-2a, ap-northeast-2b]', az('ap-northeast-2a')).outcome('cache');
    assert.equal(spread.state, 'degraded');
    assert.match(spread.explanation, /2 of the 4 Memcached nodes/);
    const oneAz = run('  cache:\n    service: elasticache\n    engine: memcached\n    shards: 2\n  orders:\n    service: rds\n    engine: mysql\n    az: ap-northeast-2a\n    multiAz: true', az('ap-northeast-2a')).outcome('cache');
    assert.equal(oneAz.state, 'down');
    assert.match(oneAz.explanation, /AZ mode single-az/);
  });
});

describe('Redshift, QLDB, Timestream', () => {
  test('a single-AZ cluster is down; Multi-AZ fails over; Serverless, QLDB and Timestream lose nothing known to an AZ', () => {
    const databases = `  single:\n    service: redshift\n    nodeType: ra3.xlplus\n    nodes: 2\n    az: ap-northeast-2a
  multi:\n    service: redshift\n    nodeType: ra3.xlplus\n    nodes: 2\n    az: ap-northeast-2a\n    multiAz: true\n    security: { encrypted: true }
  lake:\n    service: redshift\n    serverless: { baseRpu: 32 }
  ledger:\n    service: qldb
  metrics:\n    service: timestream`;
    const { outcome } = run(databases, az('ap-northeast-2a'));
    assert.equal(outcome('single').state, 'down');
    assert.match(outcome('single').improvements[0], /Multi-AZ/);
    assert.equal(outcome('multi').state, 'failed-over');
    for (const name of ['lake', 'ledger', 'metrics']) assert.equal(outcome(name).state, 'unaffected', name);
    const regionLoss = run(databases, region('ap-northeast-2'));
    for (const name of ['single', 'multi', 'lake', 'ledger', 'metrics']) assert.equal(regionLoss.outcome(name).state, 'down', name);
  });
});

describe('scenarios, worst case and the one-AZ verdict', () => {
  const shop = readFileSync(join(examples, 'shop.dbarch.yaml'), 'utf8');

  test('failureScenarios: every AZ used (Regions in order, AZs sorted), every Region, every named instance, deterministically', () => {
    const { model, topology } = load(shop, 'shop.dbarch.yaml');
    const scenarios = failureScenarios(model, topology).map(describeScenario);
    assert.deepEqual(scenarios, [
      'loss of AZ ap-northeast-2a',
      'loss of AZ ap-northeast-2b',
      'loss of AZ ap-northeast-2c',
      'loss of AZ ap-northeast-1a',
      'loss of Region ap-northeast-2',
      'loss of Region ap-northeast-1',
      'failure of orders',
      'failure of orders-replica-1',
      'failure of orders-replica-tokyo',
      'failure of orders-replica-tokyo-2',
      'failure of catalog-1',
      'failure of catalog-2',
      'failure of catalog-3',
      'failure of session-cache',
      'failure of warehouse',
      'failure of documents-1',
      'failure of graph-1',
    ]);
    assert.deepEqual(failureScenarios(model, topology).map(describeScenario), scenarios);
  });

  test('a Region with instances but no AZ named gets its `a` AZ, which takes the nodes the file does not place', () => {
    const { model, topology, outcome } = run('  orders:\n    service: rds\n    engine: postgres', az('ap-northeast-2a'));
    assert.deepEqual(failureScenarios(model, topology).filter((scenario) => scenario.kind === 'az'), [{ kind: 'az', az: 'ap-northeast-2a' }]);
    assert.equal(outcome('orders').state, 'down');
  });

  test('worstCase names the scenario of each database\'s worst outcome', () => {
    const { model, topology } = load(shop, 'shop.dbarch.yaml');
    const worst = worstCase(model, topology, failureScenarios(model, topology).filter((scenario) => scenario.kind === 'az'));
    const summary = Object.fromEntries(worst.map((outcome) => [outcome.database, `${outcome.state} @ ${describeScenario(outcome.scenario)}`]));
    assert.deepEqual(summary, {
      orders: 'failed-over @ loss of AZ ap-northeast-2a',
      catalog: 'failed-over @ loss of AZ ap-northeast-2a',
      sessions: 'degraded @ loss of AZ ap-northeast-2a',
      'session-cache': 'failed-over @ loss of AZ ap-northeast-2a',
      warehouse: 'down @ loss of AZ ap-northeast-2a',
      documents: 'down @ loss of AZ ap-northeast-2a',
      graph: 'down @ loss of AZ ap-northeast-2a',
      ledger: 'unaffected @ loss of AZ ap-northeast-2a',
      metrics: 'unaffected @ loss of AZ ap-northeast-2a',
    });
  });

  test('azLoss: the rules\' verdict matches the worst AZ scenario', () => {
    const { model, topology } = load(shop, 'shop.dbarch.yaml');
    const verdict = (name: string) => azLoss(model, topology, model.byName.get(name)!);
    assert.equal(verdict('documents').down, true);
    assert.equal(verdict('documents').az, 'ap-northeast-2a');
    assert.equal(verdict('orders').keepsWrites, true);
    assert.equal(verdict('orders').down, false);
    assert.equal(verdict('sessions').daxLost, false);
  });

  test('every scenario of every example gives each database an explanation and keeps reads/writes consistent with its state', () => {
    for (const file of readdirSync(examples).filter((name) => /\.dbarch\.(ya?ml|json)$/.test(name))) {
      const { model, topology } = load(readFileSync(join(examples, file), 'utf8'), file);
      for (const scenario of failureScenarios(model, topology)) {
        const simulation = simulate(model, topology, scenario);
        assert.equal(simulation.connections.length, topology.edges.length);
        assert.equal(simulation.nodes.size, topology.nodes.length);
        for (const outcome of simulation.databases) {
          const where = `${file}, ${simulation.description}, ${outcome.database}`;
          assert.ok(outcome.explanation.length > 0, where);
          if (outcome.state === 'down') assert.deepEqual([outcome.reads, outcome.writes], [false, false], where);
          if (outcome.state === 'read-only') assert.deepEqual([outcome.reads, outcome.writes], [true, false], where);
          if (outcome.state === 'unaffected' || outcome.state === 'failed-over' || outcome.state === 'degraded') assert.deepEqual([outcome.reads, outcome.writes], [true, true], where);
        }
      }
    }
  });
});
