// The lint driver: text -> document -> schema -> model -> topology -> rules -> sorted findings.
// Severity, environment scaling, configuration and suppression comments are applied here, not in rules.
import { languageOf, parseSourceSteps } from './document';
import { SourceDocument, type DocumentLanguage } from './document/document';
import { toPointer, type PathSegment, type Span } from './document/source';
import {
  compareFindings,
  SCHEMA_RULE_ID,
  SUPPRESSION_RULE_ID,
  SYNTAX_RULE_ID,
  type Environment,
  type Finding,
  type Level,
  type RelatedLocation,
  type Severity,
} from './findings';
import { toFix } from './fixes';
import { formatNumber } from './text';
import * as l10n from './l10n';
import { buildModel, type Architecture } from './model/model';
import { checkArchitectureSchema } from './schema/architecture';
import { placeOf } from './schema/check';
import { buildTopologySteps, type Topology } from './topology/topology';
import { judgeAzLossSteps } from './failure';
import { rules as registeredRules } from './rules';
import { severityIn, type Report, type Rule } from './rules/rule';
import { readSuppressions } from './suppressions';
import type { LintConfig } from './config';
import { runInSlices, runSteps, type Slicing, type Steps } from './steps';

/** What to lint and how. */
export interface LintOptions {
  /** Chooses the notation (`.json` is JSON, anything else YAML) and appears in messages. */
  fileName?: string;
  language?: DocumentLanguage;
  config?: LintConfig;
  /** The rules to run; all registered rules by default. */
  rules?: readonly Rule[];
  /**
   * The document of the lint of an earlier version of this file (the editor passes its last one whose
   * read had no problems): a YAML parse then reads again only the item an edit changed, when it can.
   * The findings are the same.
   */
  earlier?: SourceDocument;
  /**
   * A read of this very text made already (the editor reads a version for completion before its lint
   * runs): it is used instead of parsing the text again. A read of another text is ignored.
   */
  read?: SourceDocument;
}

/** Everything one lint run produced; the model and topology are absent when the file could not be read. */
export interface LintResult {
  document: SourceDocument;
  findings: Finding[];
  environment: Environment;
  model?: Architecture;
  topology?: Topology;
}

/** Lints architecture text. Never throws: every problem becomes a finding. */
export function lint(text: string, options: LintOptions = {}): LintResult {
  return runSteps(lintSteps(text, options));
}

/**
 * Lints in slices (steps.ts), pausing every few milliseconds so the caller's other work goes on: the
 * editor lints this way. Resolves to the same result as `lint`, or to undefined when `cancelled`
 * says so at a pause.
 */
export function lintInSlices(text: string, options: LintOptions = {}, slicing: Slicing = {}): Promise<LintResult | undefined> {
  return runInSlices(lintSteps(text, options), slicing);
}

/** `lint` in steps: parse, then `lintDocumentSteps`. */
export function* lintSteps(text: string, options: LintOptions = {}): Steps<LintResult> {
  const language = options.language ?? languageOf(options.fileName, text);
  const { read } = options;
  const document = read && read.text === text && read.language === language ? read : yield* parseSourceSteps(text, language, options.earlier);
  yield;
  return yield* lintDocumentSteps(document, options);
}

/**
 * What the editor shows for a file over its size limit, instead of linting it: one warning on the first
 * line that says why and how to lint it anyway. Nothing is parsed, so it costs next to nothing.
 */
export function sizeLimitResult(text: string, options: { fileName?: string; limitKB: number }): LintResult {
  const document = new SourceDocument(text, languageOf(options.fileName, text), undefined, [], [], undefined);
  const span = { start: 0, end: document.lines.lineEnd(0) };
  const kilobytes = formatNumber(Math.ceil(text.length / 1024));
  const message =
    l10n.t(
      'This file is {size} KB, over the {limit} KB of the `dbarch.maxFileSizeKB` setting: dbarch does not lint it as you edit, where a lint this size would hold up the editor.',
      { size: kilobytes, limit: formatNumber(options.limitKB) },
    ) +
    ' ' +
    l10n.t`Raise the setting to lint it here, or run \`dbarch lint\` on it in a terminal.`;
  return { document, findings: [{ ruleId: SYNTAX_RULE_ID, severity: 'warning', message, span, range: document.lines.rangeOf(span) }], environment: 'production' };
}

