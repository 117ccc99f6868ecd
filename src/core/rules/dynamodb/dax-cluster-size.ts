// dynamodb/dax-cluster-size: a DAX cluster with more nodes than DAX allows (error), or too few to
// survive a node or AZ failure in production (warning).
import { DAX_CLUSTER_NODES } from '../../facts';
import * as l10n from '../../l10n';
import { defineRule, inProduction } from '../rule';

export default defineRule({
  meta: {
    id: 'dynamodb/dax-cluster-size',
    description: 'A DAX cluster has more than 11 nodes (or none), or fewer than 3 in production.',
    severity: 'error',
    fixable: true,
    anchors: [],
  },
  check({ model, environment, report }) {
    const limits = DAX_CLUSTER_NODES.value;
    for (const table of model.databases) {
      if (table.service !== 'dynamodb' || !table.dax) continue;
      const nodes = table.dax.nodes;
      if (typeof nodes !== 'number') continue;
      const pointer = `${table.pointer}/dax/nodes`;
      if (nodes > limits.max || nodes < limits.min) {
        const target = nodes > limits.max ? limits.max : environment === 'production' || environment === 'staging' ? limits.productionMin : limits.min;
        report({
          pointer,
          part: 'value',
          message:
            l10n.t`The DAX cluster of ${table.name} has ${nodes} nodes; a DAX cluster has ${limits.min} to ${limits.max} nodes (one primary and up to ${limits.max - 1} read replicas).` +
            ' ' +
            (nodes > limits.max
              ? l10n.t`For more read throughput use a larger node type, or a second cluster for a separate part of the traffic.`
              : l10n.t`Give it at least ${limits.min}, and ${limits.productionMin} or more in different AZs for production.`),
          fix: { kind: 'replace', title: target === 1 ? l10n.t`Use ${target} node` : l10n.t`Use ${target} nodes`, pointer, value: target },
        });
        continue;
      }
      if (nodes >= limits.productionMin) continue;
      report({
        pointer,
        part: 'value',
        severity: inProduction('warning'),
        message:
          (nodes === 1
            ? l10n.t`The DAX cluster of ${table.name} has a single node: AWS recommends at least ${limits.productionMin} nodes in different AZs for production.`
            : l10n.t`The DAX cluster of ${table.name} has ${nodes} nodes: AWS recommends at least ${limits.productionMin} nodes in different AZs for production.`) +
          ' ' +
          l10n.t`Smaller clusters are not fault tolerant: one node or AZ failure can make the cluster unavailable or lose its cached data, and applications that read through DAX then fail or hit the table cold.` +
          ' ' +
          l10n.t`Use ${limits.productionMin} nodes, one per AZ.`,
        fix: { kind: 'replace', title: l10n.t`Use ${limits.productionMin} nodes`, pointer, value: limits.productionMin },
      });
    }
  },
});
