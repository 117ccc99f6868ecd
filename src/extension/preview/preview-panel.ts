// One preview panel: the webview that draws one architecture file. It turns lint results into
// updates for the page (the engine's `buildPreview`), and answers the page's requests after checking
// them: reveal a node's definition, switch the view, save an export where the user chose, copy the
// Mermaid source.
import * as vscode from 'vscode';
import type { LintResult } from '../../core/lint';
import type { FailureScenario } from '../../core/failure/types';
import type { DiagramView } from '../../core/mermaid';
import { buildPreview, exportBytes, nodesAt, parsePreviewMessage, type MappedNode, type PreviewToHostMessage } from '../../core/preview';
import { previewPage, webviewCsp } from '../../core/preview-page';

/** The webview panel type; also the key of the serializer that restores panels after a reload. */
export const PREVIEW_VIEW_TYPE = 'dbarch.preview';

/** What a panel needs from the rest of the extension. */
export interface PreviewContext {
  extensionUri: vscode.Uri;
  /** The latest lint of exactly the document's current version (lints it if needed). */
  lint(document: vscode.TextDocument): Promise<LintResult | undefined>;
  onDispose(panel: PreviewPanel): void;
}

/** A preview of one document. */
export class PreviewPanel implements vscode.Disposable {
  private view: DiagramView = { kind: 'all' };
  private force = false;
  private failure: FailureScenario | undefined;
  private ready = false;
  /** The nodes of the diagram on screen, for reveal and cursor highlighting. */
  private mapped: MappedNode[] = [];
  /** The last result whose diagram is on screen. */
  private shown: LintResult | undefined;
  private latest: { result: LintResult; version: number } | undefined;
  private highlighted = '';
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly documentUri: vscode.Uri,
    private readonly context: PreviewContext,
  ) {
    const webview = panel.webview;
    const root = vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview');
    webview.options = { enableScripts: true, localResourceRoots: [root] };
    panel.iconPath = {
      light: vscode.Uri.joinPath(context.extensionUri, 'media', 'preview-light.svg'),
      dark: vscode.Uri.joinPath(context.extensionUri, 'media', 'preview-dark.svg'),
    };
    panel.title = previewTitle(documentUri);
    const nonce = makeNonce();
    webview.html = previewPage({
      nonce,
      csp: webviewCsp(webview.cspSource, nonce),
      script: { src: webview.asWebviewUri(vscode.Uri.joinPath(root, 'preview.js')).toString() },
      style: { href: webview.asWebviewUri(vscode.Uri.joinPath(root, 'preview.css')).toString() },
      codiconHref: webview.asWebviewUri(vscode.Uri.joinPath(root, 'codicon.css')).toString(),
      title: panel.title,
    });
    this.disposables.push(
      webview.onDidReceiveMessage((message: unknown) => void this.receive(parsePreviewMessage(message))),
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState(() => {
        if (panel.visible) this.highlightCursor();
      }),
    );
  }

  /** The document, if it is open. */
  get document(): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((document) => document.uri.toString() === this.documentUri.toString());
  }

  /** A new lint result of the document. */
  update(result: LintResult, version: number): void {
    this.latest = { result, version };
    if (this.ready) this.post(result, version);
  }

  /** Highlights the nodes the editor's cursor is in. */
  highlightAt(offset: number): void {
    const ids = nodesAt(this.mapped, offset);
    const key = ids.join(',');
    if (key === this.highlighted || !this.ready) return;
    this.highlighted = key;
    void this.panel.webview.postMessage({ type: 'highlight', nodeIds: ids });
  }

  private post(result: LintResult, version: number): void {
    const preview = buildPreview(result, { view: this.view, force: this.force, failure: this.failure, version, uri: this.documentUri.toString(), fileName: basename(this.documentUri) });
    if (preview.message.diagram && !preview.message.problem) {
      this.shown = result;
      this.mapped = preview.nodes;
    }
    this.highlighted = '';
    void this.panel.webview.postMessage(preview.message);
    this.highlightCursor();
  }

  private highlightCursor(): void {
    const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.toString() === this.documentUri.toString());
    if (editor && editor.document.uri.toString() === this.documentUri.toString()) this.highlightAt(editor.document.offsetAt(editor.selection.active));
  }

  private async receive(message: PreviewToHostMessage | undefined): Promise<void> {
    if (!message) return;
    switch (message.type) {
      case 'ready':
      case 'view':
      case 'failure': {
        if (message.type === 'failure') {
          this.failure = message.scenario;
        } else {
          this.view = message.view;
          this.force = message.force;
          if (message.type === 'ready') {
            this.ready = true;
            this.failure = message.failure;
          }
        }
        if (!this.ready) return;
        const document = this.document;
        if (this.latest && (!document || this.latest.version === document.version)) {
          this.post(this.latest.result, this.latest.version);
        } else if (document) {
          const result = await this.context.lint(document);
          if (result) this.update(result, document.version);
        }
        return;
      }
      case 'reveal':
        return this.reveal(message.nodeId);
      case 'export':
        return this.export(message.format, message.data);
      case 'copySource': {
        if (!this.shown?.topology) return;
        const text = buildPreview(this.shown, { view: this.view, force: true, failure: this.failure, direction: message.direction }).message.diagram?.text;
        if (!text) return;
        await vscode.env.clipboard.writeText(text);
        void vscode.window.setStatusBarMessage(`$(check) ${vscode.l10n.t("Copied the diagram's Mermaid source")}`, 3000);
        return;
      }
      case 'renderError':
        console.warn(`dbarch preview: Mermaid could not draw ${this.documentUri.toString()}: ${message.message}`);
        return;
    }
  }

  /** Shows a node's definition in the editor; only ids of the diagram on screen are accepted. */
  private async reveal(nodeId: string): Promise<void> {
    const entry = this.mapped.find((candidate) => candidate.node.id === nodeId);
    if (!entry || !this.shown) return;
    const document = this.document ?? (await vscode.workspace.openTextDocument(this.documentUri));
    // The spans are offsets of the text that was drawn; locate the node again in today's text when it changed.
    const span = document.getText() === this.shown.document.text ? entry.reveal : undefined;
    const range = span
      ? new vscode.Range(document.positionAt(span.start), document.positionAt(span.end))
      : await this.locateNow(document, entry.node.pointer);
    const existing = vscode.window.visibleTextEditors.find((editor) => editor.document.uri.toString() === this.documentUri.toString());
    const column = existing?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: column, selection: new vscode.Selection(range.start, range.end), preserveFocus: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async locateNow(document: vscode.TextDocument, pointer: string): Promise<vscode.Range> {
    const result = await this.context.lint(document);
    if (!result) return new vscode.Range(0, 0, 0, 0);
    const located = result.document.locate(pointer, 'key');
    return new vscode.Range(document.positionAt(located.span.start), document.positionAt(located.span.end));
  }

  /** Saves an export where the user chooses; the page only supplies the bytes. */
  private async export(format: 'svg' | 'png', data: string): Promise<void> {
    const bytes = exportBytes(format, data);
    if (!bytes) {
      void vscode.window.showErrorMessage(vscode.l10n.t('dbarch: the preview sent an export that is not a valid {0} image; nothing was saved.', format.toUpperCase()));
      return;
    }
    const target = await vscode.window.showSaveDialog({
      defaultUri: exportUri(this.documentUri, format),
      filters: format === 'svg' ? { [vscode.l10n.t('SVG image')]: ['svg'] } : { [vscode.l10n.t('PNG image')]: ['png'] },
      saveLabel: vscode.l10n.t('Export {0}', format.toUpperCase()),
      title: vscode.l10n.t('Export the diagram of {0}', basename(this.documentUri)),
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, bytes);
    const openLabel = vscode.l10n.t('Open');
    const open = await vscode.window.showInformationMessage(vscode.l10n.t('Saved the diagram to {0}.', basename(target)), openLabel);
    if (open === openLabel) await vscode.commands.executeCommand('vscode.open', target);
  }

  /** Brings the panel to the front. */
  show(toSide: boolean): void {
    this.panel.reveal(toSide ? vscode.ViewColumn.Beside : undefined, toSide);
  }

  dispose(): void {
    this.context.onDispose(this);
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.panel.dispose();
  }
}

/** Where an export goes by default: next to the file, `shop.dbarch.yaml` -> `shop.dbarch.svg`. */
function exportUri(document: vscode.Uri, format: 'svg' | 'png'): vscode.Uri | undefined {
  if (document.scheme === 'untitled') return vscode.workspace.workspaceFolders?.[0] ? vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, `architecture.${format}`) : undefined;
  return document.with({ path: document.path.replace(/\.(ya?ml|json)$/i, '') + `.${format}` });
}

/** A preview panel's title; a restored panel whose state was lost is matched to its document by it. */
export function previewTitle(document: vscode.Uri): string {
  return vscode.l10n.t('Preview {0}', basename(document));
}

/** The titles a panel of this document may have: in this session's language, and in English. */
export function previewTitles(document: vscode.Uri): string[] {
  return [previewTitle(document), `Preview ${basename(document)}`];
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function makeNonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes)).replace(/[+/=]/g, '');
}
