// The configuration a lint run takes: per-rule levels and an environment override. Finding the
// `.dbarch.json` file is the CLI's and the extension's job; the engine only reads its text.
import { parseSource } from './document';
import { ENVIRONMENTS, SCHEMA_RULE_ID, SYNTAX_RULE_ID, type Environment, type Finding, type Level } from './findings';
import { checkSchema } from './schema/check';
import validateConfig from './schema/generated/config';
import configSchema from './schema/generated/config-schema.json';

/** The name of the configuration file, looked up from the linted file's folder upwards. */
export const CONFIG_FILE_NAME = '.dbarch.json';

/** Per-rule levels and an environment that overrides the files' own. */
export interface LintConfig {
  environment?: Environment;
  rules?: Record<string, Level>;
}

/** Reads a configuration file's text; problems come back as findings placed in that file. */
export function readConfig(text: string): { config: LintConfig; findings: Finding[] } {
  const document = parseSource(text, 'json');
  const findings: Finding[] = document.problems.map((problem) => ({
    ruleId: SYNTAX_RULE_ID,
    severity: problem.severity,
    message: problem.message,
    span: problem.span,
    range: document.lines.rangeOf(problem.span),
  }));
  if (document.hasSyntaxErrors) return { config: {}, findings };
  const value = document.value ?? {};
  const check = checkSchema(value, validateConfig, configSchema as Record<string, unknown>);
  for (const problem of check.problems) {
    const span = document.locate(problem.path, problem.part).span;
    findings.push({ ruleId: SCHEMA_RULE_ID, severity: 'error', message: problem.message, span, range: document.lines.rangeOf(span) });
  }
  if (check.problems.length) return { config: {}, findings };
  const raw = value as { environment?: string; rules?: Record<string, Level> };
  const config: LintConfig = {};
  if (raw.environment && (ENVIRONMENTS as readonly string[]).includes(raw.environment)) config.environment = raw.environment as Environment;
  if (raw.rules) config.rules = { ...raw.rules };
  return { config, findings };
}
