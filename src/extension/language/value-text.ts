// How a suggested value is written into the file: in the quotes already typed, else quoted as the
// notation needs (always in JSON; in YAML when a plain scalar would read as something else).
import type { DocumentLanguage } from '../../core/document/document';
import type { PathSegment } from '../../core/document/source';
import type { Place } from './cursor';
import type { Suggestion, SuggestionKind } from './types';

/** Where a suggestion goes: the place at the cursor in the text of a document of a notation. */
export interface ValueSite {
  place: Place;
  language: DocumentLanguage;
  text: string;
}

/** The optional parts of a value suggestion. */
export interface ValueDetails {
  kind?: SuggestionKind;
  detail?: string;
  documentation?: string;
  /** Rank among this producer's items: lower comes first. */
  rank?: number;
  deprecated?: boolean;
  retrigger?: boolean;
  /** Quote even where YAML would not need it (engine versions: `8.10` is not `8.1`). */
  alwaysQuote?: boolean;
}

/** A suggestion that writes `value` at the site. */
export function valueSuggestion(site: ValueSite, value: string, details: ValueDetails = {}): Suggestion {
  const { place, language, text } = site;
  const quote = place.quote ? '' : language === 'json' || details.alwaysQuote || yamlNeedsQuotes(value) ? '"' : '';
  // Completion opened by typing the colon itself: YAML needs a space after it (`to:orders` is one key).
  const space = !place.quote && text[place.span.start - 1] === ':' ? ' ' : '';
  return {
    label: value,
    kind: details.kind ?? 'Value',
    insertText: `${space}${quote}${value}${quote}`,
    replace: place.span,
    detail: details.detail,
    documentation: details.documentation,
    // dbarch's own items before the schema's (which carry no sort text and sort by label).
    sortText: `0${String(details.rank ?? 0).padStart(4, '0')}`,
    // Filtered against what is typed, quotes or not.
    filterText: value,
    deprecated: details.deprecated,
    retrigger: details.retrigger,
  };
}

/** Whether a plain YAML scalar would not read back as this string (a number, a boolean, null, or special characters). */
export function yamlNeedsQuotes(value: string): boolean {
  if (value === '' || value !== value.trim()) return true;
  if (/^(true|false|yes|no|on|off|y|n|null|~)$/i.test(value)) return true;
  if (/^[-+]?(\d[\d_]*)?(\.\d*)?([eE][-+]?\d+)?$/.test(value) || /^0[xo][0-9a-fA-F]+$/.test(value) || /^[-+]?\.(inf|nan)$/i.test(value)) return true;
  return /^[-?:,[\]{}#&*!|>'"%@`]/.test(value) || /: |\s#/.test(value);
}

/** The last property name of a path and whether the path ends in a list item (`azs/1` -> `azs`, true). */
export function lastKey(path: readonly PathSegment[]): { key: string | undefined; inList: boolean } {
  const last = path[path.length - 1];
  if (typeof last === 'number') {
    const parent = path[path.length - 2];
    return { key: typeof parent === 'string' ? parent : undefined, inList: true };
  }
  return { key: last, inList: false };
}

/** Whether a path has the shape of a pattern: `*` is any key, `#` any list index. */
export function pathMatches(path: readonly PathSegment[], pattern: readonly string[]): boolean {
  if (path.length !== pattern.length) return false;
  return pattern.every((expected, index) => {
    const segment = path[index];
    if (expected === '#') return typeof segment === 'number';
    if (expected === '*') return typeof segment === 'string';
    return segment === expected;
  });
}

/**
 * Whether a space just typed starts a value (`to: `, `- `, `[a, `), so completion should open. A space
 * anywhere else (indentation, prose in a description) must not pop up a list.
 */
export function spaceOpensValue(linePrefix: string): boolean {
  return /(?:[:,[{]|^\s*-) $/.test(linePrefix);
}
