// The lazily loaded bundle of the schema services (dist/language.js), built with the esbuild options
// of scripts/esbuild-language.mjs: it must bundle into one CommonJS file that runs (the libraries' UMD
// builds hide their requires from esbuild), leave out what only a language server needs, and complete
// and hover from the schema object it is given.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import * as esbuild from 'esbuild';
import schema from '../../schemas/dbarch.schema.json';
import type * as SchemaServicesModule from '../../src/extension/language/schema-services';

/** The exports of scripts/esbuild-language.mjs that this test uses. */
interface LanguageBuildModule {
  languageBuild(shared: esbuild.BuildOptions, root: string): esbuild.BuildOptions;
}

const root = join(__dirname, '..', '..');
let outdir = '';
let inputs: string[] = [];
let bundle: typeof SchemaServicesModule;

before(async () => {
  // A computed specifier: the build script is plain JavaScript with no type declarations.
  const scriptPath = join(root, 'scripts', 'esbuild-language.mjs');
  const { languageBuild } = (await import(scriptPath)) as LanguageBuildModule;
  outdir = mkdtempSync(join(tmpdir(), 'dbarch-language-'));
  const shared: esbuild.BuildOptions = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', minify: true, logLevel: 'silent', legalComments: 'none' };
  const result = await esbuild.build({ ...languageBuild(shared, root), outdir, metafile: true });
  inputs = Object.keys(result.metafile.inputs);
  bundle = createRequire(__filename)(join(outdir, 'language.js')) as typeof SchemaServicesModule;
});

after(() => {
  if (outdir) rmSync(outdir, { recursive: true, force: true });
});

describe('dist/language.js', () => {
  test('leaves out the formatter, schema meta-validation and the language-server runtime', () => {
    for (const unwanted of ['node_modules/prettier/', 'node_modules/ajv/', 'node_modules/ajv-i18n/', 'node_modules/vscode-languageserver/', 'node_modules/vscode-jsonrpc/', 'node_modules/request-light/']) {
      assert.ok(!inputs.some((input) => input.includes(unwanted)), `${unwanted} is not bundled`);
    }
    assert.ok(!inputs.some((input) => /\/lib\/umd\//.test(input) && input.includes('vscode-json-languageservice')), 'the ESM build of vscode-json-languageservice is bundled');
    // The engine is in dist/extension.js already. The full schema (with the hover and completion
    // texts) is here, loaded on first use; the extension bundle has only a slim copy for validation.
    assert.ok(!inputs.some((input) => input.startsWith('src/core/')), 'no engine code in the language bundle');
    assert.deepEqual(inputs.filter((input) => input.startsWith('schemas/')), ['schemas/dbarch.schema.json']);
    // About 470 KB minified plus the 130 KB schema; a stand-in that stops working would bring back hundreds of KB.
    const size = statSync(join(outdir, 'language.js')).size;
    assert.ok(size < 650_000, `language.js is ${size} bytes`);
  });

  test('completes YAML keys and enum values from the schema it is given', async () => {
    const services = bundle.createSchemaServices(schema);
    const text = 'dbarch: 1\nname: x\ndatabases:\n  orders:\n    service: rds\n    engine: \n';
    const values = await services.complete({ uri: 'file:///b.dbarch.yaml', language: 'yaml', text }, text.indexOf('engine: ') + 'engine: '.length);
    assert.ok(values.some((item) => item.label === 'postgres' && /PostgreSQL/.test(item.documentation ?? '')));
    const keys = await services.complete({ uri: 'file:///b.dbarch.yaml', language: 'yaml', text: text + '    ' }, text.length + 4);
    assert.ok(keys.some((item) => item.label === 'multiAz'));
  });

  test('completes and hovers JSON', async () => {
    const services = bundle.createSchemaServices(schema);
    const text = '{ "dbarch": 1, "name": "x", "databases": { "c": { "service": "elasticache", "engine": "" } } }';
    const values = await services.complete({ uri: 'file:///b.dbarch.json', language: 'json', text }, text.indexOf('"engine": "') + '"engine": "'.length);
    assert.deepEqual(values.map((item) => item.label), ['"valkey"', '"redis"', '"memcached"']);
    const hover = await services.hover({ uri: 'file:///b.dbarch.json', language: 'json', text }, text.indexOf('"engine"') + 2);
    assert.match(hover?.sections[0] ?? '', /Cache engine/);
  });
});
