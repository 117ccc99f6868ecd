/// <reference types="mocha" />
// dbarch in VS Code's web extension host (a web worker, as on vscode.dev and github.dev): the browser
// bundle lints, fixes, completes, hovers and previews files of a virtual workspace, which it reads
// through vscode.workspace.fs and open documents only.
import * as vscode from 'vscode';
import * as assert from './assert';
import { post } from './harness';
import { api, completions, dbarchDiagnostics, documentationOf, extension, hoverText, labelOf, linted, nextEvent, open, plain, rangeOf, revert, ruleOf, workspaceFile } from '../../integration/suite/helpers';

const MULTI_AZ = 'rds/multi-az-production';

describe('web extension host', () => {
  const touched: vscode.TextDocument[] = [];
  afterEach(async () => {
    for (const document of touched.splice(0)) await revert(document);
  });

  /** Replaces `token` on the line with `lineText` by `text` and returns the position after `text`. */
  async function type(document: vscode.TextDocument, lineText: string, token: string, text: string): Promise<vscode.Position> {
    touched.push(document);
    const range = rangeOf(document, lineText, token);
    const start = document.offsetAt(range.start);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, range, text);
    assert.ok(await vscode.workspace.applyEdit(edit), 'VS Code refused the edit');
    return document.positionAt(start + text.length);
  }

  it('runs the browser bundle in a web UI on a virtual workspace', async () => {
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
    assert.equal(extension().packageJSON.browser, './dist/web/extension.js');
    assert.equal(vscode.workspace.workspaceFolders?.[0]?.uri.scheme, 'vscode-test-web');
    const document = await open('orders.dbarch.yaml');
    await linted(document);
    assert.equal(extension().isActive, true);
    const { activationMs } = await api();
    assert.ok(Number.isFinite(activationMs) && activationMs > 0, `activationMs = ${activationMs}`);
  });

  it('marks `false` of multiAz with rds/multi-az-production at its exact range', async () => {
    const document = await open('orders.dbarch.yaml');
    await linted(document);
    const diagnostics = dbarchDiagnostics(document.uri);
    assert.equal(diagnostics.length, 1, diagnostics.map((diagnostic) => diagnostic.message).join('\n'));
    const [diagnostic] = diagnostics;
    assert.equal(ruleOf(diagnostic), MULTI_AZ);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(plain(diagnostic.range), plain(rangeOf(document, 'multiAz: false', 'false')));
    assert.match(diagnostic.message, /^orders has no Multi-AZ standby/);
    const { target } = diagnostic.code as { value: string; target: vscode.Uri };
    assert.equal(target.toString(), vscode.Uri.joinPath(extension().extensionUri, 'docs', 'rules', 'rds', 'multi-az-production.md').toString());
  });

  it('reports a mistyped key as a schema error on the key, and the same rule in JSON', async () => {
    const typo = await open('typo.dbarch.yaml');
    await linted(typo);
    const [schema, ...others] = dbarchDiagnostics(typo.uri);
    assert.equal(others.length, 0, 'one finding in typo.dbarch.yaml');
    assert.equal(ruleOf(schema), 'schema');
    assert.equal(schema.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual(plain(schema.range), plain(rangeOf(typo, 'instanceClas:', 'instanceClas')));
    assert.match(schema.message, /`instanceClass`/);

    const json = await open('accounts.dbarch.json');
    await linted(json);
    assert.deepEqual(dbarchDiagnostics(json.uri).map((diagnostic) => [ruleOf(diagnostic), plain(diagnostic.range)]), [[MULTI_AZ, plain(rangeOf(json, '"multiAz": false', 'false'))]]);
  });

  it('lints a file that a dbarch.files glob in the workspace settings names, and not a plain YAML file', async () => {
    const plainYaml = await open('notes/plain.yaml');
    const matched = await open('legacy/orders.yaml');
    await linted(matched);
    assert.deepEqual(dbarchDiagnostics(matched.uri).map(ruleOf), [MULTI_AZ]);
    assert.deepEqual(dbarchDiagnostics(plainYaml.uri), []);
  });

  it('applies the quick fix, and the finding goes away', async () => {
    const document = await open('orders.dbarch.yaml');
    touched.push(document);
    await linted(document);
    const [diagnostic] = dbarchDiagnostics(document.uri);
    assert.ok(diagnostic, 'orders.dbarch.yaml has its warning');
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[] | undefined>('vscode.executeCodeActionProvider', document.uri, diagnostic.range)) ?? [];
    const fix = actions.find((action) => action.isPreferred);
    assert.ok(fix?.edit, `offered: ${actions.map((action) => action.title).join(' | ')}`);
    assert.equal(fix.title, 'Turn on Multi-AZ (`multiAz: true`)');
    const version = document.version;
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'VS Code refused the fix');
    assert.ok(document.version > version, 'the fix changed nothing');
    const result = await linted(document);
    assert.equal(document.lineAt(rangeOf(document, 'multiAz:', 'multiAz:').start.line).text.trim(), 'multiAz: true');
    assert.deepEqual(result.findings.map((finding) => finding.ruleId), []);
    assert.deepEqual(dbarchDiagnostics(document.uri), []);
  });

  it('completes keys with their descriptions (YAML), values (JSON) and database names', async () => {
    const yaml = await open('orders.dbarch.yaml');
    const keyPosition = await type(yaml, 'deletionProtection: true', 'deletionProtection: true', 'deletionProtection: true\n    ');
    const keys = await completions(yaml, keyPosition);
    const replicas = keys.find((item) => labelOf(item) === 'readReplicas');
    assert.ok(replicas, `offered: ${keys.map(labelOf).join(', ')}`);
    assert.ok(documentationOf(replicas).length > 20, 'readReplicas comes with its description');

    const json = await open('accounts.dbarch.json');
    const valuePosition = await type(json, '"engine": "mysql"', '"mysql"', '"');
    const engines = (await completions(json, valuePosition)).map((item) => labelOf(item).replace(/"/g, ''));
    assert.ok(engines.includes('postgres') && engines.includes('mariadb'), `offered: ${engines.join(', ')}`);

    const fleet = await open('fleet.dbarch.yaml');
    const namePosition = await type(fleet, '{ to: billing,', 'billing', '');
    const names = (await completions(fleet, namePosition)).map(labelOf);
    assert.ok(names.includes('orders') && names.includes('billing'), `offered: ${names.join(', ')}`);
  });

  it("hovers a key with the schema's description and a database with its summary and findings", async () => {
    const document = await open('orders.dbarch.yaml');
    await linted(document);
    const key = await hoverText(document, rangeOf(document, 'instanceClass:', 'instanceClass').start.translate(0, 2));
    assert.match(key, /instance class/i);
    const database = await hoverText(document, rangeOf(document, '  orders:', 'orders').start.translate(0, 1));
    assert.match(database, /\*\*orders\*\*: Amazon RDS for PostgreSQL 16\.4/);
    assert.match(database, /rds\/multi-az-production/);
  });

  it('reads .dbarch.json through vscode.workspace.fs and lints again when it changes', async () => {
    const document = await open('orders.dbarch.yaml');
    await linted(document);
    const { onDidLint } = await api();
    const severityIs = (severity: string) => (event: { uri: vscode.Uri; result: { findings: { ruleId: string; severity: string }[] } }) =>
      event.uri.toString() === document.uri.toString() && event.result.findings.some((finding) => finding.ruleId === MULTI_AZ && finding.severity === severity);
    const config = workspaceFile('.dbarch.json');
    const raised = nextEvent(onDidLint, severityIs('error'));
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode(JSON.stringify({ rules: { [MULTI_AZ]: 'error' } })));
    try {
      await raised;
      assert.equal(dbarchDiagnostics(document.uri)[0]?.severity, vscode.DiagnosticSeverity.Error);
    } finally {
      const lowered = nextEvent(onDidLint, severityIs('warning'));
      await vscode.workspace.fs.delete(config);
      await lowered;
    }
    assert.equal(dbarchDiagnostics(document.uri)[0]?.severity, vscode.DiagnosticSeverity.Warning);
  });

  it("opens the learning example, read from the extension's own files (served over HTTP on the web)", async () => {
    await vscode.commands.executeCommand('dbarch.openExample');
    const document = vscode.window.activeTextEditor?.document;
    assert.ok(document, 'no editor');
    assert.equal(document.uri.toString(), 'untitled:/learning-mistakes.dbarch.yaml');
    const result = await linted(document);
    assert.ok(result.findings.length >= 7, `${result.findings.length} findings in the learning example`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('opens the preview beside the editor with its command, and the webview draws the diagram', async () => {
    const document = await open('preview.dbarch.yaml');
    await linted(document);
    await vscode.commands.executeCommand('dbarch.openPreviewToSide');
    // The command opened it; the API hands over the same panel (it brings an open one forward).
    const panel = await (await api()).openPreview(document.uri, true);
    assert.ok(panel, 'no preview panel');
    assert.equal(panel.viewType, 'dbarch.preview');
    assert.match(panel.title, /preview\.dbarch\.yaml/);
    // The workbench's tab list reaches the extension host a moment after the panel.
    const tab = await previewTab();
    assert.equal(tab.group.viewColumn, vscode.ViewColumn.Two, 'the preview opens beside the editor');
    // The page is inside the webview's frames: the harness looks at it (and takes the screenshot).
    // orders, its standby, its replica, the cache primary, its replica, and the web application.
    const seen = await post<{ ok: boolean; nodes: string[]; error?: string }>('/preview', { nodes: 6 });
    assert.ok(seen.ok, `the webview did not draw the diagram: ${seen.error}`);
    assert.equal(seen.nodes.length, 6, `nodes drawn: ${seen.nodes.join(' | ')}`);
    assert.ok(seen.nodes.some((text) => text.includes('orders-replica-1')), `nodes drawn: ${seen.nodes.join(' | ')}`);
  });
});

/** The preview's tab, once the workbench has told the extension host about it. */
function previewTab(): Promise<vscode.Tab> {
  const find = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('dbarch.preview'));
  const found = find();
  if (found) return Promise.resolve(found);
  return new Promise((resolve) => {
    const subscription = vscode.window.tabGroups.onDidChangeTabs(() => {
      const tab = find();
      if (!tab) return;
      subscription.dispose();
      resolve(tab);
    });
  });
}
