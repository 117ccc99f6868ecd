// YAML files through the `yaml` package: data, syntax problems with exact places, and node lookup by path.
import {
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Lexer,
  Parser,
  visit,
  type CST,
  type Document,
  type Node as YamlNode,
  type Pair,
  type Scalar,
  type YAMLError,
  type YAMLMap,
} from 'yaml';
import type { DuplicateKey, MappingShape, SourceComment, SyntaxProblem, SyntaxTree } from './document';
import type { PathSegment, Span } from './source';
import { formatNumber } from '../text';
import * as l10n from '../l10n';
import { runSteps, type Steps } from '../steps';
import { composeDocumentSteps } from './yaml-compose';

/**
 * The most nodes the data may expand to through aliases. A "billion laughs" file of a few hundred
 * bytes expands to millions; no real architecture file comes near this bound.
 */
export const MAX_ALIAS_EXPANSION = 100_000;

/** The message for a file whose nesting exhausts the parser's stack (YAML or JSON). */
export function nestedTooDeeply(): string {
  return l10n.t`The file is nested too deeply to read.`;
}

/** The result of reading YAML text. */
export interface ParsedYaml {
  value: unknown;
  problems: SyntaxProblem[];
  duplicateKeys: DuplicateKey[];
  tree: SyntaxTree | undefined;
}

/** Parses YAML text into data, problems and a syntax tree. */
export function parseYaml(text: string): ParsedYaml {
  return runSteps(parseYamlSteps(text));
}

/** `parseYaml` in steps (see steps.ts): it may pause while the parser reads the text, and between stages. */
export function* parseYamlSteps(text: string): Steps<ParsedYaml> {
  const document = yield* parseDocumentSteps(text);
  yield;
  const problems: SyntaxProblem[] = [];
  const tooDeep = nestedTooDeeply();
  for (const error of document.errors) {
    const problem: SyntaxProblem = { message: describeYamlError(error), span: spanOfError(error, text, document), severity: 'error' };
    // One mistake can surface as the same error more than once (deep nesting does); say it once.
    if (!problems.some((other) => other.message === problem.message && other.span.start === problem.span.start)) problems.push(problem);
  }
  for (const warning of document.warnings) problems.push({ message: describeYamlError(warning), span: spanOfError(warning, text), severity: 'warning' });
  // Where the parser runs out of stack depends on the engine's state, not on the text: report deep
  // nesting once, at the start, so the same file always gives the same finding.
  if (problems.some((problem) => problem.message === tooDeep)) {
    return { value: undefined, problems: [{ message: tooDeep, span: { start: 0, end: Math.min(1, text.length) }, severity: 'error' }], duplicateKeys: [], tree: undefined };
  }
  const tree = new YamlTree(document, text);
  yield* tree.walkSteps();
  const duplicateKeys = tree.duplicates();
  if (problems.some((problem) => problem.severity === 'error')) return { value: undefined, problems, duplicateKeys, tree };
  yield;

  const bomb = tree.firstExcessiveAlias();
  if (bomb) {
    problems.push({
      message:
        l10n.t('This alias expands the data past {count} nodes (an "alias bomb"); dbarch does not expand it.', { count: formatNumber(MAX_ALIAS_EXPANSION) }) +
        ' ' +
        l10n.t`Write the repeated values out or use fewer nested aliases.`,
      span: bomb,
      severity: 'error',
    });
    return { value: undefined, problems, duplicateKeys, tree };
  }
  yield;
  // The walk over the tree built the data unless the document needs `toJS` (aliases, merge keys, ...).
  // The expansion was measured above, so toJS cannot blow up; the bound here is only a second fence.
  const built = tree.data();
  const value = built ? built.value : document.toJS({ maxAliasCount: -1 });
  return { value, problems, duplicateKeys, tree };
}

