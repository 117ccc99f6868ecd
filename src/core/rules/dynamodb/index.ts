// The dynamodb/ rules, in the order of RULES.md.
import type { Rule } from '../rule';
import lowCardinalityPartitionKey from './low-cardinality-partition-key';
import datePartitionKey from './date-partition-key';

export const dynamodbRules: readonly Rule[] = [lowCardinalityPartitionKey, datePartitionKey];
