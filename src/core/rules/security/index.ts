// The security/ rules, in the order of RULES.md.
import type { Rule } from '../rule';

export const securityRules: readonly Rule[] = [];
