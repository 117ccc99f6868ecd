// The preview model: what the webview is sent for a lint result (nodes mapped to their definitions
// and findings, problems that keep the last diagram, the too-large guard), the checks on what the
// webview sends back, and the page's policy and escaping.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { lint, sizeLimitResult } from '../../src/core/lint';
import { buildPreview, exportBytes, nodesAt, parsePreviewMessage, previewViews } from '../../src/core/preview';
import { PREVIEW_LIMITS } from '../../src/core/preview-limits';
import { previewPage, scriptJson, standaloneCsp, webviewCsp } from '../../src/core/preview-page';

const root = join(__dirname, '..', '..');
const shopText = readFileSync(join(root, 'examples', 'shop.dbarch.yaml'), 'utf8');
const shop = lint(shopText, { fileName: 'shop.dbarch.yaml' });

const small = `dbarch: 1
name: small
environment: production
region: ap-northeast-2
applications:
  web:
    connects:
      - { to: orders, access: read-write }
databases:
  orders:
    service: rds
    engine: postgres
    engineVersion: "16.4"
    instanceClass: db.m6i.large
    az: ap-northeast-2a
    multiAz: false
    backup: { retentionDays: 7 }
    security: { encrypted: true, requireTls: true }
    deletionProtection: true
    readReplicas:
      - name: orders-replica-1
        az: ap-northeast-2b
`;

