// The Mermaid text of a topology: stored snapshots of every example, of a design with every service
// and of hostile text; the grammar every line keeps (so no file content can add syntax, a directive or
// markup); generated ids; one style per edge kind; Region and database views; the label escaping.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { lint } from '../../src/core/lint';
import { clip, diagramViews, EDGE_STYLES, escapeLabel, packLines, renderDiagram, ROLE_STYLES, textWidth, toMermaid, type Diagram, type DiagramView } from '../../src/core/mermaid';
import type { Topology } from '../../src/core/topology/topology';
import { matchSnapshot, snapshotFiles, UPDATING } from '../support/snapshot';

const examples = join(__dirname, '..', '..', 'examples');
const fixtures = join(__dirname, '..', 'fixtures', 'diagram');

function topologyOf(file: string): Topology {
  const { topology } = lint(readFileSync(file, 'utf8'), { fileName: file });
  assert.ok(topology, `${file} has a topology`);
  return topology;
}

function topologyFromText(text: string): Topology {
  const { topology } = lint(text, { fileName: 'inline.dbarch.yaml' });
  assert.ok(topology);
  return topology;
}

/** Each stored snapshot: the file it draws and the view. */
const cases: { snapshot: string; file: string; view?: DiagramView }[] = [
  ...readdirSync(examples)
    .filter((file) => /\.dbarch\.(ya?ml|json)$/.test(file))
    .sort()
    .map((file) => ({ snapshot: `${file.replace(/\.dbarch\.(ya?ml|json)$/, '')}.mmd`, file: join(examples, file) })),
  { snapshot: 'services.mmd', file: join(fixtures, 'services.dbarch.yaml') },
  { snapshot: 'hostile-labels.mmd', file: join(fixtures, 'hostile-labels.dbarch.yaml') },
  { snapshot: 'shop.region-ap-northeast-1.mmd', file: join(examples, 'shop.dbarch.yaml'), view: { kind: 'region', region: 'ap-northeast-1' } },
  { snapshot: 'shop.database-orders.mmd', file: join(examples, 'shop.dbarch.yaml'), view: { kind: 'database', database: 'orders' } },
  { snapshot: 'services.database-profiles.mmd', file: join(fixtures, 'services.dbarch.yaml'), view: { kind: 'database', database: 'profiles' } },
];

describe('diagram snapshots (UPDATE_SNAPSHOTS=1 rewrites them)', () => {
  for (const { snapshot, file, view } of cases) {
    test(snapshot, () => matchSnapshot(renderDiagram(topologyOf(file), { view }).text, `diagram/${snapshot}`));
  }

  test('every stored diagram snapshot belongs to a case', () => {
    if (UPDATING) return;
    assert.deepEqual(snapshotFiles('diagram'), cases.map((item) => item.snapshot).sort());
  });
});

// What a quoted label may hold: no `"`, no `<` or `>` but in `<br/>`, `#`, `%` and `&` only before a
// word joiner, a backtick only after one, no control character.
const BODY = String.raw`(?:[^"<>#%&\u0060\u2060\p{Cc}\u2028\u2029]|[#%&\uFB02\u00B6]\u2060|\u2060(?=[\u0060a-zA-Z])\u0060?|<br/>)*`;
const ROLES = Object.keys(ROLE_STYLES).join('|');
const STYLE = String.raw`[a-z0-9:#,.\- ]+`;
const GRAMMAR: RegExp[] = [
  /^flowchart (LR|TB|RL|BT)$/u,
  new RegExp(String.raw`^  subgraph r\d+\["${BODY}"\]$`, 'u'),
  new RegExp(String.raw`^    subgraph r\d+z\d+\["${BODY}"\]$`, 'u'),
  /^    direction (LR|TB|RL|BT)$/u,
  /^ {2}(?: {2})?end$/u,
  new RegExp(String.raw`^ {2}(?: {2}(?: {2})?)?n\d+(?:\["${BODY}"\]|\[\("${BODY}"\)\]|\(\["${BODY}"\]\)|\{\{"${BODY}"\}\}|\[/"${BODY}"/\]|\("${BODY}"\)|\[\["${BODY}"\]\])$`, 'u'),
  new RegExp(String.raw`^  n\d+ (?:==>|<==>|-\.->|<-\.->|-->|---|-\.-)(?:\|"${BODY}"\|)? n\d+$`, 'u'),
  new RegExp(String.raw`^  classDef (?:${ROLES}|region|az|context) ${STYLE}$`, 'u'),
  new RegExp(String.raw`^  class (?:n\d+|r\d+(?:z\d+)?)(?:,(?:n\d+|r\d+(?:z\d+)?))* (?:${ROLES}|region|az|context)$`, 'u'),
  new RegExp(String.raw`^  linkStyle \d+(?:,\d+)* ${STYLE}$`, 'u'),
];

