// The machine-readable format: an array of findings with LSP-style 0-based ranges.
import type { FileReport } from './types';

/** One finding as the JSON format prints it. */
export interface JsonFinding {
  file: string;
  ruleId: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** Formats reports as a JSON array. */
export function formatJson(reports: readonly FileReport[]): string {
  const findings: JsonFinding[] = reports.flatMap((report) =>
    report.findings.map((finding) => ({ file: report.file, ruleId: finding.ruleId, severity: finding.severity, message: finding.message, range: finding.range })),
  );
  return JSON.stringify(findings, null, 2) + '\n';
}
