// "dbarch: New architecture file": pick a starter or a shipped example and get it as a new, unsaved
// document that already has its file name, so lint, completion and Save all behave as for a real file.
import * as vscode from 'vscode';
import { STARTERS, type Template } from './starters';
import { exampleTemplate, isArchitectureFileName, nameValueSpan, SHIPPED_EXAMPLES, uniqueFileName, withLintSummary } from './templates';

type TemplateItem = vscode.QuickPickItem & { template?: Template };

/** Every template: the starters and the shipped examples, each described with how it lints. */
export interface TemplateCatalog {
  starters: Template[];
  examples: Template[];
}

/**
 * The templates, read and linted on first use and then kept: the examples ship inside the extension,
 * so they cannot change while it runs, and linting them all costs a few hundred milliseconds cold.
 */
export function templateCatalog(extensionUri: vscode.Uri): () => Promise<TemplateCatalog> {
  let catalog: Promise<TemplateCatalog> | undefined;
  return () =>
    (catalog ??= loadExampleTemplates(extensionUri).then(
      (examples) => ({ starters: STARTERS.map(withLintSummary), examples }),
      (error: unknown) => {
        catalog = undefined; // a failed read is tried again next time
        throw error;
      },
    ));
}

/** Asks for a template (unless `templateId` names one) and opens it; resolves to its editor, or undefined if cancelled. */
export async function newArchitectureFile(catalog: () => Promise<TemplateCatalog>, templateId?: string): Promise<vscode.TextEditor | undefined> {
  let template: Template | undefined;
  if (templateId) {
    const { starters, examples } = await catalog();
    template = [...starters, ...examples].find((candidate) => candidate.id === templateId);
    if (!template) throw new Error(vscode.l10n.t('dbarch: there is no template `{0}`.', templateId));
  } else {
    template = await pickTemplate(catalog());
  }
  if (!template) return undefined;
  const editor = await openAsNewFile(template);
  selectName(editor, template);
  return editor;
}

/** The shipped examples as templates, the clean ones first. */
async function loadExampleTemplates(extensionUri: vscode.Uri): Promise<Template[]> {
  const folder = vscode.Uri.joinPath(extensionUri, 'examples');
  let names: readonly string[];
  try {
    const entries = await vscode.workspace.fs.readDirectory(folder);
    names = entries.filter(([name, type]) => type === vscode.FileType.File && isArchitectureFileName(name)).map(([name]) => name);
  } catch {
    names = SHIPPED_EXAMPLES; // VS Code for the web cannot list an extension's folder, only read its files
  }
  const decoder = new TextDecoder();
  const templates = await Promise.all(
    names.map(async (name) => {
      let text: string;
      try {
        text = decoder.decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, name)));
      } catch {
        return undefined; // a build without examples still offers the starters
      }
      const template = exampleTemplate(name, text);
      return template && withLintSummary(template);
    }),
  );
  return templates.filter((template): template is Template & { problems: number } => template !== undefined).sort((a, b) => a.problems - b.problems || a.label.localeCompare(b.label));
}

/** The picker, shown at once (busy while the templates load the first time); undefined if dismissed. */
function pickTemplate(catalog: Promise<TemplateCatalog>): Promise<Template | undefined> {
  const quickPick = vscode.window.createQuickPick<TemplateItem>();
  quickPick.title = vscode.l10n.t('New architecture file');
  quickPick.placeholder = vscode.l10n.t('Start from a minimal design or from one of the examples');
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = true;
  quickPick.busy = true;
  const picked = new Promise<Template | undefined>((resolve) => {
    quickPick.onDidAccept(() => {
      resolve(quickPick.selectedItems[0]?.template);
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      resolve(undefined);
      quickPick.dispose();
    });
  });
  quickPick.show();
  void catalog.then(
    ({ starters, examples }) => {
      const toItem = (template: Template): TemplateItem => ({ label: template.label, description: template.description, detail: template.detail, template });
      quickPick.items = [
        { label: vscode.l10n.t('Starters'), kind: vscode.QuickPickItemKind.Separator },
        ...starters.map(toItem),
        ...(examples.length ? [{ label: vscode.l10n.t('Examples'), kind: vscode.QuickPickItemKind.Separator }, ...examples.map(toItem)] : []),
      ];
      quickPick.busy = false;
    },
    (error: unknown) => {
      quickPick.hide();
      void vscode.window.showErrorMessage(vscode.l10n.t('dbarch: could not read the templates: {0}', error instanceof Error ? error.message : String(error)));
    },
  );
  return picked;
}

