// The Topology of a design: nodes per role, edges per kind, Region > AZ groups, for every service.
// (Its Mermaid text is test/unit/diagram.test.ts's.)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { lint } from '../../src/core/lint';
import { toMermaid } from '../../src/core/mermaid';
import type { Topology, TopologyEdge, TopologyNode } from '../../src/core/topology/topology';

const design = `dbarch: 1
name: topology
region: ap-northeast-2
applications:
  web:
    connects:
      - { to: orders, access: read-write }
      - { to: catalog, endpoint: reader, access: read }
databases:
  orders:
    service: rds
    engine: postgres
    az: ap-northeast-2a
    multiAz: { standbyAz: ap-northeast-2c }
    readReplicas:
      - name: orders-replica-1
        az: ap-northeast-2b
      - name: orders-tokyo
        region: ap-northeast-1
        az: ap-northeast-1a
        readReplicas:
          - name: orders-tokyo-2
  catalog:
    service: aurora
    engine: aurora-mysql
    instances:
      - { name: catalog-1, role: writer, az: ap-northeast-2a }
      - { name: catalog-2, az: ap-northeast-2b }
migrations:
  - name: legacy
    source: { engine: oracle, version: 19c, location: on-premises }
    target: orders
    type: full-load-and-cdc
`;

describe('topology', () => {
  const { topology } = lint(design, { fileName: 't.dbarch.yaml' });
  assert.ok(topology);

  test('nodes for primary, standby, replicas (chained and cross-Region), writer, reader, volume, app and external source', () => {
    const summary = topology.nodes.map((node) => `${node.kind} ${node.label} ${node.region ?? '-'} ${node.az ?? '-'}`);
    assert.deepEqual(summary, [
      'rds-primary orders ap-northeast-2 ap-northeast-2a',
      'rds-standby orders standby ap-northeast-2 ap-northeast-2c',
      'rds-replica orders-replica-1 ap-northeast-2 ap-northeast-2b',
      'rds-replica orders-tokyo ap-northeast-1 ap-northeast-1a',
      'rds-replica orders-tokyo-2 ap-northeast-1 ap-northeast-1a',
      'cluster-volume catalog cluster volume ap-northeast-2 -',
      'cluster-writer catalog-1 ap-northeast-2 ap-northeast-2a',
      'cluster-reader catalog-2 ap-northeast-2 ap-northeast-2b',
      'application web ap-northeast-2 -',
      'external-source oracle 19c - -',
    ]);
  });

  test('edges distinguish sync and async replication, connections through endpoints and migrations', () => {
    const summary = topology.edges.map((edge) => `${edge.from} ${edge.kind} ${edge.to}${edge.crossRegion ? ' cross-Region' : ''}${edge.access ? ' ' + edge.access : ''}`);
    assert.deepEqual(summary, [
      'db:orders sync-replication db:orders:standby',
      'db:orders async-replication member:orders-replica-1',
      'db:orders async-replication member:orders-tokyo cross-Region',
      'member:orders-tokyo async-replication member:orders-tokyo-2',
      'member:catalog-1 storage db:catalog:volume',
      'member:catalog-2 storage db:catalog:volume',
      'app:web connection db:orders read-write',
      'app:web connection member:catalog-2 read',
      'ext:legacy migration db:orders',
    ]);
  });

  test('groups nodes by Region, then AZ, with Region-wide nodes apart', () => {
    assert.deepEqual(
      topology.regions.map((region) => ({ region: region.region, azs: region.azs.map((az) => `${az.az}:${az.nodes.length}`), regional: region.regional })),
      [
        { region: 'ap-northeast-2', azs: ['ap-northeast-2a:2', 'ap-northeast-2b:2', 'ap-northeast-2c:1'], regional: ['db:catalog:volume', 'app:web'] },
        { region: 'ap-northeast-1', azs: ['ap-northeast-1a:2'], regional: [] },
      ],
    );
    assert.deepEqual(topology.outside, ['ext:legacy']);
  });

  test('the Mermaid text is deterministic', () => {
    assert.equal(toMermaid(topology), toMermaid(lint(design, { fileName: 't.dbarch.yaml' }).topology!));
  });
});