/**
 * dbarch's options for the `yaml` package (the bench's parse floor and the parity tests use them too):
 * - uniqueKeys false: the parser's own duplicate-key check compares every key with every other
 *   (minutes for a 10 MB file); the tree finds duplicates in one pass instead;
 * - logLevel 'error': the parser's warnings become findings, never process warnings on stderr;
 * - merge: `<<` merge keys work as most YAML tools read them.
 */
export const YAML_OPTIONS = { uniqueKeys: false, prettyErrors: false, merge: true, keepSourceTokens: false, logLevel: 'error' } as const;

/** The parser takes this many lexical tokens between two pause points (a millisecond or two of work). */
const TOKENS_PER_STEP = 2_000;

/**
 * What the `yaml` package's `parseDocument(text, YAML_OPTIONS)` does, with pause points: its lexer and
 * parser are driven here one token at a time (their public streaming interface) instead of in one
 * call, then its composer builds the document, a batch of a large section's items at a time where it
 * can (yaml-compose.ts).
 */
export function* parseDocumentSteps(text: string): Steps<Document.Parsed> {
  const lexer = new Lexer();
  const parser = new Parser();
  const tokens: CST.Token[] = [];
  let count = 0;
  for (const lexeme of lexer.lex(text)) {
    for (const token of parser.next(lexeme)) tokens.push(token);
    if (++count % TOKENS_PER_STEP === 0) yield;
  }
  for (const token of parser.end()) tokens.push(token);
  yield;
  return yield* composeDocumentSteps(tokens, text.length, YAML_OPTIONS);
}

/** Node lookup, duplicates and comments over one parsed YAML document. */
export class YamlTree implements SyntaxTree {
  constructor(
    readonly document: Document,
    readonly text: string,
  ) {}

  // With a duplicate key the last one wins, as it does in the data, so places and values agree.
  find(path: readonly PathSegment[]): Found | undefined {
    const root = this.document.contents;
    return findFrom(root, undefined, root ? rangeSpan(root) : { start: 0, end: 0 }, path, (node) => this.resolve(node));
  }

  mapping(path: readonly PathSegment[]): MappingShape | undefined {
    return mappingAt(this.document.contents, path, this.text, 0, (node) => this.resolve(node));
  }

  /** Own-line `#` comments, leaving out lines that belong to block or multi-line scalars. */
  comments(): SourceComment[] {
    return ownLineComments(this.text, () => this.shape.multiLineScalars);
  }

  /** Every key written twice in one mapping, with the place of its first occurrence. */
  duplicates(): DuplicateKey[] {
    return this.shape.duplicates;
  }

  /** The document's data when the walk could build it (see TreeShape.data); undefined otherwise. */
  data(): { value: unknown } | undefined {
    return this.shape.data;
  }

  /** What one walk over the tree finds (computed on first use). */
  get shape(): TreeShape {
    this.walked ??= walkTree(this.document.contents, this.text);
    return this.walked;
  }

  /** The walk of `shape`, in steps: the read runs it so the editor can pause inside it. */
  *walkSteps(): Steps<TreeShape> {
    this.walked ??= yield* walkTreeSteps(this.document.contents, this.text);
    return this.walked;
  }

  private walked: TreeShape | undefined;

  /** The first alias whose expansion exceeds the bound, or undefined. */
  firstExcessiveAlias(): Span | undefined {
    if (!this.shape.hasAlias) return undefined;
    const sizes = new Map<unknown, number>();
    let culprit: Span | undefined;
    const sizeOf = (node: unknown, depth: number): number => {
      if (culprit) return Infinity;
      if (node === null || node === undefined || depth > 10_000) return 1;
      const known = sizes.get(node);
      if (known !== undefined) return known;
      let size = 1;
      if (isAlias(node)) {
        const target = node.resolve(this.document);
        size = target ? sizeOf(target, depth + 1) : 1;
        if (size > MAX_ALIAS_EXPANSION && !culprit) culprit = rangeSpan(node);
      } else if (isMap(node)) {
        for (const pair of node.items) size += sizeOf(pair.key, depth + 1) + sizeOf(pair.value, depth + 1);
      } else if (isSeq(node)) {
        for (const item of node.items) size += sizeOf(item, depth + 1);
      }
      sizes.set(node, size);
      return size;
    };
    const total = sizeOf(this.document.contents, 0);
    if (culprit) return culprit;
    if (total > MAX_ALIAS_EXPANSION) {
      let first: Span | undefined;
      visit(this.document, {
        Alias: (_key, alias) => {
          first = rangeSpan(alias);
          return visit.BREAK;
        },
      });
      return first;
    }
    return undefined;
  }

