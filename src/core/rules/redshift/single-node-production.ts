// redshift/single-node-production: a production warehouse that runs on one node.
import { REDSHIFT_DEFAULT_NODES, isRetiredRedshiftNodeType, redshiftNodeFamily, redshiftNodeRange } from '../../facts';
import * as l10n from '../../l10n';
import { defineRule, inProduction } from '../rule';

export default defineRule({
  meta: {
    id: 'redshift/single-node-production',
    description: 'A Redshift cluster in production has a single node.',
    severity: inProduction('warning'),
    fixable: false,
    anchors: [],
  },
  check({ model, report }) {
    for (const cluster of model.databases) {
      if (cluster.service !== 'redshift' || cluster.serverless !== undefined) continue;
      const nodeType = cluster.nodeType;
      // Without a node type the design does not say what it provisions; retired types and types that
      // cannot run on one node are reported by redshift/deprecated-node-type and redshift/node-count.
      if (!nodeType || isRetiredRedshiftNodeType(nodeType)) continue;
      const nodes = cluster.nodes ?? REDSHIFT_DEFAULT_NODES.value;
      if (nodes !== 1 || redshiftNodeRange(nodeType).min > 1) continue;
      const declared = cluster.nodes !== undefined;
      // Multi-node DC2 clusters mirror each node's data on another node; a single-node one has no mirror.
      const dc2 =
        redshiftNodeFamily(nodeType) === 'dc2'
          ? l10n.t("DC2 also keeps the data only on that node's local disks, with no mirror on a second node, so a failed node means restoring the latest snapshot and losing the changes since.") + ' '
          : '';
      const single = declared
        ? l10n.t`${cluster.name} is a single-node ${nodeType} cluster: one node does the leader's work (planning queries, coordinating, returning results) and all the compute, and concurrency scaling cannot add capacity to a single-node cluster.`
        : l10n.t(
            "{name} is a single-node {nodeType} cluster (no `nodes`: AWS creates {nodes} node by default): one node does the leader's work (planning queries, coordinating, returning results) and all the compute, and concurrency scaling cannot add capacity to a single-node cluster.",
            { name: cluster.name, nodeType, nodes: REDSHIFT_DEFAULT_NODES.value },
          );
      report({
        pointer: declared ? `${cluster.pointer}/nodes` : cluster.pointer,
        part: declared ? 'value' : 'key',
        message: single + ' ' + dc2 + l10n.t('For production use at least 2 nodes (`nodes: 2`), or Redshift Serverless.'),
      });
    }
  },
});
