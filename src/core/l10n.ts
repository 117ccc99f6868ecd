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
 * Use this bundle for every later message (`undefined`: English). `missing` hears every message the
 * bundle lacks (the catalogue tests use it to find text that escaped extraction).
 */
export function configureL10n(contents: L10nBundle | undefined, locale = contents ? 'translated' : 'en', missing?: (key: string) => void): void {
  bundle = contents && Object.keys(contents).length > 0 ? contents : undefined;
  bundleLocale = bundle ? locale : 'en';
  onMissing = bundle ? missing : undefined;
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
    return format(translated(first), (args ?? {}) as Record<string, L10nValue> | readonly L10nValue[]);
  }
  let key = first[0] ?? '';
  for (let index = 1; index < first.length; index++) key += `{${index - 1}}${first[index]}`;
  return format(translated(key), rest as L10nValue[]);
}

/**
 * A text written once in English outside a `t` call (a rule's description, kept in its metadata) in
 * the configured language: the bundle's entry for it, or the text itself.
 */
export function localize(english: string): string {
  return translated(english);
}

function translated(key: string): string {
  const entry = bundle && Object.hasOwn(bundle, key) ? bundle[key] : undefined;
  const text = typeof entry === 'string' ? entry : entry?.message;
  if (typeof text === 'string') return text;
  onMissing?.(key);
  return key;
}

const PLACEHOLDER = /\{([^{}]+)\}/g;

/** Fills `{0}` / `{name}` placeholders in one pass: a value that itself contains braces is never re-read. */
function format(template: string, values: Record<string, L10nValue> | readonly L10nValue[]): string {
  if (Array.isArray(values) ? values.length === 0 : Object.keys(values).length === 0) return template;
  const lookup = values as Record<string, L10nValue | undefined>;
  return template.replace(PLACEHOLDER, (match, name: string) => {
    if (!Object.hasOwn(values, name)) return match;
    const value = lookup[name];
    return value === undefined ? match : String(value);
  });
}
