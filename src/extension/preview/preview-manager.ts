// The preview panels: the commands that open them, the serializer that restores them after a
// window reload, and the wiring that keeps them in step with lint results and the editor's cursor.
import * as vscode from 'vscode';
import { isArchitectureDocument } from '../architecture-files';
import type { Linter } from '../linter';
import { PREVIEW_VIEW_TYPE, PreviewPanel, previewTitles, type PreviewContext } from './preview-panel';

/** The workspace-state key of the recently previewed documents. */
const RECENT_KEY = 'dbarch.preview.recent';

/** The context key that shows the preview button on architecture files. */
const ARCHITECTURE_FILE_CONTEXT = 'dbarch.isArchitectureFile';

/** One preview per document. */
export class PreviewManager implements vscode.Disposable {
  private readonly panels = new Map<string, PreviewPanel>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly panelContext: PreviewContext;
  private cursorTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    extensionUri: vscode.Uri,
    private readonly linter: Linter,
    /** Where the recently previewed documents are remembered (the workspace's state). */
    private readonly memory?: vscode.Memento,
  ) {
    this.panelContext = {
      extensionUri,
      lint: (document) => this.linter.current(document),
      onDispose: (panel) => {
        if (this.panels.get(panel.documentUri.toString()) === panel) this.panels.delete(panel.documentUri.toString());
      },
    };
    this.disposables.push(
      vscode.commands.registerCommand('dbarch.openPreview', (uri?: unknown) => this.open(uri, false)),
      vscode.commands.registerCommand('dbarch.openPreviewToSide', (uri?: unknown) => this.open(uri, true)),
      vscode.commands.registerCommand('dbarch.showPreviewSource', () => this.showSource()),
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
        deserializeWebviewPanel: (panel, state) => this.restore(panel, state),
      }),
      linter.onDidLint((event) => this.panels.get(event.uri.toString())?.update(event.result, event.version)),
      vscode.window.onDidChangeTextEditorSelection((event) => this.cursorMoved(event.textEditor)),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateContext()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('dbarch.files')) this.updateContext();
      }),
    );
    this.updateContext();
  }

  /** Opens (or brings forward) the preview of a document: the given one or the active editor's. */
  async open(target: unknown, toSide: boolean): Promise<PreviewPanel | undefined> {
    const document = await this.documentFor(target);
    if (!document) {
      void vscode.window.showInformationMessage(vscode.l10n.t('dbarch: open an architecture file (*.dbarch.yaml, *.dbarch.json) to preview it.'));
      return undefined;
    }
    const existing = this.panels.get(document.uri.toString());
    if (existing) {
      existing.show(toSide);
      return existing;
    }
    const column = toSide ? vscode.ViewColumn.Beside : (vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active);
    const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, vscode.l10n.t('Preview'), { viewColumn: column, preserveFocus: toSide }, { enableScripts: true, enableFindWidget: false });
    return this.attach(panel, document.uri);
  }

  /** The open preview of a document, if any (for tests). */
  panelFor(uri: vscode.Uri): PreviewPanel | undefined {
    return this.panels.get(uri.toString());
  }

  private attach(panel: vscode.WebviewPanel, uri: vscode.Uri): PreviewPanel {
    const preview = new PreviewPanel(panel, uri, this.panelContext);
    this.panels.get(uri.toString())?.dispose();
    this.panels.set(uri.toString(), preview);
    this.remember(uri);
    return preview;
  }

  /** The documents previewed lately, newest first: a restored panel whose saved state was lost finds its document here. */
  private recent(): string[] {
    const value = this.memory?.get<unknown>(RECENT_KEY);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  }

  private remember(uri: vscode.Uri): void {
    if (!this.memory) return;
    const list = [uri.toString(), ...this.recent().filter((item) => item !== uri.toString())].slice(0, 20);
    void this.memory.update(RECENT_KEY, list);
  }

  private async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    let uri = typeof state === 'object' && state !== null && typeof (state as { uri?: unknown }).uri === 'string' ? (state as { uri: string }).uri : undefined;
    // The webview's state can be lost when the window closes right after the panel opened (seen in the
    // browser build); its title, "Preview <file name>", is kept with the editor and names the file
    // (in the display language of the session that saved it: this one's, or English).
    uri ??= this.recent().find((candidate) => !this.panels.has(candidate) && previewTitles(vscode.Uri.parse(candidate)).includes(panel.title));
    if (!uri) {
      panel.dispose();
      return;
    }
    try {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri, true));
      this.attach(panel, document.uri);
    } catch {
      // The file was deleted or moved while the window was closed.
      panel.dispose();
    }
  }

  private async documentFor(target: unknown): Promise<vscode.TextDocument | undefined> {
    if (target instanceof vscode.Uri) {
      try {
        return await vscode.workspace.openTextDocument(target);
      } catch {
        return undefined;
      }
    }
    const active = vscode.window.activeTextEditor?.document;
    if (active && isArchitectureDocument(active)) return active;
    // From the preview itself (its title bar), or when focus is elsewhere: the one visible architecture file.
    return vscode.window.visibleTextEditors.map((editor) => editor.document).find(isArchitectureDocument);
  }

  private async showSource(): Promise<void> {
    const active = [...this.panels.values()].find((panel) => panel.panel.active);
    if (!active) return;
    const document = active.document ?? (await vscode.workspace.openTextDocument(active.documentUri));
    await vscode.window.showTextDocument(document, { viewColumn: active.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One });
  }

  /** Highlights, shortly after the cursor settles, the node it is in. */
  private cursorMoved(editor: vscode.TextEditor): void {
    const panel = this.panels.get(editor.document.uri.toString());
    if (!panel) return;
    clearTimeout(this.cursorTimer);
    this.cursorTimer = setTimeout(() => panel.highlightAt(editor.document.offsetAt(editor.selection.active)), 60);
  }

  private updateContext(): void {
    const document = vscode.window.activeTextEditor?.document;
    void vscode.commands.executeCommand('setContext', ARCHITECTURE_FILE_CONTEXT, Boolean(document && isArchitectureDocument(document)));
  }

  dispose(): void {
    clearTimeout(this.cursorTimer);
    for (const panel of [...this.panels.values()]) panel.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
  }
}
