// Reading a YAML file again after an edit. An architecture file is a few top-level lists and mappings
// (`databases`, `applications`, ...) of items a few lines long, and an edit in the editor nearly always
// stays inside one item. Then only that item's lines are parsed again and every other item's parse is
// kept: the `yaml` package parses 40 KB in about 30 ms here, one item in well under a millisecond.
//
// Whenever the edit could change how anything outside the item reads, the answer is "read it all
// again" (undefined), and the caller parses the whole text. The test that runs thousands of edits and
// compares each result with a whole parse (test/unit/yaml-edit.test.ts) is what checks this.
import { Composer, isMap, isScalar, isSeq, Parser, type Document, type Node as YamlNode, type Pair } from 'yaml';
import type { DuplicateKey, MappingShape, SourceComment, SyntaxTree } from './document';
import type { LineIndex, PathSegment, Span } from './source';
import {
  entrySpans,
  entryShape,
  findFrom,
  firstEntryOf,
  keyText,
  mappingAt,
  ownLineComments,
  plainKey,
  rangeSpan,
  setProperty,
  trimEnd,
  walkTree,
  YAML_OPTIONS,
  YamlTree,
  type Found,
  type ParsedYaml,
} from './yaml';
import { isObject } from '../shapes';

/** What an earlier read of the file left: its text, data and tree. */
export interface EarlierRead {
  readonly text: string;
  readonly value: unknown;
  readonly problems: readonly unknown[];
  readonly duplicateKeys: readonly DuplicateKey[];
  readonly tree: SyntaxTree | undefined;
  readonly lines: LineIndex;
}

/**
 * The read of `text` made from an earlier read of the same file, parsing only the item the edit is in;
 * undefined when the edit is not inside one item, or the earlier read is not one this can build on
 * (it had problems, aliases, tags on collections, directives, ...). Then the whole text must be read.
 */
export function rereadYaml(earlier: EarlierRead, text: string): (ParsedYaml & { lines: LineIndex }) | undefined {
  // Only a read that parsed (not, say, the stand-in for a file over the size limit) and found nothing wrong.
  const { tree: earlierTree } = earlier;
  if (!(earlierTree instanceof PieceTree || earlierTree instanceof YamlTree) || earlier.problems.length > 0 || earlier.duplicateKeys.length > 0) return undefined;
  // The same text again (a lint after a change of settings): the earlier read stands.
  if (text === earlier.text) return { value: earlier.value, problems: [], duplicateKeys: [], tree: earlierTree, lines: earlier.lines };
  const pieces = earlierTree instanceof PieceTree ? earlierTree : cutOnce(earlierTree);
  if (!pieces) return undefined;
  let edit = changedRange(earlier.text, text);
  let tree = pieces.edited(text, edit);
  // A line added at the end of an item reads, character for character, as an addition at the start of
  // the next one's indentation: the same edit moved left lands inside the item it belongs to.
  const slid = tree ? undefined : slidLeft(earlier.text, text, edit);
  if (slid) {
    edit = slid;
    tree = pieces.edited(text, edit);
  }
  if (!tree) return undefined;
  return { value: tree.value, problems: [], duplicateKeys: [], tree, lines: earlier.lines.edited(text, edit.from, edit.to) };
}

/** The lines of one item of a top-level block list or mapping: `databases.orders`, `applications[3]`. */
export interface ItemLines {
  /** The item's place in the data: the section's key, then the entry's key or the item's index. */
  readonly path: readonly [string, string | number];
  /** From the start of its first line to the start of the next item's, the next section's or the end. */
  readonly start: number;
  readonly end: number;
}

/**
 * The items of the top-level block lists and mappings of a YAML read, in text order, cut as a read in
 * pieces cuts them (so the item an edit is in can be read on its own); undefined when the read is not
 * one this can cut (it has problems, aliases, directives, flow collections at the top, ...).
 */
