// JSON files through `jsonc-parser`, which keeps every node's offset: data, syntax problems and node lookup.
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError, type ParseErrorCode } from 'jsonc-parser';
import type { DuplicateKey, MappingShape, SyntaxProblem, SyntaxTree } from './document';
import type { PathSegment, Span } from './source';
import * as l10n from '../l10n';

/** Deeper nesting than this is refused: real files are a dozen levels deep, and recursion must stay bounded. */
export const MAX_JSON_DEPTH = 1_000;

/** The result of reading JSON text. */
export interface ParsedJson {
  value: unknown;
  problems: SyntaxProblem[];
  duplicateKeys: DuplicateKey[];
  tree: SyntaxTree | undefined;
}

/** Parses strict JSON (no comments, no trailing commas) into data, problems and a syntax tree. */
export function parseJson(text: string): ParsedJson {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: true });
  const problems: SyntaxProblem[] = [];
  // The parser often reports one mistake twice at the same offset (a trailing comma is both "value
  // expected" and "property name expected"); the first describes it best.
  const seen = new Set<number>();
  for (const error of errors) {
    if (seen.has(error.offset)) continue;
    seen.add(error.offset);
    const comma = trailingComma(text, error.offset);
    if (comma !== undefined) {
      if (seen.has(comma)) continue;
      seen.add(comma);
      problems.push({ message: l10n.t('JSON allows no trailing comma: remove the `,` after the last entry.'), span: { start: comma, end: comma + 1 }, severity: 'error' });
      continue;
    }
    problems.push({ message: describeJsonError(error.error), span: errorSpan(text, error.offset, error.length), severity: 'error' });
  }
  const duplicateKeys: DuplicateKey[] = [];
  const tree = root ? new JsonTree(root) : undefined;
  if (problems.length > 0 || !root) return { value: root ? undefined : null, problems, duplicateKeys, tree };
  const builder = { duplicateKeys, tooDeep: undefined as Span | undefined };
  const value = toValue(root, [], builder, 0);
  if (builder.tooDeep) {
    problems.push({ message: l10n.t('The data is nested more than {depth} levels deep; dbarch does not read it.', { depth: MAX_JSON_DEPTH }), span: builder.tooDeep, severity: 'error' });
    return { value: undefined, problems, duplicateKeys, tree };
  }
  return { value, problems, duplicateKeys, tree };
}

class JsonTree implements SyntaxTree {
  constructor(private readonly root: JsonNode) {}

  find(path: readonly PathSegment[]) {
    let node: JsonNode | undefined = this.root;
    let keySpan: Span | undefined;
    for (const segment of path) {
      if (!node) return undefined;
      if (node.type === 'object') {
        const property = this.propertyOf(node, String(segment));
        if (!property?.children) return undefined;
        keySpan = spanOf(property.children[0]);
        node = property.children[1];
        if (!node) return { keySpan, valueSpan: { start: keySpan.end, end: keySpan.end }, isCollection: false };
      } else if (node.type === 'array') {
        const index = typeof segment === 'number' ? segment : /^\d+$/.test(segment) ? Number(segment) : -1;
        node = node.children?.[index];
        keySpan = undefined;
        if (!node) return undefined;
      } else {
        return undefined;
      }
    }
    if (!node) return undefined;
    const isCollection = node.type === 'object' || node.type === 'array';
    let firstEntrySpan: Span | undefined;
    const first = node.type === 'object' ? node.children?.[0] : undefined;
    if (first?.children?.[0]) {
      const value = first.children[1];
      const end = value && value.type !== 'object' && value.type !== 'array' ? value.offset + value.length : first.children[0].offset + first.children[0].length;
      firstEntrySpan = { start: first.children[0].offset, end };
    }
    return { keySpan, valueSpan: spanOf(node), isCollection, firstEntrySpan };
  }

  comments() {
    return [];
  }

  /** Key -> property per object, built on first lookup (the last one wins, as in the data). */
  private readonly properties = new WeakMap<JsonNode, Map<string, JsonNode>>();

  private propertyOf(object: JsonNode, key: string): JsonNode | undefined {
    let index = this.properties.get(object);
    if (!index) {
      index = new Map();
      for (const property of object.children ?? []) {
        const name = property.children?.[0]?.value;
        if (typeof name === 'string') index.set(name, property);
      }
      this.properties.set(object, index);
    }
    return index.get(key);
  }

