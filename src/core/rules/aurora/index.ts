// The aurora/ rules, in the order of RULES.md.
import type { Rule } from '../rule';
import replicaLimit from './replica-limit';
import singleWriter from './single-writer';
import noReaderProduction from './no-reader-production';
import failoverTargetUndersized from './failover-target-undersized';
import backtrack from './backtrack';
import serverlessCapacity from './serverless-capacity';
import serverlessV1 from './serverless-v1';
import autoscalingRange from './autoscaling-range';
import globalDatabase from './global-database';
import ioOptimizedVersion from './io-optimized-version';
import customEndpoints from './custom-endpoints';
import backupRetention from './backup-retention';

export const auroraRules: readonly Rule[] = [
  replicaLimit,
  singleWriter,
  noReaderProduction,
  failoverTargetUndersized,
  backtrack,
  serverlessCapacity,
  serverlessV1,
  autoscalingRange,
  globalDatabase,
  ioOptimizedVersion,
  customEndpoints,
  backupRetention,
];
