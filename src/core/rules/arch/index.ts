// The arch/ rules, in the order of RULES.md.
import type { Rule } from '../rule';
import unknownReference from './unknown-reference';
import duplicateName from './duplicate-name';
import azRegionMismatch from './az-region-mismatch';
import unknownRegion from './unknown-region';
import writeToReadOnly from './write-to-read-only';
import unusedDatabase from './unused-database';
import deprecatedService from './deprecated-service';
import singleAz from './single-az';

export const archRules: readonly Rule[] = [unknownReference, duplicateName, azRegionMismatch, unknownRegion, writeToReadOnly, unusedDatabase, deprecatedService, singleAz];
