// The VS Code extension: a thin adapter around the engine. It lints architecture files as they
// change, publishes diagnostics, offers code actions, and returns a small API for tests.
import * as vscode from 'vscode';
import { configureL10n } from '../core/l10n';
import type { LintResult } from '../core/lint';
import type { DbarchApi } from './api';
import { isArchitectureDocument } from './architecture-files';
import { registerAuthoring } from './authoring';
import { CodeActions } from './code-actions';
import { showRuleDocs } from './docs';
import { registerLanguageFeatures } from './language';
import { Linter } from './linter';
import { PreviewManager } from './preview/preview-manager';
import { StatusBar } from './status-bar';

/** Activates on YAML/JSON files; does work only for architecture files. */
export function activate(context: vscode.ExtensionContext): DbarchApi {
  const started = performance.now();
  // The engine's messages in VS Code's display language, from the same catalogue as vscode.l10n.t.
  configureL10n(vscode.l10n.bundle, vscode.env.language);
  const linter = new Linter(context.extensionUri);
  const statusBar = new StatusBar((document) => linter.resultFor(document));
  const run = (): 'onType' | 'onSave' => vscode.workspace.getConfiguration('dbarch').get<'onType' | 'onSave'>('run', 'onType');

  context.subscriptions.push(
    linter,
    statusBar,
    vscode.workspace.onDidOpenTextDocument((document) => void linter.lintNow(document)),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0 && run() === 'onType') linter.schedule(event.document);
    }),
    vscode.workspace.onDidSaveTextDocument((document) => {
      if (run() === 'onSave') void linter.lintNow(document);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => linter.forget(document)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('dbarch')) linter.relintAll();
    }),
    vscode.window.onDidChangeActiveTextEditor(() => statusBar.update()),
    linter.onDidLint(() => statusBar.update()),
    vscode.languages.registerCodeActionsProvider(
      [{ language: 'yaml' }, { language: 'json' }, { language: 'jsonc' }],
      new CodeActions(linter),
      CodeActions.metadata,
    ),
    vscode.commands.registerCommand('dbarch.showRuleDocs', (ruleId?: string) => showRuleDocs(context.extensionUri, typeof ruleId === 'string' ? ruleId : undefined)),
    vscode.commands.registerCommand('dbarch.fixAll', () => fixAllInActiveEditor()),
  );

  registerAuthoring(context);
  const previews = new PreviewManager(context.extensionUri, linter, context.workspaceState);
  context.subscriptions.push(previews);

  // The providers check each document themselves, so untitled files and `dbarch.files` changes work.
  registerLanguageFeatures(context, {
    selector: [{ language: 'yaml' }, { language: 'json' }, { language: 'jsonc' }],
    resultFor: (document) => linter.resultFor(document),
    readFor: (document) => linter.readFor(document),
    // With `dbarch.run: onSave`, unsaved text is not linted for all to see: a hover lints it on its own.
    current: (document) => (run() === 'onType' || !document.isDirty ? linter.current(document) : undefined),
  });

  const watcher = vscode.workspace.createFileSystemWatcher('**/.dbarch.json');
  context.subscriptions.push(watcher, watcher.onDidCreate(() => linter.relintAll()), watcher.onDidChange(() => linter.relintAll()), watcher.onDidDelete(() => linter.relintAll()));

  // Files already open when the extension starts (the one that activated it, restored editors).
  for (const document of vscode.workspace.textDocuments) if (isArchitectureDocument(document)) void linter.lintNow(document);

  const waitForLint = async (document: vscode.TextDocument): Promise<LintResult> => {
    const existing = linter.resultFor(document);
    if (existing) return existing;
    return new Promise<LintResult>((resolve) => {
      const subscription = linter.onDidLint((event) => {
        if (event.uri.toString() === document.uri.toString() && event.version === document.version) {
          subscription.dispose();
          resolve(event.result);
        }
      });
      void linter.lintNow(document);
    });
  };

  return {
    onDidLint: linter.onDidLint,
    resultFor: (document) => linter.resultFor(document),
    waitForLint,
    openPreview: async (uri, toSide = true) => {
      const panel = await previews.open(uri, toSide);
      return panel?.panel;
    },
    activationMs: performance.now() - started,
  };
}

/** Applies every mechanical fix of the active architecture file (the command palette's fix-all). */
async function fixAllInActiveEditor(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isArchitectureDocument(editor.document)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('dbarch: open an architecture file (*.dbarch.yaml, *.dbarch.yml or *.dbarch.json) to fix its problems.'));
    return;
  }
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.dbarch');
  const edit = actions?.find((action) => action.edit)?.edit;
  if (edit) await vscode.workspace.applyEdit(edit);
  else void vscode.window.showInformationMessage(vscode.l10n.t('dbarch: nothing in this file can be fixed automatically.'));
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