export function itemLines(read: Pick<EarlierRead, 'problems' | 'duplicateKeys' | 'tree'>): ItemLines[] | undefined {
  const { tree } = read;
  if (read.problems.length > 0 || read.duplicateKeys.length > 0) return undefined;
  const pieces = tree instanceof PieceTree ? tree : tree instanceof YamlTree ? cutOnce(tree) : undefined;
  return pieces?.items();
}

/** Each whole read's cut, made once: the editor asks for the items of the same read on every request. */
const cuts = new WeakMap<YamlTree, PieceTree | undefined>();

function cutOnce(tree: YamlTree): PieceTree | undefined {
  if (!cuts.has(tree)) cuts.set(tree, PieceTree.cut(tree));
  return cuts.get(tree);
}

/** An edit: the earlier text's characters from `from` to `to` were replaced (by `to - from` plus the change in length). */
interface Edit {
  from: number;
  to: number;
}

/** How many characters the search for an edit compares at a time. */
const BLOCK = 1_024;

/** The edit between two texts: what lies between their longest common start and their longest common end. */
function changedRange(old: string, text: string): Edit {
  const shorter = Math.min(old.length, text.length);
  let from = 0;
  // Compared a block at a time first: the engine compares two strings far faster than a loop does.
  while (from + BLOCK <= shorter && old.slice(from, from + BLOCK) === text.slice(from, from + BLOCK)) from += BLOCK;
  while (from < shorter && old.charCodeAt(from) === text.charCodeAt(from)) from++;
  let same = 0;
  while (same + BLOCK <= shorter - from && old.slice(old.length - same - BLOCK, old.length - same) === text.slice(text.length - same - BLOCK, text.length - same)) same += BLOCK;
  while (same < shorter - from && old.charCodeAt(old.length - 1 - same) === text.charCodeAt(text.length - 1 - same)) same++;
  return { from, to: old.length - same };
}

/**
 * A pure insertion or deletion moved as far left as the texts allow (inserting `ab` after `b` is
 * inserting `ba` before it); undefined when it cannot move or is neither.
 */
function slidLeft(old: string, text: string, edit: Edit): Edit | undefined {
  const delta = text.length - old.length;
  let from = edit.from;
  if (delta > 0 && edit.to === edit.from) {
    while (from > 0 && old.charCodeAt(from - 1) === text.charCodeAt(from - 1 + delta)) from--;
    return from < edit.from ? { from, to: from } : undefined;
  }
  const removed = edit.to - edit.from;
  if (delta < 0 && removed === -delta) {
    while (from > 0 && old.charCodeAt(from - 1) === old.charCodeAt(from - 1 + removed)) from--;
    return from < edit.from ? { from, to: from + removed } : undefined;
  }
  return undefined;
}

/** One item of a top-level block list or mapping, with the lines it takes. */
interface Piece {
  /** The item's node (list) or its entry (mapping). */
  readonly node: YamlNode | Pair;
  /** The entry's key (mapping); '' in a list. */
  readonly key: string;
  /** Added to the node's offsets, it gives offsets in the current text. */
  readonly shift: number;
  /** Where the item's lines start, and where the next item's start, in the current text. */
  readonly start: number;
  readonly end: number;
  readonly value: unknown;
}

/** A top-level block list or mapping, as its items. */
interface List {
  readonly kind: 'seq' | 'map';
  /** The column of its items' `-` or keys. */
  readonly column: number;
  readonly pieces: readonly Piece[];
  /** For a mapping: the position of each key among the pieces. */
  readonly keys: ReadonlyMap<string, number> | undefined;
  /** The list's span in the current text, and where its node ends (trailing comments included). */
  readonly span: Span;
  readonly nodeEnd: number;
  readonly value: unknown[] | Record<string, unknown>;
}

/** One entry of the top-level mapping. */
interface Section {
  readonly key: string;
  readonly keyNode: YamlNode;
  /** Added to the offsets of the key (and of `whole`), it gives offsets in the current text. */
  readonly shift: number;
  /** The entry, when it is kept whole (its value a scalar or a flow collection). */
  readonly whole: Pair | undefined;
  /** The value cut into pieces, when it is a block list or mapping. Only one of `whole` and `list` is set. */
  readonly list: List | undefined;
  readonly value: unknown;
}

