// The documentdb/ rules, in the order of RULES.md.
import type { Rule } from '../rule';

export const documentdbRules: readonly Rule[] = [];
