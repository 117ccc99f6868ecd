// The rule registry: every rule dbarch runs, in the order of RULES.md.
import type { Rule } from './rule';
import archAzRegionMismatch from './arch/az-region-mismatch';
import archDuplicateName from './arch/duplicate-name';
import archUnknownReference from './arch/unknown-reference';
import archWriteToReadOnly from './arch/write-to-read-only';
import auroraReplicaLimit from './aurora/replica-limit';
import dynamodbDatePartitionKey from './dynamodb/date-partition-key';
import dynamodbLowCardinalityPartitionKey from './dynamodb/low-cardinality-partition-key';
import rdsMultiAzProduction from './rds/multi-az-production';
import rdsReplicaLimit from './rds/replica-limit';

/** Every registered rule. */
export const rules: readonly Rule[] = [
  archUnknownReference,
  archDuplicateName,
  archAzRegionMismatch,
  archWriteToReadOnly,
  rdsMultiAzProduction,
  rdsReplicaLimit,
  auroraReplicaLimit,
  dynamodbLowCardinalityPartitionKey,
  dynamodbDatePartitionKey,
];

/** A rule by id. */
export function ruleById(id: string): Rule | undefined {
  return rules.find((rule) => rule.meta.id === id);
}