/**
 * Opens the template as an untitled document. With a folder open, the document is
 * `untitled:<folder>/<name>.dbarch.yaml`: the tab shows the real file name, the file is an
 * architecture file from the first keystroke, and Save writes it there (Save As still asks); nothing
 * touches the disk until the user saves, as with VS Code's own "New File". The name never collides with
 * a file on disk or an open document. Without a folder there is no place to suggest, so the document is a
 * plain untitled one of the right language, and Save asks where to put it.
 */
export async function openAsNewFile(template: Pick<Template, 'fileName' | 'language' | 'text'>): Promise<vscode.TextEditor> {
  const folder = targetFolder();
  if (!folder) {
    const document = await vscode.workspace.openTextDocument({ language: template.language, content: template.text });
    return vscode.window.showTextDocument(document, { viewColumn: editorColumn(), preview: false });
  }
  const fileName = uniqueFileName(template.fileName, await takenNames(folder));
  const uri = vscode.Uri.from({ scheme: 'untitled', path: vscode.Uri.joinPath(folder, fileName).path });
  let document = await vscode.workspace.openTextDocument(uri);
  // Filled before it is shown, so nothing the user types can race the insertion.
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(0, 0), template.text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(vscode.l10n.t('dbarch: could not write the template into {0}.', fileName));
  // The language comes from the file name; a user's files.associations could map it elsewhere.
  if (document.languageId !== template.language) document = await vscode.languages.setTextDocumentLanguage(document, template.language);
  return vscode.window.showTextDocument(document, { viewColumn: editorColumn(), preview: false });
}

/**
 * Where a new file goes: next to the active architecture file if one is open in a workspace folder,
 * else that folder, else the first workspace folder; undefined when no folder is open.
 */
function targetFolder(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  const folder = (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) return undefined;
  if (active && vscode.workspace.getWorkspaceFolder(active) && isArchitectureFileName(active.path)) return vscode.Uri.joinPath(active, '..');
  return folder.uri;
}

/** Whether a name is taken in a folder: by a file on disk or by an open (possibly untitled) document. */
async function takenNames(folder: vscode.Uri): Promise<(name: string) => boolean> {
  const taken = new Set<string>();
  try {
    for (const [name] of await vscode.workspace.fs.readDirectory(folder)) taken.add(name.toLowerCase());
  } catch {
    // An unreadable folder: only the open documents can clash.
  }
  for (const document of vscode.workspace.textDocuments) {
    const path = document.uri.path;
    if (path.slice(0, path.lastIndexOf('/')) === folder.path) taken.add(path.slice(path.lastIndexOf('/') + 1).toLowerCase());
  }
  return (name) => taken.has(name.toLowerCase());
}

/**
 * The column for a new editor: beside a non-text tab (the walkthrough, which invokes these commands,
 * stays visible), else the active one.
 */
export function editorColumn(): vscode.ViewColumn {
  const active = vscode.window.tabGroups.activeTabGroup.activeTab;
  return active && !(active.input instanceof vscode.TabInputText) ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
}

/** Selects the system's `name`, so the first thing typed renames it. */
function selectName(editor: vscode.TextEditor, template: Template): void {
  const span = nameValueSpan(template.text, template.language);
  if (!span) return;
  // Positions by line and character: the document may use CRLF where the template has LF.
  editor.selection = new vscode.Selection(positionIn(template.text, span.start), positionIn(template.text, span.end));
  editor.revealRange(editor.selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

function positionIn(text: string, offset: number): vscode.Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return new vscode.Position(line, offset - (before.lastIndexOf('\n') + 1));
}
