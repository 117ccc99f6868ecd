// Diagnostics as VS Code holds them: rule id with its docs link, severity and exact range, for YAML
// and JSON, updated as the text changes.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { afterEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { api, dbarchDiagnostics, extension, linted, metrics, nextEvent, open, rangeOf, revert, ruleOf } from './helpers';

describe('diagnostics', () => {
  const touched: vscode.TextDocument[] = [];
  afterEach(async () => {
    for (const document of touched.splice(0)) await revert(document);
  });

  it('marks `false` of multiAz in a production RDS database, linking the rule docs', async () => {
    const document = await open('orders.dbarch.yaml');
    await linted(document);
    const diagnostics = dbarchDiagnostics(document.uri);
    assert.equal(diagnostics.length, 1, diagnostics.map((diagnostic) => diagnostic.message).join('\n'));
    const [diagnostic] = diagnostics;
    assert.equal(ruleOf(diagnostic), 'rds/multi-az-production');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(diagnostic.range, rangeOf(document, 'multiAz: false', 'false'));
    assert.match(diagnostic.message, /^orders has no Multi-AZ standby/);

    assert.equal(typeof diagnostic.code, 'object');
    const { target } = diagnostic.code as { value: string; target: vscode.Uri };
    assert.equal(target.toString(), vscode.Uri.joinPath(extension().extensionUri, 'docs', 'rules', 'rds', 'multi-az-production.md').toString());
    // The link must lead somewhere: the page ships inside the .vsix.
    assert.ok(existsSync(target.fsPath), `${target.fsPath} is not in the installed extension`);
  });

  it('reports a mistyped key as a schema error on the key, with the key meant', async () => {
    const document = await open('typo.dbarch.yaml');
    await linted(document);
    const diagnostics = dbarchDiagnostics(document.uri);
    assert.equal(diagnostics.length, 1, diagnostics.map((diagnostic) => diagnostic.message).join('\n'));
    assert.equal(ruleOf(diagnostics[0]), 'schema');
    assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual(diagnostics[0].range, rangeOf(document, 'instanceClas:', 'instanceClas'));
    assert.match(diagnostics[0].message, /`instanceClass`/);
  });

  it('links a finding that involves two places to the second one (related information)', async () => {
    const document = await open('replica-write.dbarch.yaml');
    await linted(document);
    const diagnostics = dbarchDiagnostics(document.uri);
    assert.deepEqual(diagnostics.map(ruleOf), ['arch/write-to-read-only']);
    const [diagnostic] = diagnostics;
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual(diagnostic.range, rangeOf(document, 'to: orders/orders-replica-1', 'read-write'));
    // The connection writes; the replica's definition is why it cannot.
    assert.equal(diagnostic.relatedInformation?.length, 1);
    const [related] = diagnostic.relatedInformation ?? [];
    assert.equal(related.location.uri.toString(), document.uri.toString());
    assert.deepEqual(related.location.range, rangeOf(document, '- name: orders-replica-1', 'name: orders-replica-1'));
  });

  it('reports nothing for a clean architecture', async () => {
    const document = await open('clean.dbarch.yaml');
    const result = await linted(document);
    assert.deepEqual(result.findings.map((finding) => `${finding.ruleId}: ${finding.message}`), []);
    assert.deepEqual(dbarchDiagnostics(document.uri), []);
  });

  it('does not lint a file over dbarch.maxFileSizeKB as you edit, and says so on its first line', async () => {
    const document = await open('clean.dbarch.yaml');
    await linted(document);
    const { onDidLint } = await api();
    const settings = vscode.workspace.getConfiguration('dbarch');
    const skipped = nextEvent(onDidLint, (event) => event.uri.toString() === document.uri.toString() && event.result.findings.length === 1);
    await settings.update('maxFileSizeKB', 1, vscode.ConfigurationTarget.Workspace);
    try {
      await skipped;
      const diagnostics = dbarchDiagnostics(document.uri);
      assert.equal(diagnostics.length, 1, diagnostics.map((diagnostic) => diagnostic.message).join('\n'));
      assert.equal(diagnostics[0].severity, vscode.DiagnosticSeverity.Warning);
      assert.equal(diagnostics[0].range.start.line, 0);
      assert.match(diagnostics[0].message, /^This file is 2 KB, over the 1 KB of the `dbarch.maxFileSizeKB` setting/);
    } finally {
      const linting = nextEvent(onDidLint, (event) => event.uri.toString() === document.uri.toString() && event.result.findings.length === 0);
      await settings.update('maxFileSizeKB', undefined, vscode.ConfigurationTarget.Workspace);
      await linting;
    }
    assert.deepEqual(dbarchDiagnostics(document.uri), []);
  });

  it('marks the same problem in a JSON architecture file', async () => {
    const document = await open('accounts.dbarch.json');
    await linted(document);
    const diagnostics = dbarchDiagnostics(document.uri);
    assert.deepEqual(diagnostics.map(ruleOf), ['rds/multi-az-production']);
    assert.deepEqual(diagnostics[0].range, rangeOf(document, '"multiAz": false', 'false'));
  });

  it('follows edits: the warning goes when multiAz becomes true and comes back with false', async () => {
    const document = await open('orders.dbarch.yaml');
    touched.push(document);
    await linted(document);
    const value = rangeOf(document, 'multiAz: false', 'false');

    await replace(document, value, 'true');
    await linted(document);
    assert.deepEqual(dbarchDiagnostics(document.uri), []);

    await replace(document, rangeOf(document, 'multiAz: true', 'true'), 'false');
    await linted(document);
    assert.deepEqual(dbarchDiagnostics(document.uri).map(ruleOf), ['rds/multi-az-production']);
  });

  it('reads an edit inside one database in pieces, and finds what a whole read finds', async () => {
    const document = await open('orders.dbarch.yaml');
    touched.push(document);
    const original = await linted(document);
    await replace(document, rangeOf(document, 'multiAz: false', 'false'), 'true');
    const fixed = await linted(document);
    assert.equal(fixed.document.readInPieces, true);
    assert.deepEqual(fixed.findings, []);
    // Back to the original text, read in pieces this time: the findings of the original lint, places included.
    await replace(document, rangeOf(document, 'multiAz: true', 'true'), 'false');
    const again = await linted(document);
    assert.equal(again.document.readInPieces, true);
    assert.equal(again.document.text, original.document.text);
    assert.deepEqual(again.findings, original.findings);
    // A key typed letter by letter passes through text with a syntax error, read whole; the lint after
    // it builds on the last read without problems, so the finished line is read in pieces again.
    const end = rangeOf(document, 'multiAz: false', 'false').end;
    await replace(document, new vscode.Range(end, end), '\n    po');
    const broken = await linted(document);
    assert.equal(broken.document.readInPieces, false);
    assert.ok(broken.document.hasSyntaxErrors);
    await replace(document, new vscode.Range(end.line + 1, 0, end.line + 1, 6), '    port: 5432');
    const typed = await linted(document);
    assert.equal(typed.document.readInPieces, true);
    assert.equal(typed.document.hasSyntaxErrors, false);
  });

  // The time from typing to the warning is measured and reported (metrics), not asserted: timings
  // belong to measurements, and a loaded machine must not fail the suite.
  it('shows the warning after typing `false` (time reported)', async () => {
    const document = await open('orders.dbarch.yaml');
    touched.push(document);
    await replace(document, rangeOf(document, 'multiAz: false', 'false'), 'true');
    await linted(document);
    const published = nextEvent((await api()).onDidLint, (event) => event.uri.toString() === document.uri.toString() && event.result.findings.length > 0);
    // The typing: one edit, as a keystroke or a paste makes; the extension waits dbarch.lintDelay (250 ms by default) for more.
    const typed = performance.now();
    await replace(document, rangeOf(document, 'multiAz: true', 'true'), 'false');
    const { version } = await published;
    const elapsed = performance.now() - typed;
    metrics()['typing to warning (extension host)'] = elapsed;
    assert.equal(version, document.version);
    assert.deepEqual(dbarchDiagnostics(document.uri).map(ruleOf), ['rds/multi-az-production']);
  });

  it('shows the warning after typing `false` key by key, with completion asked at each key (time reported)', async () => {
    const document = await open('orders.dbarch.yaml');
    touched.push(document);
    const value = rangeOf(document, 'multiAz: false', 'false');
    await replace(document, value, '');
    await linted(document);
    const published = nextEvent((await api()).onDidLint, (event) => event.uri.toString() === document.uri.toString() && event.result.findings.some((finding) => finding.ruleId === 'rds/multi-az-production'));
    // What the editor does as a person types: each key edits the text, then the suggest widget asks
    // every completion provider (editor.quickSuggestions) without waiting for the answer to type on.
    const completions: Thenable<unknown>[] = [];
    let typed = 0;
    for (const [index, key] of [...'false'].entries()) {
      await replace(document, new vscode.Range(value.start.translate(0, index), value.start.translate(0, index)), key);
      typed = performance.now();
      completions.push(vscode.commands.executeCommand('vscode.executeCompletionItemProvider', document.uri, value.start.translate(0, index + 1)));
    }
    const { version } = await published;
    const elapsed = performance.now() - typed;
    metrics()['typing key by key with completion to warning (extension host)'] = elapsed;
    await Promise.all(completions);
    assert.equal(version, document.version);
    assert.deepEqual(dbarchDiagnostics(document.uri).map(ruleOf), ['rds/multi-az-production']);
  });

  it('settles on the result of the last of several quick edits', async () => {
    const document = await open('orders.dbarch.yaml');
    touched.push(document);
    await linted(document);
    // Three edits without waiting in between: the last text (multiAz: true) decides.
    const value = rangeOf(document, 'multiAz: false', 'false');
    await replace(document, value, 'fals');
    await replace(document, new vscode.Range(value.start, value.start.translate(0, 4)), 'tru');
    await replace(document, new vscode.Range(value.start, value.start.translate(0, 3)), 'true');
    const result = await linted(document);
    assert.deepEqual(result.findings, []);
    assert.deepEqual(dbarchDiagnostics(document.uri), []);
  });
});

async function replace(document: vscode.TextDocument, range: vscode.Range, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, range, text);
  assert.ok(await vscode.workspace.applyEdit(edit));
}