  mapping(path: readonly PathSegment[]): MappingShape | undefined {
    let node: JsonNode | undefined = this.root;
    for (const segment of path) {
      if (node?.type === 'object') node = this.propertyOf(node, String(segment))?.children?.[1];
      else if (node?.type === 'array') node = node.children?.[typeof segment === 'number' ? segment : Number(segment)];
      else return undefined;
    }
    if (node?.type !== 'object') return undefined;
    const entries = (node.children ?? []).flatMap((property) => {
      const [key, value] = property.children ?? [];
      return key ? [{ keySpan: spanOf(key), valueEnd: value ? value.offset + value.length : key.offset + key.length }] : [];
    });
    return { flow: true, entries, closeOffset: node.offset + node.length - 1 };
  }
}

/**
 * The span of a parser error, inside the text. An error at the very end (a missing `}`) is reported
 * past the last character; it marks the last character written instead.
 */
function errorSpan(text: string, offset: number, length: number): Span {
  const start = Math.min(offset, text.length);
  const end = Math.min(text.length, offset + Math.max(1, length));
  if (start < end) return { start, end };
  let last = text.length - 1;
  while (last > 0 && /\s/.test(text[last])) last--;
  return last >= 0 ? { start: last, end: last + 1 } : { start: 0, end: 0 };
}

function spanOf(node: JsonNode): Span {
  return { start: node.offset, end: node.offset + node.length };
}

/** Builds plain data from the tree, noting duplicate keys; `__proto__` stays an ordinary key. */
function toValue(node: JsonNode, path: PathSegment[], builder: { duplicateKeys: DuplicateKey[]; tooDeep: Span | undefined }, depth: number): unknown {
  if (depth > MAX_JSON_DEPTH) {
    builder.tooDeep ??= spanOf(node);
    return null;
  }
  switch (node.type) {
    case 'object': {
      const result: Record<string, unknown> = {};
      const seen = new Map<string, Span>();
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        if (!keyNode || typeof keyNode.value !== 'string') continue;
        const key = keyNode.value;
        const first = seen.get(key);
        if (first) builder.duplicateKeys.push({ path: [...path], key, span: spanOf(keyNode), firstSpan: first });
        else seen.set(key, spanOf(keyNode));
        const value = valueNode ? toValue(valueNode, [...path, key], builder, depth + 1) : null;
        // defineProperty keeps a key named __proto__ as data instead of changing the object's prototype.
        Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
      }
      return result;
    }
    case 'array':
      return (node.children ?? []).map((child, index) => toValue(child, [...path, index], builder, depth + 1));
    default:
      return node.value;
  }
}

/**
 * The offset of a comma just before a closing `}` or `]` (`{"a": 1,}`), where the parser reports "a
 * property name is expected" or "a value is expected" at the bracket: the comma is the mistake.
 */
function trailingComma(text: string, offset: number): number | undefined {
  if (text[offset] !== '}' && text[offset] !== ']') return undefined;
  let before = offset - 1;
  while (before >= 0 && /\s/.test(text[before])) before--;
  return text[before] === ',' ? before : undefined;
}

function describeJsonError(code: ParseErrorCode): string {
  switch (printParseErrorCode(code)) {
    case 'InvalidSymbol':
      return l10n.t('JSON syntax error: unexpected character.');
    case 'InvalidNumberFormat':
      return l10n.t('JSON syntax error: this is not a valid number.');
    case 'PropertyNameExpected':
      return l10n.t('JSON syntax error: a property name in double quotes is expected here.');
    case 'ValueExpected':
      return l10n.t('JSON syntax error: a value is expected here.');
    case 'ColonExpected':
      return l10n.t('JSON syntax error: a colon is expected after the property name.');
    case 'CommaExpected':
      return l10n.t('JSON syntax error: a comma is expected between these entries.');
    case 'CloseBraceExpected':
      return l10n.t('JSON syntax error: a closing `}` is expected.');
    case 'CloseBracketExpected':
      return l10n.t('JSON syntax error: a closing `]` is expected.');
    case 'EndOfFileExpected':
      return l10n.t('JSON syntax error: unexpected content after the end of the document.');
    case 'InvalidCommentToken':
      return l10n.t('JSON does not allow comments; use `.dbarch.json` settings or write the file in YAML to keep comments.');
    case 'UnexpectedEndOfComment':
      return l10n.t('JSON syntax error: a comment is never closed.');
    case 'UnexpectedEndOfString':
      return l10n.t('This string is never closed: add the closing double quote.');
    case 'UnexpectedEndOfNumber':
      return l10n.t('JSON syntax error: the number ends unexpectedly.');
    case 'InvalidUnicode':
      return l10n.t('JSON syntax error: invalid \\u escape.');
    case 'InvalidEscapeCharacter':
      return l10n.t('JSON syntax error: invalid escape character in this string.');
    case 'InvalidCharacter':
      return l10n.t('JSON syntax error: invalid character in this string (control characters must be escaped).');
    default:
      return l10n.t('JSON syntax error.');
  }
}
