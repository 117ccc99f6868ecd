// redshift/node-count: a provisioned cluster with a node count its node type does not allow.
import { REDSHIFT_CONCURRENCY_SCALING, REDSHIFT_DEFAULT_NODES, REDSHIFT_MIN_NODES, isRetiredRedshiftNodeType, redshiftNodeRange } from '../../facts';
import * as l10n from '../../l10n';
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
      // What the file says, as the start of a sentence: "analytics has `nodes: 1`".
      const written = declared
        ? l10n.t('{name} has `nodes: {nodes}`', { name: cluster.name, nodes })
        : l10n.t('{name} has no `nodes`, so AWS creates a single-node cluster (the default is {nodes})', { name: cluster.name, nodes: REDSHIFT_DEFAULT_NODES.value });
      if (nodes < REDSHIFT_MIN_NODES.value) {
        const minimum = nodeType && !isRetiredRedshiftNodeType(nodeType) ? redshiftNodeRange(nodeType).min : REDSHIFT_MIN_NODES.value;
        report({
          ...where,
          message:
            l10n.t`${written}; a Redshift cluster has at least ${REDSHIFT_MIN_NODES.value} node (a single-node cluster, where one node is both leader and compute).` +
            ' ' +
            l10n.t('Set `nodes` to {minimum} or more, or use `serverless` for a warehouse without nodes.', { minimum }),
          fix: { kind: 'set', title: l10n.t('Set `nodes: {nodes}`', { nodes: minimum }), pointer, value: minimum },
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
        // The allowed range, numbers only: " (2-32)", or nothing without a maximum.
        const span = range.max !== undefined ? ` (${range.min}-${range.max})` : '';
        const values = { written, nodeType, min: range.min, span };
        report({
          ...where,
          severity: range.unconfirmed ? 'warning' : undefined,
          message:
            (range.unconfirmed
              ? l10n.t(
                  "{written}, but {nodeType} clusters need at least {min} nodes{span}: the node type has no single-node configuration (this minimum is unconfirmed in dbarch's facts, so the finding is a warning; check the node type table).",
                  values,
                )
              : l10n.t('{written}, but {nodeType} clusters need at least {min} nodes{span}: the node type has no single-node configuration.', values)) +
            ' ' +
            l10n.t('Set `nodes: {min}` or more, or choose a node type that can run on one node.', { min: range.min }),
          fix: { kind: 'set', title: l10n.t('Set `nodes: {nodes}`', { nodes: range.min }), pointer, value: range.min },
        });
      } else if (range.max !== undefined && nodes > range.max) {
        report({
          ...where,
          message:
            l10n.t('{name} has {nodes} {nodeType} nodes; a {nodeType} cluster has at most {max} ({min}-{max}).', { name: cluster.name, nodes, nodeType, max: range.max, min: range.min }) +
            ' ' +
            l10n.t('Use fewer, larger nodes, or move to RA3 or Redshift Serverless (DC2 is deprecated).'),
        });
      }
    }
  },
});