describe('buildPreview', () => {
  test('draws every topology node and maps each to the line of its definition', () => {
    const preview = buildPreview(shop, { uri: 'file:///shop.dbarch.yaml', fileName: 'shop.dbarch.yaml', version: 3 });
    const { message } = preview;
    assert.equal(message.type, 'update');
    assert.equal(message.uri, 'file:///shop.dbarch.yaml');
    assert.equal(message.version, 3);
    assert.equal(message.problem, undefined);
    assert.ok(message.diagram);
    assert.equal(message.diagram.nodes.length, shop.topology!.nodes.length);
    assert.equal(preview.nodes.length, message.diagram.nodes.length);
    const lines = shopText.split('\n');
    const byLabel = new Map(message.diagram.nodes.map((node) => [node.label, node]));
    assert.match(lines[byLabel.get('orders-replica-tokyo')!.line - 1], /- name: orders-replica-tokyo$/);
    assert.match(lines[byLabel.get('catalog-2')!.line - 1], /name: catalog-2/);
    assert.match(lines[byLabel.get('web')!.line - 1], /^ {2}web:/);
    // Mermaid ids are generated and each appears in the text.
    for (const node of message.diagram.nodes) {
      assert.match(node.id, /^n\d+$/);
      assert.match(message.diagram.text, new RegExp(`\\b${node.id}\\b`));
    }
  });

  test('counts the findings and marks each node with the worst finding inside its definition', () => {
    const { message } = buildPreview(shop);
    const counts = { error: 0, warning: 0, info: 0 };
    for (const finding of shop.findings) counts[finding.severity]++;
    assert.deepEqual(message.counts, counts);
    const nodes = message.diagram!.nodes;
    const secondary = nodes.find((node) => node.label === 'catalog secondary')!;
    assert.equal(secondary.severity, 'error');
    assert.ok(secondary.messages.some((text) => /^78: .*\(security\/cross-region-kms\)$/.test(text)), secondary.messages.join('\n'));
    const dax = nodes.find((node) => node.kind === 'dax')!;
    assert.equal(dax.severity, 'error');
    // Every finding inside some drawn definition lands on at least one node.
    const marked = nodes.reduce((sum, node) => sum + node.messages.length, 0);
    assert.ok(marked > 0);
    const quiet = nodes.find((node) => node.label === 'orders-replica-1')!;
    assert.equal(quiet.severity, undefined);
    assert.deepEqual(quiet.messages, []);
  });

  test('a file with syntax or schema errors sends the first error and no diagram (the webview keeps the last one)', () => {
    const broken = lint(small.replace('engine: postgres', 'engine: "postgres'), { fileName: 's.dbarch.yaml' });
    const syntax = buildPreview(broken).message;
    assert.equal(syntax.diagram, undefined);
    assert.ok(syntax.problem);
    assert.equal(syntax.problem.line, 12);
    const typo = buildPreview(lint(small.replace('multiAz: false', 'multiAZ: false'), { fileName: 's.dbarch.yaml' })).message;
    assert.equal(typo.diagram, undefined);
    assert.match(typo.problem!.message, /Unknown key `multiAZ`/);
    assert.equal(typo.problem!.line, 16);
    assert.equal(typo.problem!.count, 1);
  });

  test('past the limits the whole-file view asks first; a Region or database view, or force, draws', () => {
    let text = 'dbarch: 1\nname: big\nenvironment: development\nregion: ap-northeast-2\ndatabases:\n';
    const count = Math.ceil(PREVIEW_LIMITS.nodes / 2) + 10;
    for (let index = 0; index < count; index++) {
      text += `  db-${index}:\n    service: rds\n    engine: postgres\n    engineVersion: "16.4"\n    instanceClass: db.t4g.micro\n    az: ap-northeast-2a\n    multiAz: true\n`;
    }
    const result = lint(text, { fileName: 'big.dbarch.yaml' });
    assert.ok(result.topology!.nodes.length > PREVIEW_LIMITS.nodes);
    const guarded = buildPreview(result).message.diagram!;
    assert.deepEqual(guarded.tooLarge, { nodes: result.topology!.nodes.length, edges: result.topology!.edges.length });
    assert.equal(guarded.text, '');
    assert.ok(guarded.views.length > 2);
    const forced = buildPreview(result, { force: true }).message.diagram!;
    assert.equal(forced.tooLarge, undefined);
    assert.equal(forced.nodes.length, result.topology!.nodes.length);
    const one = buildPreview(result, { view: { kind: 'database', database: 'db-3' } }).message.diagram!;
    assert.equal(one.tooLarge, undefined);
    assert.deepEqual(one.view, { kind: 'database', database: 'db-3' });
    assert.ok(one.nodes.length >= 2 && one.nodes.length < 10, `${one.nodes.length} nodes`);
  });

  test('a view the file no longer has falls back to the whole file', () => {
    const { message } = buildPreview(lint(small, { fileName: 's.dbarch.yaml' }), { view: { kind: 'database', database: 'gone' } });
    assert.deepEqual(message.diagram!.view, { kind: 'all' });
  });

  test('previewViews lists the whole file, each Region and each database', () => {
    const views = previewViews(shop.topology!);
    assert.deepEqual(views[0], { view: { kind: 'all' }, label: 'Whole architecture' });
    assert.ok(views.some((view) => view.label === 'Region ap-northeast-1'));
    assert.ok(views.some((view) => view.label === 'Database orders'));
  });
});

