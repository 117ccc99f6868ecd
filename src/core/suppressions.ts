// Suppression comments (YAML): `# dbarch-disable-next-line RULE[, RULE] -- reason` silences the rules
// on the next line; `# dbarch-disable RULE[, RULE] -- reason` before the first key silences them for the file.
import type { SourceDocument } from './document/document';
import type { Span } from './document/source';
import * as l10n from './l10n';

/** One parsed suppression comment. */
export interface Suppression {
  scope: 'next-line' | 'file';
  ruleIds: string[];
  /** Where each rule id is written in the comment. */
  ruleSpans: Span[];
  reason: string;
  span: Span;
  /** The line it silences (for next-line), zero-based. */
  line: number;
}

/** A malformed suppression comment, reported as a finding. */
export interface SuppressionProblem {
  message: string;
  span: Span;
}

const DIRECTIVE = /^\s*dbarch-(disable-next-line|disable-line|disable|enable)(?![\w-])(.*)$/;

/** Reads the suppression comments of a document. */
export function readSuppressions(document: SourceDocument): { suppressions: Suppression[]; problems: SuppressionProblem[] } {
  const suppressions: Suppression[] = [];
  const problems: SuppressionProblem[] = [];
  if (!document.text.includes('dbarch-')) return { suppressions, problems };
  const firstContent = firstContentOffset(document);
  for (const comment of document.comments) {
    const match = DIRECTIVE.exec(comment.text);
    if (!match) continue;
    const kind = match[1];
    const commentStart = comment.span.start + 1; // after '#'
    if (kind === 'enable' || kind === 'disable-line') {
      problems.push({
        message: l10n.t(
          '`{directive}` is not a dbarch directive: use `# dbarch-disable-next-line RULE -- reason` above the line, or `# dbarch-disable RULE -- reason` at the top of the file.',
          { directive: `dbarch-${kind}` },
        ),
        span: comment.span,
      });
      continue;
    }
    const rest = match[2];
    const restStart = commentStart + comment.text.length - rest.length;
    const separator = rest.indexOf('--');
    const list = separator >= 0 ? rest.slice(0, separator) : rest;
    const reason = separator >= 0 ? rest.slice(separator + 2).trim() : '';
    const ruleIds: string[] = [];
    const ruleSpans: Span[] = [];
    const idPattern = /[^\s,]+/g;
    for (let id = idPattern.exec(list); id; id = idPattern.exec(list)) {
      ruleIds.push(id[0]);
      ruleSpans.push({ start: restStart + id.index, end: restStart + id.index + id[0].length });
    }
    const directive = `dbarch-${kind}`;
    if (ruleIds.length === 0) {
      problems.push({ message: l10n.t('`{directive}` names no rule: write `# {directive} RULE -- reason` (dbarch does not silence every rule at once).', { directive }), span: comment.span });
      continue;
    }
    const line = document.lines.positionAt(comment.span.start).line;
    if (kind === 'disable' && comment.span.start > firstContent) {
      problems.push({
        message: l10n.t`\`dbarch-disable\` silences rules for the whole file and belongs at the top, before the first key; here, use \`dbarch-disable-next-line\` to silence the next line only.`,
        span: comment.span,
      });
      continue;
    }
    suppressions.push({ scope: kind === 'disable' ? 'file' : 'next-line', ruleIds, ruleSpans, reason, span: comment.span, line: line + 1 });
  }
  return { suppressions, problems };
}

function firstContentOffset(document: SourceDocument): number {
  const { lines, text } = document;
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const content = text.slice(start, lines.lineEnd(line));
    const trimmed = content.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed === '---' || trimmed.startsWith('%')) continue;
    return start + content.length - content.trimStart().length;
  }
  return text.length;
}
