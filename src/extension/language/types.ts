// The editor-neutral vocabulary of completion and hover: plain data that the schema services and
// dbarch's own suggestions produce and the thin VS Code adapter turns into vscode objects. No `vscode`
// import here, so every producer can be tested in plain Node.
import type { Span } from '../../core/document/source';
import type { DocumentLanguage } from '../../core/document/document';

export type { Span, DocumentLanguage };

/** What a suggestion is, for its icon (the names of VS Code's CompletionItemKind). */
export type SuggestionKind =
  | 'Text'
  | 'Field'
  | 'Class'
  | 'Module'
  | 'Property'
  | 'Unit'
  | 'Value'
  | 'Enum'
  | 'Keyword'
  | 'Snippet'
  | 'Reference'
  | 'Folder'
  | 'EnumMember'
  | 'Constant';

/** One completion item. */
export interface Suggestion {
  label: string;
  kind: SuggestionKind;
  /** What is inserted; a snippet (`${1:...}`) when `snippet` is true. Defaults to the label. */
  insertText?: string;
  snippet?: boolean;
  /** The text the item replaces (offsets into the document); the word at the cursor when absent. */
  replace?: Span;
  /** A short line shown beside the label. */
  detail?: string;
  /** Markdown shown in the details pane. */
  documentation?: string;
  sortText?: string;
  filterText?: string;
  /** Shown struck through (an engine version past standard support). */
  deprecated?: boolean;
  preselect?: boolean;
  /** Open the suggestion list again after inserting (a class type, then its sizes). */
  retrigger?: boolean;
}

/** A hover: Markdown sections (dbarch's own first, then the schema's description) over a span. */
export interface HoverInfo {
  sections: string[];
  span?: Span;
}

/** The text of one document, as the language features see it. */
export interface DocumentText {
  /** The document's URI as a string (only an identity: nothing is read from it). */
  uri: string;
  language: DocumentLanguage;
  text: string;
}