describe('a failure drawn over the preview', () => {
  const scenario = { kind: 'az' as const, az: 'ap-northeast-2a' };

  test('offers every AZ, Region and named node of the file as a failure', () => {
    const scenarios = buildPreview(shop).message.diagram!.scenarios;
    assert.ok(scenarios.some((option) => option.label === 'loss of AZ ap-northeast-2a'));
    assert.ok(scenarios.some((option) => option.label === 'loss of Region ap-northeast-1'));
    assert.ok(scenarios.some((option) => option.label === 'failure of orders-replica-1'));
    assert.equal(buildPreview(shop).message.diagram!.failure, undefined);
  });

  test('greys failed nodes, marks promoted ones, styles broken links, and sends the table', () => {
    const { message } = buildPreview(shop, { failure: scenario });
    const diagram = message.diagram!;
    assert.ok(diagram.failure);
    assert.equal(diagram.failure.description, 'loss of AZ ap-northeast-2a');
    const orders = diagram.failure.databases.find((row) => row.database === 'orders')!;
    assert.equal(orders.state, 'failed-over');
    assert.equal(orders.rto, '60-120 s');
    const primary = diagram.nodes.find((node) => node.label === 'orders')!;
    assert.equal(primary.fate, 'failed');
    assert.equal(diagram.nodes.find((node) => node.label === 'orders standby')!.fate, 'promoted');
    assert.equal(diagram.nodes.find((node) => node.label === 'orders-replica-1')!.fate, undefined);
    const failedClass = /^ {2}class ([n\d,]+) fate-failed$/m.exec(diagram.text);
    assert.ok(failedClass, 'a class line for the failed nodes');
    assert.ok(failedClass[1].split(',').includes(primary.id));
    assert.match(diagram.text, /^ {2}classDef fate-failed /m);
    assert.match(diagram.text, /^ {2}linkStyle [\d,]+ stroke:#e03131/m);
    assert.ok(diagram.failure.connections.some((connection) => connection.application === 'bi' && connection.fate === 'broken'));
  });

  test('a failure the file does not have draws no failure', () => {
    const diagram = buildPreview(shop, { failure: { kind: 'az', az: 'us-east-1a' } }).message.diagram!;
    assert.equal(diagram.failure, undefined);
    assert.doesNotMatch(diagram.text, /fate-/);
  });

  test('the failure messages from the webview are checked', () => {
    assert.deepEqual(parsePreviewMessage({ type: 'failure', scenario: scenario }), { type: 'failure', scenario });
    assert.deepEqual(parsePreviewMessage({ type: 'failure' }), { type: 'failure' });
    assert.equal(parsePreviewMessage({ type: 'failure', scenario: { kind: 'az' } }), undefined);
    assert.equal(parsePreviewMessage({ type: 'failure', scenario: { kind: 'meteor', az: 'x' } }), undefined);
    assert.equal(parsePreviewMessage({ type: 'failure', scenario: { kind: 'node', node: 'x'.repeat(500) } }), undefined);
    assert.deepEqual(parsePreviewMessage({ type: 'ready', view: { kind: 'all' }, failure: { kind: 'region', region: 'ap-northeast-2' } }), { type: 'ready', view: { kind: 'all' }, force: false, failure: { kind: 'region', region: 'ap-northeast-2' } });
  });
});

describe('nodesAt: the node the cursor is in', () => {
  const result = lint(small, { fileName: 's.dbarch.yaml' });
  const preview = buildPreview(result);
  const labelAt = (needle: string): string[] => nodesAt(preview.nodes, small.indexOf(needle)).map((id) => preview.message.diagram!.nodes.find((node) => node.id === id)!.label);

  test('the smallest definition around the cursor wins', () => {
    assert.deepEqual(labelAt('engine: postgres'), ['orders']);
    assert.deepEqual(labelAt('az: ap-northeast-2b'), ['orders-replica-1']);
    assert.deepEqual(labelAt('multiAz: false'), ['orders']);
    assert.deepEqual(labelAt('access: read-write'), ['web']);
  });

  test('outside every definition: no node', () => {
    assert.deepEqual(labelAt('name: small'), []);
  });
});

describe('parsePreviewMessage: what the host accepts from the webview', () => {
  test('well-formed messages pass', () => {
    assert.deepEqual(parsePreviewMessage({ type: 'ready', view: { kind: 'region', region: 'x' }, force: true }), { type: 'ready', view: { kind: 'region', region: 'x' }, force: true });
    assert.deepEqual(parsePreviewMessage({ type: 'reveal', nodeId: 'n12' }), { type: 'reveal', nodeId: 'n12' });
    assert.deepEqual(parsePreviewMessage({ type: 'copySource', direction: 'TB' }), { type: 'copySource', direction: 'TB' });
    assert.deepEqual(parsePreviewMessage({ type: 'export', format: 'svg', data: '<svg></svg>' }), { type: 'export', format: 'svg', data: '<svg></svg>' });
  });

  test('anything else is dropped', () => {
    const bad: unknown[] = [
      null,
      'reveal',
      42,
      { type: 'reveal', nodeId: '../../etc/passwd' },
      { type: 'reveal', nodeId: 'n1; rm -rf' },
      { type: 'reveal', nodeId: 7 },
      { type: 'export', format: 'html', data: '<script>' },
      { type: 'export', format: 'png', data: { toString: () => 'x' } },
      { type: 'export', format: 'svg', data: 'x'.repeat(50_000_001) },
      { type: 'copySource', direction: 'diagonal' },
      { type: 'view', view: { kind: 'region' } },
      { type: 'view', view: { kind: 'everything' } },
      { type: 'openFile', path: '/etc/passwd' },
      JSON.parse('{"__proto__": {"type": "reveal", "nodeId": "n1"}}'),
    ];
    for (const message of bad) assert.equal(parsePreviewMessage(message), undefined, JSON.stringify(message)?.slice(0, 80));
  });

  test('a ready message without a usable view starts with the whole file', () => {
    assert.deepEqual(parsePreviewMessage({ type: 'ready', view: 'all' }), { type: 'ready', view: { kind: 'all' }, force: false });
  });
});

describe('exportBytes: an export is saved only when it is the image it claims to be', () => {
  test('SVG documents pass, other text does not', () => {
    assert.ok(exportBytes('svg', '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>'));
    assert.ok(exportBytes('svg', '<svg viewBox="0 0 1 1"></svg>'));
    assert.equal(exportBytes('svg', '<html><script>alert(1)</script></html>'), undefined);
    assert.equal(exportBytes('svg', 'MZ\u0090\u0000'), undefined);
  });

  test('base64 of a PNG passes, other bytes do not', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString('base64');
    assert.deepEqual([...exportBytes('png', png)!.slice(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    assert.equal(exportBytes('png', Buffer.from('#!/bin/sh\nrm -rf ~\n').toString('base64')), undefined);
    assert.equal(exportBytes('png', 'not base64!'), undefined);
  });
});

describe('the preview page', () => {
  test('the policies allow scripts only with the nonce, no eval, nothing remote', () => {
    for (const csp of [webviewCsp('https://file+.vscode-resource.vscode-cdn.net', 'abc'), standaloneCsp('abc')]) {
      assert.match(csp, /default-src 'none'/);
      assert.match(csp, /script-src 'nonce-abc'(;|$)/);
      assert.doesNotMatch(csp, /unsafe-eval|script-src[^;]*(https?:|\*)/);
      assert.doesNotMatch(csp, /connect-src|frame-src/);
    }
  });

  test('data in the page cannot close its script element or start a comment', () => {
    const text = scriptJson({ name: '</script><script>alert(1)</script><!--', line: 'a\u2028b' });
    assert.doesNotMatch(text, /<\/script|<!--|\u2028/);
    assert.deepEqual(JSON.parse(text), { name: '</script><script>alert(1)</script><!--', line: 'a\u2028b' });
    const page = previewPage({ nonce: 'n1', csp: standaloneCsp('n1'), script: { inline: 'x()' }, style: { inline: 'a{}' }, codiconHref: 'data:text/css;base64,', initial: { fileName: '</script>' }, title: '"><img src=x onerror=alert(1)>' });
    assert.equal(page.match(/<script/g)?.length, 2);
    assert.doesNotMatch(page, /<img/);
    assert.match(page, /<title>"&gt;&lt;img src=x onerror=alert\(1\)&gt;<\/title>/);
  });
});

describe('a file over the editor size limit', () => {
  test('gets one warning on its first line and no parse; the preview shows that warning', () => {
    const text = small + '# padding\n'.repeat(300);
    const result = sizeLimitResult(text, { fileName: 'big.dbarch.yaml', limitKB: 1 });
    assert.equal(result.findings.length, 1);
    const [finding] = result.findings;
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 'dbarch: 1'.length } });
    assert.match(finding.message, /^This file is 4 KB, over the 1 KB of the `dbarch.maxFileSizeKB` setting/);
    assert.equal(result.model, undefined);
    const { message } = buildPreview(result);
    assert.equal(message.diagram, undefined);
    assert.equal(message.problem?.message, finding.message);
    assert.equal(message.problem?.line, 1);
  });
});
