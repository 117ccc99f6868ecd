// Localised text. English is written in the code; other languages come from a bundle that maps the
// English message to its translation: the format of VS Code's `l10n/bundle.l10n.<locale>.json`, so the
// extension passes `vscode.l10n.bundle` and the CLI reads the same file (src/cli/locale.ts).
//
// `t` behaves like `@vscode/l10n`'s `t` (whose extractor, `@vscode/l10n-dev`, builds
// l10n/bundle.l10n.json from these calls: `npm run l10n`), without its file loading, which the engine
// must not do:
//
//   t`${name} keeps no automated backups`      key "{0} keeps no automated backups"
//   t('{count} problems', { count })            key "{count} problems"

/** A value placed into a message. */
export type L10nValue = string | number | boolean;

/** A bundle: English message (the key) to the translated message, with `{0}` or `{name}` placeholders. */
export type L10nBundle = Record<string, string | { message: string; comment?: string[] }>;

let bundle: L10nBundle | undefined;
let bundleLocale = 'en';
let onMissing: ((key: string) => void) | undefined;

/**
 * Messages run on every keystroke (thousands per lint of a large file), so each key is looked up and
 * split into literal text and placeholders once per bundle, not on every call.
 */
let compiled = new Map<string, Template>();
/** The key of each tagged template call site (a call site always passes the same strings array). */
const keys = new WeakMap<TemplateStringsArray, string>();

/**
 * A translated message split at its placeholders: literal text at even indexes, placeholder names
 * (`0`, `name`) at odd ones. `missing`: the bundle has no entry for the key.
 */
interface Template {
  parts: readonly string[];
  missing: boolean;
}

/**
 * Use this bundle for every later message (`undefined`: English). `missing` hears every message the
 * bundle lacks (the catalogue tests use it to find text that escaped extraction).
 */
export function configureL10n(contents: L10nBundle | undefined, locale = contents ? 'translated' : 'en', missing?: (key: string) => void): void {
  bundle = contents && Object.keys(contents).length > 0 ? contents : undefined;
  bundleLocale = bundle ? locale : 'en';
  onMissing = bundle ? missing : undefined;
  compiled = new Map();
}

/** The locale messages are in now, as configured (`en` when no bundle is in use). */
export function currentLocale(): string {
  return bundleLocale;
}

/** A message in the configured language. */
export function t(strings: TemplateStringsArray, ...values: L10nValue[]): string;
export function t(message: string, args?: Record<string, L10nValue> | readonly L10nValue[]): string;
export function t(first: TemplateStringsArray | string, ...rest: unknown[]): string {
  if (typeof first === 'string') {
    const args = rest[0];
    return format(template(first), (args ?? {}) as Record<string, L10nValue> | readonly L10nValue[]);
  }
  let key = keys.get(first);
  if (key === undefined) {
    key = first[0] ?? '';
    for (let index = 1; index < first.length; index++) key += `{${index - 1}}${first[index]}`;
    keys.set(first, key);
  }
  return format(template(key), rest as L10nValue[]);
}

/**
 * A text written once in English outside a `t` call (a rule's description, kept in its metadata) in
 * the configured language: the bundle's entry for it, or the text itself.
 */
export function localize(english: string): string {
  const entry = bundle && Object.hasOwn(bundle, english) ? bundle[english] : undefined;
  const text = typeof entry === 'string' ? entry : entry?.message;
  if (typeof text === 'string') return text;
  onMissing?.(english);
  return english;
}

/** The message for a key in the configured language, split at its placeholders (cached per bundle). */
function template(key: string): Template {
  let entry = compiled.get(key);
  if (!entry) {
    const translation = bundle && Object.hasOwn(bundle, key) ? bundle[key] : undefined;
    const text = typeof translation === 'string' ? translation : translation?.message;
    entry = { parts: split(typeof text === 'string' ? text : key), missing: typeof text !== 'string' };
    compiled.set(key, entry);
  }
  if (entry.missing) onMissing?.(key);
  return entry;
}

const PLACEHOLDER = /\{([^{}]+)\}/g;

/** `a {0} b {name}` -> ['a ', '0', ' b ', 'name', '']. */
function split(text: string): string[] {
  const parts: string[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    parts.push(text.slice(last, match.index), match[1]);
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}

/**
 * Fills `{0}` / `{name}` placeholders: a value that itself contains braces is never re-read, and a
 * placeholder without a value stays as written.
 */
function format({ parts }: Template, values: Record<string, L10nValue> | readonly L10nValue[]): string {
  let result = parts[0];
  if (parts.length === 1) return result;
  const lookup = values as Record<string, L10nValue | undefined>;
  for (let index = 1; index < parts.length; index += 2) {
    const name = parts[index];
    const value = Object.hasOwn(values, name) ? lookup[name] : undefined;
    result += (value === undefined ? `{${name}}` : String(value)) + parts[index + 1];
  }
  return result;
}
