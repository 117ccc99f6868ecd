// How dist/extension.js gets the compiled schema validators: not in its own code but from bundles of
// their own beside it (dist/validate-architecture.js, dist/validate-config.js), required by the first
// lint. The validators are about 360 KB of generated code, and the extension activates for every YAML
// and JSON file, most of which are no architecture files. scripts/build.mjs builds
//   esbuild.build({ ...shared, entryPoints: validatorBundles(root), outdir })   the validators
//   esbuild.build({ ...shared, ..., plugins: [lazyValidators] })               the extension
// The CLI and the web extension keep the validators inline: the CLI always lints, and the web
// extension is one file.
import { join } from 'node:path';

/** The validators' own bundles: bundle name -> the module scripts/build.mjs generates. */
export function validatorBundles(root) {
  return {
    'validate-architecture': join(root, 'src/core/schema/generated/architecture.js'),
    'validate-config': join(root, 'src/core/schema/generated/config.js'),
  };
}

/**
 * Replaces each generated validator with a function of the same shape (it returns whether the data is
 * valid and leaves the errors in `.errors`) that requires the validator's own bundle, from the folder
 * of the bundle it is in, on its first call.
 */
export const lazyValidators = {
  name: 'lazy-validators',
  setup(build) {
    build.onResolve({ filter: /(^|[\\/])generated[\\/](architecture|config)$/ }, (args) => ({
      path: /architecture$/.test(args.path) ? 'validate-architecture' : 'validate-config',
      namespace: 'lazy-validator',
    }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-validator' }, (args) => ({
      loader: 'js',
      contents: `let loaded;
function validate(data) {
  loaded ??= require(require('path').join(__dirname, ${JSON.stringify(`${args.path}.js`)}));
  const valid = loaded(data);
  validate.errors = loaded.errors;
  return valid;
}
module.exports = validate;
module.exports.default = validate;
`,
    }));
  },
};
