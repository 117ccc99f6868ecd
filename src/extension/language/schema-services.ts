// Completion and hover for every key and enum value of the architecture schema, from two well-kept
// language-service libraries run in-process: yaml-language-server's language service for YAML and
// vscode-json-languageservice for JSON. Nothing walks the schema here: the libraries do, from the
// descriptions, markdownDescriptions and enumDescriptions the schema already carries.
//
// This file is the entry of the lazily loaded bundle dist/language.js (see scripts/esbuild-language.mjs):
// it imports no dbarch engine code and no `vscode`, and is given the schema object by its caller, so
// the schema is bundled once (in dist/extension.js) and the libraries load on the first request only.
import architectureSchema from '../../../schemas/dbarch.schema.json';
import { getLanguageService as getJsonLanguageService, type JSONSchema, type LanguageService as JsonLanguageService } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService as getYamlLanguageService, type LanguageService as YamlLanguageService } from 'yaml-language-server/out/server/src/languageservice/yamlLanguageService';
import type { CompletionItem, CompletionList, Hover, MarkedString, MarkupContent, MarkupKind } from 'vscode-json-languageservice';
import type { DocumentText, HoverInfo, Suggestion, SuggestionKind } from './types';

/** The URI under which the schema is registered with both services; only an identity, never fetched. */
export const SCHEMA_URI = 'dbarch://schemas/dbarch.schema.json';

/** Schema completion and hover over one document's text. */
export interface SchemaServices {
  complete(document: DocumentText, offset: number): Promise<Suggestion[]>;
  hover(document: DocumentText, offset: number): Promise<HoverInfo | undefined>;
}

/** What the services may advertise: Markdown documentation and snippets, as VS Code renders them. */
const markdownFirst: MarkupKind[] = ['markdown', 'plaintext'];
const clientCapabilities = {
  textDocument: {
    completion: { completionItem: { documentationFormat: markdownFirst, snippetSupport: true, deprecatedSupport: true, commitCharactersSupport: false } },
    hover: { contentFormat: markdownFirst },
  },
};

/**
 * Creates the services for a schema object. No network and no file reads: whatever schema address a
 * file names (a JSON `$schema` such as `../schemas/dbarch.schema.json`, or a YAML
 * `# yaml-language-server: $schema=` line), the services get this same object. These services only
 * ever see architecture files, so an architecture file always completes against the schema this
 * extension was built with, offline.
 */
/** The services for dbarch's own schema, which this bundle carries (the extension bundle has only a slim copy). */
export function createArchitectureSchemaServices(): SchemaServices {
  return createSchemaServices(architectureSchema);
}

export function createSchemaServices(schema: object): SchemaServices {
  // The root title would head every hover ("#### dbarch architecture file"); the descriptions say more.
  const { title: _title, ...untitled } = schema as { title?: string };
  const schemaText = JSON.stringify(untitled);
  const schemaRequestService = async (_uri: string): Promise<string> => schemaText;
  // Only an identity for the schema cache (every address gets the same schema, above); `untitled:`
  // documents have no folder to resolve against.
  const workspaceContext = {
    resolveRelativePath: (relativePath: string, resource: string): string => {
      try {
        return new URL(relativePath, resource).toString();
      } catch {
        return relativePath;
      }
    },
  };

  const yaml: YamlLanguageService = getYamlLanguageService({ schemaRequestService, workspaceContext, clientCapabilities });
  // Validation off: dbarch's own diagnostics are the only ones. The services never publish anything
  // by themselves (they run without a connection); doValidation is simply never called.
  yaml.configure({
    validate: false,
    hover: true,
    completion: true,
    format: false,
    hoverSchemaSource: false,
    isKubernetes: false,
    schemas: [{ uri: SCHEMA_URI, fileMatch: ['*'], schema: untitled }],
  });
  // A custom provider wins over file-name matching, so untitled and virtual documents get the schema too.
  yaml.registerCustomSchemaProvider(async () => SCHEMA_URI);

  const json: JsonLanguageService = getJsonLanguageService({ schemaRequestService, workspaceContext, clientCapabilities });
  json.configure({ validate: false, allowComments: false, schemas: [{ uri: SCHEMA_URI, fileMatch: ['*'], schema: untitled as JSONSchema }] });

  const versions = new DocumentVersions();
  return {
    async complete(document, offset) {
      const text = versions.textDocument(document);
      const position = text.positionAt(offset);
      const list: CompletionList | null =
        document.language === 'yaml' ? await yaml.doComplete(text, position, false) : await json.doComplete(text, position, json.parseJSONDocument(text));
      return (list?.items ?? []).map((item) => toSuggestion(item, text));
    },
    async hover(document, offset) {
      const text = versions.textDocument(document);
      const position = text.positionAt(offset);
      const hover: Hover | null = document.language === 'yaml' ? await yaml.doHover(text, position) : await json.doHover(text, position, json.parseJSONDocument(text));
      if (!hover) return undefined;
      const markdown = markdownOf(hover.contents).trim();
      if (markdown === '') return undefined;
      return { sections: [markdown], span: hover.range ? { start: text.offsetAt(hover.range.start), end: text.offsetAt(hover.range.end) } : undefined };
    },
  };
}

