// Completion and hover as VS Code asks for them (the suggest widget and the hover widget use the same
// commands), in YAML and JSON, without any other extension installed.
import * as assert from 'node:assert/strict';
import { afterEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { generateArchitecture } from '../../../bench/generate';
import { completions, documentationOf, hoverText, labelOf, linted, metrics, open, rangeOf, revert } from './helpers';

describe('completion and hover', () => {
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
    assert.ok(await vscode.workspace.applyEdit(edit));
    return document.positionAt(start + text.length);
  }

  it('completes the database names after `to:`', async () => {
    const document = await open('fleet.dbarch.yaml');
    const position = await type(document, '{ to: billing,', 'billing', '');
    const labels = await completionLabels(document, position);
    assert.ok(labels.includes('orders') && labels.includes('billing'), `offered: ${labels.join(', ')}`);
  });

  it("completes an RDS database's keys with the schema's descriptions", async () => {
    const document = await open('orders.dbarch.yaml');
    const position = await type(document, 'deletionProtection: true', 'deletionProtection: true', 'deletionProtection: true\n    ');
    const items = await completions(document, position);
    const replicas = items.find((item) => labelOf(item) === 'readReplicas');
    assert.ok(replicas, `offered: ${items.map(labelOf).join(', ')}`);
    assert.ok(documentationOf(replicas).length > 20, 'readReplicas has a description');
  });

  it('completes engine values in JSON', async () => {
    const document = await open('accounts.dbarch.json');
    const position = await type(document, '"engine": "mysql"', '"mysql"', '"');
    const labels = (await completionLabels(document, position)).map((label) => label.replace(/"/g, ''));
    assert.ok(labels.includes('postgres') && labels.includes('mariadb'), `offered: ${labels.join(', ')}`);
  });

  it("hovers a database's name with its summary and its findings", async () => {
    const document = await open('orders.dbarch.yaml');
    await linted(document);
    const text = await hoverText(document, rangeOf(document, '  orders:', 'orders').start.translate(0, 1));
    assert.match(text, /\*\*orders\*\*: Amazon RDS for PostgreSQL 16\.4/);
    assert.match(text, /rds\/multi-az-production/);
  });

  it("hovers a key with the schema's description", async () => {
    const document = await open('orders.dbarch.yaml');
    const text = await hoverText(document, rangeOf(document, 'instanceClass:', 'instanceClass').start.translate(0, 2));
    assert.ok(text.length > 20, `hover: ${text}`);
  });
});

describe('completion and hover in a large file', () => {
  it('answer in a 1,000-database file while it is being edited, from a read of each version (times reported)', async function () {
    this.timeout(120_000);
    const content = generateArchitecture({ databases: 1_000, seed: 1 });
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content });
    const editor = await vscode.window.showTextDocument(document);
    try {
      await linted(document);
      // Half-way down, the instance class of an RDS database is typed again: `db.`, and completion is asked at once.
      const lines = content.split('\n');
      const classLines = lines.flatMap((line, index) => (/^    instanceClass: db\./.test(line) ? [index] : []));
      const line = classLines[Math.floor(classLines.length / 2)];
      const name = lines.slice(0, line).reverse().find((text) => /^  [a-z][\w-]*:$/.test(text))!.trim().slice(0, -1);
      const value = new vscode.Range(line, '    instanceClass: '.length, line, lines[line].length);
      assert.ok(await editor.edit((builder) => builder.replace(value, 'db.')));
      let started = performance.now();
      const labels = (await completions(document, value.start.translate(0, 3))).map(labelOf);
      metrics()['completion after an edit, 1,000 databases (extension host)'] = performance.now() - started;
      assert.ok(labels.includes('db.r6g.') && labels.includes('db.m7g.'), `offered: ${labels.slice(0, 20).join(', ')}`);
      // The database's name, hovered before the lint of the edit is in: its summary waits for that lint.
      started = performance.now();
      const summary = await hoverText(document, new vscode.Position(lines.indexOf(`  ${name}:`), 3));
      metrics()['hover on a database after an edit, 1,000 databases (extension host)'] = performance.now() - started;
      assert.match(summary, new RegExp(`\\*\\*${name}\\*\\*: Amazon RDS`));
      // The lint of the edited version builds on the one before (only the edited database is parsed again).
      const result = await linted(document);
      assert.equal(result.document.text, document.getText());
      assert.equal(result.document.readInPieces, true);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});

async function completionLabels(document: vscode.TextDocument, position: vscode.Position): Promise<string[]> {
  return (await completions(document, position)).map(labelOf);
}
