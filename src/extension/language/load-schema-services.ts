// How the desktop (Node) extension host gets the schema services: dist/language.js, the bundle beside
// dist/extension.js, required on the first completion or hover request so activation never pays for
// it. The web extension host has no `require` of files: scripts/build.mjs swaps this module for
// load-schema-services.web.ts in dist/web/extension.js.
import * as path from 'node:path';

/** The module of the schema services (see schema-services.ts); throws if it cannot be loaded. */
export function loadSchemaServicesModule(): typeof import('./schema-services') {
  // A computed path, so esbuild leaves this require to run time instead of bundling the module.
  return require(path.join(__dirname, 'language.js')) as typeof import('./schema-services');
}

/** Where the services come from, for the message when loading them fails. */
export const SCHEMA_SERVICES_SOURCE = 'dist/language.js';
