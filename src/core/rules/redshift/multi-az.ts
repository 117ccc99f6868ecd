// redshift/multi-az: Multi-AZ on a node type without it, or on an unencrypted cluster.
import { REDSHIFT_MULTI_AZ, isRetiredRedshiftNodeType, redshiftNodeFamily } from '../../facts';
import * as l10n from '../../l10n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'redshift/multi-az',
    description: 'A Redshift cluster is Multi-AZ on a non-RA3 node type or without encryption.',
    severity: 'error',
    fixable: true,
    anchors: [],
  },
  check({ model, report }) {
    const { nodeFamily, availabilityZones, requiresEncryption } = REDSHIFT_MULTI_AZ.value;
    for (const cluster of model.databases) {
      if (cluster.service !== 'redshift' || cluster.serverless !== undefined || cluster.multiAz !== true) continue;
      const multiAzPointer = `${cluster.pointer}/multiAz`;
      const nodeType = cluster.nodeType;
      // Retired node types are reported by redshift/deprecated-node-type: moving to RA3 settles both.
      if (nodeType && !isRetiredRedshiftNodeType(nodeType) && redshiftNodeFamily(nodeType) !== nodeFamily) {
        report({
          pointer: multiAzPointer,
          part: 'value',
          message:
            l10n.t`${cluster.name} is Multi-AZ on ${nodeType}, but Redshift Multi-AZ (compute in ${availabilityZones} AZs over one copy of the data) works only with ${nodeFamily.toUpperCase()} node types, whose data lives in managed storage that every AZ of the Region can reach.` +
            ' ' +
            l10n.t('Move to an {family} node type, or drop `multiAz`.', { family: nodeFamily.toUpperCase() }),
          related: [{ pointer: `${cluster.pointer}/nodeType`, message: l10n.t`${nodeType} is not an ${nodeFamily.toUpperCase()} node type`, part: 'value' }],
        });
      }
      if (requiresEncryption && cluster.security?.encrypted === false) {
        const encryptedPointer = `${cluster.pointer}/security/encrypted`;
        report({
          pointer: encryptedPointer,
          part: 'value',
          message:
            l10n.t('{name} is Multi-AZ with `encrypted: false`; Redshift creates Multi-AZ clusters only with encryption at rest.', { name: cluster.name }) +
            ' ' +
            l10n.t('Set `encrypted: true` (optionally with a `kmsKey`).'),
          related: [{ pointer: multiAzPointer, message: l10n.t('Multi-AZ is turned on here'), part: 'value' }],
          fix: { kind: 'replace', title: l10n.t('Encrypt the cluster (`encrypted: true`)'), pointer: encryptedPointer, value: true },
        });
      }
    }
  },
});
