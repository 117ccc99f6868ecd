// The elasticache/ rules, in the order of RULES.md.
import type { Rule } from '../rule';

export const elasticacheRules: readonly Rule[] = [];
