// Where the cursor is in an architecture file, as a path into the data: the key or value under it,
// the written text to replace, and the file's data read as far as it goes. Works on half-typed text
// (`to: `, `- { to: or`), which is when completion is asked for.
import { findNodeAtOffset, getLocation, getNodePath, parse as parseJsonTolerant, parseTree, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode, type Scalar } from 'yaml';
import type { DocumentLanguage, SourceDocument } from '../../core/document/document';
import { YamlTree } from '../../core/document/yaml';
import type { PathSegment, Span } from '../../core/document/source';
import { Excerpt } from './excerpt';

/** The key or value at the cursor. */
export interface Place {
  /** The path of the key's value (for a key) or of the value: `['databases', 'orders', 'engine']`. */
  path: PathSegment[];
  part: 'key' | 'value';
  /** The written key or value without its quotes; empty at the cursor where nothing is written yet. */
  span: Span;
  /** The quote around the written text, when it is quoted. */
  quote?: '"' | "'";
}

/**
 * The place at an offset, or undefined between entries (a new key, a comment, blank space). What the
 * caller has of this very text saves parsing all of it again: an excerpt of it (excerpt.ts), else the
 * engine's read when that was a whole parse.
 */
export function placeAt(text: string, language: DocumentLanguage, offset: number, sources: { read?: SourceDocument; excerpt?: Excerpt } = {}): Place | undefined {
  if (language === 'json') return jsonPlaceAt(text, offset);
  const { excerpt, read } = sources;
  const at = excerpt?.toExcerpt(offset);
  if (excerpt && at !== undefined) {
    const place = yamlPlaceIn(parsedYaml(excerpt.text), excerpt.text, at);
    return place && { ...place, path: excerpt.pathToFile(place.path), span: excerpt.spanToFile(place.span) };
  }
  if (read?.text === text && read.tree instanceof YamlTree) return yamlPlaceIn(read.tree.document, text, offset);
  return yamlPlaceIn(parsedYaml(text), text, offset);
}

/**
 * The file's data as far as it can be read: a half-typed file still yields its complete parts
 * (the database names above the line being typed). Undefined when nothing can be read.
 */
export function tolerantData(text: string, language: DocumentLanguage, read?: SourceDocument): unknown {
  try {
    if (read?.text === text && read.language === language) {
      if (read.value !== undefined) return read.value;
      if (read.tree instanceof YamlTree) return read.tree.document.toJS({ maxAliasCount: 100 });
    }
    if (language === 'json') return parseJsonTolerant(text, [], { allowTrailingComma: true });
    // Aliases are not expanded past a small bound: this runs on every completion request.
    return parsedYaml(text)?.toJS({ maxAliasCount: 100 });
  } catch {
    return undefined;
  }
}

/** The last YAML text parsed and its document: a completion request asks for the place and the data of one text. */
let lastYaml: { text: string; document: Document | undefined } | undefined;

/** The YAML document of a text, parsed once per text (it is only read, never changed). */
function parsedYaml(text: string): Document | undefined {
  if (lastYaml?.text !== text) {
    let document: Document | undefined;
    try {
      document = parseDocument(text, { uniqueKeys: false, logLevel: 'silent', keepSourceTokens: false });
    } catch {
      document = undefined;
    }
    lastYaml = { text, document };
  }
  return lastYaml.document;
}

// ---------------------------------------------------------------------------
// YAML
// ---------------------------------------------------------------------------

function yamlPlaceIn(document: Document | undefined, text: string, offset: number): Place | undefined {
  const contents = document?.contents;
  return contents ? inYamlNode(contents as YamlNode, [], text, offset) : undefined;
}

