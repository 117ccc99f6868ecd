// Quick fixes: rules describe a change to the data; this module turns it into text edits that keep
// the file's comments, quoting and layout.
import type { SourceDocument } from './document/document';
import { fromPointer, type PathSegment } from './document/source';
import type { Fix, TextEdit } from './findings';

/** A scalar a fix may write. */
export type FixValue = string | number | boolean;

/** A change to the data, described without text. */
export type FixIntent =
  /** Replace the scalar value at the pointer. */
  | { kind: 'replace'; title: string; pointer: string | readonly PathSegment[]; value: FixValue }
  /** Rename the key at the pointer, keeping its value. */
  | { kind: 'rename'; title: string; pointer: string | readonly PathSegment[]; key: string }
  /** Set the value at the pointer: replace it if present, else add the key (and any missing parent mappings). */
  | { kind: 'set'; title: string; pointer: string | readonly PathSegment[]; value: FixValue };

/** The text edits for a fix, or undefined when the file's shape does not allow a safe edit. */
export function toFix(document: SourceDocument, intent: FixIntent): Fix | undefined {
  const path = typeof intent.pointer === 'string' ? fromPointer(intent.pointer) : intent.pointer;
  const edit =
    intent.kind === 'replace'
      ? replaceValue(document, path, intent.value)
      : intent.kind === 'rename'
        ? renameKey(document, path, intent.key)
        : (replaceValue(document, path, intent.value) ?? addKey(document, path, intent.value));
  return edit ? { title: intent.title, edits: [edit] } : undefined;
}

function replaceValue(document: SourceDocument, path: readonly PathSegment[], value: FixValue): TextEdit | undefined {
  const location = document.locate(path, 'value');
  // Only a scalar is replaced: writing a scalar over a mapping or list would lose what it holds.
  if (!location.exact || location.isCollection) return undefined;
  const valueSpan = location.valueSpan ?? location.span;
  if (valueSpan.end <= valueSpan.start) {
    // `multiAz:` with nothing after it: write the value after the colon.
    const space = document.text[valueSpan.start - 1] === ':' ? ' ' : '';
    return { span: valueSpan, newText: space + formatScalar(document, value, '') };
  }
  const current = document.text.slice(valueSpan.start, valueSpan.end);
  if (/[\n\r]/.test(current)) return undefined;
  return { span: valueSpan, newText: formatScalar(document, value, current) };
}

function renameKey(document: SourceDocument, path: readonly PathSegment[], key: string): TextEdit | undefined {
  const location = document.locate(path, 'key');
  if (!location.exact || path.length === 0) return undefined;
  const current = document.text.slice(location.span.start, location.span.end);
  if (/[\n\r]/.test(current)) return undefined;
  return { span: location.span, newText: formatScalar(document, key, current) };
}

/**
 * Adds `key: value` to the closest existing mapping on the path, in that mapping's style: a new line
 * at its indentation for block YAML, `, key: value` for flow YAML and JSON. Missing mappings in
 * between are written inline (`security: { encrypted: true }`).
 */
function addKey(document: SourceDocument, path: readonly PathSegment[], value: FixValue): TextEdit | undefined {
  if (document.locate(path).exact) return undefined;
  for (let depth = path.length - 1; depth >= 0; depth--) {
    const shape = document.mapping(path.slice(0, depth));
    if (!shape) continue;
    const keys = path.slice(depth);
    if (keys.some((key) => typeof key === 'number' || /^\d+$/.test(key))) return undefined;
    const json = document.language === 'json';
    const renderKey = (key: PathSegment): string => (json ? JSON.stringify(String(key)) : formatScalar(document, String(key), ''));
    let rendered = json ? JSON.stringify(value) : formatScalar(document, value, '');
    for (const key of keys.slice(1).reverse()) rendered = `{ ${renderKey(key)}: ${rendered} }`;
    const entry = `${renderKey(keys[0])}: ${rendered}`;
    const last = shape.entries[shape.entries.length - 1];
    if (!shape.flow) {
      if (!last) return undefined;
      const indent = document.lines.positionAt(shape.entries[0].keySpan.start).character;
      const at = document.lines.lineEnd(document.lines.positionAt(last.valueEnd).line);
      return { span: { start: at, end: at }, newText: `\n${' '.repeat(indent)}${entry}` };
    }
    if (!last) {
      const at = shape.closeOffset ?? -1;
      return at < 0 ? undefined : { span: { start: at, end: at }, newText: ` ${entry} ` };
    }
    const first = shape.entries[0].keySpan.start;
    const multiLine = document.lines.positionAt(first).line !== document.lines.positionAt(shape.closeOffset ?? first).line;
    const separator = multiLine ? `,\n${' '.repeat(document.lines.positionAt(first).character)}` : ', ';
    return { span: { start: last.valueEnd, end: last.valueEnd }, newText: `${separator}${entry}` };
  }
  return undefined;
}

/** Writes a scalar the way the file already quotes it (JSON always double-quotes strings). */
function formatScalar(document: SourceDocument, value: FixValue, current: string): string {
  if (typeof value !== 'string') return String(value);
  if (document.language === 'json') return JSON.stringify(value);
  if (current.startsWith("'")) return `'${value.replace(/'/g, "''")}'`;
  if (current.startsWith('"') || !isPlainSafe(value)) return JSON.stringify(value);
  return value;
}

/** Whether a string can be written as a plain YAML scalar and still read back as the same string. */
function isPlainSafe(value: string): boolean {
  if (value === '' || /^[\s\-?:,[\]{}#&*!|>'"%@`]/.test(value) || /[:#]\s|\s$|[\n\r\t]/.test(value)) return false;
  return !/^(true|false|yes|no|on|off|null|~|[-+]?(\d|\.\d))/i.test(value);
}

/**
 * The edits of many findings' fixes that can be applied together: in file order, leaving out any that
 * overlaps an earlier one or inserts at the same place (re-lint and apply again for those).
 */
export function nonOverlappingEdits(findings: readonly { fix?: Fix }[]): TextEdit[] {
  const edits = findings.flatMap((finding) => finding.fix?.edits ?? []).sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const kept: TextEdit[] = [];
  let end = -1;
  for (const edit of edits) {
    if (edit.span.start < end || (kept.length > 0 && edit.span.start === kept[kept.length - 1].span.start)) continue;
    kept.push(edit);
    end = edit.span.end;
  }
  return kept;
}

/** Applies edits to text (edits must not overlap); used by `--fix` and by tests. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  return result;
}
