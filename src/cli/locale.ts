// The CLI's language: `--locale ko` anywhere on the command line, else the environment (LC_ALL,
// LC_MESSAGES, LANG: `ko_KR.UTF-8` is Korean), else English. Messages come from the extension's own
// catalogue, l10n/bundle.l10n.<locale>.json, so the CLI and the editor say the same thing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { L10nBundle } from '../core/l10n';
import * as l10n from '../core/l10n';
import { UsageError } from './args';

/** The locales with a translation; English needs none. */
export const LOCALES = ['en', 'ko'] as const;
export type Locale = (typeof LOCALES)[number];

/** `ko_KR.UTF-8`, `ko-KR`, `ko` -> `ko`; `C`, `POSIX`, unknown languages -> undefined. */
function languageOf(tag: string | undefined): Locale | undefined {
  const language = tag?.trim().toLowerCase().split(/[-_.@]/)[0];
  return LOCALES.find((locale) => locale === language);
}

/** The locale asked for and the arguments without `--locale`. */
export function chooseLocale(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): { locale: Locale; argv: string[] } {
  const rest: string[] = [];
  let asked: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (argument === '--locale' || argument.startsWith('--locale=')) {
      asked = argument === '--locale' ? argv[++i] : argument.slice('--locale='.length);
      if (asked === undefined || asked === '' || asked.startsWith('--')) throw new UsageError(l10n.t`\`--locale\` needs a value: en or ko.`);
      continue;
    }
    rest.push(argument);
  }
  if (asked !== undefined) {
    const locale = languageOf(asked);
    if (!locale) throw new UsageError(l10n.t('`--locale` must be one of {locales}, not `{locale}`.', { locales: LOCALES.join(', '), locale: asked }));
    return { locale, argv: rest };
  }
  // POSIX order: LC_ALL overrides LC_MESSAGES, which overrides LANG. An empty variable is unset.
  const fromEnv = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '');
  return { locale: languageOf(fromEnv) ?? 'en', argv: rest };
}

/** The catalogue for a locale (undefined for English), from the package's l10n folder. */
export function readBundle(locale: Locale, packageRoot: string): L10nBundle | undefined {
  if (locale === 'en') return undefined;
  try {
    return JSON.parse(readFileSync(join(packageRoot, 'l10n', `bundle.l10n.${locale}.json`), 'utf8')) as L10nBundle;
  } catch {
    return undefined;
  }
}