describe('every service (test/fixtures/diagram/services.dbarch.yaml)', () => {
  const file = join(__dirname, '..', 'fixtures', 'diagram', 'services.dbarch.yaml');
  const topology: Topology = lint(readFileSync(file, 'utf8'), { fileName: file }).topology!;
  const node = (id: string): TopologyNode => {
    const found = topology.nodeById.get(id);
    assert.ok(found, `a node ${id}`);
    return found;
  };
  const where = (id: string): string => {
    const found = node(id);
    return `${found.kind} ${found.role} ${found.region ?? '-'} ${found.az ?? '-'}${found.readable ? ' readable' : ''}${found.writable ? ' writable' : ''}`;
  };
  const edges = (predicate: (edge: TopologyEdge) => boolean): string[] =>
    topology.edges.filter(predicate).map((edge) => `${edge.from} ${edge.kind} ${edge.to}${edge.label ? ` "${edge.label}"` : ''}${edge.crossRegion ? ' cross-Region' : ''}${edge.twoWay ? ' two-way' : ''}`);
  const connections = (app: string): string[] => edges((edge) => edge.from === `app:${app}` && edge.kind === 'connection');

  test('RDS Multi-AZ DB cluster: two readable standbys fed semi-synchronously, which the reader endpoint reaches', () => {
    assert.deepEqual(topology.nodesOf.get('ledger')?.slice(0, 3), ['db:ledger', 'db:ledger:standby-1', 'db:ledger:standby-2']);
    assert.equal(where('db:ledger'), 'rds-primary primary eu-west-1 eu-west-1a readable writable');
    assert.equal(where('db:ledger:standby-1'), 'rds-standby standby eu-west-1 - readable');
    assert.equal(where('db:ledger:standby-2'), 'rds-standby standby eu-west-1 - readable');
    assert.deepEqual(edges((edge) => edge.from === 'db:ledger' && edge.kind === 'sync-replication'), [
      'db:ledger sync-replication db:ledger:standby-1 "semi-sync"',
      'db:ledger sync-replication db:ledger:standby-2 "semi-sync"',
    ]);
    assert.deepEqual(connections('api').filter((edge) => edge.includes('ledger')), [
      'app:api connection db:ledger "read-write"',
      'app:api connection db:ledger:standby-1 "read, reader endpoint"',
      'app:api connection db:ledger:standby-2 "read, reader endpoint"',
    ]);
  });

  test('a cross-Region replica runs in its own Region with its own Multi-AZ standby, and its chained replica inherits the Region', () => {
    assert.equal(where('member:ledger-us'), 'rds-replica replica us-east-1 us-east-1a readable');
    assert.equal(where('member:ledger-us:standby'), 'rds-standby standby us-east-1 us-east-1b');
    assert.equal(where('member:ledger-us-2'), 'rds-replica replica us-east-1 us-east-1c readable');
    assert.deepEqual(edges((edge) => edge.to.startsWith('member:ledger-us') && edge.kind !== 'connection'), [
      'db:ledger async-replication member:ledger-us "async" cross-Region',
      'member:ledger-us sync-replication member:ledger-us:standby "sync"',
      'member:ledger-us async-replication member:ledger-us-2 "async"',
    ]);
    assert.deepEqual(node('member:ledger-us').summary, ['cross-Region replica']);
    assert.deepEqual(node('member:ledger-us:standby').summary, ['standby', 'serves no reads']);
  });

  test('Aurora: a writer, readers by promotion tier, one regional cluster volume of 6 copies in 3 AZs, a Global Database secondary', () => {
    assert.equal(where('db:billing:volume'), 'cluster-volume storage eu-west-1 -');
    assert.deepEqual(node('db:billing:volume').summary, ['Aurora PostgreSQL 16.4', 'I/O-Optimized', '6 copies, 2 in each of 3 AZs']);
    assert.equal(where('member:billing-1'), 'cluster-writer primary eu-west-1 eu-west-1a readable writable');
    assert.equal(where('member:billing-2'), 'cluster-reader replica eu-west-1 eu-west-1b readable');
    assert.deepEqual(node('member:billing-2').summary, ['reader', 'tier 0', 'db.r7g.large']);
    assert.deepEqual(node('member:billing-3').summary, ['reader', 'tier 2', 'db.r7g.large']);
    assert.equal(where('gdb:billing@us-east-1'), 'global-secondary-cluster replica us-east-1 - readable');
    assert.deepEqual(edges((edge) => edge.to === 'db:billing:volume' || edge.from === 'db:billing:volume'), [
      'member:billing-1 storage db:billing:volume "writes"',
      'member:billing-2 storage db:billing:volume "reads"',
      'member:billing-3 storage db:billing:volume "reads"',
      'db:billing:volume global-replication gdb:billing@us-east-1 "async storage, under 1 s" cross-Region',
    ]);
    assert.equal(topology.entryOf.get('billing'), 'member:billing-1');
  });

  test('Aurora endpoints: the writer by default, every reader behind `reader`, only the members of a custom endpoint', () => {
    assert.deepEqual(connections('api').filter((edge) => edge.includes('billing')), [
      'app:api connection member:billing-1 "read-write"',
      'app:api connection member:billing-2 "read, reader endpoint"',
      'app:api connection member:billing-3 "read, reader endpoint"',
    ]);
    assert.deepEqual(connections('finance')[0], 'app:finance connection member:billing-3 "read, analytics endpoint"');
  });

  test('DynamoDB: the table with its GSI and LSI, DAX across three AZs, the stream to its consumer, a two-way global table replica', () => {
    assert.equal(where('db:profiles'), 'dynamodb-table primary eu-west-1 - readable writable');
    assert.deepEqual(node('db:profiles').summary, ['DynamoDB provisioned', '400 RCU', '100 WCU']);
    assert.deepEqual([node('idx:profiles/by-email').summary, node('idx:profiles/by-updated').summary], [['GSI (email)'], ['LSI (user_id, updated_at)']]);
    // Three nodes in three AZs belong to the Region, not to the first AZ listed.
    assert.equal(where('dax:profiles'), 'dax cache eu-west-1 - readable writable');
    assert.equal(node('dax:profiles').count, 3);
    assert.equal(where('gt:profiles@us-east-1'), 'dynamodb-global-replica primary us-east-1 - readable writable');
    assert.deepEqual(edges((edge) => edge.from === 'db:profiles' || edge.to === 'db:profiles').filter((edge) => !edge.startsWith('app:')), [
      'db:profiles index idx:profiles/by-email "GSI"',
      'db:profiles index idx:profiles/by-updated "LSI"',
      'db:profiles global-replication gt:profiles@us-east-1 "async (MREC)" cross-Region two-way',
      'dax:profiles cache db:profiles "write-through"',
      'db:profiles stream app:audit "stream"',
    ]);
  });

  test('an application reaches the global table replica of its own Region', () => {
    assert.deepEqual(connections('api-us'), ['app:api-us connection gt:profiles@us-east-1 "read-write"', 'app:api-us connection member:ledger-us "read"']);
    assert.deepEqual(connections('api').filter((edge) => edge.includes('profiles')), ['app:api connection db:profiles "read-write"']);
  });

  test('ElastiCache: shard primaries and one replica node per replica of each shard, spread over the listed AZs; Memcached in front of Aurora', () => {
    assert.equal(where('db:sessions'), 'cache-primary cache eu-west-1 eu-west-1a readable writable');
    assert.equal(where('db:sessions:replica-1'), 'cache-replica replica eu-west-1 eu-west-1b readable');
    assert.equal(where('db:sessions:replica-2'), 'cache-replica replica eu-west-1 eu-west-1c readable');
    assert.deepEqual([node('db:sessions').count, node('db:sessions:replica-1').count], [3, 3]);
    assert.deepEqual(node('db:sessions').summary, ['3 shard primaries', 'Valkey 8.0', 'cache.r7g.large']);
    assert.deepEqual(edges((edge) => edge.from === 'db:sessions'), ['db:sessions async-replication db:sessions:replica-1 "async"', 'db:sessions async-replication db:sessions:replica-2 "async"']);
    assert.equal(where('db:page-cache'), 'cache-node cache eu-west-1 eu-west-1a readable writable');
    assert.equal(node('db:page-cache').count, 2);
    assert.deepEqual(edges((edge) => edge.from === 'db:page-cache'), ['db:page-cache cache member:billing-1 "cache for"']);
  });

  test('Redshift: a leader, its compute nodes and the Spectrum link to S3; Serverless as one node', () => {
    assert.equal(where('db:warehouse'), 'redshift-leader analytics eu-west-1 eu-west-1a readable writable');
    assert.deepEqual(node('db:warehouse').summary, ['Redshift leader', 'Multi-AZ']);
    assert.equal(where('db:warehouse:compute'), 'redshift-compute analytics eu-west-1 eu-west-1a');
    assert.equal(node('db:warehouse:compute').count, 4);
    assert.equal(where('s3:warehouse'), 's3 storage eu-west-1 - readable');
    assert.deepEqual(node('s3:warehouse').summary, ['s3://every-service-lake']);
    assert.deepEqual(edges((edge) => edge.from === 'db:warehouse'), ['db:warehouse storage db:warehouse:compute "distributes"', 'db:warehouse spectrum s3:warehouse "Spectrum"']);
    assert.equal(where('db:adhoc'), 'redshift-serverless analytics eu-west-1 - readable writable');
    assert.deepEqual(node('db:adhoc').summary, ['Redshift Serverless', '32 RPU']);
  });

  test('DocumentDB and Neptune: instances in their AZs over a regional cluster volume', () => {
    assert.deepEqual(topology.nodesOf.get('catalog'), ['db:catalog:volume', 'member:catalog-1', 'member:catalog-2']);
    assert.deepEqual(node('db:catalog:volume').summary, ['DocumentDB 5.0.0', '6 copies, 2 in each of 3 AZs']);
    assert.deepEqual(topology.nodesOf.get('graph'), ['db:graph:volume', 'member:graph-1', 'member:graph-2']);
    assert.deepEqual(node('db:graph:volume').summary, ['Neptune', 'spans 3 AZs']);
    assert.deepEqual(connections('recommender'), ['app:recommender connection member:catalog-2 "read, reader endpoint"', 'app:recommender connection member:graph-2 "read, reader endpoint"']);
  });

  test('DMS: an external source outside every Region, and migrations labelled with their type', () => {
    assert.equal(where('ext:from-mysql'), 'external-source external - - readable writable');
    assert.equal(node('ext:from-mysql').label, 'mysql 8.0');
    assert.deepEqual(node('ext:from-mysql').summary, ['source on EC2']);
    assert.deepEqual(topology.outside, ['ext:from-mysql']);
    assert.deepEqual(
      topology.edges.filter((edge) => edge.kind === 'migration').map((edge) => `${edge.from} -> ${edge.to} ${edge.migrationType} "${edge.label}"`),
      ['ext:from-mysql -> member:billing-1 full-load "DMS full-load"', 'member:billing-1 -> db:warehouse cdc "DMS cdc"'],
    );
  });

  test('applications: a summary from the first clause of their description', () => {
    assert.deepEqual(node('app:api').summary, ['Public API on ECS']);
    assert.deepEqual(node('app:recommender').summary, []);
  });

  test('Regions in the order they first appear, AZs sorted, Region-wide nodes apart', () => {
    assert.deepEqual(
      topology.regions.map((region) => `${region.region}: ${region.azs.map((az) => `${az.az} (${az.nodes.length})`).join(', ')}; ${region.regional.length} Region-wide`),
      ['eu-west-1: eu-west-1a (7), eu-west-1b (4), eu-west-1c (3); 15 Region-wide', 'us-east-1: us-east-1a (1), us-east-1b (1), us-east-1c (1); 3 Region-wide'],
    );
  });
});

describe('names written twice', () => {
  test('a duplicate replica name gets a suffixed node id, and each connection lands on its own database', () => {
    const text = `dbarch: 1
name: twice
environment: development
region: eu-west-1
applications:
  app:
    connects:
      - { to: a/copy, access: read }
      - { to: b/copy, access: read }
databases:
  a:
    service: rds
    engine: postgres
    readReplicas: [{ name: copy }]
  b:
    service: rds
    engine: postgres
    readReplicas: [{ name: copy }]
`;
    const { topology } = lint(text, { fileName: 't.dbarch.yaml' });
    assert.ok(topology);
    assert.deepEqual(topology.nodes.map((node) => `${node.id} ${node.database}`), ['db:a a', 'member:copy a', 'db:b b', 'member:copy~2 b', 'app:app undefined']);
    assert.deepEqual(topology.edges.filter((edge) => edge.kind === 'connection').map((edge) => edge.to), ['member:copy', 'member:copy~2']);
  });
});
