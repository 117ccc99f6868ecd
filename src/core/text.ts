// Small text helpers for messages: "did you mean" suggestions and human lists.
import * as l10n from './l10n';

/** Edit distance with adjacent transpositions (optimal string alignment), bounded for speed. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previousPrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previousPrevious[j - 2] + 1);
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    previousPrevious = previous;
    previous = current;
  }
  return previous[b.length];
}

/** Case, hyphens and underscores do not matter when people misremember a key (`multi_az`, `MultiAZ`). */
function loose(text: string): string {
  return text.toLowerCase().replace(/[-_\s]/g, '');
}

/**
 * The candidate a person most likely meant by `input`, or undefined when none is close enough or two
 * are equally close (`catalog-3` between `catalog-1` and `catalog-2`): a suggestion, and the quick fix
 * built on it, must never be a coin toss.
 */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  const wanted = loose(input);
  let best: string | undefined;
  let bestScore = Infinity;
  let tied = false;
  for (const candidate of candidates) {
    if (candidate === input || candidate === best) continue;
    const candidateLoose = loose(candidate);
    const limit = Math.max(1, Math.min(3, Math.floor(Math.max(wanted.length, candidateLoose.length) / 3)));
    const distance = candidateLoose === wanted ? 0 : editDistance(wanted, candidateLoose, limit);
    if (distance > limit) continue;
    if (distance < bestScore) {
      best = candidate;
      bestScore = distance;
      tied = false;
    } else if (distance === bestScore) {
      tied = true;
    }
  }
  return tied ? undefined : best;
}

/** `a`, `a or b`, `a, b or c` with each item in backticks. */
export function orList(items: readonly unknown[]): string {
  return humanList(items, 'or');
}

/** `a`, `a and b`, `a, b and c` with each item in backticks. */
export function andList(items: readonly unknown[]): string {
  return humanList(items, 'and');
}

function humanList(items: readonly unknown[], conjunction: 'and' | 'or'): string {
  const quoted = items.map((item) => '`' + String(item) + '`');
  if (quoted.length <= 1) return quoted.join('');
  const head = quoted.slice(0, -1).join(', ');
  const last = quoted[quoted.length - 1];
  return conjunction === 'and' ? l10n.t`${head} and ${last}` : l10n.t`${head} or ${last}`;
}

// One formatter for every number in a message: creating an Intl formatter per call (which
// `toLocaleString` does) costs more than the rest of a rule's work.
const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** 1,234.5: thousands separated, at most two decimals. */
export function formatNumber(value: number): string {
  // Whole numbers are most of them (capacity, counts, sizes): grouping by hand is many times faster
  // than Intl and gives the same text; everything else goes through the formatter.
  if (Number.isSafeInteger(value)) {
    const digits = String(Math.abs(value));
    if (digits.length <= 3) return String(value);
    let grouped = digits.slice(0, digits.length % 3 || 3);
    for (let index = grouped.length; index < digits.length; index += 3) grouped += ',' + digits.slice(index, index + 3);
    return value < 0 ? '-' + grouped : grouped;
  }
  return numberFormat.format(value);
}

/** "1 replica", "2 replicas". */
export function plural(count: number, singular: string, pluralForm = singular + 's'): string {
  return `${formatNumber(count)} ${count === 1 ? singular : pluralForm}`;
}

/** East Asian wide characters (Hangul, CJK, fullwidth forms) and emoji: two columns in a terminal, about an em in a diagram. */
export function isWideCharacter(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/** The columns a text takes in a terminal: wide characters two, the rest one, so Korean table cells line up. */
export function terminalColumns(text: string): number {
  let width = 0;
  for (const character of text) width += isWideCharacter(character.codePointAt(0)!) ? 2 : 1;
  return width;
}
