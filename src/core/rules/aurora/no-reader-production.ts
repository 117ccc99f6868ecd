// aurora/no-reader-production: a production Aurora cluster with a writer and no reader to fail over to.
// It reports only what the failure model (src/core/failure/az-loss.ts) confirms: an AZ loss takes it down.
import { AURORA_FAILOVER } from '../../facts';
import { azLoss } from '../../failure';
import * as l10n from '../../l10n';
import { defineRule, inProduction } from '../rule';
import { auroraClusters, readers, soleWriter } from '../helpers/aurora';

export default defineRule({
  meta: {
    id: 'aurora/no-reader-production',
    description: 'An Aurora cluster in production has a writer but no reader to promote on failover.',
    severity: inProduction('warning'),
    fixable: false,
    anchors: ['Trusted Advisor'],
  },
  check({ model, topology, report }) {
    for (const cluster of auroraClusters(model.databases)) {
      if (cluster.serverless?.version === 1) continue;
      const writer = soleWriter(cluster);
      // No writer or several: aurora/single-writer's finding comes first.
      if (!writer || readers(cluster).length > 0) continue;
      // Auto scaling keeps at least `minReplicas` readers, so a minimum of 1 or more is a standing reader.
      const minReplicas = cluster.autoScaling?.minReplicas ?? 0;
      if (minReplicas > 0) continue;
      if (!azLoss(model, topology, cluster).down) continue;
      const scaling = cluster.autoScaling ? ' ' + l10n.t('Auto scaling with `minReplicas: 0` may leave the cluster with no reader at all.') : '';
      report({
        pointer: `${cluster.pointer}/instances`,
        part: 'key',
        message:
          l10n.t`${cluster.name} has only a writer (${writer.name}) and no reader: when the writer or its AZ fails, Aurora cannot promote a reader (a failover that typically takes about ${AURORA_FAILOVER.value.promoteReaderSeconds} s) and must create a new writer instance instead, which keeps the database down for minutes.` +
          scaling +
          ' ' +
          l10n.t`Add a reader in another AZ with the writer's instance class and \`promotionTier: 0\`, or set \`autoScaling.minReplicas: 1\`.`,
        related: [{ pointer: writer.pointer, message: l10n.t`${writer.name}: the only instance` }],
      });
    }
  },
});
