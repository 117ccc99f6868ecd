// What the engine returns: findings with a severity, a message, a place and optionally a fix.
import type { PathSegment, Range, Span } from './document/source';

/** How serious a finding is; `off` silences a rule. */
export type Severity = 'error' | 'warning' | 'info';

/** A configured level: a severity or off. */
export type Level = Severity | 'off';

/** Where the design runs; it scales how strict the rules are. */
export type Environment = 'production' | 'staging' | 'development' | 'test';

export const ENVIRONMENTS: readonly Environment[] = ['production', 'staging', 'development', 'test'];

/** A text replacement, in offsets of the original text. */
export interface TextEdit {
  span: Span;
  newText: string;
}

/** A mechanical change that resolves a finding. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

/** A second place a finding involves (the replica and its source, the duplicate and the original). */
export interface RelatedLocation {
  message: string;
  span: Span;
  range: Range;
}

/** One problem in one file. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  span: Span;
  range: Range;
  /** The JSON pointer the finding is about, where it came from the model. */
  pointer?: string;
  related?: RelatedLocation[];
  fix?: Fix;
}

/** The ids of findings that do not come from a registered rule. */
export const SYNTAX_RULE_ID = 'syntax';
export const SCHEMA_RULE_ID = 'schema';
export const SUPPRESSION_RULE_ID = 'suppression';

/** A path as a person reads it: `databases.orders.readReplicas[0]`. */
export function dottedPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number' || /^\d+$/.test(segment)) text += `[${segment}]`;
    else text += (text ? '.' : '') + segment;
  }
  return text;
}

const severityOrder: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Findings in reading order: by position, then severity, then rule id. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.span.start - b.span.start ||
    a.span.end - b.span.end ||
    severityOrder[a.severity] - severityOrder[b.severity] ||
    a.ruleId.localeCompare(b.ruleId) ||
    a.message.localeCompare(b.message)
  );
}
