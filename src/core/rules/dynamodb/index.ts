// The dynamodb/ rules, in the order of RULES.md.
import type { Rule } from '../rule';
import lowCardinalityPartitionKey from './low-cardinality-partition-key';
import datePartitionKey from './date-partition-key';
import hotPartition from './hot-partition';
import underProvisioned from './under-provisioned';
import billingMode from './billing-mode';
import itemSize from './item-size';
import indexLimits from './index-limits';
import unservedAccessPattern from './unserved-access-pattern';
import pitrDisabled from './pitr-disabled';
import globalTable from './global-table';
import daxStrongReads from './dax-strong-reads';
import daxClusterSize from './dax-cluster-size';
import tableQuota from './table-quota';
import streamConsumersWithoutStream from './stream-consumers-without-stream';

export const dynamodbRules: readonly Rule[] = [
  lowCardinalityPartitionKey,
  datePartitionKey,
  hotPartition,
  underProvisioned,
  billingMode,
  itemSize,
  indexLimits,
  unservedAccessPattern,
  pitrDisabled,
  globalTable,
  daxStrongReads,
  daxClusterSize,
  tableQuota,
  streamConsumersWithoutStream,
];
