// The documentdb/ rules, in the order of RULES.md.
import type { Rule } from '../rule';
import replicaLimit from './replica-limit';

export const documentdbRules: readonly Rule[] = [replicaLimit];
