// Expected findings written inside fixture files, so a reader sees the design and its findings at once.
//
//   multiAz: false
//   #        ^^^^^ rds/multi-az-production warning
//
// A caret line marks the columns of a finding on the line above it (the nearest line that is not a
// caret line). Where carets cannot reach (a finding at column 0), write the range out, 1-based:
//
//   # expect 3:1-3:7 schema error
import type { Finding } from '../../src/core/findings';

/** One expected finding. */
export interface Expectation {
  ruleId: string;
  severity: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  /** The fixture line that declares it (1-based), for failure messages. */
  declaredOn: number;
}

const CARETS = /^(\s*#\s*)(\^+)\s+(\S+)\s+(error|warning|info)\s*$/;
const EXPLICIT = /^\s*#\s*expect\s+(\d+):(\d+)-(\d+):(\d+)\s+(\S+)\s+(error|warning|info)\s*$/;

/** Reads the expectations of a YAML fixture. */
export function readExpectations(text: string): Expectation[] {
  const lines = text.split(/\r?\n/);
  const expectations: Expectation[] = [];
  let target = -1;
  lines.forEach((line, index) => {
    const carets = CARETS.exec(line);
    if (carets) {
      if (target < 0) throw new Error(`line ${index + 1}: a caret line needs a line above it`);
      const start = carets[1].length;
      expectations.push({
        ruleId: carets[3],
        severity: carets[4],
        range: { start: { line: target, character: start }, end: { line: target, character: start + carets[2].length } },
        declaredOn: index + 1,
      });
      return;
    }
    const explicit = EXPLICIT.exec(line);
    if (explicit) {
      const [, startLine, startColumn, endLine, endColumn, ruleId, severity] = explicit;
      expectations.push({
        ruleId,
        severity,
        range: { start: { line: Number(startLine) - 1, character: Number(startColumn) - 1 }, end: { line: Number(endLine) - 1, character: Number(endColumn) - 1 } },
        declaredOn: index + 1,
      });
      return;
    }
    target = index;
  });
  return expectations;
}

/** A finding in the compact form expectations use, for readable assertion diffs. */
export function describe(item: { ruleId: string; severity: string; range: Expectation['range'] }): string {
  const { start, end } = item.range;
  return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${item.ruleId} ${item.severity}`;
}

/** Both lists in the compact form, sorted, so `assert.deepStrictEqual` shows exactly what differs. */
export function comparable(findings: readonly Finding[], expectations: readonly Expectation[]): { actual: string[]; expected: string[] } {
  return { actual: findings.map(describe).sort(), expected: expectations.map(describe).sort() };
}
