// Code actions through VS Code's own command (what the light bulb and "fix on save" ask for), applied,
// then checked by linting again.
import * as assert from 'node:assert/strict';
import { afterEach, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { applyAndRelint, codeActionsAt, dbarchDiagnostics, linted, lineWith, open, revert, ruleOf, workspaceFile } from './helpers';

const MULTI_AZ = 'rds/multi-az-production';
const QUICK_FIX_TITLE = 'Turn on Multi-AZ (`multiAz: true`)';

describe('code actions', () => {
  const touched: vscode.TextDocument[] = [];
  afterEach(async () => {
    for (const document of touched.splice(0)) await revert(document);
  });

  /** Opens a file, waits for its lint and returns its multi-az diagnostics. */
  async function openWithFindings(relativePath: string): Promise<{ document: vscode.TextDocument; diagnostics: vscode.Diagnostic[] }> {
    const document = await open(relativePath);
    touched.push(document);
    await linted(document);
    const diagnostics = dbarchDiagnostics(document.uri).filter((diagnostic) => ruleOf(diagnostic) === MULTI_AZ);
    assert.ok(diagnostics.length > 0, `${relativePath} has no ${MULTI_AZ} diagnostic`);
    return { document, diagnostics };
  }

  it('offers the rule fix as the preferred quick fix, and applying it clears the warning', async () => {
    const { document, diagnostics } = await openWithFindings('orders.dbarch.yaml');
    const actions = await codeActionsAt(document.uri, diagnostics[0].range);
    const fix = actions.find((action) => action.title === QUICK_FIX_TITLE);
    assert.ok(fix, `offered: ${actions.map((action) => action.title).join(' | ')}`);
    assert.equal(fix.isPreferred, true);
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    // Only one preferred fix, or VS Code's "auto fix" would have to choose.
    assert.equal(actions.filter((action) => action.isPreferred).length, 1);

    const result = await applyAndRelint(document, fix);
    assert.equal(lineWith(document, 'multiAz:').text.trim(), 'multiAz: true');
    assert.deepEqual(result.findings.map((finding) => finding.ruleId), []);
    assert.deepEqual(dbarchDiagnostics(document.uri), []);
  });

  it('fixes the same problem in JSON and offers no YAML comment there', async () => {
    const { document, diagnostics } = await openWithFindings('accounts.dbarch.json');
    const actions = await codeActionsAt(document.uri, diagnostics[0].range);
    assert.ok(!actions.some((action) => action.title.startsWith('Disable ')), `offered: ${actions.map((action) => action.title).join(' | ')}`);
    const fix = actions.find((action) => action.title === QUICK_FIX_TITLE);
    assert.ok(fix, `offered: ${actions.map((action) => action.title).join(' | ')}`);
    await applyAndRelint(document, fix);
    assert.equal(lineWith(document, '"multiAz"').text.trim(), '"multiAz": true,');
    assert.deepEqual(dbarchDiagnostics(document.uri), []);
  });

  it('fixes every problem of one rule in the file at once', async () => {
    const { document, diagnostics } = await openWithFindings('fleet.dbarch.yaml');
    assert.equal(diagnostics.length, 2);
    const actions = await codeActionsAt(document.uri, diagnostics[0].range);
    const fixAll = actions.find((action) => action.title === `Fix all ${MULTI_AZ} problems in this file`);
    assert.ok(fixAll, `offered: ${actions.map((action) => action.title).join(' | ')}`);
    const result = await applyAndRelint(document, fixAll);
    assert.deepEqual(result.findings.map((finding) => finding.ruleId), []);
    assert.equal(document.getText().match(/multiAz: true/g)?.length, 2);
  });

  it('answers source.fixAll.dbarch with one action that fixes the whole file', async () => {
    const { document } = await openWithFindings('fleet.dbarch.yaml');
    const actions = await codeActionsAt(document.uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.dbarch');
    assert.deepEqual(actions.map((action) => action.kind?.value), ['source.fixAll.dbarch']);
    const result = await applyAndRelint(document, actions[0]);
    assert.deepEqual(result.findings, []);
    assert.equal(document.getText().match(/multiAz: false/g), null);
  });

  it('answers source.fixAll.dbarch for an edit the lint has not caught up with yet', async () => {
    const { document } = await openWithFindings('fleet.dbarch.yaml');
    // An edit, and the request at once: a save right after typing runs fix-on-save within the lint delay.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(document.lineCount, 0), '# checked on save\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const actions = await codeActionsAt(document.uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.dbarch');
    assert.deepEqual(actions.map((action) => action.kind?.value), ['source.fixAll.dbarch']);
    const result = await applyAndRelint(document, actions[0]);
    assert.deepEqual(result.findings, []);
    assert.match(document.getText(), /# checked on save\n$/);
  });

  it('runs source.fixAll.dbarch on save when editor.codeActionsOnSave asks for it', async () => {
    // A file of its own: this test saves, and the others rely on the files as they are on disk.
    const uri = workspaceFile('save-fix.dbarch.yaml');
    const original = await vscode.workspace.fs.readFile(workspaceFile('fleet.dbarch.yaml'));
    await vscode.workspace.fs.writeFile(uri, original);
    const settings = vscode.workspace.getConfiguration('editor', { languageId: 'yaml' });
    await settings.update('codeActionsOnSave', { 'source.fixAll.dbarch': 'explicit' }, vscode.ConfigurationTarget.Workspace, true);
    try {
      const document = await open('save-fix.dbarch.yaml');
      await linted(document);
      assert.equal(dbarchDiagnostics(uri).length, 2);
      // An explicit save (Ctrl+S), which is what runs the `explicit` save participants.
      await vscode.commands.executeCommand('workbench.action.files.save');
      assert.equal(document.isDirty, false);
      assert.equal(document.getText().match(/multiAz: true/g)?.length, 2);
      const result = await linted(document);
      assert.deepEqual(result.findings, []);
      assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), /billing:[\s\S]*multiAz: true/);
    } finally {
      await settings.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace, true);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('disables the rule for the line with a suppression comment that asks for a reason', async () => {
    const { document, diagnostics } = await openWithFindings('orders.dbarch.yaml');
    const line = diagnostics[0].range.start.line;
    const actions = await codeActionsAt(document.uri, diagnostics[0].range);
    const disable = actions.find((action) => action.title === `Disable ${MULTI_AZ} for this line`);
    assert.ok(disable, `offered: ${actions.map((action) => action.title).join(' | ')}`);
    assert.notEqual(disable.isPreferred, true);

    const result = await applyAndRelint(document, disable);
    // The comment goes above the finding's line, indented like it; the placeholder is the reason to type.
    assert.equal(document.lineAt(line).text, '    # dbarch-disable-next-line rds/multi-az-production -- reason');
    assert.equal(document.lineAt(line + 1).text, '    multiAz: false');
    assert.deepEqual(result.findings.map((finding) => finding.ruleId), []);
    assert.deepEqual(dbarchDiagnostics(document.uri), []);
  });

  it('offers the rule docs, which open the page shipped in the extension', async () => {
    const { document, diagnostics } = await openWithFindings('orders.dbarch.yaml');
    const actions = await codeActionsAt(document.uri, diagnostics[0].range);
    const docs = actions.find((action) => action.command?.command === 'dbarch.showRuleDocs');
    assert.ok(docs, `offered: ${actions.map((action) => action.title).join(' | ')}`);
    assert.deepEqual(docs.command?.arguments, [MULTI_AZ]);

    const opened = new Promise<void>((resolve) => {
      const subscription = vscode.window.tabGroups.onDidChangeTabs(() => {
        if (!docsTabOpen()) return;
        subscription.dispose();
        resolve();
      });
    });
    await vscode.commands.executeCommand(docs.command.command, ...(docs.command.arguments ?? []));
    if (!docsTabOpen()) await opened;
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});

/** Whether an editor tab shows the rule's Markdown page (the preview's label names the file). */
function docsTabOpen(): boolean {
  return vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.label.includes('multi-az-production')));
}
