// The entry of the engine bundle that test/unit/extension-bundle.test.ts builds: the engine's parts
// that use the compiled validators.
export { lint } from '../../src/core/lint';
export { readConfig } from '../../src/core/config';
