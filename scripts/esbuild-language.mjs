// How dist/language.js is bundled: the schema completion and hover services (yaml-language-server's
// language service and vscode-json-languageservice), loaded by the extension on the first completion
// or hover request so activation never pays for them. scripts/build.mjs builds it with
//   esbuild.build(languageBuild(shared, root))
// next to the extension bundle; dist/extension.js requires it from its own folder.
//
// The libraries are made for a language server, so a plain bundle drags in a lot that an in-process
// completion and hover never runs, and some of their builds hide their requires from esbuild:
// - UMD builds wrap `require` in a factory, so esbuild bundles the entry file only and the bundle
//   fails at run time with "Cannot find module './services/jsonCompletion'": use the ESM builds of
//   vscode-json-languageservice and jsonc-parser, and yaml-language-server's plain CommonJS build
//   (`out/server/src`, imported by path in src/extension/language/schema-services.ts) instead of its
//   `lib/umd` or `lib/esm` (whose ESM imports the UMD builds of its own dependencies).
// - Modules only the server or unused features need are replaced by the small stand-ins below.
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';

/** Stand-ins for modules the in-process services import but never use; each says why it is safe. */
const STUBS = {
  // Formatting (yamlFormatter) is the only user of prettier (about 440 KB); dbarch never formats.
  'prettier/standalone': `exports.format = async () => { throw new Error('dbarch bundles no YAML formatter'); };`,
  'prettier/plugins/yaml': `module.exports = {};`,
  'prettier/plugins/estree': `module.exports = {};`,
  // yaml-language-server meta-validates every schema it loads with four Ajv instances (draft-04, 07,
  // 2019-09, 2020-12) that compile their meta-schemas with \`new Function\` when the module loads: slow,
  // large, and only ever reported by doValidation, which dbarch never calls. dbarch's schema is compiled
  // by Ajv in strict mode at build time (scripts/build.mjs), so it is known to be valid. The stand-in
  // keeps each dialect's meta-schema address, which the service uses to recognise the schema's draft.
  ajv: ajvStandIn('http://json-schema.org/draft-07/schema'),
  'ajv/dist/2019': ajvStandIn('https://json-schema.org/draft/2019-09/schema'),
  'ajv/dist/2020': ajvStandIn('https://json-schema.org/draft/2020-12/schema'),
  'ajv-draft-04': ajvStandIn('http://json-schema.org/draft-04/schema'),
  // Translations of Ajv's meta-validation errors (above), in 20 languages.
  'ajv-i18n': `exports.default = { en: () => {} };`,
  // The language-server runtime: requestTypes.js only builds message-type objects for a connection
  // (there is none in-process) and yamlRename.js throws ResponseError from rename, which is not used.
  'vscode-languageserver': `class MessageType { constructor(method) { this.method = method; } }
exports.NotificationType = MessageType;
exports.RequestType = MessageType;`,
  'vscode-languageserver-protocol': `class ResponseError extends Error { constructor(code, message, data) { super(message); this.code = code; this.data = data; } }
exports.ResponseError = ResponseError;
exports.ErrorCodes = { InvalidParams: -32602, InternalError: -32603 };`,
};

function ajvStandIn(defaultMeta) {
  return `class Ajv {
  defaultMeta() { return ${JSON.stringify(defaultMeta)}; }
  getSchema() { const validate = () => true; validate.errors = null; return validate; }
}
module.exports = Ajv;
module.exports.default = Ajv;`;
}

/** An esbuild plugin that resolves the modules of STUBS to their stand-ins. */
export const languageStubs = {
  name: 'dbarch-language-stubs',
  setup(build) {
    const names = Object.keys(STUBS).map((name) => name.replace(/[/-]/g, (c) => '\\' + c));
    const filter = new RegExp(`^(${names.join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'dbarch-stub' }));
    build.onLoad({ filter: /.*/, namespace: 'dbarch-stub' }, (args) => ({ contents: STUBS[args.path], loader: 'js' }));
  },
};

/**
 * The module aliases of the language bundle, as absolute files: the ESM builds of the UMD packages,
 * and one copy each of vscode-languageserver-types and vscode-uri for both services (npm nests older
 * copies under yaml-language-server; the types are the same protocol, 3.17 being a subset of 3.18).
 */
export function languageAliases(root) {
  const fromRoot = (name) => packageDir(name, root);
  // The copies vscode-json-languageservice itself uses, wherever npm placed them.
  const fromJsonService = (name) => packageDir(name, fromRoot('vscode-json-languageservice'));
  return {
    'jsonc-parser': join(fromRoot('jsonc-parser'), 'lib/esm/main.js'),
    'vscode-json-languageservice': join(fromRoot('vscode-json-languageservice'), 'lib/esm/jsonLanguageService.js'),
    'vscode-languageserver-types': join(fromJsonService('vscode-languageserver-types'), 'lib/esm/main.js'),
    // yaml-language-server requires the UMD build and vscode-json-languageservice imports the ESM one.
    'vscode-uri': join(fromJsonService('vscode-uri'), 'lib/esm/index.mjs'),
  };
}

/** The folder of package `name` as Node resolves it from folder `from` (export maps hide package.json). */
function packageDir(name, from) {
  let dir = dirname(createRequire(join(from, 'package.json')).resolve(name));
  while (basename(dir) !== name || basename(dirname(dir)) !== 'node_modules') {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`esbuild-language: cannot find the folder of ${name} from ${from}`);
    dir = parent;
  }
  return dir;
}

/**
 * The full esbuild options of dist/language.js: the shared options of scripts/build.mjs (bundle,
 * platform node, cjs, minify, ...) with this bundle's entry, aliases and stand-ins added.
 */
export function languageBuild(shared, root) {
  return {
    ...shared,
    entryPoints: { language: join(root, 'src/extension/language/schema-services.ts') },
    outdir: join(root, 'dist'),
    alias: { ...(shared.alias ?? {}), ...languageAliases(root) },
    plugins: [...(shared.plugins ?? []), languageStubs],
  };
}