  private resolve(node: unknown): unknown {
    let current = node;
    for (let hops = 0; isAlias(current) && hops < 100; hops++) current = current.resolve(this.document);
    return current;
  }
}

export function keyText(pair: Pair): string | undefined {
  const key = pair.key;
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  if (key === null || key === undefined) return '';
  return undefined;
}

export function rangeSpan(node: YamlNode): Span {
  const range = node.range;
  if (!range) return { start: 0, end: 0 };
  return { start: range[0], end: range[1] };
}

/**
 * The `#` comments on lines of their own, leaving out lines inside scalars written over several lines
 * (block scalars, folded quoted strings), whose spans are asked for only when there is a comment.
 */
export function ownLineComments(text: string, multiLineScalars: () => readonly Span[]): SourceComment[] {
  const candidates: SourceComment[] = [];
  const pattern = /^[ \t]*#(.*)$/gm;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const hash = match.index + match[0].indexOf('#');
    candidates.push({ text: match[1].replace(/\r$/, ''), span: { start: hash, end: match.index + match[0].replace(/\r$/, '').length } });
  }
  if (candidates.length === 0) return candidates;
  const spans = multiLineScalars();
  return candidates.filter((comment) => !spans.some((span) => comment.span.start > span.start && comment.span.start < span.end));
}

/** What `SyntaxTree.find` gives for a node. */
export type Found = NonNullable<ReturnType<SyntaxTree['find']>>;

/** Follows aliases to the node they stand for (identity where a tree has none). */
type Resolve = (node: unknown) => unknown;

/**
 * `SyntaxTree.find` from a node down: `keySpan` and `valueSpan` are those of the node itself, in the
 * node's own offsets (a tree whose nodes come from an earlier text shifts the answer; see yaml-edit.ts).
 */
export function findFrom(start: unknown, startKey: Span | undefined, startValue: Span | undefined, path: readonly PathSegment[], resolve: Resolve): Found | undefined {
  let node = start;
  let keySpan = startKey;
  let valueSpan = startValue;
  for (const segment of path) {
    node = resolve(node);
    if (isMap(node)) {
      const pair = pairOf(node, String(segment));
      if (!pair) return undefined;
      ({ keySpan, valueSpan } = entrySpans(pair));
      node = pair.value;
    } else if (isSeq(node)) {
      const index = typeof segment === 'number' ? segment : /^\d+$/.test(segment) ? Number(segment) : -1;
      const item = node.items[index];
      if (item === undefined) return undefined;
      keySpan = undefined;
      node = item;
      valueSpan = item ? rangeSpan(item as YamlNode) : undefined;
    } else {
      return undefined;
    }
  }
  if (!valueSpan) return undefined;
  const target = resolve(node);
  const isCollectionNode = isCollection(target);
  let firstEntrySpan: Span | undefined;
  if (isMap(target) && target.items.length > 0) firstEntrySpan = firstEntryOf(target.items[0]);
  return { keySpan, valueSpan, isCollection: isCollectionNode, firstEntrySpan };
}

