// The shape of a lint rule: metadata plus a check over the model and topology that reports pointers.
import type { Architecture } from '../model/model';
import type { Topology } from '../topology/topology';
import type { Environment, Level, Severity } from '../findings';
import type { FixIntent } from '../fixes';
import type { PathSegment, Span } from '../document/source';
import type { SourceDocument } from '../document/document';

/** A severity per environment; an environment left out means the rule is off there. */
export type SeverityByEnvironment = Partial<Record<Environment, Severity>>;

/** A rule's default severity: the same everywhere, or scaled by `environment`. */
export type SeveritySpec = Severity | SeverityByEnvironment;

/** "warning prod" in RULES.md: the severity in production, one step lower in staging, off in development and test. */
export function inProduction(severity: Severity): SeverityByEnvironment {
  const lower: Record<Severity, Severity | undefined> = { error: 'warning', warning: 'info', info: undefined };
  const staging = lower[severity];
  return staging ? { production: severity, staging } : { production: severity };
}

/** "warning (error prod)" in RULES.md: stricter in production, the base severity elsewhere. */
export function stricterInProduction(base: Severity, production: Severity): SeverityByEnvironment {
  return { production, staging: base, development: base, test: base };
}

/** The severity a spec gives in an environment (`off` when the environment is left out). */
export function severityIn(spec: SeveritySpec, environment: Environment): Level {
  if (typeof spec === 'string') return spec;
  return spec[environment] ?? 'off';
}

/** The areas rules are filed under (the first part of an id). */
export type RuleArea = 'arch' | 'security' | 'rds' | 'aurora' | 'dynamodb' | 'redshift' | 'dms' | 'elasticache' | 'documentdb' | 'neptune' | 'advice';

/** What a rule is: its id, what it checks, how serious it is and who else checks the same. */
export interface RuleMeta {
  /** `area/kebab-name`, the same as the rule's file path under src/core/rules. */
  id: string;
  /** One sentence: what the rule finds. */
  description: string;
  severity: SeveritySpec;
  /** Whether some findings come with a quick fix. */
  fixable: boolean;
  /** Public tools' ids for the same check (checkov, Security Hub, cfn-lint, ...), as in RULES.md. */
  anchors: readonly string[];
  /**
   * Rules about the file's own structure (a name defined twice) report even inside an object that has
   * a schema problem or a duplicate key; every other rule waits until that object is settled.
   */
  structural?: boolean;
}

/** Another place a finding involves. */
export interface RelatedReport {
  pointer: string | readonly PathSegment[];
  /** The exact place, where the parser knows it and no pointer can name it (a duplicate key). */
  span?: Span;
  message: string;
  part?: 'key' | 'value' | 'auto';
}

/** What a rule reports: a pointer into the file and a message; the driver does the rest. */
export interface Report {
  pointer: string | readonly PathSegment[];
  message: string;
  /** Mark the key or the value at the pointer (default: values for scalars, keys for collections). */
  part?: 'key' | 'value' | 'auto';
  /** The exact place, where the parser knows it and no pointer can name it (a duplicate key). */
  span?: Span;
  /** Overrides the rule's default severity for this finding (a rule with an error and a warning case). */
  severity?: SeveritySpec;
  related?: RelatedReport[];
  fix?: FixIntent;
}

/** What a rule's check receives. Rules read the model and topology, never the text. */
export interface RuleContext {
  readonly model: Architecture;
  readonly topology: Topology;
  readonly environment: Environment;
  /** Parser facts that have no place in the model (duplicate keys). */
  readonly document: Pick<SourceDocument, 'duplicateKeys'>;
  report(report: Report): void;
}

/** One lint rule. */
export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

/** Declares a rule (keeps the object literal checked against the Rule shape). */
export function defineRule(rule: Rule): Rule {
  return rule;
}