/** The tree of a YAML file read in pieces (see the top of this file). */
class PieceTree implements SyntaxTree {
  readonly inPieces = true;

  private constructor(
    readonly text: string,
    private readonly sections: readonly Section[],
    private readonly keys: ReadonlyMap<string, number>,
    /** The top-level mapping's span in the current text. */
    private readonly rootSpan: Span,
    /** Scalars written over more than one line, in the current text (comments inside them are not comments). */
    private readonly multiLine: readonly Span[],
    readonly value: Record<string, unknown>,
  ) {}

  /** Cuts a whole read into pieces; undefined when its shape is not one this file can edit in pieces. */
  static cut(tree: YamlTree): PieceTree | undefined {
    const { document, text } = tree;
    const root = document.contents;
    const built = tree.data();
    if (!isMap(root) || root.flow || root.tag !== undefined || !root.range || root.items.length === 0) return undefined;
    // `%YAML 1.1` and `%TAG` directives change how every item reads; they stand before the content.
    if (!built || !isObject(built.value) || /^%/m.test(text.slice(0, root.range[0]))) return undefined;
    const data = built.value;
    const sections: Section[] = [];
    const keys = new Map<string, number>();
    for (const [index, pair] of root.items.entries()) {
      const key = keyText(pair);
      if (key === undefined || !isScalar(pair.key) || !plainKey(pair.key) || !pair.key.range || pair.key.range[1] <= pair.key.range[0] || !startsLine(text, pair.key.range[0])) return undefined;
      keys.set(key, index);
      sections.push({ key, keyNode: pair.key, shift: 0, whole: pair, list: undefined, value: data[key] });
    }
    for (const [index, section] of sections.entries()) {
      const value = section.whole!.value;
      if (!(isSeq(value) || isMap(value)) || value.flow || value.tag !== undefined || !value.range || value.items.length === 0) continue;
      const next = sections[index + 1];
      const end = next ? lineStart(text, rangeSpan(next.keyNode).start) : text.length;
      const list = cutList(value, text, end, section.value);
      if (!list) return undefined;
      // The list stands for the value from now on; the entry's nodes are not kept.
      sections[index] = { ...section, whole: undefined, list };
    }
    return new PieceTree(text, sections, keys, rangeSpan(root), tree.shape.multiLineScalars, data);
  }

  /** The tree of `text`, this tree's text with `edit` made, parsing only the item the edit is in (see rereadYaml). */
  edited(text: string, { from, to }: Edit): PieceTree | undefined {
    const delta = text.length - this.text.length;
    const sectionIndex = this.sections.findIndex((section) => section.list && section.list.pieces[0].start <= from && from < section.list.pieces[section.list.pieces.length - 1].end);
    const section = this.sections[sectionIndex];
    const list = section?.list;
    if (!list) return undefined;
    const pieceIndex = pieceAt(list.pieces, from);
    const piece = list.pieces[pieceIndex];
    if (to > piece.end) return undefined;
    const start = piece.start;
    const end = piece.end + delta;
    if (end < text.length && text.charCodeAt(end - 1) !== 10 /* \n */) return undefined;

    // The item's nodes end where the next line's content starts, as they do in a whole parse.
    let reach = end;
    while (text.charCodeAt(reach) === 32) reach++;
    const parsed = parseItem(text, start, reach, list);
    if (!parsed) return undefined;
    const { node, root } = parsed;
    const key = list.kind === 'map' ? keyText(node as Pair) : undefined;
    if (key !== undefined && list.keys?.has(key) && list.keys.get(key) !== pieceIndex) return undefined;
    const shape = walkTree(list.kind === 'seq' ? node : (node as Pair).value, text);
    if (!shape.data || shape.duplicates.length > 0) return undefined;

    const replaced: Piece = { node, key: key ?? '', shift: 0, start, end, value: shape.data.value };
    const pieces = list.pieces.map((other, index) => (index < pieceIndex ? other : index === pieceIndex ? replaced : shiftPiece(other, delta)));
    let keys = list.keys;
    let listValue: unknown[] | Record<string, unknown>;
    if (list.kind === 'seq') {
      listValue = (list.value as unknown[]).slice();
      listValue[pieceIndex] = replaced.value;
    } else {
      if (piece.key !== key) keys = new Map(pieces.map((other, index) => [other.key, index]));
      listValue = {};
      for (const other of pieces) setProperty(listValue, other.key, other.value);
    }
    // A collection ends where its last item does: the item read here, if it is the last.
    const last = pieceIndex === list.pieces.length - 1;
    const span = { start: list.span.start, end: last ? root.range![1] : list.span.end + delta };
    const changed: List = { ...list, pieces, keys, span, nodeEnd: last ? root.range![2] : list.nodeEnd + delta, value: listValue };
    const rootEnd = sectionIndex === this.sections.length - 1 ? changed.nodeEnd : this.rootSpan.end + delta;

    const sections = this.sections.map((other, index) =>
      index < sectionIndex ? other : index === sectionIndex ? { ...other, list: changed, value: listValue } : shiftSection(other, delta),
    );
    const value: Record<string, unknown> = {};
    for (const other of sections) setProperty(value, other.key, other.value);
    const multiLine: Span[] = [];
    for (const span of this.multiLine) {
      if (span.end <= piece.start) multiLine.push(span);
      else if (span.start >= piece.end) multiLine.push({ start: span.start + delta, end: span.end + delta });
    }
    multiLine.push(...shape.multiLineScalars);
    multiLine.sort((a, b) => a.start - b.start);
    return new PieceTree(text, sections, this.keys, { start: this.rootSpan.start, end: rootEnd }, multiLine, value);
  }

