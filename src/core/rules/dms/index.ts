// The dms/ rules, in the order of RULES.md.
import type { Rule } from '../rule';

export const dmsRules: readonly Rule[] = [];
