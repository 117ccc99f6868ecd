// The Topology of a design and its Mermaid text: nodes per role, edges per kind, Region > AZ groups,
// and labels that no file content can break.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lint } from '../../src/core/lint';
import { escapeLabel, toMermaid } from '../../src/core/mermaid';

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

describe('Mermaid escaping', () => {
  test('quotes, brackets, pipes, directives and HTML become entity codes', () => {
    assert.equal(escapeLabel('a"b'), 'a#34;b');
    assert.equal(escapeLabel('%%{init: {"theme":"dark"}}%%'), '#37;#37;#123;init: #123;#34;theme#34;:#34;dark#34;#125;#125;#37;#37;');
    assert.equal(escapeLabel('<img src=x onerror=alert(1)>'), '#60;img src#61;x onerror#61;alert(1)#62;');
    assert.equal(escapeLabel('x]; click n0 call evil()'), 'x#93;#59; click n0 call evil()');
    assert.equal(escapeLabel('주문 DB'), '주문 DB');
  });

  test('hostile names in the file never reach the diagram unescaped', () => {
    const hostile = design.replace("version: 19c", "version: '19c\"]\\n  click n0 \"javascript:alert(1)\"'");
    const text = toMermaid(lint(hostile, { fileName: 't.dbarch.yaml' }).topology!);
    const lines = text.split('\n');
    assert.ok(!lines.some((line) => /^\s*click\b/.test(line)), 'no injected click directive');
    const label = lines.find((line) => line.includes('oracle'))!;
    // The only double quotes on the line are the two that delimit the label.
    assert.equal(label.split('"').length - 1, 2, label);
    assert.match(label, /#34;#93;#92;n {2}click n0 #34;javascript:alert\(1\)#34;/);
  });
});