/** Every line of the text is one of the shapes the renderer writes; the label bodies hold nothing else. */
function assertGrammar(text: string): void {
  assert.ok(text.endsWith('\n'));
  for (const line of text.slice(0, -1).split('\n')) {
    assert.ok(
      GRAMMAR.some((pattern) => pattern.test(line)),
      `a line the renderer does not write: ${JSON.stringify(line)}`,
    );
  }
  assert.ok(!/%%/.test(text), 'no %% (comments and directives)');
  assert.ok(!/#\w+;/.test(text.split('\n').filter((line) => !/^ {2}(classDef|linkStyle) /.test(line)).join('\n')), 'no entity codes');
}

describe('the Mermaid text', () => {
  const shop = topologyOf(join(examples, 'shop.dbarch.yaml'));
  const services = topologyOf(join(fixtures, 'services.dbarch.yaml'));

  test('every snapshot case and every view of them keeps the grammar', () => {
    for (const { file } of cases) {
      const topology = topologyOf(file);
      for (const { view } of diagramViews(topology)) assertGrammar(renderDiagram(topology, { view }).text);
    }
  });

  test('node ids are n0, n1, ... in order, each declared once, and the node map gives the id the text uses', () => {
    for (const topology of [shop, services]) {
      const diagram = renderDiagram(topology);
      assert.deepEqual(
        diagram.nodes.map((node) => node.id),
        diagram.nodes.map((_, index) => `n${index}`),
      );
      const declared = diagram.text.split('\n').flatMap((line) => /^ +(n\d+)[[({]/.exec(line)?.[1] ?? []);
      assert.deepEqual([...declared].sort(), diagram.nodes.map((node) => node.id).sort());
      for (const node of diagram.nodes) assert.equal(topology.nodeById.get(node.topologyId)?.pointer, node.pointer);
      const subgraphs = diagram.text.split('\n').flatMap((line) => /^ +subgraph (\S+)\[/.exec(line)?.[1] ?? []);
      assert.deepEqual(subgraphs, diagram.groups.map((group) => group.id));
      assert.ok(subgraphs.every((id) => /^r\d+(z\d+)?$/.test(id)));
    }
  });

  test('edges are numbered in the order they are written, and each has exactly the linkStyle of its style', () => {
    const diagram = renderDiagram(services);
    const edgeLines = diagram.text.split('\n').filter((line) => /^ {2}n\d+ \S+ /.test(line));
    assert.equal(edgeLines.length, diagram.edgeCount);
    assert.equal(diagram.edges.length, diagram.edgeCount);
    const styled = new Map<number, string>();
    for (const line of diagram.text.split('\n')) {
      const match = /^ {2}linkStyle ([\d,]+) (.+)$/.exec(line);
      if (!match) continue;
      for (const index of match[1].split(',').map(Number)) {
        assert.ok(!styled.has(index), `edge ${index} styled once`);
        styled.set(index, match[2]);
      }
    }
    diagram.edges.forEach((edge, index) => {
      assert.equal(edge.index, index);
      assert.ok(edgeLines[index].startsWith(`  ${edge.from} `) && edgeLines[index].endsWith(` ${edge.to}`), edgeLines[index]);
      assert.equal(styled.get(index), EDGE_STYLES[edge.style], `edge ${index} (${edge.kind})`);
    });
  });

  test('each kind of edge has its own arrow, style and label', () => {
    const diagram = renderDiagram(services);
    const lines = diagram.text.split('\n');
    const line = (edge: Diagram['edges'][number]): string => lines.find((text) => text.startsWith(`  ${edge.from} `) && text.endsWith(` ${edge.to}`))!;
    const summary = diagram.edges.map((edge) => `${edge.kind}/${edge.style}: ${line(edge).replace(/^ {2}n\d+ /, '').replace(/ n\d+$/, '')}`);
    const first = (prefix: string): string | undefined => summary.find((entry) => entry.startsWith(prefix));
    assert.equal(first('sync-replication/sync'), 'sync-replication/sync: ==>|"semi-sync"|');
    assert.equal(first('async-replication/async'), 'async-replication/async: -.->|"async, cross-Region"|');
    assert.equal(first('global-replication/global'), 'global-replication/global: -.->|"async storage, under 1 s"|');
    assert.ok(summary.includes('global-replication/global: <-.->|"async (MREC)"|'));
    assert.equal(first('storage/storage'), 'storage/storage: -->', 'a writer writes its volume');
    assert.ok(summary.includes('storage/storage: ---'), 'a reader shares the volume: no arrow');
    assert.ok(summary.includes('storage/storage: -->|"distributes"|'), 'a Redshift leader and its compute nodes');
    assert.ok(summary.includes('async-replication/async: -.->'), 'a cache replica: the replica says it is one');
    assert.equal(first('index/index'), 'index/index: -.-');
    assert.equal(first('connection/read-write'), 'connection/read-write: -->|"read-write"|');
    assert.equal(first('connection/read:'), 'connection/read: -->|"read, reader endpoint"|');
    assert.equal(first('migration/migration'), 'migration/migration: ==>|"DMS full-load"|');
    assert.ok(summary.includes('migration/migration: ==>|"DMS cdc"|'));
    assert.equal(first('cache/cache'), 'cache/cache: -.->|"write-through"|');
    assert.equal(first('stream/stream'), 'stream/stream: -.->|"stream"|');
    assert.equal(first('spectrum/spectrum'), 'spectrum/spectrum: -.->|"Spectrum"|');
    // Every style looks different from every other.
    assert.equal(new Set(Object.values(EDGE_STYLES)).size, Object.keys(EDGE_STYLES).length);
  });

  test('a strongly consistent (MRSC) global table replicates synchronously both ways', () => {
    const topology = topologyFromText(`dbarch: 1
name: mrsc
environment: development
region: us-east-1
databases:
  carts:
    service: dynamodb
    partitionKey: { name: cart_id, type: S }
    globalTable: { replicaRegions: [us-east-2, us-west-2], consistency: strong }
`);
    const text = renderDiagram(topology).text;
    assert.match(text, /^ {2}n0 <==>\|"sync \(MRSC\)"\| n1$/m);
    assert.match(text, /^ {2}linkStyle 0,1 stroke:#e8590c,stroke-width:3px$/m);
  });

  test('role colours: orange primaries and writers, green replicas and readers, blue storage, dark text on every fill', () => {
    assert.match(ROLE_STYLES.primary, /fill:#ff922b/);
    assert.match(ROLE_STYLES.replica, /fill:#51cf66/);
    assert.match(ROLE_STYLES.storage, /fill:#74c0fc/);
    for (const style of Object.values(ROLE_STYLES)) assert.match(style, /color:#1a1a1a/);
    const diagram = renderDiagram(services);
    const classOf = (id: string): string | undefined => diagram.text.split('\n').find((line) => line.startsWith('  class ') && line.split(' ')[3].split(',').includes(id))?.split(' ')[4];
    for (const node of diagram.nodes) assert.equal(classOf(node.id), node.role, node.topologyId);
  });

  test('the same topology gives the same text; the direction is the one asked for', () => {
    assert.equal(renderDiagram(shop).text, renderDiagram(topologyOf(join(examples, 'shop.dbarch.yaml'))).text);
    assert.match(toMermaid(shop, 'TB'), /^flowchart TB\n {2}subgraph r0\["Region ap-northeast-2"\]\n {4}direction TB\n/);
    assert.equal(toMermaid(shop), renderDiagram(shop).text);
  });

  test('a design without databases is an empty flowchart', () => {
    const diagram = renderDiagram(topologyFromText('dbarch: 1\nname: empty\n'));
    assert.deepEqual([diagram.nodes.length, diagram.edgeCount], [0, 0]);
    assert.match(diagram.text, /^flowchart LR\n {2}classDef primary /);
    assertGrammar(diagram.text);
  });
});

describe('views', () => {
  const shop = topologyOf(join(examples, 'shop.dbarch.yaml'));

  test('diagramViews lists the whole design, each Region, then each database', () => {
    assert.deepEqual(
      diagramViews(shop).map((choice) => `${choice.title}: ${choice.nodeCount}`),
      [
        'Whole design: 30',
        'Region ap-northeast-2: 25',
        'Region ap-northeast-1: 4',
        'orders (rds): 5',
        'catalog (aurora): 5',
        'sessions (dynamodb): 4',
        'session-cache (elasticache): 3',
        'warehouse (redshift): 3',
        'documents (documentdb): 2',
        'graph (neptune): 2',
        'ledger (qldb): 1',
        'metrics (timestream): 1',
      ],
    );
  });

  test('a Region view: that Region in its boxes, the other end of each edge outside as a small context node', () => {
    const diagram = renderDiagram(shop, { view: { kind: 'region', region: 'ap-northeast-1' } });
    assert.deepEqual(
      diagram.nodes.map((node) => `${node.id} ${node.topologyId}${node.context ? ` (context: ${node.lines.join(', ')})` : ''}`),
      [
        'n0 db:orders (context: ap-northeast-2)',
        'n1 member:orders-replica-tokyo',
        'n2 member:orders-replica-tokyo-2',
        'n3 db:catalog:volume (context: ap-northeast-2)',
        'n4 gdb:catalog@ap-northeast-1',
        'n5 db:sessions (context: ap-northeast-2)',
        'n6 gt:sessions@ap-northeast-1',
      ],
    );
    assert.deepEqual(diagram.groups.map((group) => `${group.id} ${group.az ?? group.region}`), ['r0 ap-northeast-1', 'r0z0 ap-northeast-1a']);
    assert.equal(diagram.edgeCount, 4, 'only the edges that touch the Region');
    const text = diagram.text;
    // Context nodes are declared after the last `end`, outside every box, and carry the context class.
    assert.ok(text.indexOf('  n0["orders<br/>ap-northeast-2"]') > text.lastIndexOf('  end\n'));
    assert.match(text, /^ {2}class n0,n3,n5 context$/m);
  });

  test('a database view: its nodes in their boxes, the applications, caches and migrations around it outside', () => {
    const diagram = renderDiagram(shop, { view: { kind: 'database', database: 'orders' } });
    assert.deepEqual(
      diagram.nodes.filter((node) => node.context).map((node) => `${node.topologyId}: ${node.lines.join(', ')}`),
      ['db:session-cache: primary, Valkey…', 'db:warehouse: Redshift leader', 'app:web: Storefront API', 'ext:legacy-orders: on-premises source'],
    );
    assert.deepEqual(
      diagram.nodes.filter((node) => !node.context).map((node) => node.topologyId),
      shop.nodesOf.get('orders'),
    );
    assert.deepEqual(
      diagram.edges.map((edge) => edge.kind),
      ['sync-replication', 'async-replication', 'async-replication', 'async-replication', 'connection', 'connection', 'cache', 'migration', 'migration'],
    );
  });

  test('a view of a Region or database the design does not have is empty', () => {
    for (const view of [{ kind: 'region', region: 'mars-1' }, { kind: 'database', database: 'nothing' }] as DiagramView[]) {
      const diagram = renderDiagram(shop, { view });
      assert.deepEqual([diagram.nodes.length, diagram.edgeCount, diagram.groups.length], [0, 0, 0]);
    }
  });
});

describe('labels', () => {
  const WJ = '\u2060';

  test('escapeLabel: no quote, markup, entity, directive or Markdown survives, and the text reads the same', () => {
    assert.equal(escapeLabel('a"b'), 'a\u201Db');
    assert.equal(escapeLabel('<img src=x onerror=alert(1)>'), '\u2039img src=x onerror=alert(1)\u203A');
    assert.equal(escapeLabel('%%{init: {"theme":"dark"}}%%'), `%${WJ}%${WJ}{init: {\u201Dtheme\u201D:\u201Ddark\u201D}}%${WJ}%${WJ}`);
    assert.equal(escapeLabel('#35; &amp; s12#ranked'), `#${WJ}35; &${WJ}amp; s12#${WJ}ranked`);
    assert.equal(escapeLabel('`**bold**`'), `${WJ}\`**bold**${WJ}\``);
    assert.equal(escapeLabel('x]; click n0 call evil() ::: --> |a|'), 'x]; click n0 call evil() ::: --\u203A |a|');
    assert.equal(escapeLabel('one\ntwo\r\nthree\u2028four\tfive'), 'one two  three four five');
    assert.equal(escapeLabel('abc\u202Eevil\u202C \u2066x\u2069'), 'abcevil x');
    assert.equal(escapeLabel('style n0 fill:#f00; classDef'), `s${WJ}tyle n0 fill:#${WJ}f00; c${WJ}lassDef`);
    assert.equal(escapeLabel('ﬂ°°60¶ß'), `ﬂ${WJ}°°60¶${WJ}ß`);
    assert.equal(escapeLabel('주문 DB שלום مرحبا'), '주문 DB שלום مرحبا');
  });

  test('hostile text in the file reaches the diagram only inside escaped labels', () => {
    const topology = topologyOf(join(fixtures, 'hostile-labels.dbarch.yaml'));
    const text = renderDiagram(topology).text;
    assertGrammar(text);
    assert.ok(!/^\s*(click|style|classDef x|%%)/m.test(text), 'no injected statement');
    const web = text.split('\n').find((line) => line.includes('(["web<br/>'))!;
    assert.equal(web.split('"').length - 1, 2, web);
    assert.ok(web.includes('\u2039img src=x'), web);
    const orders = text.split('\n').find((line) => line.includes('["orders<br/>'))!;
    assert.ok(orders.includes('PostgreSQL 16.4\u201D] click') && orders.includes('alert(1) %\u2060%\u2060<br/>'), orders);
  });

  test('clip cuts at a word with an ellipsis, by estimated width, never inside a surrogate pair', () => {
    assert.equal(clip('short', 10), 'short');
    assert.equal(clip('Lambda consumer of the sessions stream', 12), 'Lambda consumer of…');
    assert.equal(clip('  a\n\tb  ', 10), 'a b');
    assert.equal(clip('x'.repeat(100_000), 5), 'xxxxxxxx…');
    assert.ok(textWidth(clip('주문'.repeat(50), 10)) <= 10);
    const emoji = clip('😀'.repeat(40), 6);
    assert.ok(!/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(emoji), 'no lone high surrogate');
  });

  test('packLines keeps facts together, balances a long one, and marks what does not fit', () => {
    assert.deepEqual(packLines(['reader', 'tier 0', 'db.r7g.large'], 12.4, 3), ['reader, tier 0, db.r7g.large']);
    assert.deepEqual(packLines(['PostgreSQL 16.4', 'db.r7g.xlarge'], 12.4, 3), ['PostgreSQL 16.4', 'db.r7g.xlarge']);
    assert.deepEqual(packLines(['The ERP application servers'], 12.4, 2), ['The ERP', 'application servers']);
    assert.deepEqual(packLines(['Compares row counts and checksums with Oracle while CDC runs, before the switch'], 12.4, 2), ['Compares row counts and', 'checksums with Oracle…']);
    assert.deepEqual(packLines(['', 'a'], 12.4, 3), ['a']);
  });

  test('a text exactly as wide as the line fits: widths are summed exactly, in hundredths of an em', () => {
    // 12.40 em of Arial advances; added as decimals they came to 12.400000000000006 and the text was cut.
    const exact = 'oiw8uu02l0ozbak5iuahdus6';
    assert.equal(textWidth(exact), 12.4);
    assert.equal(clip(exact, 12.4), exact);
    assert.deepEqual(packLines([exact], 12.4, 2), [exact]);
    assert.deepEqual(packLines([`${exact} x`], 12.4, 2), [exact, 'x']);
  });
});
