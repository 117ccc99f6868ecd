// The web extension's bundle (dist/web/extension.js, the `browser` entry, built with the options of
// scripts/esbuild-web.mjs). VS Code's web extension host is a web worker that evaluates the bundle with
// `require('vscode')` and nothing else, so the bundle must carry everything else itself: the engine,
// the schema services (through the web loader, not a require of dist/language.js), and a browser
// `path`. The suite in test/web runs it in VS Code for the web (npm run test:web).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import * as esbuild from 'esbuild';

/** The export of scripts/esbuild-web.mjs that this test uses. */
interface WebBuildModule {
  webBuild(root: string, options?: { production?: boolean }): esbuild.BuildOptions;
}

const root = join(__dirname, '..', '..');
let inputs: string[] = [];
let externals: string[] = [];
let code = '';

before(async () => {
  // A computed specifier: the build script is plain JavaScript with no type declarations.
  const { webBuild } = (await import(join(root, 'scripts', 'esbuild-web.mjs'))) as WebBuildModule;
  const result = await esbuild.build({ ...webBuild(root, { production: true }), write: false, metafile: true, sourcemap: false, logLevel: 'silent' });
  inputs = Object.keys(result.metafile.inputs);
  const [output] = Object.values(result.metafile.outputs);
  externals = [...new Set(output.imports.filter((item) => item.external).map((item) => item.path))];
  code = result.outputFiles.find((file) => file.path.endsWith('extension.js'))?.text ?? '';
});

describe('dist/web/extension.js', () => {
  test('requires nothing at run time but vscode', () => {
    assert.deepEqual(externals, ['vscode']);
    assert.ok(code.length > 0);
  });

  test('bundles the schema services through the web loader, and a browser path', () => {
    assert.ok(inputs.includes('src/extension/language/load-schema-services.web.ts'), 'the web loader is bundled');
    assert.ok(!inputs.includes('src/extension/language/load-schema-services.ts'), 'the desktop loader (a require of dist/language.js) is not');
    assert.ok(inputs.includes('src/extension/language/schema-services.ts'), 'the schema services are bundled');
    assert.ok(inputs.some((input) => input.startsWith('node_modules/path-browserify/')), "yaml-language-server's path is path-browserify");
    // The browser builds of the packages that have one (yaml's reads no `process`).
    assert.ok(!inputs.some((input) => /node_modules\/yaml\/dist\//.test(input)), "yaml's Node build is not bundled");
  });

  test('leaves out what only a language server needs, as the desktop language bundle does', () => {
    for (const unwanted of ['node_modules/prettier/', 'node_modules/ajv-i18n/', 'node_modules/vscode-languageserver/', 'node_modules/vscode-jsonrpc/', 'node_modules/request-light/']) {
      assert.ok(!inputs.some((input) => input.includes(unwanted)), `${unwanted} is not bundled`);
    }
  });
});
