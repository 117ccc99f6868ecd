// Commands: every command the manifest contributes is registered once the extension is active, and
// the fix-all command fixes the active file. (The status bar item is checked by the UI test, which
// clicks it to open the Problems view.)
import * as assert from 'node:assert/strict';
import { afterEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { api, dbarchDiagnostics, extension, linted, open, revert } from './helpers';

describe('commands', () => {
  const touched: vscode.TextDocument[] = [];
  afterEach(async () => {
    for (const document of touched.splice(0)) await revert(document);
  });

  it('registers every contributed command', async () => {
    await api();
    const contributed: { command: string }[] = extension().packageJSON.contributes?.commands ?? [];
    assert.ok(contributed.length > 0, 'package.json contributes commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map(({ command }) => command).filter((command) => !registered.has(command));
    assert.deepEqual(missing, []);
  });

  it('"dbarch: Fix all auto-fixable problems" fixes the active file', async () => {
    const document = await open('fleet.dbarch.yaml');
    touched.push(document);
    await linted(document);
    assert.equal(dbarchDiagnostics(document.uri).length, 2);
    const versionBefore = document.version;
    await vscode.commands.executeCommand('dbarch.fixAll');
    assert.ok(document.version > versionBefore, 'dbarch.fixAll changed nothing');
    const result = await linted(document);
    assert.deepEqual(result.findings, []);
    assert.deepEqual(dbarchDiagnostics(document.uri), []);
  });
});
