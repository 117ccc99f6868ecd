// The security/ rules, in the order of RULES.md.
import type { Rule } from '../rule';
import crossRegionKms from './cross-region-kms';
import deletionProtection from './deletion-protection';
import encryptionAtRest from './encryption-at-rest';
import encryptionInTransit from './encryption-in-transit';
import iamAuthUnsupported from './iam-auth-unsupported';
import openIngress from './open-ingress';
import publicAccess from './public-access';

export const securityRules: readonly Rule[] = [
  encryptionAtRest,
  publicAccess,
  openIngress,
  encryptionInTransit,
  iamAuthUnsupported,
  deletionProtection,
  crossRegionKms,
];
