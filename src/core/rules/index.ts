// The rule registry: every rule dbarch runs, area by area in the order of RULES.md. Each area lists
// its own rules in src/core/rules/<area>/index.ts.
import { adviceRules } from './advice';
import { archRules } from './arch';
import { auroraRules } from './aurora';
import { dmsRules } from './dms';
import { documentdbRules } from './documentdb';
import { dynamodbRules } from './dynamodb';
import { elasticacheRules } from './elasticache';
import { neptuneRules } from './neptune';
import { rdsRules } from './rds';
import { redshiftRules } from './redshift';
import type { Rule } from './rule';
import { securityRules } from './security';

/** Every registered rule. */
export const rules: readonly Rule[] = [
  ...archRules,
  ...securityRules,
  ...rdsRules,
  ...auroraRules,
  ...dynamodbRules,
  ...redshiftRules,
  ...dmsRules,
  ...elasticacheRules,
  ...documentdbRules,
  ...neptuneRules,
  ...adviceRules,
];

/** A rule by id. */
export function ruleById(id: string): Rule | undefined {
  return rules.find((rule) => rule.meta.id === id);
}