  items(): ItemLines[] {
    const items: ItemLines[] = [];
    for (const { key, list } of this.sections) {
      if (!list) continue;
      for (const [index, piece] of list.pieces.entries()) items.push({ path: [key, list.kind === 'map' ? piece.key : index], start: piece.start, end: piece.end });
    }
    return items;
  }

  find(path: readonly PathSegment[]): Found | undefined {
    if (path.length === 0) {
      const first = this.sections[0];
      return { keySpan: undefined, valueSpan: this.rootSpan, isCollection: true, firstEntrySpan: shifted(first.whole ? firstEntryOf(first.whole) : rangeSpan(first.keyNode), first.shift) };
    }
    const section = this.section(path[0]);
    if (!section) return undefined;
    const list = section.list;
    if (section.whole) {
      const { keySpan, valueSpan } = entrySpans(section.whole);
      return shiftedFound(findFrom(section.whole.value, keySpan, valueSpan, path.slice(1), same), section.shift);
    }
    if (!list) return undefined;
    if (path.length === 1) {
      const first = list.pieces[0];
      return {
        keySpan: shifted(rangeSpan(section.keyNode), section.shift),
        valueSpan: list.span,
        isCollection: true,
        firstEntrySpan: list.kind === 'map' ? shifted(firstEntryOf(first.node as Pair), first.shift) : undefined,
      };
    }
    const segment = path[1];
    if (list.kind === 'seq') {
      const piece = list.pieces[typeof segment === 'number' ? segment : /^\d+$/.test(segment) ? Number(segment) : -1];
      if (!piece) return undefined;
      return shiftedFound(findFrom(piece.node, undefined, rangeSpan(piece.node as YamlNode), path.slice(2), same), piece.shift);
    }
    const piece = list.pieces[list.keys?.get(String(segment)) ?? -1];
    if (!piece) return undefined;
    const pair = piece.node as Pair;
    const { keySpan, valueSpan } = entrySpans(pair);
    return shiftedFound(findFrom(pair.value, keySpan, valueSpan, path.slice(2), same), piece.shift);
  }

