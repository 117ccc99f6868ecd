// The rds/ rules, in the order of RULES.md.
import type { Rule } from '../rule';
import multiAzProduction from './multi-az-production';
import replicaLimit from './replica-limit';

export const rdsRules: readonly Rule[] = [multiAzProduction, replicaLimit];
