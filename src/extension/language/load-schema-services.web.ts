// How the web extension host (a web worker: no file system, no `require` of files) gets the schema
// services: they are bundled into dist/web/extension.js itself. The require below names the module
// statically, so esbuild bundles it and wraps it in a function that runs on this first call only:
// activation still does not evaluate yaml-language-server or vscode-json-languageservice.
// scripts/build.mjs puts this file in place of load-schema-services.ts for the web bundle.

/** The module of the schema services (see schema-services.ts). */
export function loadSchemaServicesModule(): typeof import('./schema-services') {
  return require('./schema-services') as typeof import('./schema-services');
}

/** Where the services come from, for the message when loading them fails. */
export const SCHEMA_SERVICES_SOURCE = 'the schema services bundled in dist/web/extension.js';
