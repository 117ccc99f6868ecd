// dist/extension.js leaves the compiled schema validators to bundles of their own
// (scripts/esbuild-validators.mjs): built the same way here, the engine bundle must not contain them,
// must not load them until the first lint, and must then lint exactly as the engine does.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import * as esbuild from 'esbuild';
import * as engine from '../../src/core/lint';
import { readConfig } from '../../src/core/config';

/** The exports of scripts/esbuild-validators.mjs. */
interface ValidatorsBuildModule {
  validatorBundles(root: string): Record<string, string>;
  lazyValidators: esbuild.Plugin;
}

const root = join(__dirname, '..', '..');
let outdir = '';
let inputs: string[] = [];

before(async () => {
  // A computed specifier: the build script is plain JavaScript with no type declarations.
  const { validatorBundles, lazyValidators } = (await import(join(root, 'scripts', 'esbuild-validators.mjs'))) as ValidatorsBuildModule;
  outdir = mkdtempSync(join(tmpdir(), 'dbarch-validators-'));
  const shared: esbuild.BuildOptions = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent', alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' } };
  const built = await esbuild.build({ ...shared, entryPoints: { engine: join(root, 'test', 'unit', 'extension-bundle-entry.ts') }, outdir, metafile: true, plugins: [lazyValidators] });
  await esbuild.build({ ...shared, entryPoints: validatorBundles(root), outdir });
  inputs = Object.keys(built.metafile.inputs);
});

after(() => {
  if (outdir) rmSync(outdir, { recursive: true, force: true });
});

test('the engine bundle leaves the validators out and loads them on the first lint', () => {
  assert.ok(!inputs.some((input) => /schema\/generated\/(architecture|config)\.js$/.test(input)), 'no generated validator in the bundle');
  assert.ok(inputs.some((input) => input === 'src/core/lint.ts'), 'the engine is in the bundle');
  const require = createRequire(__filename);
  const loaded = (): string[] => Object.keys(require.cache).filter((path) => path.startsWith(outdir) && /validate-/.test(path));
  const bundle = require(join(outdir, 'engine.js')) as { lint: typeof engine.lint; readConfig: typeof readConfig };
  assert.deepEqual(loaded(), [], 'nothing loaded with the bundle');

  for (const name of ['shop.dbarch.yaml', 'multi-region.dbarch.json']) {
    const text = readFileSync(join(root, 'examples', name), 'utf8');
    const strip = (result: engine.LintResult): unknown => result.findings.map((finding) => [finding.ruleId, finding.severity, finding.message, finding.span]);
    assert.deepEqual(strip(bundle.lint(text, { fileName: name })), strip(engine.lint(text, { fileName: name })), name);
  }
  // A schema problem goes through the validator's errors.
  const broken = 'dbarch: 1\nname: x\ndatabases:\n  orders:\n    service: rds\n    multiAZ: true\n';
  assert.ok(bundle.lint(broken, { fileName: 'a.dbarch.yaml' }).findings.some((finding) => finding.ruleId === 'schema' && /multiAZ/.test(finding.message)));
  assert.deepEqual(loaded().map((path) => path.slice(outdir.length + 1)), ['validate-architecture.js']);

  assert.deepEqual(bundle.readConfig('{ "rules": { "nope": "off" } }').findings.length, readConfig('{ "rules": { "nope": "off" } }').findings.length);
  assert.ok(bundle.readConfig('{ "rules": { "nope": "off" } }').findings.length > 0);
  assert.deepEqual(loaded().map((path) => path.slice(outdir.length + 1)).sort(), ['validate-architecture.js', 'validate-config.js']);
});
