// redshift/concurrency-scaling: concurrency scaling on a cluster that cannot use it.
import { REDSHIFT_CONCURRENCY_SCALING, REDSHIFT_DEFAULT_NODES, isRetiredRedshiftNodeType, redshiftNodeRange } from '../../facts';
import * as l10n from '../../l10n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'redshift/concurrency-scaling',
    description: 'Concurrency scaling is turned on for a single-node Redshift cluster or an ineligible node type.',
    severity: 'error',
    fixable: false,
    anchors: [],
  },
  check({ model, report }) {
    const eligible = REDSHIFT_CONCURRENCY_SCALING.value.nodeTypes;
    for (const cluster of model.databases) {
      // Serverless scales its own capacity; retired node types are left to redshift/deprecated-node-type.
      if (cluster.service !== 'redshift' || cluster.serverless !== undefined || cluster.concurrencyScaling !== true) continue;
      const nodeType = cluster.nodeType;
      if (!nodeType || isRetiredRedshiftNodeType(nodeType)) continue;
      const pointer = `${cluster.pointer}/concurrencyScaling`;
      if (!eligible.includes(nodeType)) {
        report({
          pointer,
          part: 'value',
          message:
            l10n.t`${cluster.name} turns on concurrency scaling on ${nodeType}, which cannot use it: Redshift routes queries to concurrency scaling clusters only from ${eligible.join(', ')} clusters.` +
            ' ' +
            l10n.t('Choose one of those node types, or drop `concurrencyScaling`.'),
          related: [{ pointer: `${cluster.pointer}/nodeType`, message: l10n.t`${nodeType} is not eligible for concurrency scaling`, part: 'value' }],
        });
        continue;
      }
      const nodes = cluster.nodes ?? REDSHIFT_DEFAULT_NODES.value;
      // A node type that cannot run on one node at all (dc2.8xlarge) is redshift/node-count's error,
      // with the same remedy (more nodes): one finding for the one node count.
      const range = redshiftNodeRange(nodeType);
      if (nodes < range.min && !range.unconfirmed) continue;
      if (nodes === 1) {
        report({
          pointer,
          part: 'value',
          message:
            (cluster.nodes === undefined
              ? l10n.t(
                  '{name} turns on concurrency scaling on a single-node cluster (no `nodes`: AWS creates {nodes} node by default); Redshift never routes queries from a single-node cluster to concurrency scaling clusters.',
                  { name: cluster.name, nodes: REDSHIFT_DEFAULT_NODES.value },
                )
              : l10n.t`${cluster.name} turns on concurrency scaling on a single-node cluster; Redshift never routes queries from a single-node cluster to concurrency scaling clusters.`) +
            ' ' +
            l10n.t('Use at least 2 nodes, or drop `concurrencyScaling`.'),
          related: cluster.nodes === undefined ? undefined : [{ pointer: `${cluster.pointer}/nodes`, message: l10n.t('A single node'), part: 'value' }],
        });
      }
    }
  },
});
