// What the VS Code suites share: the extension's API, the test workspace's files, and waiting on VS
// Code's own events (never on a clock). The integration suite (code-server) and the web suite
// (@vscode/test-web, test/web/suite) both use it; the web worker has no Node `assert`, so the web
// bundle resolves `node:assert/strict` to test/web/suite/assert.ts (scripts/vscode/run-web.mjs).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DbarchApi } from '../../../src/extension/api';
import type { LintResult } from '../../../src/core/lint';

/** `publisher.name` from package.json. */
export const EXTENSION_ID = 'dbarch.dbarch';

/** The dbarch extension (installed from the .vsix, or loaded from it as the web suite's development extension). */
export function extension(): vscode.Extension<DbarchApi> {
  const found = vscode.extensions.getExtension<DbarchApi>(EXTENSION_ID);
  assert.ok(found, `${EXTENSION_ID} is not loaded in this VS Code`);
  return found;
}

/** The extension's test API; activates the extension if nothing has yet. */
export async function api(): Promise<DbarchApi> {
  return extension().activate();
}

/** A file of the test workspace (a copy of test/integration/workspace made for this run, mounted as a virtual workspace on the web). */
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

/**
 * The range of `token` on the first line that contains `lineText`: tests compute the exact range
 * the rule must mark from the fixture text itself, so a reader sees which characters are meant.
 */
export function rangeOf(document: vscode.TextDocument, lineText: string, token: string): vscode.Range {
  for (let line = 0; line < document.lineCount; line++) {
    const text = document.lineAt(line).text;
    const at = text.indexOf(lineText);
    if (at === -1) continue;
    const character = text.indexOf(token, at);
    assert.notEqual(character, -1, `"${token}" is not on the line "${text}"`);
    return new vscode.Range(line, character, line, character + token.length);
  }
  assert.fail(`no line of ${document.uri.path} contains "${lineText}"`);
}

/** A range as plain numbers, for deepEqual. */
export function plain(range: vscode.Range): [number, number, number, number] {
  return [range.start.line, range.start.character, range.end.line, range.end.character];
}

/** The line of the document that contains `lineText` (the first one). */
export function lineWith(document: vscode.TextDocument, lineText: string): vscode.TextLine {
  return document.lineAt(rangeOf(document, lineText, lineText).start.line);
}

/** Asks VS Code (not the provider directly) for the code actions at a range, as the light bulb does. */
export async function codeActionsAt(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[] | undefined>('vscode.executeCodeActionProvider', uri, range, kind);
  return actions ?? [];
}

/** Applies a code action's edit and waits for the lint of the edited version. */
export async function applyAndRelint(document: vscode.TextDocument, action: vscode.CodeAction): Promise<LintResult> {
  assert.ok(action.edit, `"${action.title}" has no edit`);
  const versionBefore = document.version;
  assert.ok(await vscode.workspace.applyEdit(action.edit), `VS Code refused the edit of "${action.title}"`);
  assert.ok(document.version > versionBefore, `"${action.title}" changed nothing`);
  return linted(document);
}

/** Throws away unsaved edits so the next test sees the file as it is on disk, and waits for its lint. */
export async function revert(document: vscode.TextDocument): Promise<void> {
  if (!document.isDirty) return;
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  assert.equal(document.isDirty, false, `${document.uri.path} is still modified after revert`);
  await linted(document);
}

/**
 * Timings for the harness to report. Kept on globalThis: each test file is bundled on its own, so a
 * module-level map would not be shared with the index that writes the results.
 */
export function metrics(): Record<string, number> {
  const holder = globalThis as { dbarchTestMetrics?: Record<string, number> };
  holder.dbarchTestMetrics ??= {};
  return holder.dbarchTestMetrics;
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

/** The completion items VS Code offers at a position (every provider's, as the suggest widget gets them). */
export async function completions(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList | undefined>('vscode.executeCompletionItemProvider', document.uri, position);
  assert.ok(list, 'no completion list');
  return list.items;
}

/** A completion item's label, whether VS Code gives it as a string or with details. */
export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** A completion item's documentation as text (its detail when it has none). */
export function documentationOf(item: vscode.CompletionItem): string {
  return typeof item.documentation === 'string' ? item.documentation : (item.documentation?.value ?? item.detail ?? '');
}

/** The text of every hover at a position, joined. */
export async function hoverText(document: vscode.TextDocument, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[] | undefined>('vscode.executeHoverProvider', document.uri, position);
  const text = (hovers ?? [])
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
  assert.ok(text, 'no hover');
  return text;
}
