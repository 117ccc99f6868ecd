// How dist/web/extension.js is bundled: the `browser` entry of package.json, the extension as VS Code's
// web extension host runs it (vscode.dev, github.dev, @vscode/test-web). scripts/build.mjs builds it with
//   esbuild.build(webBuild(root, { production }))
//
// That host is a web worker: no Node APIs, no file system, no `require` of files at run time (VS Code
// evaluates the bundle as CommonJS with `require('vscode')` only). The engine is pure and the host side
// reads files through vscode.workspace.fs, so the source is the desktop extension's; what differs:
// - The schema services (yaml-language-server, vscode-json-languageservice) are bundled in instead of
//   required from dist/language.js: load-schema-services.web.ts takes the place of
//   load-schema-services.ts, and its static require makes esbuild wrap them in a function that runs on
//   the first completion or hover request, as on the desktop.
// - Packages resolve to their browser builds (`platform: 'browser'`: yaml's and @vscode/l10n's), and
//   yaml-language-server's uses of Node's `path` (basename, extname, posix joins of schema addresses)
//   get path-browserify, the POSIX `path` of Node for browsers; the few reads of `process` they and
//   vscode-uri make get scripts/web/process-shim.mjs.
// - The stand-ins and aliases of the language bundle (esbuild-language.mjs) apply here too.
// esbuild fails the build on any other Node built-in module, so none can slip in unnoticed.
import { join } from 'node:path';
import { languageAliases, languageStubs } from './esbuild-language.mjs';

/** Resolves `./load-schema-services` to its web variant, load-schema-services.web.ts beside it. */
const webModules = {
  name: 'dbarch-web-modules',
  setup(build) {
    build.onResolve({ filter: /^\.\/load-schema-services$/ }, (args) => ({ path: join(args.resolveDir, 'load-schema-services.web.ts') }));
  },
};

/** The full esbuild options of dist/web/extension.js. */
export function webBuild(root, { production = false } = {}) {
  return {
    entryPoints: { extension: join(root, 'src/extension/extension.ts') },
    outdir: join(root, 'dist/web'),
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    // The extension host provides `vscode`; it is never bundled.
    external: ['vscode'],
    minify: production,
    sourcemap: !production,
    logLevel: 'warning',
    legalComments: 'none',
    alias: { ...languageAliases(root), path: join(root, 'node_modules/path-browserify/index.js') },
    inject: [join(root, 'scripts/web/process-shim.mjs')],
    plugins: [languageStubs, webModules],
  };
}
