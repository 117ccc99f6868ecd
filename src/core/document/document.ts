// The parsed architecture file: its data, its syntax problems and a way to find where any value sits.
import { fromPointer, LineIndex, type PathSegment, type Range, type Span } from './source';

/** The two notations an architecture file may be written in. */
export type DocumentLanguage = 'yaml' | 'json';

/** A problem the parser found, at the exact place. */
export interface SyntaxProblem {
  message: string;
  span: Span;
  severity: 'error' | 'warning';
}

/** A key written twice in one mapping: the second occurrence and where the first one is. */
export interface DuplicateKey {
  path: PathSegment[];
  key: string;
  span: Span;
  firstSpan: Span;
}

/** A comment on a line of its own (YAML only); `text` is what follows the `#`. */
export interface SourceComment {
  text: string;
  span: Span;
}

/** What a pointer resolved to: the span to show and whether the exact node exists. */
export interface Location {
  span: Span;
  /** False when the pointer named a missing node and the span is its closest existing parent's key. */
  exact: boolean;
  /** Whether the node is a mapping or a list (its span is then only its key or first line). */
  isCollection?: boolean;
  /** The value's own span, empty for a key written without a value (`multiAz:`). */
  valueSpan?: Span;
}

/** Which part of a key/value pair a location should cover. */
export type LocationPart = 'key' | 'value' | 'auto';

/** The syntax-tree operations each notation provides to the shared document. */
export interface SyntaxTree {
  /** The key span (if the node is a mapping value) and the value span of a node, or undefined. */
  find(path: readonly PathSegment[]): { keySpan?: Span; valueSpan: Span; isCollection: boolean; firstEntrySpan?: Span } | undefined;
  /** The comments that stand on lines of their own (none for JSON). */
  comments(): SourceComment[];
  /** The shape of the mapping at a path, for inserting keys; undefined if it is not a mapping. */
  mapping(path: readonly PathSegment[]): MappingShape | undefined;
  /** True for a tree built on an earlier read, parsing only the item an edit was in (yaml-edit.ts). */
  readonly inPieces?: boolean;
}

/** Where a mapping's entries are, so a fix can add a key in the mapping's own style. */
export interface MappingShape {
  /** `{ a: 1 }` in YAML and every JSON object are flow; indented YAML mappings are block. */
  flow: boolean;
  entries: { keySpan: Span; valueEnd: number }[];
  /** For flow mappings: the offset of the closing brace. */
  closeOffset?: number;
}

/** One architecture file, parsed once: every later stage reads it and nothing re-parses. */
export class SourceDocument {
  readonly lines: LineIndex;

  constructor(
    readonly text: string,
    readonly language: DocumentLanguage,
    /** The plain data of the file; undefined when nothing could be read. */
    readonly value: unknown,
    /** Syntax problems; an error-severity one means the data is not trustworthy. */
    readonly problems: readonly SyntaxProblem[],
    readonly duplicateKeys: readonly DuplicateKey[],
    /** How the text maps to places; undefined when nothing could be read. */
    readonly tree: SyntaxTree | undefined,
    /** The text's lines, when a read that built on an earlier one already has them. */
    lines?: LineIndex,
  ) {
    this.lines = lines ?? new LineIndex(text);
  }

  /** Whether this read built on an earlier read of the file, parsing only the item an edit was in. */
  get readInPieces(): boolean {
    return this.tree?.inPieces === true;
  }

  /** Whether syntax errors (other than duplicate keys) make the data unusable for validation. */
  get hasSyntaxErrors(): boolean {
    return this.problems.some((problem) => problem.severity === 'error');
  }

  private cachedComments: SourceComment[] | undefined;

  /** The file's comments, computed on first use. */
  get comments(): readonly SourceComment[] {
    this.cachedComments ??= this.tree ? this.tree.comments() : [];
    return this.cachedComments;
  }

  /**
   * Where a pointer's node sits. A missing node resolves to the key of its closest existing parent,
   * never to the top of the file unless nothing of the path exists.
   */
  locate(pointer: string | readonly PathSegment[], part: LocationPart = 'auto'): Location {
    const path = typeof pointer === 'string' ? fromPointer(pointer) : pointer;
    if (!this.tree) return { span: this.firstLineSpan(), exact: path.length === 0 };
    for (let depth = path.length; depth >= 0; depth--) {
      const found = this.tree.find(path.slice(0, depth));
      if (!found) continue;
      const exact = depth === path.length;
      if (!exact) return { span: found.keySpan ?? found.firstEntrySpan ?? this.headSpan(found.valueSpan), exact };
      return { span: pickSpan(found, part, this), exact, isCollection: found.isCollection, valueSpan: found.valueSpan };
    }
    return { span: this.firstLineSpan(), exact: false };
  }

  /** The shape of the mapping at a path (for fixes that add a key). */
  mapping(path: readonly PathSegment[]): MappingShape | undefined {
    return this.tree?.mapping(path);
  }

  /** The range of a pointer's node; see `locate`. */
  rangeOf(pointer: string | readonly PathSegment[], part: LocationPart = 'auto'): Range {
    return this.lines.rangeOf(this.locate(pointer, part).span);
  }

  /** The first line of a span: large collections are marked on their first line, not as a whole block. */
  headSpan(span: Span): Span {
    const line = this.lines.positionAt(span.start).line;
    return { start: span.start, end: Math.max(span.start, Math.min(span.end, this.lines.lineEnd(line))) };
  }

  private firstLineSpan(): Span {
    let start = 0;
    // Skip leading blank lines and comments so a file-level finding lands on the first real line.
    for (let line = 0; line < this.lines.lineCount; line++) {
      const from = this.lines.lineStart(line);
      const content = this.text.slice(from, this.lines.lineEnd(line)).trim();
      if (content !== '' && !content.startsWith('#') && content !== '---') {
        start = from;
        break;
      }
    }
    const line = this.lines.positionAt(start).line;
    return { start, end: this.lines.lineEnd(line) };
  }
}

function pickSpan(
  found: { keySpan?: Span; valueSpan: Span; isCollection: boolean; firstEntrySpan?: Span },
  part: LocationPart,
  document: SourceDocument,
): Span {
  const emptyValue = found.valueSpan.end <= found.valueSpan.start;
  if (part === 'key') return found.keySpan ?? found.firstEntrySpan ?? document.headSpan(found.valueSpan);
  if (part === 'value') {
    if (emptyValue && found.keySpan) return found.keySpan;
    return found.isCollection ? document.headSpan(found.valueSpan) : found.valueSpan;
  }
  if (found.isCollection || emptyValue) return found.keySpan ?? found.firstEntrySpan ?? document.headSpan(found.valueSpan);
  return found.valueSpan;
}