/** The key span of a mapping entry, and its value's span (empty, after the key, when there is no value). */
export function entrySpans(pair: Pair): { keySpan: Span | undefined; valueSpan: Span | undefined } {
  const keySpan = isScalar(pair.key) || isCollection(pair.key) ? rangeSpan(pair.key as YamlNode) : undefined;
  const value = pair.value as YamlNode | null;
  return { keySpan, valueSpan: value ? rangeSpan(value) : keySpan ? { start: keySpan.end, end: keySpan.end } : undefined };
}

/** A mapping's first entry, from its key to the end of a scalar value (or of the key). */
export function firstEntryOf(first: Pair): Span | undefined {
  if (!first.key || !(isScalar(first.key) || isCollection(first.key))) return undefined;
  const keyRange = rangeSpan(first.key as YamlNode);
  const end = isScalar(first.value) && first.value.range ? first.value.range[1] : keyRange.end;
  return { start: keyRange.start, end: Math.max(end, keyRange.end) };
}

/**
 * `SyntaxTree.mapping` from a node down. Offsets in the answer are the node's own plus `shift`, which
 * must turn them into offsets of `text`, the text the answer describes.
 */
export function mappingAt(start: unknown, path: readonly PathSegment[], text: string, shift: number, resolve: Resolve): MappingShape | undefined {
  let node = start;
  for (const segment of path) {
    node = resolve(node);
    if (isMap(node)) node = pairOf(node, String(segment))?.value;
    else if (isSeq(node)) node = node.items[typeof segment === 'number' ? segment : Number(segment)];
    else return undefined;
  }
  if (!isMap(node) || !node.range) return undefined;
  const entries = [];
  for (const pair of node.items) {
    if (!pair.key || !(isScalar(pair.key) || isCollection(pair.key))) continue;
    entries.push(entryShape(pair, text, shift));
  }
  return node.flow ? { flow: true, entries, closeOffset: text.lastIndexOf('}', node.range[1] + shift) } : { flow: false, entries };
}

/** One entry of `MappingShape`: its key and where its value's last character ends. */
export function entryShape(pair: Pair, text: string, shift: number): MappingShape['entries'][number] {
  const key = rangeSpan(pair.key as YamlNode);
  const keySpan = { start: key.start + shift, end: key.end + shift };
  const value = pair.value as YamlNode | null;
  // A block collection's range runs to the start of the next line; the entry ends at its last character.
  const valueEnd = value?.range ? trimEnd(text, value.range[1] + shift) : keySpan.end;
  return { keySpan, valueEnd: Math.max(valueEnd, keySpan.end) };
}

/** The offset before any whitespace that ends at `offset`. */
export function trimEnd(text: string, offset: number): number {
  let end = offset;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}

/** Key -> pair per mapping, built on first lookup: a file's findings look up keys of a 40,000-entry mapping 40,000 times. Nodes do not change once parsed, so every tree shares it. */
const pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

/** The pair of a key (the last one when a key is written twice, as in the data). */
function pairOf(map: YAMLMap, key: string): Pair | undefined {
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) {
      const text = keyText(pair);
      if (text !== undefined) index.set(text, pair);
    }
    pairIndex.set(map, index);
  }
  return index.get(key);
}

/** What one walk over a document's nodes finds. */
export interface TreeShape {
  /** Keys written twice in one mapping, in document order. */
  duplicates: DuplicateKey[];
  hasAlias: boolean;
  /** Scalars written over more than one line (block scalars, folded quoted strings). */
  multiLineScalars: Span[];
  /**
   * The document's data, as the `yaml` package's `toJS` gives it, when the walk could build it: the
   * document has no aliases, merge keys, tagged collections, collection keys or pairs in sequences.
   * Undefined otherwise, and `toJS` builds it instead.
   */
  data: { value: unknown } | undefined;
}

/** A node met on the walk, with what leads to it (its data path is read off the chain only when needed). */
interface Step {
  node: unknown;
  parent: Step | undefined;
  /** The path segment from the parent; undefined when the step adds none (a collection used as a key). */
  segment: PathSegment | undefined;
  /** Where the node's data goes: its mapping's object or its sequence's array; undefined for keys. */
  holder: Record<string, unknown> | unknown[] | undefined;
  /** The property or index of the data in its holder. */
  slot: string | number;
}

