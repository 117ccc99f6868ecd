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
  | { kind: 'rename'; title: string; pointer: string | readonly PathSegment[]; key: string };

/** The text edits for a fix, or undefined when the file's shape does not allow a safe edit. */
export function toFix(document: SourceDocument, intent: FixIntent): Fix | undefined {
  const path = typeof intent.pointer === 'string' ? fromPointer(intent.pointer) : intent.pointer;
  const edit = intent.kind === 'replace' ? replaceValue(document, path, intent.value) : renameKey(document, path, intent.key);
  return edit ? { title: intent.title, edits: [edit] } : undefined;
}

function replaceValue(document: SourceDocument, path: readonly PathSegment[], value: FixValue): TextEdit | undefined {
  const location = document.locate(path, 'value');
  if (!location.exact) return undefined;
  const current = document.text.slice(location.span.start, location.span.end);
  if (/^[[{]/.test(current) || /[\n\r]/.test(current)) return undefined;
  return { span: location.span, newText: formatScalar(document, value, current) };
}

function renameKey(document: SourceDocument, path: readonly PathSegment[], key: string): TextEdit | undefined {
  const location = document.locate(path, 'key');
  if (!location.exact || path.length === 0) return undefined;
  const current = document.text.slice(location.span.start, location.span.end);
  if (/[\n\r]/.test(current)) return undefined;
  return { span: location.span, newText: formatScalar(document, key, current) };
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

/** Applies edits to text (edits must not overlap); used by `--fix` and by tests. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  return result;
}
