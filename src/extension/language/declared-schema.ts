// The schema a JSON architecture file names in its `$schema` property. VS Code's built-in JSON
// language features complete and hover from that schema themselves when they can load it, and dbarch
// must not offer the same items a second time.
import { findNodeAtLocation, parseTree } from 'jsonc-parser';

/** The `$schema` of a JSON document's root object, if it is a string. */
export function declaredJsonSchema(text: string): string | undefined {
  const root = parseTree(text, [], { allowTrailingComma: true });
  const node = root ? findNodeAtLocation(root, ['$schema']) : undefined;
  return node?.type === 'string' && typeof node.value === 'string' && node.value.trim() !== '' ? node.value.trim() : undefined;
}

/**
 * Where a `$schema` points, when it is a file VS Code's JSON support would read by itself: a path
 * relative to the document, or a `file:` URI. Undefined for web addresses (loading those depends on
 * the network and on `json.schemaDownload.enable`, so dbarch keeps serving its own schema there).
 */
export function localSchemaTarget(schema: string): { relative: string } | { uri: string } | undefined {
  if (/^file:/i.test(schema)) return { uri: schema };
  if (/^[a-z][a-z0-9+.-]*:/i.test(schema)) return undefined;
  return { relative: schema.replace(/\\/g, '/') };
}
