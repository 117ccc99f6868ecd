// The advice/ rules, in the order of RULES.md.
import type { Rule } from '../rule';

export const adviceRules: readonly Rule[] = [];
