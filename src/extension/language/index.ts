// The VS Code side of completion and hover: registers the providers and converts between VS Code's
// objects and the editor-neutral ones of features.ts. The schema services (yaml-language-server and
// vscode-json-languageservice) live in their own bundle, dist/language.js, loaded on the first request
// so that activation does not pay for them (in the web extension they are bundled in, evaluated on the
// first request too: load-schema-services.web.ts).
import * as vscode from 'vscode';
import { languageOf } from '../../core/document';
import type { SourceDocument } from '../../core/document';
import type { LintResult } from '../../core/lint';
import { isArchitectureDocument } from '../architecture-files';
import { declaredJsonSchema, localSchemaTarget } from './declared-schema';
import { LanguageFeatures, type SchemaServicesLoader } from './features';
import { loadSchemaServicesModule, SCHEMA_SERVICES_SOURCE } from './load-schema-services';
import type { SchemaServices } from './schema-services';
import type { DocumentText, HoverInfo, Span, Suggestion } from './types';
import { spaceOpensValue } from './value-text';

/** What the language features need from the rest of the extension. */
export interface LanguageFeatureDeps {
  /** The documents to serve; each is also checked with isArchitectureDocument. */
  selector: vscode.DocumentSelector;
  /** The latest lint of exactly this document version, if there is one. */
  resultFor(document: vscode.TextDocument): LintResult | undefined;
  /** The engine's read of exactly this document version, made once per version. */
  readFor(document: vscode.TextDocument): SourceDocument;
  /**
   * The editor's lint of this document version, waited for (or started); undefined when the editor
   * would not lint this version now (it lints on save, and the document has unsaved changes).
   */
  current(document: vscode.TextDocument): Promise<LintResult | undefined> | undefined;
}

/**
 * Characters after which completion opens by itself: the space after a key's colon or a list's dash
 * (YAML values are strings to VS Code, where quick suggestions are off by default), a colon, quotes,
 * a member's `/` and an instance class's `.`.
 */
const TRIGGER_CHARACTERS = [' ', ':', '"', "'", '/', '.'];

/** Registers completion and hover for architecture files. */
export function registerLanguageFeatures(context: vscode.ExtensionContext, deps: LanguageFeatureDeps): void {
  const features = new LanguageFeatures(lazySchemaServices());
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(
      deps.selector,
      {
        async provideCompletionItems(document, position, token, completion) {
          if (!isArchitectureDocument(document)) return undefined;
          if (completion.triggerCharacter === ' ' && !spaceOpensValue(document.lineAt(position).text.slice(0, position.character))) return undefined;
          const schemaItems = !(await builtInJsonServesSchema(document));
          if (token.isCancellationRequested) return undefined;
          const options = { result: deps.resultFor(document), read: deps.readFor(document), schemaItems };
          const suggestions = await features.complete(documentText(document), document.offsetAt(position), options);
          if (token.isCancellationRequested) return undefined;
          return suggestions.map((suggestion) => toCompletionItem(suggestion, document, position));
        },
      },
      ...TRIGGER_CHARACTERS,
    ),
    vscode.languages.registerHoverProvider(deps.selector, {
      async provideHover(document, position, token) {
        if (!isArchitectureDocument(document)) return undefined;
        const schemaItems = !(await builtInJsonServesSchema(document));
        if (token.isCancellationRequested) return undefined;
        const options = { result: deps.resultFor(document), read: deps.readFor(document), lint: () => deps.current(document), schemaItems };
        const hover = await features.hover(documentText(document), document.offsetAt(position), options);
        if (!hover || token.isCancellationRequested) return undefined;
        return toHover(hover, document);
      },
    }),
  );
}

/**
 * Loads the schema services (dist/language.js, the bundle beside this one) on first use. A failure is
 * logged once and leaves dbarch's own suggestions working.
 */
function lazySchemaServices(): SchemaServicesLoader {
  let services: SchemaServices | undefined;
  let failed = false;
  return () => {
    if (services || failed) return services;
    try {
      services = loadSchemaServicesModule().createArchitectureSchemaServices();
    } catch (error) {
      failed = true;
      console.error(`dbarch: the schema completion and hover services (${SCHEMA_SERVICES_SOURCE}) could not be loaded`, error);
    }
    return services;
  };
}

/**
 * Whether VS Code's built-in JSON support already completes and hovers this document from the schema:
 * it does for a JSON file whose `$schema` names a file it can read (the examples' `../schemas/...`).
 * dbarch then adds only its own items, so no key or value is offered twice.
 */
async function builtInJsonServesSchema(document: vscode.TextDocument): Promise<boolean> {
  if (document.languageId !== 'json' && document.languageId !== 'jsonc') return false;
  if (!vscode.extensions.getExtension('vscode.json-language-features')) return false;
  const schema = declaredJsonSchema(document.getText());
  const target = schema ? localSchemaTarget(schema) : undefined;
  if (!target) return false;
  const uri = 'uri' in target ? vscode.Uri.parse(target.uri) : vscode.Uri.joinPath(document.uri, '..', target.relative);
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function documentText(document: vscode.TextDocument): DocumentText {
  const language = document.languageId === 'yaml' ? 'yaml' : document.languageId === 'json' || document.languageId === 'jsonc' ? 'json' : languageOf(document.fileName, document.getText());
  return { uri: document.uri.toString(), language, text: document.getText() };
}

function toCompletionItem(suggestion: Suggestion, document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem {
  const item = new vscode.CompletionItem(suggestion.label, vscode.CompletionItemKind[suggestion.kind]);
  const insertText = suggestion.insertText ?? suggestion.label;
  item.insertText = suggestion.snippet ? new vscode.SnippetString(insertText) : insertText;
  const range = suggestion.replace ? toRange(suggestion.replace, document) : undefined;
  // VS Code rejects a range that spans lines or does not contain the cursor; its word range serves then.
  if (range && range.isSingleLine && range.contains(position)) item.range = range;
  item.detail = suggestion.detail;
  if (suggestion.documentation) item.documentation = new vscode.MarkdownString(suggestion.documentation);
  item.sortText = suggestion.sortText;
  item.filterText = suggestion.filterText;
  item.preselect = suggestion.preselect;
  if (suggestion.deprecated) item.tags = [vscode.CompletionItemTag.Deprecated];
  if (suggestion.retrigger) item.command = { command: 'editor.action.triggerSuggest', title: 'Suggest' };
  return item;
}

function toHover(hover: HoverInfo, document: vscode.TextDocument): vscode.Hover {
  const contents = hover.sections.map((section) => {
    const markdown = new vscode.MarkdownString(section);
    // `$(warning)` icons in dbarch's own sections; text from the file is escaped before it gets here.
    markdown.supportThemeIcons = true;
    return markdown;
  });
  return new vscode.Hover(contents, hover.span ? toRange(hover.span, document) : undefined);
}

function toRange(span: Span, document: vscode.TextDocument): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}