function inYamlNode(node: YamlNode, path: PathSegment[], text: string, offset: number): Place | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = pair.key as YamlNode | null;
      if (!isScalar(key) || !key.range) continue;
      // A merge key `<<` reads as a symbol when merge keys are on (the engine's reads have them on).
      const name = typeof key.value === 'symbol' ? (key.value.description ?? '') : String(key.value);
      if (offset >= key.range[0] && offset <= key.range[1]) return { path: [...path, name], part: 'key', ...scalarText(key, text) };
      const value = pair.value as YamlNode | null;
      if (value && !isEmpty(value) && value.range && offset >= value.range[0] && offset <= value.range[1]) return inYamlNode(value, [...path, name], text, offset);
      // `key: |` with nothing written yet: the value is empty (the parser places it oddly, at the
      // next token), so decide from the text between the key and the cursor.
      if ((!value || isEmpty(value)) && /^[ \t]*:[ \t]*$/.test(text.slice(key.range[1], offset))) return { path: [...path, name], part: 'value', span: { start: offset, end: offset } };
    }
    return undefined;
  }
  if (isSeq(node)) {
    let before = 0;
    for (const [index, item] of node.items.entries()) {
      const child = item as YamlNode | null;
      if (!child?.range) continue;
      if (child.range[1] <= offset && !isEmpty(child)) before = index + 1;
      if (!isEmpty(child) && offset >= child.range[0] && offset <= child.range[1]) return inYamlNode(child, [...path, index], text, offset);
      if (isEmpty(child) && child.range[0] === offset) return { path: [...path, index], part: 'value', span: { start: offset, end: offset } };
    }
    // A new item: after `- ` in a block list, or after `[` or `, ` in a flow list.
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    const written = text.slice(lineStart, offset);
    if (node.range && offset >= node.range[0] && offset <= node.range[1] && (/(^|\s)-[ \t]*$/.test(written) || /[[,][ \t]*$/.test(written))) {
      return { path: [...path, before], part: 'value', span: { start: offset, end: offset } };
    }
    return undefined;
  }
  if (isScalar(node)) return { path, part: 'value', ...scalarText(node, text) };
  return undefined;
}

/** An empty value: `key:` with nothing after it, or a `- ` item with nothing written. */
function isEmpty(node: YamlNode): boolean {
  return isScalar(node) && node.value === null && !!node.range && node.range[0] === node.range[1];
}

/** The span of a scalar's text without its quotes (an unterminated quote runs to the value's end). */
function scalarText(node: Scalar, text: string): { span: Span; quote?: '"' | "'" } {
  const [start, end] = node.range ?? [0, 0];
  if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') {
    const quote = node.type === 'QUOTE_DOUBLE' ? '"' : "'";
    const closed = end - start >= 2 && text[end - 1] === quote;
    return { span: { start: start + 1, end: closed ? end - 1 : lineEndWithin(text, start, end) }, quote };
  }
  return { span: { start, end } };
}

// ---------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------

function jsonPlaceAt(text: string, offset: number): Place | undefined {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const node = root ? findNodeAtOffset(root, offset, true) : undefined;
  if (node && (node.type === 'string' || node.type === 'number' || node.type === 'boolean' || node.type === 'null')) {
    const isKey = node.parent?.type === 'property' && node.parent.children?.[0] === node;
    // For a key too, the path of the node is the path of the key's value (jsonc-parser names the property).
    return { path: getNodePath(node), part: isKey ? 'key' : 'value', ...jsonText(node, text) };
  }
  // Nothing written yet: `"to": |` or `[ "a", | ]`. The scanner-based location knows the path.
  const location = getLocation(text, offset);
  if (location.isAtPropertyKey || location.previousNode) return undefined;
  const before = text.slice(0, offset).trimEnd();
  if (!/[:[,]$/.test(before)) return undefined;
  const path = [...location.path];
  if (/[[,]$/.test(before) && typeof path[path.length - 1] !== 'number') {
    // Inside a list, the location names the list; the new item's index is the count of items before it.
    const list = root ? findNodeAtOffset(root, offset, true) : undefined;
    if (list?.type !== 'array') return undefined;
    path.push((list.children ?? []).filter((child) => child.offset + child.length <= offset).length);
  }
  return { path, part: 'value', span: { start: offset, end: offset } };
}

function jsonText(node: JsonNode, text: string): { span: Span; quote?: '"' } {
  if (node.type !== 'string') return { span: { start: node.offset, end: node.offset + node.length } };
  const end = node.offset + node.length;
  const closed = node.length >= 2 && text[end - 1] === '"';
  return { span: { start: node.offset + 1, end: closed ? end - 1 : lineEndWithin(text, node.offset, end) }, quote: '"' };
}

/** An unterminated quote runs on to later lines; what is being typed ends with its line. */
function lineEndWithin(text: string, start: number, end: number): number {
  const lineBreak = text.slice(start, end).search(/[\r\n]/);
  return lineBreak < 0 ? end : start + lineBreak;
}
