// The architecture schema stage: the build-time compiled validator plus the schema itself (for the
// valid keys a "did you mean" draws on), both without the texts only editors show (scripts/build.mjs).
import architectureSchema from './generated/architecture-schema.json';
import validateArchitecture from './generated/architecture';
import { checkSchema, type SchemaCheck } from './check';

/** The JSON schema of the architecture format, without the editor-only texts (hover and completion read the full one). */
export const ARCHITECTURE_SCHEMA = architectureSchema as Record<string, unknown>;

/** Checks architecture data against the schema. */
export function checkArchitectureSchema(data: unknown): SchemaCheck {
  return checkSchema(data, validateArchitecture, ARCHITECTURE_SCHEMA);
}
