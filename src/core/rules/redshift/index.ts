// The redshift/ rules, in the order of RULES.md.
import type { Rule } from '../rule';
import concurrencyScaling from './concurrency-scaling';
import deprecatedNodeType from './deprecated-node-type';
import multiAz from './multi-az';
import nodeCount from './node-count';
import singleNodeProduction from './single-node-production';
import snapshotRetention from './snapshot-retention';

export const redshiftRules: readonly Rule[] = [nodeCount, singleNodeProduction, deprecatedNodeType, multiAz, snapshotRetention, concurrencyScaling];
