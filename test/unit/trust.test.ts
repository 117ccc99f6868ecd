// Workspace trust: dbarch reads architecture files and its configuration and never runs anything from
// the workspace, so it declares itself usable in untrusted workspaces. This checks the declaration and
// what the bundles could run: no child processes, no `eval`, no `new Function`, no `vm` (the schema
// validators are compiled at build time for the same reason, and the webview's CSP forbids eval).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  main: string;
  browser?: string;
  capabilities: { untrustedWorkspaces: { supported: boolean | 'limited'; restrictedConfigurations?: string[]; description?: string }; virtualWorkspaces: boolean };
};

// The webview's bundle (Mermaid) is held by its CSP instead: no 'unsafe-eval', so eval and Function
// throw there (test/browser/preview.test.ts checks that).
const bundles = ['dist/extension.js', 'dist/language.js', 'dist/validate-architecture.js', 'dist/validate-config.js', 'dist/cli.js', manifest.browser].filter((file): file is string => Boolean(file)).map((file) => file.replace(/^\.\//, ''));

test('the bundles run nothing they are given: no child processes, eval, Function or vm', () => {
  for (const bundle of bundles) {
    const path = join(root, bundle);
    assert.ok(existsSync(path), `${bundle} is built (npm run build)`);
    const code = readFileSync(path, 'utf8');
    const forbidden: [string, RegExp][] = [
      ['child_process', /\bchild_process\b/],
      ['vm', /require\(["'](node:)?vm["']\)/],
      ['new Function', /\bnew Function\s*\(/],
      ['eval', /(^|[^.\w$])eval\s*\(/],
    ];
    for (const [name, pattern] of forbidden) assert.ok(!pattern.test(code), `${bundle} uses ${name}`);
  }
});

test('untrusted workspaces: supported, with the settings a workspace could abuse restricted', () => {
  const { untrustedWorkspaces } = manifest.capabilities;
  assert.equal(untrustedWorkspaces.supported, 'limited');
  assert.match(untrustedWorkspaces.description ?? '', /^%[\w.]+%$/);
  // A workspace that raised the size limit could make the editor lint a huge file on every keystroke.
  assert.deepEqual(untrustedWorkspaces.restrictedConfigurations, ['dbarch.maxFileSizeKB']);
});

test('virtual workspaces: supported, and the extension reads files only through VS Code', () => {
  assert.equal(manifest.capabilities.virtualWorkspaces, true);
  const sources = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && /[\\/]src[\\/](extension|core)([\\/]|$)/.test(entry.parentPath))
    .map((entry) => join(entry.parentPath, entry.name));
  assert.ok(sources.length > 50);
  for (const file of sources) {
    const text = readFileSync(file, 'utf8');
    assert.doesNotMatch(text, /from ['"](node:)?(fs|fs\/promises|child_process)['"]|require\(['"](node:)?(fs|child_process)['"]\)/, `${file.slice(root.length + 1)} reads files or runs processes itself`);
  }
});
