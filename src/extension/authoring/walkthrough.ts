// The getting-started walkthrough's side: open the learning example, point at a quick fix, and tick
// the "apply a quick fix" step when a finding of the example goes away.
import * as vscode from 'vscode';
import { FIX_APPLIED_CONTEXT } from './commands';
import { editorColumn, openAsNewFile } from './new-file';
import { LEARNING_EXAMPLE } from './templates';

/** How long "show a quick fix" waits for the first lint of a just-opened example. */
const FIRST_LINT_TIMEOUT_MS = 10_000;

/** A copy of the example being watched: its version when opened and the most findings it had. */
interface Watched {
  openedVersion: number;
  mostFindings: number;
}

/** The learning example as the walkthrough uses it: an unsaved copy the user may edit freely. */
export class LearningExample implements vscode.Disposable {
  private readonly watched = new Map<string, Watched>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly extensionUri: vscode.Uri) {
    this.subscriptions = [
      vscode.languages.onDidChangeDiagnostics((event) => this.onDiagnostics(event)),
      vscode.workspace.onDidCloseTextDocument((document) => this.watched.delete(document.uri.toString())),
    ];
    // A copy restored after a window reload keeps counting.
    for (const document of vscode.workspace.textDocuments) if (isExampleCopy(document.uri)) this.watch(document);
  }

  /**
   * Shows the open copy of the example, or opens a new one. A copy, never the shipped file: the user
   * is meant to fix it, and the file inside the extension's folder must stay as it is.
   */
  async open(): Promise<vscode.TextEditor> {
    const copy = vscode.workspace.textDocuments.find((document) => this.watched.has(document.uri.toString()));
    if (copy) return vscode.window.showTextDocument(copy, { viewColumn: editorColumn(), preview: false });
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'examples', LEARNING_EXAMPLE));
    const editor = await openAsNewFile({ fileName: LEARNING_EXAMPLE, language: 'yaml', text: new TextDecoder().decode(bytes) });
    this.watch(editor.document);
    return editor;
  }

  /**
   * Puts the cursor on the first finding that has a preferred quick fix and opens the Quick Fix menu,
   * so the user sees the light bulb's menu once and picks the fix themselves.
   */
  async showQuickFix(): Promise<boolean> {
    const editor = await this.open();
    const uri = editor.document.uri;
    const diagnostics = (await dbarchDiagnostics(uri)).sort((a, b) => a.range.start.compareTo(b.range.start));
    let target: vscode.Diagnostic | undefined;
    for (const diagnostic of diagnostics) {
      const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[] | undefined>(
        'vscode.executeCodeActionProvider',
        uri,
        diagnostic.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      const fixes = (actions ?? []).filter((action): action is vscode.CodeAction => action instanceof vscode.CodeAction && action.edit !== undefined);
      if (fixes.some((fix) => fix.isPreferred)) {
        target = diagnostic;
        break;
      }
      target ??= fixes.length ? diagnostic : undefined;
    }
    if (!target) {
      void vscode.window.showInformationMessage(vscode.l10n.t('dbarch: no finding in this file has a quick fix.'));
      return false;
    }
    editor.selection = new vscode.Selection(target.range.start, target.range.start);
    editor.revealRange(target.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    await vscode.commands.executeCommand('editor.action.quickFix');
    return true;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private watch(document: vscode.TextDocument): void {
    this.watched.set(document.uri.toString(), { openedVersion: document.version, mostFindings: dbarchDiagnosticsNow(document.uri).length });
  }

  /**
   * A fix is applied when, after an edit, the copy has fewer findings than it ever had. A syntax or
   * schema error does not count: it hides the other findings of its object while a key is half typed.
   */
  private onDiagnostics(event: vscode.DiagnosticChangeEvent): void {
    for (const uri of event.uris) {
      const watched = this.watched.get(uri.toString());
      const document = watched && vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
      if (!watched || !document) continue;
      const diagnostics = dbarchDiagnosticsNow(uri);
      if (diagnostics.some((diagnostic) => ['syntax', 'schema'].includes(ruleIdOf(diagnostic)))) continue;
      if (diagnostics.length >= watched.mostFindings) {
        watched.mostFindings = diagnostics.length;
      } else if (document.version > watched.openedVersion) {
        void vscode.commands.executeCommand('setContext', FIX_APPLIED_CONTEXT, true);
      }
    }
  }
}

/** An untitled copy the walkthrough opened (`learning-mistakes.dbarch.yaml`, `learning-mistakes-2...`). */
function isExampleCopy(uri: vscode.Uri): boolean {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  return uri.scheme === 'untitled' && /^learning-mistakes(-\d+)?\.dbarch\.yaml$/.test(name);
}

function dbarchDiagnosticsNow(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'dbarch');
}

/** The document's dbarch diagnostics, waiting for the first lint if there are none yet. */
function dbarchDiagnostics(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  const now = dbarchDiagnosticsNow(uri);
  if (now.length) return Promise.resolve(now);
  return new Promise((resolve) => {
    const finish = (): void => {
      clearTimeout(timer);
      listener.dispose();
      resolve(dbarchDiagnosticsNow(uri));
    };
    const timer = setTimeout(finish, FIRST_LINT_TIMEOUT_MS);
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString()) && dbarchDiagnosticsNow(uri).length) finish();
    });
  });
}

/** The rule id of a dbarch diagnostic (`code: { value: ruleId, target }`). */
function ruleIdOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' && code !== null ? code.value : code ?? '');
}
