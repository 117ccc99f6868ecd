// The message catalogue: l10n/bundle.l10n.json lists every English message the extension, the CLI and
// the engine show (the keys translators translate in l10n/bundle.l10n.<locale>.json).
//
//   npm run l10n            rewrite l10n/bundle.l10n.json from the code
//   npm run l10n -- --check exit 1 when it is out of date
//
// `@vscode/l10n-dev` extracts the `l10n.t` / `vscode.l10n.t` calls. It only looks in files that import
// `vscode` or `@vscode/l10n`; the engine has its own `t` (src/core/l10n.ts: the same semantics, no file
// access), so its imports are shown to the extractor as `@vscode/l10n`. Messages must be one literal or
// one template (the extractor skips `'a' + 'b'`; test/unit/l10n.test.ts catches any it missed). Rules'
// one-sentence descriptions live in their metadata (shown through `localize`) and come from the registry.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';
import { rules } from '../src/core/rules';

const root = join(__dirname, '..');
export const catalogueFile = join(root, 'l10n', 'bundle.l10n.json');

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && ['.ts', '.tsx'].includes(extname(entry.name)) && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !file.includes(`${join('src', 'core', 'schema', 'generated')}`))
    .sort();
}

/** Every English message, sorted, as the catalogue holds them. */
export async function extractCatalogue(): Promise<Record<string, string>> {
  const files = [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'webview'))];
  const ourImport = /from '(?:\.\.?\/)+(?:core\/)?l10n'/g;
  const extracted = await getL10nJson(files.map((file) => ({ extension: extname(file), contents: readFileSync(file, 'utf8').replace(ourImport, "from '@vscode/l10n'") })));
  const messages = new Map<string, string>();
  for (const [key, value] of Object.entries(extracted)) {
    // The extractor misreads a tagged template with an escaped backtick before a later `${...}`: the
    // key keeps the raw `${...}` and never matches at run time. Such messages use `t('...{name}...', {...})`.
    if (key.includes('${')) throw new Error(`A message the extractor misread (write it as l10n.t('... {name} ...', { name })): ${key}`);
    messages.set(key, typeof value === 'string' ? value : value.message);
  }
  for (const rule of rules) messages.set(rule.meta.description, rule.meta.description);
  return Object.fromEntries([...messages].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function catalogueText(catalogue: Record<string, string>): string {
  return `${JSON.stringify(catalogue, null, 2)}\n`;
}

async function main(): Promise<void> {
  const text = catalogueText(await extractCatalogue());
  if (process.argv.includes('--check')) {
    const current = readFileSync(catalogueFile, 'utf8');
    if (current !== text) {
      console.error('l10n/bundle.l10n.json is out of date: run `npm run l10n`.');
      process.exit(1);
    }
    return;
  }
  writeFileSync(catalogueFile, text);
  console.log(`${Object.keys(JSON.parse(text)).length} messages in l10n/bundle.l10n.json`);
}

if (require.main === module) void main();