/** Lints an already parsed document, in steps: it may pause between its stages and between rules. */
export function* lintDocumentSteps(document: SourceDocument, options: LintOptions = {}): Steps<LintResult> {
  const config = options.config ?? {};
  const raw: Candidate[] = [];
  const place = (path: string | readonly PathSegment[], part: 'key' | 'value' | 'auto' = 'auto'): Span => document.locate(path, part).span;
  const finding = (ruleId: string, severity: Severity, message: string, span: Span, extra: Partial<Finding> = {}): Finding => ({
    ruleId,
    severity,
    message,
    span,
    range: document.lines.rangeOf(span),
    ...extra,
  });

  for (const problem of document.problems) raw.push(finding(SYNTAX_RULE_ID, problem.severity, problem.message, problem.span));
  for (const duplicate of document.duplicateKeys) {
    if (isNameMap(duplicate.path)) continue; // arch/duplicate-name reports these with the other name clashes
    raw.push(
      finding(
        SYNTAX_RULE_ID,
        'error',
        l10n.t('`{key}` is written twice {place}; only the last value would count.', { key: duplicate.key, place: placeOf(duplicate.path) }) + ' ' + l10n.t`Remove one of them.`,
        duplicate.span,
        { related: [related(document, l10n.t('The first `{key}`', { key: duplicate.key }), duplicate.firstSpan)] },
      ),
    );
  }

  const fallbackEnvironment = config.environment ?? 'production';
  if (document.hasSyntaxErrors) return finish(document, raw, config, fallbackEnvironment);
  if (document.value === null || document.value === undefined) {
    raw.push(finding(SCHEMA_RULE_ID, 'error', l10n.t`The file is empty: an architecture file starts with \`dbarch: 1\` and a \`name\`, then lists its \`databases\`.`, place([])));
    return finish(document, raw, config, fallbackEnvironment);
  }

  const schema = checkArchitectureSchema(document.value);
  yield;
  const schemaLevel = config.rules?.[SCHEMA_RULE_ID] ?? 'error';
  for (const problem of schema.problems) {
    const span = place(problem.path, problem.part);
    if (schemaLevel === 'off') {
      raw.push({ ...finding(SCHEMA_RULE_ID, 'info', problem.message, span), off: true });
      continue;
    }
    const fix = problem.fix ? toFix(document, problem.fix) : undefined;
    raw.push(finding(SCHEMA_RULE_ID, schemaLevel, problem.message, span, { pointer: toPointer(problem.path), fix }));
  }

  // A rule finding about an object that also has a schema problem is noise until the schema problem
  // is fixed (an unknown `multiAZ` key must not also read as "no Multi-AZ").
  // The same goes for a mapping with a key written twice: which value was meant is unclear.
  const unsettled = [
    ...schema.problems.map((problem) => toPointer(problem.owner)),
    ...document.duplicateKeys.map((duplicate) => toPointer(isNameMap(duplicate.path) ? [...duplicate.path, duplicate.key] : duplicate.path)),
  ].filter((pointer) => pointer !== '');
  const isUnsettled = (pointer: string): boolean => unsettled.some((prefix) => pointer === prefix || pointer.startsWith(prefix + '/'));

  const model = buildModel(document.value, schema.invalidPaths);
  yield;
  const topology = yield* buildTopologySteps(model);
  // The availability rules (arch/single-az, rds/multi-az-production, aurora/no-reader-production,
  // elasticache/no-failover-production) read one failure analysis per database, and arch/single-az
  // asks for every database it concerns; worked out here first, in steps, the editor can pause between
  // databases instead of inside that rule. Without arch/single-az the others ask for only a few.
  if ((options.rules ?? registeredRules).some((rule) => rule.meta.id === ASKS_EVERY_AZ_LOSS)) yield* judgeAzLossSteps(model, topology);
  const environment = config.environment ?? model.environment;
  for (const rule of options.rules ?? registeredRules) {
    const configured = config.rules?.[rule.meta.id];
    const report = (entry: Report): void => {
      const pointer = typeof entry.pointer === 'string' ? entry.pointer : toPointer(entry.pointer);
      if (!rule.meta.structural && isUnsettled(pointer)) return;
      const level: Level = configured ?? severityIn(entry.severity ?? rule.meta.severity, environment);
      const span = entry.span ?? place(entry.pointer, entry.part);
      if (level === 'off') {
        // Kept only so a suppression comment for it counts as used; dropped in finish().
        raw.push({ ...finding(rule.meta.id, 'info', entry.message, span, { pointer }), off: true });
        return;
      }
      raw.push(
        finding(rule.meta.id, level, entry.message, span, {
          pointer,
          related: entry.related?.map((item) => related(document, item.message, item.span ?? place(item.pointer, item.part))),
          fix: entry.fix ? toFix(document, entry.fix) : undefined,
        }),
      );
    };
    try {
      rule.check({ model, topology, environment, document, report });
    } catch (error) {
      // A rule that throws is a dbarch bug; the user still gets every other finding and a clue to report.
      const reason = error instanceof Error ? error.message : String(error);
      raw.push(finding(rule.meta.id, 'error', l10n.t('The rule {rule} failed on this file ({error}); please report it.', { rule: rule.meta.id, error: reason }), place([])));
    }
    yield;
  }
  return { ...finish(document, raw, config, environment), model, topology };
}