  mapping(path: readonly PathSegment[]): MappingShape | undefined {
    if (path.length === 0) {
      const entries = this.sections.map((section) => {
        if (section.whole) return entryShape(section.whole, this.text, section.shift);
        const key = shifted(rangeSpan(section.keyNode), section.shift);
        return { keySpan: key, valueEnd: Math.max(trimEnd(this.text, section.list!.span.end), key.end) };
      });
      return { flow: false, entries };
    }
    const section = this.section(path[0]);
    if (!section) return undefined;
    const list = section.list;
    if (section.whole) return mappingAt(section.whole.value, path.slice(1), this.text, section.shift, same);
    if (!list) return undefined;
    if (path.length === 1) return list.kind === 'map' ? { flow: false, entries: list.pieces.map((piece) => entryShape(piece.node as Pair, this.text, piece.shift)) } : undefined;
    const segment = path[1];
    if (list.kind === 'seq') {
      const piece = list.pieces[typeof segment === 'number' ? segment : Number(segment)];
      return piece ? mappingAt(piece.node, path.slice(2), this.text, piece.shift, same) : undefined;
    }
    const piece = list.pieces[list.keys?.get(String(segment)) ?? -1];
    return piece ? mappingAt((piece.node as Pair).value, path.slice(2), this.text, piece.shift, same) : undefined;
  }

  comments(): SourceComment[] {
    return ownLineComments(this.text, () => this.multiLine);
  }

  /** A read in pieces has no duplicate keys: a piece with one is read whole instead. */
  duplicates(): DuplicateKey[] {
    return [];
  }

  private section(segment: PathSegment): Section | undefined {
    const index = this.keys.get(String(segment));
    return index === undefined ? undefined : this.sections[index];
  }
}

/** A top-level block list or mapping as its items; undefined if an item does not start a line of its own. */
function cutList(collection: YamlNode, text: string, end: number, value: unknown): List | undefined {
  const range = rangeSpan(collection);
  const column = range.start - lineStart(text, range.start);
  if (!startsLine(text, range.start)) return undefined;
  const pieces: Piece[] = [];
  if (isSeq(collection)) {
    if (!Array.isArray(value)) return undefined;
    for (const [index, item] of collection.items.entries()) {
      if (!item || !(isScalar(item) || isMap(item) || isSeq(item)) || !item.range) return undefined;
      // The `-` stands where the first item's does, on the line the item starts on.
      const start = lineStart(text, item.range[0]);
      if (text.charCodeAt(start + column) !== 45 /* - */ || !startsLine(text, start + column)) return undefined;
      pieces.push({ node: item, key: '', shift: 0, start, end: 0, value: value[index] });
    }
  } else if (isMap(collection)) {
    if (!isObject(value)) return undefined;
    for (const pair of collection.items) {
      const key = keyText(pair);
      if (key === undefined || !isScalar(pair.key) || !plainKey(pair.key) || !pair.key.range) return undefined;
      const start = lineStart(text, pair.key.range[0]);
      if (!writtenKey(pair.key.range, start + column) || !startsLine(text, pair.key.range[0])) return undefined;
      pieces.push({ node: pair, key, shift: 0, start, end: 0, value: value[key] });
    }
  } else {
    return undefined;
  }
  const ended = pieces.map((piece, index) => ({ ...piece, end: index + 1 < pieces.length ? pieces[index + 1].start : end }));
  const keys = isMap(collection) ? new Map(ended.map((piece, index) => [piece.key, index])) : undefined;
  return { kind: isSeq(collection) ? 'seq' : 'map', column, pieces: ended, keys, span: range, nodeEnd: collection.range![2], value: value as unknown[] | Record<string, unknown> };
}

/**
 * Parses the lines of one item on their own, with offsets of the whole text. Undefined unless they read
 * as exactly one item of the list's kind, and unless nothing in them could read differently inside the
 * file (what the `yaml` package does there was found by fuzzing; see the test):
 * - the item starts on its first line, at the list's column (not on a later line after a blank one);
 * - up to its last line of content, no line, comment or not, is indented at or left of that column (a
 *   comment there ends the item's indentation inside the file, and the next item's line joins it);
 * - a mapping item's key is written on one line at the column (an empty key is placed by looking back
 *   over the lines before it, which belong to another item inside the file);
 * - no error or warning, and no document marker or directive (they act on the whole file).
 */
