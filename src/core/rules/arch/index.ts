// The arch/ rules, in the order of RULES.md.
import type { Rule } from '../rule';
import unknownReference from './unknown-reference';
import duplicateName from './duplicate-name';
import azRegionMismatch from './az-region-mismatch';
import writeToReadOnly from './write-to-read-only';

export const archRules: readonly Rule[] = [unknownReference, duplicateName, azRegionMismatch, writeToReadOnly];