/** The rule that reads the AZ-loss verdict of every database it concerns (see judgeAzLossSteps). */
const ASKS_EVERY_AZ_LOSS = 'arch/single-az';

/** A finding before suppression comments are applied; `off` ones only mark suppressions as used. */
type Candidate = Finding & { off?: boolean };

function finish(document: SourceDocument, raw: Candidate[], config: LintConfig, environment: Environment): LintResult {
  const { suppressions, problems } = readSuppressions(document);
  const findings: Finding[] = [];
  const used = new Set<string>();
  const knownIds = new Set([...registeredRules.map((rule) => rule.meta.id), SCHEMA_RULE_ID]);
  for (const item of raw) {
    const line = item.range.start.line;
    let suppressed = false;
    if (item.ruleId !== SYNTAX_RULE_ID) {
      for (const suppression of suppressions) {
        if (suppression.scope === 'next-line' && suppression.line !== line) continue;
        const index = suppression.ruleIds.indexOf(item.ruleId);
        if (index < 0) continue;
        used.add(`${suppression.span.start}:${index}`);
        suppressed = true;
      }
    }
    if (suppressed || item.off) continue;
    findings.push(item);
  }
  const suppressionLevel = config.rules?.[SUPPRESSION_RULE_ID];
  const add = (severity: Severity, message: string, span: Span): void => {
    if (suppressionLevel === 'off') return;
    findings.push({ ruleId: SUPPRESSION_RULE_ID, severity: suppressionLevel ?? severity, message, span, range: document.lines.rangeOf(span) });
  };
  for (const problem of problems) add('warning', problem.message, problem.span);
  for (const suppression of suppressions) {
    suppression.ruleIds.forEach((ruleId, index) => {
      const span = suppression.ruleSpans[index];
      if (!knownIds.has(ruleId)) {
        add('warning', l10n.t('`{rule}` is not a dbarch rule, so this comment silences nothing.', { rule: ruleId }) + ' ' + l10n.t`Run \`dbarch explain\` for the list of rules.`, span);
      } else if (!used.has(`${suppression.span.start}:${index}`)) {
        const message =
          suppression.scope === 'file'
            ? l10n.t('This comment silences `{rule}`, but {rule} reports nothing in this file: remove it (or the rule name) so it does not hide a future finding.', { rule: ruleId })
            : l10n.t('This comment silences `{rule}`, but {rule} reports nothing on the next line: remove it (or the rule name) so it does not hide a future finding.', { rule: ruleId });
        add('info', message, span);
      }
    });
    if (!suppression.reason && suppression.ruleIds.some((ruleId) => knownIds.has(ruleId))) {
      add('info', l10n.t`Give the reason for silencing the rule after \` -- \` so reviewers know why (e.g. \`-- batch database, a restore is acceptable\`).`, suppression.span);
    }
  }
  findings.sort(compareFindings);
  return { document, findings, environment };
}

function related(document: SourceDocument, message: string, span: Span): RelatedLocation {
  return { message, span, range: document.lines.rangeOf(span) };
}

function isNameMap(path: readonly PathSegment[]): boolean {
  return path.length === 1 && (path[0] === 'databases' || path[0] === 'applications');
}