function parseItem(text: string, start: number, end: number, list: List): { node: YamlNode | Pair; root: YamlNode } | undefined {
  const source = text.slice(start, end);
  if (/^(?:---|\.\.\.)(?:[ \t\r\n]|$)|^%/m.test(source) || !indentedPastColumn(source, list.column)) return undefined;
  const parser = new Parser();
  parser.offset = start;
  const tokens = Array.from(parser.parse(source));
  let document: Document.Parsed | undefined;
  for (const composed of new Composer(YAML_OPTIONS).compose(tokens, true, end)) {
    if (document) return undefined;
    document = composed;
  }
  if (!document || document.errors.length > 0 || document.warnings.length > 0) return undefined;
  const root = document.contents;
  if (!root?.range || root.range[0] !== start + list.column || lineStart(text, root.range[0]) !== start || !startsLine(text, root.range[0])) return undefined;
  if (list.kind === 'seq') {
    if (!isSeq(root) || root.flow || root.tag !== undefined || root.items.length !== 1) return undefined;
    const item = root.items[0];
    return item && (isScalar(item) || isMap(item) || isSeq(item)) && item.range ? { node: item, root } : undefined;
  }
  if (!isMap(root) || root.flow || root.tag !== undefined || root.items.length !== 1) return undefined;
  const pair = root.items[0];
  const key = pair.key;
  if (keyText(pair) === undefined || !isScalar(key) || !plainKey(key) || !key.range || !writtenKey(key.range, start + list.column)) return undefined;
  return text.lastIndexOf('\n', key.range[1] - 1) < key.range[0] ? { node: pair, root } : undefined;
}

/** Whether every line after the first, up to the last line of content, is indented past `column` (blank lines aside). */
function indentedPastColumn(source: string, column: number): boolean {
  const lines = source.split('\n');
  let last = lines.length - 1;
  // `[^\n]`, not `.`: a CRLF line keeps its `\r` here.
  while (last > 0 && /^\s*(?:#[^\n]*)?$/.test(lines[last])) last--;
  for (let index = 1; index <= last; index++) {
    const line = lines[index];
    if (/^\s*$/.test(line)) continue;
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    if (indent <= column) return false;
  }
  return true;
}

/** Whether a key's range is a key written out at `at` (an empty key has an empty range, placed by the parser). */
function writtenKey(range: readonly number[], at: number): boolean {
  return range[0] === at && range[1] > range[0];
}

function pieceAt(pieces: readonly Piece[], offset: number): number {
  let low = 0;
  let high = pieces.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (pieces[mid].start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

function shiftPiece(piece: Piece, delta: number): Piece {
  return { ...piece, shift: piece.shift + delta, start: piece.start + delta, end: piece.end + delta };
}

function shiftSection(section: Section, delta: number): Section {
  const list = section.list;
  return {
    ...section,
    shift: section.shift + delta,
    list: list && {
      ...list,
      pieces: list.pieces.map((piece) => shiftPiece(piece, delta)),
      span: { start: list.span.start + delta, end: list.span.end + delta },
      nodeEnd: list.nodeEnd + delta,
    },
  };
}

function shifted(span: Span, shift: number): Span;
function shifted(span: Span | undefined, shift: number): Span | undefined;
function shifted(span: Span | undefined, shift: number): Span | undefined {
  return span && { start: span.start + shift, end: span.end + shift };
}

function shiftedFound(found: Found | undefined, shift: number): Found | undefined {
  if (!found || shift === 0) return found;
  return { keySpan: shifted(found.keySpan, shift), valueSpan: shifted(found.valueSpan, shift), isCollection: found.isCollection, firstEntrySpan: shifted(found.firstEntrySpan, shift) };
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Whether only spaces come before an offset on its line. */
function startsLine(text: string, offset: number): boolean {
  for (let index = lineStart(text, offset); index < offset; index++) if (text.charCodeAt(index) !== 32) return false;
  return true;
}


/** No aliases in a read in pieces, so a node stands for itself. */
function same(node: unknown): unknown {
  return node;
}
