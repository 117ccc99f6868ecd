// The rds/ rules, in the order of RULES.md.
import type { Rule } from '../rule';
import backupRetention from './backup-retention';
import burstableInProduction from './burstable-in-production';
import crossRegionReplicaEngine from './cross-region-replica-engine';
import engineEndOfSupport from './engine-end-of-support';
import gp2ToGp3 from './gp2-to-gp3';
import instanceClass from './instance-class';
import magneticStorage from './magnetic-storage';
import multiAzClusterEngine from './multi-az-cluster-engine';
import multiAzProduction from './multi-az-production';
import previousGeneration from './previous-generation';
import proxyEngine from './proxy-engine';
import replicaChainDepth from './replica-chain-depth';
import replicaLimit from './replica-limit';
import replicaRequiresBackups from './replica-requires-backups';
import standbyNotReadable from './standby-not-readable';
import storageAutoscaling from './storage-autoscaling';
import storageIops from './storage-iops';
import storageRange from './storage-range';
import windowFormat from './window-format';
import windowOverlap from './window-overlap';

export const rdsRules: readonly Rule[] = [
  multiAzProduction,
  replicaLimit,
  replicaRequiresBackups,
  replicaChainDepth,
  crossRegionReplicaEngine,
  multiAzClusterEngine,
  backupRetention,
  windowFormat,
  windowOverlap,
  storageRange,
  storageIops,
  magneticStorage,
  gp2ToGp3,
  storageAutoscaling,
  instanceClass,
  burstableInProduction,
  previousGeneration,
  engineEndOfSupport,
  standbyNotReadable,
  proxyEngine,
];
