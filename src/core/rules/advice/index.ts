// The advice/ rules, in the order of RULES.md.
import type { Rule } from '../rule';
import crossRegionTransfer from './cross-region-transfer';
import readScaling from './read-scaling';

export const adviceRules: readonly Rule[] = [crossRegionTransfer, readScaling];
