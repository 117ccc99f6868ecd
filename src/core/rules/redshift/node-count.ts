// redshift/node-count: a provisioned cluster with a node count its node type does not allow.
import { REDSHIFT_CONCURRENCY_SCALING, REDSHIFT_DEFAULT_NODES, REDSHIFT_MIN_NODES, isRetiredRedshiftNodeType, redshiftNodeRange } from '../../facts';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'redshift/node-count',
    description: 'A provisioned Redshift cluster has a node count outside the range its node type allows.',
    severity: 'error',
    fixable: true,
    anchors: ['cfn-lint E3667', 'tflint'],
  },
  check({ model, report }) {
    for (const cluster of model.databases) {
      // Serverless workgroups have no nodes; retired node types are left to redshift/deprecated-node-type.
      if (cluster.service !== 'redshift' || cluster.serverless !== undefined) continue;
      const nodeType = cluster.nodeType;
      const declared = cluster.nodes !== undefined;
      const nodes = cluster.nodes ?? REDSHIFT_DEFAULT_NODES.value;
      const pointer = `${cluster.pointer}/nodes`;
      const where = declared ? { pointer, part: 'value' as const } : { pointer: cluster.pointer, part: 'key' as const };
      const written = declared ? `has \`nodes: ${nodes}\`` : `has no \`nodes\`, so AWS creates a single-node cluster (the default is ${REDSHIFT_DEFAULT_NODES.value})`;
      if (nodes < REDSHIFT_MIN_NODES.value) {
        const minimum = nodeType && !isRetiredRedshiftNodeType(nodeType) ? redshiftNodeRange(nodeType).min : REDSHIFT_MIN_NODES.value;
        report({
          ...where,
          message: `${cluster.name} ${written}; a Redshift cluster has at least ${REDSHIFT_MIN_NODES.value} node (a single-node cluster, where one node is both leader and compute). Set \`nodes\` to ${minimum} or more, or use \`serverless\` for a warehouse without nodes.`,
          fix: { kind: 'set', title: `Set \`nodes: ${minimum}\``, pointer, value: minimum },
        });
        continue;
      }
      if (!nodeType || isRetiredRedshiftNodeType(nodeType)) continue;
      const range = redshiftNodeRange(nodeType);
      // An unconfirmed minimum (a warning) on a cluster that turns on concurrency scaling with one node:
      // redshift/concurrency-scaling reports that single node as an error (confirmed), with the same
      // remedy, so this rule stays silent and the node count gets one finding.
      const concurrencyScalingReports = range.unconfirmed && nodes === 1 && cluster.concurrencyScaling === true && REDSHIFT_CONCURRENCY_SCALING.value.nodeTypes.includes(nodeType);
      if (nodes < range.min && !concurrencyScalingReports) {
        const unconfirmed = range.unconfirmed ? ` (this minimum is unconfirmed in dbarch's facts, so the finding is a warning; check the node type table)` : '';
        report({
          ...where,
          severity: range.unconfirmed ? 'warning' : undefined,
          message:
            `${cluster.name} ${written}, but ${nodeType} clusters need at least ${range.min} nodes${range.max !== undefined ? ` (${range.min}-${range.max})` : ''}: ` +
            `the node type has no single-node configuration${unconfirmed}. Set \`nodes: ${range.min}\` or more, or choose a node type that can run on one node.`,
          fix: { kind: 'set', title: `Set \`nodes: ${range.min}\``, pointer, value: range.min },
        });
      } else if (range.max !== undefined && nodes > range.max) {
        report({
          ...where,
          message: `${cluster.name} has ${nodes} ${nodeType} nodes; a ${nodeType} cluster has at most ${range.max} (${range.min}-${range.max}). Use fewer, larger nodes, or move to RA3 or Redshift Serverless (DC2 is deprecated).`,
        });
      }
    }
  },
});
