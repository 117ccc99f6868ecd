// What the web tests share: the extension's API, the virtual workspace's files, and waiting on
// VS Code's own events (never on a clock). The web counterpart of test/integration/suite/helpers.ts,
// without Node's assert and fs.
import * as vscode from 'vscode';
import type { DbarchApi } from '../../../src/extension/api';
import type { LintResult } from '../../../src/core/lint';
import * as assert from './assert';

/** `publisher.name` from package.json. */
export const EXTENSION_ID = 'dbarch.dbarch';

export function extension(): vscode.Extension<DbarchApi> {
  const found = vscode.extensions.getExtension<DbarchApi>(EXTENSION_ID);
  assert.ok(found, `${EXTENSION_ID} is not loaded in this VS Code`);
  return found;
}

/** The extension's test API; activates the extension if nothing has yet. */
export async function api(): Promise<DbarchApi> {
  return extension().activate();
}

/** A file of the test workspace (@vscode/test-web mounts a copy of test/integration/workspace). */
export function workspaceFile(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test run opens a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split('/'));
}

/** Opens a workspace file in an editor, as a person would, and returns its document. */
export async function open(relativePath: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(relativePath));
  await vscode.window.showTextDocument(document);
  return document;
}

/** Waits for the extension to lint the document's current version. */
export async function linted(document: vscode.TextDocument): Promise<LintResult> {
  return (await api()).waitForLint(document);
}

/** dbarch's diagnostics on a file (other tools' are ignored). */
export function dbarchDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'dbarch');
}

/** The rule id a diagnostic carries in `code: { value, target }`. */
export function ruleOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  return typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
}

/** The range of `token` on the first line that contains `lineText`. */
export function rangeOf(document: vscode.TextDocument, lineText: string, token: string): vscode.Range {
  for (let line = 0; line < document.lineCount; line++) {
    const text = document.lineAt(line).text;
    const at = text.indexOf(lineText);
    if (at === -1) continue;
    const character = text.indexOf(token, at);
    assert.ok(character !== -1, `"${token}" is not on the line "${text}"`);
    return new vscode.Range(line, character, line, character + token.length);
  }
  assert.fail(`no line of ${document.uri.path} contains "${lineText}"`);
}

/** A range as plain numbers, for deepEqual. */
export function plain(range: vscode.Range): [number, number, number, number] {
  return [range.start.line, range.start.character, range.end.line, range.end.character];
}

/** Throws away unsaved edits so the next test sees the file as it is, and waits for its lint. */
export async function revert(document: vscode.TextDocument): Promise<void> {
  if (!document.isDirty) return;
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  assert.equal(document.isDirty, false, `${document.uri.path} is still modified after revert`);
  await linted(document);
}

/** Resolves with the first event that passes `accept` (subscribe before causing it). */
export function nextEvent<T>(event: vscode.Event<T>, accept: (value: T) => boolean): Promise<T> {
  return new Promise((resolve) => {
    const subscription = event((value) => {
      if (!accept(value)) return;
      subscription.dispose();
      resolve(value);
    });
  });
}
