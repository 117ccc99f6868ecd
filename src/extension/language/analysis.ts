// The engine's view of the document that completion and hover draw on: the latest lint of exactly this
// text when there is one, else a fresh read of the text as far as it goes (completion runs on
// half-typed files, before the debounced lint has caught up).
import type { DocumentLanguage } from '../../core/document/document';
import type { Finding } from '../../core/findings';
import { lint, type LintResult } from '../../core/lint';
import { buildModel, type Architecture } from '../../core/model/model';
import { checkArchitectureSchema } from '../../core/schema/architecture';
import { buildTopology, type Topology } from '../../core/topology/topology';
import { tolerantData } from './cursor';

/** What the engine knows about one text. */
export interface Analysis {
  /** The file's data as far as it can be read (raw, not schema-checked). */
  data: unknown;
  model: Architecture | undefined;
  topology: Topology | undefined;
  /** The findings of a lint of this exact text; empty when none was asked for. */
  findings: readonly Finding[];
}

/**
 * The analysis of a text: from `result` when it is a lint of this very text (and has a model), else
 * read afresh. `withFindings` lints the text when no result fits (hover shows findings; completion,
 * which runs on every keystroke, does not need the rules).
 */
export function analyse(text: string, language: DocumentLanguage, result: LintResult | undefined, withFindings = false): Analysis {
  const current = result && result.document.text === text ? result : withFindings ? lint(text, { language }) : undefined;
  if (current?.model) return { data: current.document.value, model: current.model, topology: current.topology, findings: current.findings };
  const data = tolerantData(text, language);
  const findings = current?.findings ?? [];
  try {
    // As the lint driver does: values that fail the schema stay out of the model, so the model's
    // code only ever sees the types it was written for.
    const model = buildModel(data, checkArchitectureSchema(data).invalidPaths);
    return { data, model, topology: buildTopology(model), findings };
  } catch {
    return { data, model: undefined, topology: undefined, findings };
  }
}

/** The value at a path of raw data, or undefined. */
export function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let node = data;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[segment as string];
  }
  return node;
}

/** A string property of the object at a path of raw data. */
export function stringAt(data: unknown, path: readonly (string | number)[]): string | undefined {
  const value = valueAt(data, path);
  return typeof value === 'string' ? value : undefined;
}
