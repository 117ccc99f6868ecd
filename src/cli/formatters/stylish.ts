// ESLint's "stylish" layout: the file, then `line:col  severity  message  rule`, then a summary.
import type { Severity } from '../../core/findings';
import * as l10n from '../../core/l10n';
import type { FileReport, FormatContext } from './types';

const codes = { red: 31, yellow: 33, blue: 34, gray: 90, bold: 1, underline: 4 } as const;

/** Formats reports for a person at a terminal. */
export function formatStylish(reports: readonly FileReport[], context: FormatContext): string {
  const paint = (style: keyof typeof codes, text: string): string => (context.color ? `\u001b[${codes[style]}m${text}\u001b[0m` : text);
  const severityStyle: Record<Severity, keyof typeof codes> = { error: 'red', warning: 'yellow', info: 'blue' };
  const severityLabel: Record<Severity, string> = { error: l10n.t`error`, warning: l10n.t`warning`, info: l10n.t`info` };
  const lines: string[] = [];
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let fixable = 0;
  for (const report of reports) {
    if (report.findings.length === 0) continue;
    lines.push(paint('underline', report.file));
    const rows = report.findings.map((finding) => {
      counts[finding.severity]++;
      if (finding.fix) fixable++;
      return [`${finding.range.start.line + 1}:${finding.range.start.character + 1}`, severityLabel[finding.severity], finding.message.replace(/\s*\n\s*/g, ' '), finding.ruleId, finding.severity] as const;
    });
    const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column].length)));
    for (const [position, label, message, ruleId, severity] of rows) {
      lines.push(`  ${paint('gray', position.padEnd(widths[0]))}  ${paint(severityStyle[severity], label.padEnd(widths[1]))}  ${message}  ${paint('gray', ruleId)}`);
    }
    lines.push('');
  }
  const total = counts.error + counts.warning + counts.info;
  if (total === 0) return '';
  const parts = [
    counts.error === 1 ? l10n.t('{count} error', { count: counts.error }) : l10n.t('{count} errors', { count: counts.error }),
    counts.warning === 1 ? l10n.t('{count} warning', { count: counts.warning }) : l10n.t('{count} warnings', { count: counts.warning }),
  ];
  if (counts.info) parts.push(l10n.t('{count} info', { count: counts.info }));
  const details = parts.join(', ');
  const summary = '\u2716 ' + (total === 1 ? l10n.t('{count} problem ({details})', { count: total, details }) : l10n.t('{count} problems ({details})', { count: total, details }));
  lines.push(paint('bold', paint(counts.error ? 'red' : counts.warning ? 'yellow' : 'blue', summary)));
  if (fixable) lines.push(paint('gray', '  ' + l10n.t('{count} of them can be fixed with the `--fix` option.', { count: fixable })));
  return lines.join('\n') + '\n';
}
