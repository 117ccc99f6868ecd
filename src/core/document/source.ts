// Positions, spans and JSON pointers: the vocabulary shared by every stage that talks about a place in a file.

/** A zero-based line and UTF-16 character, as in the Language Server Protocol and VS Code. */
export interface Position {
  line: number;
  character: number;
}

/** A start/end pair of positions (end exclusive). */
export interface Range {
  start: Position;
  end: Position;
}

/** A start/end pair of UTF-16 offsets into the text (end exclusive). */
export interface Span {
  start: number;
  end: number;
}

/** Converts offsets to line/character positions; built once per text, or from the index of the text before an edit (`edited`). */
export class LineIndex {
  /** The offset where each line starts (a typed array: an edit copies it whole, which is fast). */
  private readonly lineStarts: Int32Array;
  /** Whether the text has a `\r` (then the lines are found by the slower loop, and never reused). */
  private readonly carriageReturns: boolean;

  constructor(
    private readonly text: string,
    /** The line starts, when an edit of an earlier text already gave them (see `edited`). */
    lineStarts?: Int32Array,
  ) {
    this.carriageReturns = text.indexOf('\r') >= 0;
    if (lineStarts) {
      this.lineStarts = lineStarts;
      return;
    }
    const starts = [0];
    if (!this.carriageReturns) {
      // Only `\n` line breaks (nearly every file): the engine's search finds them far faster than a loop.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 /* \n */) starts.push(i + 1);
        else if (c === 13 /* \r */) {
          if (text.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
    }
    this.lineStarts = Int32Array.from(starts);
  }

  /**
   * The index of `text`, which is this index's text with the characters from `from` to `to` replaced:
   * the lines before the edit are kept, the lines after it move by the change in length, and only the
   * edited characters are searched for line breaks.
   */
  edited(text: string, from: number, to: number): LineIndex {
    if (this.carriageReturns || text.indexOf('\r') >= 0) return new LineIndex(text);
    const delta = text.length - this.text.length;
    const old = this.lineStarts;
    const kept = this.positionAt(from).line;
    const added: number[] = [];
    for (let i = text.indexOf('\n', from); i >= 0 && i < to + delta; i = text.indexOf('\n', i + 1)) added.push(i + 1);
    let after = kept + 1;
    while (after < old.length && old[after] <= to) after++;
    const starts = new Int32Array(kept + 1 + added.length + old.length - after);
    starts.set(old.subarray(0, kept + 1));
    starts.set(added, kept + 1);
    let index = kept + 1 + added.length;
    for (let line = after; line < old.length; line++) starts[index++] = old[line] + delta;
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The position of an offset, clamped into the text. */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low] };
  }

  /** The offset of a position, clamped into its line. */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  /** The offset where a line starts. */
  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  /** The offset where a line's content ends (before its line break). */
  lineEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    let end = this.lineStarts[line + 1];
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
}

/** One segment of a JSON pointer: a property name or an array index. */
export type PathSegment = string | number;

/** Builds an RFC 6901 JSON pointer from segments. */
export function toPointer(path: readonly PathSegment[]): string {
  let pointer = '';
  for (const segment of path) pointer += '/' + String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
  return pointer;
}

/** Splits an RFC 6901 JSON pointer into its segments (all strings). */
export function fromPointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return pointer === '/' ? [''] : [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Joins a pointer and more segments. */
export function childPointer(pointer: string, ...segments: PathSegment[]): string {
  return pointer + toPointer(segments);
}
