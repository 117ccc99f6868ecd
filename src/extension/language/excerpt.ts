// What completion and hover parse in a large YAML file instead of the whole text: the file with most
// items of its top-level lists and mappings left out. A request needs the lines around the cursor and
// the file's outline (its top-level keys), not the other 999 databases; at 1,000 databases the whole
// text takes the `yaml` package most of a second to parse, an excerpt a millisecond.
//
// Kept: every line outside the items (top-level keys and scalars, comments before the first item), and
// of each list the first item and the last (so no list reads as empty, and each ends as in the file),
// the item the cursor is in and the ones on either side of it (at the start of an item's line the
// parser may place the cursor at the end of the item before, and what follows the cursor must read as
// it does in the file). Offsets map both ways; a path into the excerpt maps back to the file's by the
// indexes of the list items kept.
import type { SourceDocument } from '../../core/document';
import type { PathSegment, Span } from '../../core/document/source';
import { itemLines } from '../../core/document/yaml-edit';

/**
 * How many characters must be left out for an excerpt to be worth making. yaml-language-server takes
 * about 40 ms for a completion on a 10-database file (11 KB) and 20 ms on an excerpt of a 50-database
 * one (bench/README.md): a few kilobytes left out already pay.
 */
const WORTH_IT = 2_048;

/** A run of the file's text kept in the excerpt: its characters from `from` to `to`, found at `at` in the excerpt. */
interface Run {
  readonly from: number;
  readonly to: number;
  readonly at: number;
}

/** A YAML file's text with the items that do not matter at one offset left out. */
export class Excerpt {
  private constructor(
    readonly text: string,
    private readonly runs: readonly Run[],
    /** Per top-level list (not mapping), the indexes in the file of its items kept, in order. */
    private readonly keptIndexes: ReadonlyMap<string, readonly number[]>,
  ) {}

  /**
   * The excerpt of a read for a request at `offset`; undefined when the read is not YAML without problems
   * whose top level is block lists and mappings (then the whole text is parsed), or when fewer than
   * `worthIt` characters would be left out.
   */
  static around(read: SourceDocument, offset: number, worthIt = WORTH_IT): Excerpt | undefined {
    if (read.language !== 'yaml') return undefined;
    const items = itemLines(read);
    if (!items) return undefined;
    const { text } = read;
    const holder = items.findIndex((item) => item.start <= offset && (offset < item.end || (offset === item.end && item.end === text.length)));
    const runs: Run[] = [];
    const parts: string[] = [];
    const keptIndexes = new Map<string, number[]>();
    let from = 0;
    let length = 0;
    for (const [index, item] of items.entries()) {
      const [section, segment] = item.path;
      const kept = section !== items[index - 1]?.path[0] || section !== items[index + 1]?.path[0] || (holder >= 0 && Math.abs(index - holder) <= 1 && section === items[holder].path[0]);
      if (kept) {
        if (typeof segment === 'number') keptIndexes.set(section, [...(keptIndexes.get(section) ?? []), segment]);
        continue;
      }
      if (item.start > from) {
        runs.push({ from, to: item.start, at: length });
        parts.push(text.slice(from, item.start));
        length += item.start - from;
      }
      from = item.end;
    }
    runs.push({ from, to: text.length, at: length });
    parts.push(text.slice(from));
    length += text.length - from;
    if (text.length - length < worthIt) return undefined;
    return new Excerpt(parts.join(''), runs, keptIndexes);
  }

  /** The excerpt's offset of a file offset; undefined for an offset in an item left out. */
  toExcerpt(offset: number): number | undefined {
    const run = this.runs.find((candidate) => candidate.from <= offset && offset <= candidate.to);
    return run && run.at + offset - run.from;
  }

  /**
   * The file's offset of an excerpt offset. Where two runs meet, a span's start is the later run's
   * start and its end the earlier run's end, so a span never takes in the items left out between them.
   */
  toFile(offset: number, side: 'start' | 'end' = 'start'): number {
    const run =
      side === 'start'
        ? this.runs.find((candidate) => offset < candidate.at + candidate.to - candidate.from)
        : this.runs.find((candidate) => offset <= candidate.at + candidate.to - candidate.from);
    const found = run ?? this.runs[this.runs.length - 1];
    return found.from + offset - found.at;
  }

  spanToFile(span: Span): Span {
    return { start: this.toFile(span.start, 'start'), end: span.end === span.start ? this.toFile(span.start, 'start') : this.toFile(span.end, 'end') };
  }

  /** The file's path of a path into the excerpt: an index into a list counts the items left out. */
  pathToFile(path: readonly PathSegment[]): PathSegment[] {
    const [section, index, ...rest] = path;
    const kept = typeof section === 'string' && typeof index === 'number' ? this.keptIndexes.get(section) : undefined;
    if (!kept || typeof index !== 'number') return [...path];
    // Past the last item kept (a new item being written after it), count on from it.
    const fileIndex = index < kept.length ? kept[index] : kept[kept.length - 1] + index - kept.length + 1;
    return [section, fileIndex, ...rest];
  }
}