/**
 * One walk over every node (keys, values, list items; aliases are not followed), depth first in document
 * order. It replaces three passes of the `yaml` package's `visit`, which costs about 30 ms per pass on a
 * 1,000-database file, and the package's `toJS`, a fourth (about 20 ms): the data is built on the way
 * while the document stays within what that walk reproduces exactly. It keeps its own stack, so deep
 * nesting cannot exhaust the call stack.
 */
export function walkTree(root: unknown, text: string): TreeShape {
  return runSteps(walkTreeSteps(root, text));
}

/** The nodes `walkTreeSteps` visits between two pause points (a millisecond or so of work). */
const NODES_PER_STEP = 5_000;

/** `walkTree` in steps: it may pause every few thousand nodes. */
export function* walkTreeSteps(root: unknown, text: string): Steps<TreeShape> {
  const shape: TreeShape = { duplicates: [], hasAlias: false, multiLineScalars: [], data: undefined };
  // The data under construction; `building` turns false at the first node the walk cannot convert.
  const top: { value: unknown } = { value: null };
  let building = true;
  const put = (step: Step, value: unknown): void => {
    const holder = step.holder;
    if (holder === undefined) return;
    if (Array.isArray(holder)) holder[step.slot as number] = value;
    else setProperty(holder, step.slot as string, value);
  };
  const noteMultiLine = (scalar: Scalar): void => {
    const range = scalar.range;
    const newline = range ? text.indexOf('\n', range[0]) : -1;
    if (range && newline >= 0 && newline < range[1]) shape.multiLineScalars.push({ start: range[0], end: range[1] });
  };
  const pending: Step[] = [{ node: root, parent: undefined, segment: undefined, holder: undefined, slot: '' }];
  let visited = 0;
  while (pending.length > 0) {
    if (++visited % NODES_PER_STEP === 0) yield;
    const step = pending.pop()!;
    const node = step.node;
    if (isScalar(node)) {
      noteMultiLine(node);
      if (building) {
        if (step.parent === undefined) top.value = node.value;
        else put(step, node.value);
      }
    } else if (isAlias(node)) {
      shape.hasAlias = true;
      building = false;
    } else if (isMap(node)) {
      let object: Record<string, unknown> | undefined;
      if (building && node.tag === undefined) {
        object = {};
        if (step.parent === undefined) top.value = object;
        else put(step, object);
      } else building = false;
      const seen = new Map<string, YamlNode>();
      const children: Step[] = [];
      for (const pair of node.items) {
        const key = keyText(pair);
        if (key !== undefined && pair.key) {
          const first = seen.get(key);
          if (first) shape.duplicates.push({ path: pathOfStep(step), key, span: rangeSpan(pair.key as YamlNode), firstSpan: rangeSpan(first) });
          else seen.set(key, pair.key as YamlNode);
        }
        if (building && !plainKey(pair.key)) building = false;
        // A scalar key (nearly every key) is seen here; only a collection used as a key is walked.
        if (isScalar(pair.key)) noteMultiLine(pair.key);
        else children.push({ node: pair.key, parent: step, segment: key, holder: undefined, slot: '' });
        children.push({ node: pair.value, parent: step, segment: key, holder: building ? object : undefined, slot: key ?? '' });
      }
      for (let index = children.length - 1; index >= 0; index--) pending.push(children[index]);
    } else if (isSeq(node)) {
      let array: unknown[] | undefined;
      if (building && node.tag === undefined) {
        array = new Array<unknown>(node.items.length);
        if (step.parent === undefined) top.value = array;
        else put(step, array);
      } else building = false;
      for (let index = node.items.length - 1; index >= 0; index--) {
        const item = node.items[index];
        if (isPair(item)) {
          building = false;
          // The value goes on the stack first, so the key is walked first.
          pending.push({ node: item.value, parent: step, segment: index, holder: undefined, slot: index }, { node: item.key, parent: step, segment: index, holder: undefined, slot: index });
        } else {
          pending.push({ node: item, parent: step, segment: index, holder: array, slot: index });
        }
      }
    } else if (node === null || node === undefined) {
      // A missing value (`key:` with nothing after it in some forms) reads as null.
      if (building && step.parent !== undefined) put(step, null);
    } else {
      building = false;
    }
  }
  if (building) shape.data = top;
  return shape;
}

