// redshift/deprecated-node-type: a cluster on the deprecated DC2 nodes or the retired DS2/DC1 nodes.
import { REDSHIFT_DC2_DEPRECATION, isRetiredRedshiftNodeType, redshiftNodeFamily } from '../../facts';
import * as l10n from '../../l10n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'redshift/deprecated-node-type',
    description: 'A Redshift cluster uses a deprecated (DC2) or retired (DS2, DC1) node type.',
    severity: 'error',
    fixable: false,
    anchors: ['tflint'],
  },
  check({ model, report }) {
    // "RA3 or Redshift Serverless" (the same as joining with ' or ', in the configured language).
    const migrateTo = REDSHIFT_DC2_DEPRECATION.value.migrateTo.reduce((list, next) => l10n.t`${list} or ${next}`);
    for (const cluster of model.databases) {
      if (cluster.service !== 'redshift' || cluster.serverless !== undefined || !cluster.nodeType) continue;
      const nodeType = cluster.nodeType;
      const pointer = `${cluster.pointer}/nodeType`;
      if (isRetiredRedshiftNodeType(nodeType)) {
        report({
          pointer,
          part: 'value',
          message:
            l10n.t`${cluster.name} uses ${nodeType}, a retired node type: AWS no longer creates ${String(redshiftNodeFamily(nodeType)?.toUpperCase())} clusters.` +
            ' ' +
            l10n.t('Choose an RA3 node type (compute sized apart from managed storage) or Redshift Serverless.'),
        });
      } else if (redshiftNodeFamily(nodeType) === 'dc2') {
        report({
          pointer,
          part: 'value',
          severity: 'warning',
          message:
            l10n.t`${cluster.name} uses ${nodeType}; AWS announced the deprecation of DC2 nodes in ${REDSHIFT_DC2_DEPRECATION.value.announced} and asks users to move to ${migrateTo}.` +
            ' ' +
            l10n.t('Design new warehouses on RA3 (e.g. ra3.large or ra3.xlplus) or Serverless, and plan the move for existing ones.'),
        });
      }
    }
  },
});
