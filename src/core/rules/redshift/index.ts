// The redshift/ rules, in the order of RULES.md.
import type { Rule } from '../rule';

export const redshiftRules: readonly Rule[] = [];