/**
 * Whether `toJS` turns a mapping key into a property name the way the walk does (`String` of its value,
 * `''` for none): not for merge keys (`<<`), collection keys or keys whose value is an object or symbol.
 */
export function plainKey(key: unknown): boolean {
  if (key === null || key === undefined) return true;
  if (!isScalar(key) || 'addToJSMap' in key) return false;
  const value = key.value;
  return value === null || (typeof value !== 'object' && typeof value !== 'symbol' && value !== '<<');
}

/** Sets a property as `toJS` does: a key the object already has (`__proto__`, `toString`, a duplicate) is defined, not assigned. */
export function setProperty(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key in object) Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
  else object[key] = value;
}

/** The data path of a step: the segments along its chain of parents. */
function pathOfStep(step: Step): PathSegment[] {
  const path: PathSegment[] = [];
  for (let current: Step | undefined = step; current; current = current.parent) if (current.segment !== undefined) path.push(current.segment);
  return path.reverse();
}

function spanOfError(error: YAMLError, text: string, document?: Document): Span {
  let [start, end] = error.pos;
  // An unclosed quote is reported where the text runs out; point at the quote that opened it.
  if (document && error.code === 'MISSING_CHAR' && /quote/i.test(error.message)) {
    const opening = openingQuoteBefore(document, start);
    if (opening) return opening;
  }
  if (end <= start) end = Math.min(text.length, start + 1);
  return { start: Math.min(start, text.length), end: Math.min(end, text.length) };
}

function openingQuoteBefore(document: Document, offset: number): Span | undefined {
  let found: Span | undefined;
  visit(document, {
    Scalar: (_key, scalar) => {
      if ((scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE') && scalar.range && scalar.range[0] <= offset && scalar.range[1] >= offset) {
        found = { start: scalar.range[0], end: scalar.range[0] + 1 };
      }
    },
  });
  return found;
}

/** Plain-language YAML messages; the parser's own text (without its code) otherwise. */
function describeYamlError(error: YAMLError): string {
  const message = error.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim();
  if (/call stack/i.test(message)) return nestedTooDeeply();
  // The parser's own text (in English) goes into a frame of ours.
  switch (error.code) {
    case 'MISSING_CHAR':
      if (/quote/i.test(message)) return l10n.t`This quoted string is never closed: add the closing quote.`;
      return l10n.t('YAML syntax error: {message}.', { message: lowerFirst(message) });
    case 'TAB_AS_INDENT':
      return l10n.t`Tabs are not allowed for indentation in YAML: indent with spaces.`;
    case 'MULTIPLE_DOCS':
      return l10n.t`An architecture file holds one YAML document: remove the second \`---\` document or move it to its own file.`;
    case 'BAD_INDENT':
      return l10n.t('Bad indentation: {message}.', { message: lowerFirst(message) });
    case 'TAG_RESOLVE_FAILED':
      return l10n.t('{message}; dbarch reads it as a plain string.', { message });
    default:
      return l10n.t('YAML syntax error: {message}.', { message: lowerFirst(message) });
  }
}

function lowerFirst(text: string): string {
  const trimmed = text.replace(/\.$/, '');
  return trimmed.charAt(0).toLowerCase() + trimmed.slice(1);
}
