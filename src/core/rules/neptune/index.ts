// The neptune/ rules, in the order of RULES.md.
import type { Rule } from '../rule';

export const neptuneRules: readonly Rule[] = [];
