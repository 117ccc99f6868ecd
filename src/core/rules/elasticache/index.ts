// The elasticache/ rules, in the order of RULES.md.
import type { Rule } from '../rule';
import multiAzNeedsReplica from './multi-az-needs-replica';
import replicaLimit from './replica-limit';
import memcachedDurability from './memcached-durability';
import noFailoverProduction from './no-failover-production';

export const elasticacheRules: readonly Rule[] = [multiAzNeedsReplica, replicaLimit, memcachedDurability, noFailoverProduction];
