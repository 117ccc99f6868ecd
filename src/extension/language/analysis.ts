// The engine's view of the document that completion and hover draw on: the latest lint of exactly this
// text when there is one, else the engine's read of it as far as it goes (completion runs on half-typed
// files, before the debounced lint has caught up).
import type { DocumentLanguage, SourceDocument } from '../../core/document/document';
import type { Finding } from '../../core/findings';
import type { LintResult } from '../../core/lint';
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

/** What an analysis can draw on besides the text; each is used only when it is of this very text. */
export interface AnalysisSources {
  /** A lint (its findings, model and topology). */
  result?: LintResult;
  /** The engine's read (its data), when there is no lint of the text yet. */
  read?: SourceDocument;
}

/**
 * The analysis of a text: from the lint when it is of this very text and has a model, else built from
 * the read of the text (or a fresh one), without findings.
 */
export function analyse(text: string, language: DocumentLanguage, sources: AnalysisSources = {}): Analysis {
  const result = sources.result?.document.text === text ? sources.result : undefined;
  if (result?.model) return { data: result.document.value, model: result.model, topology: result.topology, findings: result.findings };
  const data = tolerantData(text, language, sources.read);
  const findings = result?.findings ?? [];
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