/**
 * yaml-language-server caches each parsed document by URI and version; a new version whenever the
 * text changes keeps that cache right whatever the caller passes (tests reuse URIs freely).
 */
class DocumentVersions {
  private readonly seen = new Map<string, { text: string; version: number }>();

  textDocument(document: DocumentText): TextDocument {
    const previous = this.seen.get(document.uri);
    const version = previous && previous.text === document.text ? previous.version : (previous?.version ?? 0) + 1;
    this.seen.set(document.uri, { text: document.text, version });
    // Bounded: a session edits a handful of architecture files; forget the oldest past 50.
    if (this.seen.size > 50) this.seen.delete(this.seen.keys().next().value as string);
    return TextDocument.create(document.uri, document.language, version, document.text);
  }
}

/** LSP CompletionItemKind numbers, by the name the adapter gives VS Code (the LSP number minus one). */
const KIND_NAMES: Record<number, SuggestionKind> = {
  1: 'Text',
  5: 'Field',
  7: 'Class',
  9: 'Module',
  10: 'Property',
  11: 'Unit',
  12: 'Value',
  13: 'Enum',
  14: 'Keyword',
  15: 'Snippet',
  18: 'Reference',
  19: 'Folder',
  20: 'EnumMember',
  21: 'Constant',
};

function toSuggestion(item: CompletionItem, document: TextDocument): Suggestion {
  const edit = item.textEdit;
  const range = edit ? ('range' in edit ? edit.range : edit.replace) : undefined;
  const documentation = item.documentation === undefined ? undefined : markdownOf(item.documentation);
  return {
    label: item.label,
    kind: (item.kind !== undefined ? KIND_NAMES[item.kind] : undefined) ?? 'Value',
    insertText: edit?.newText ?? item.insertText ?? item.label,
    snippet: item.insertTextFormat === 2,
    replace: range ? { start: document.offsetAt(range.start), end: document.offsetAt(range.end) } : undefined,
    detail: item.detail,
    documentation: documentation === '' ? undefined : documentation,
    sortText: item.sortText,
    filterText: item.filterText,
    deprecated: item.deprecated === true || item.tags?.includes(1) === true,
    preselect: item.preselect,
    retrigger: item.command?.command === 'editor.action.triggerSuggest',
  };
}

/** Hover and documentation contents of any LSP shape, as Markdown. */
function markdownOf(contents: MarkupContent | MarkedString | MarkedString[] | string): string {
  if (Array.isArray(contents)) return contents.map((part) => markdownOf(part)).filter((part) => part !== '').join('\n\n');
  if (typeof contents === 'string') return contents;
  if ('kind' in contents) return contents.kind === 'markdown' ? contents.value : escapeMarkdown(contents.value);
  return '```' + contents.language + '\n' + contents.value + '\n```';
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (character) => '\\' + character);
}
