// What formatters receive: each linted file with its findings.
import type { Finding } from '../../core/findings';
import type { RuleMeta } from '../../core/rules/rule';

/** One linted file: the path to show, the absolute path, and its findings. */
export interface FileReport {
  file: string;
  absolutePath: string;
  findings: Finding[];
}

/** What a formatter may need besides the reports. */
export interface FormatContext {
  version: string;
  rules: readonly RuleMeta[];
  /** The address of a rule's docs page. */
  docsUri(ruleId: string): string;
  /** A rule's docs page as Markdown, if installed. */
  docsMarkdown(ruleId: string): string | undefined;
  color: boolean;
}
