// aurora/autoscaling-range: an Aurora Auto Scaling range that cannot work with the cluster's readers.
//
// The policy's minimum and maximum are the cluster's total Aurora Replica count (Application Auto
// Scaling's rds:cluster:ReadReplicaCount), readers created by hand included, and Aurora Auto Scaling
// removes only the replicas it created. A maximum above 15 is aurora/replica-limit's finding.
import { AURORA_MAX_READERS } from '../../facts';
import * as l10n from '../../l10n';
import { formatNumber } from '../../text';
import { defineRule } from '../rule';
import { auroraClusters, readers } from '../helpers/aurora';

/** "1 reader", "3 readers", in the configured language. */
function readerCount(count: number): string {
  const n = formatNumber(count);
  return count === 1 ? l10n.t`${n} reader` : l10n.t`${n} readers`;
}

export default defineRule({
  meta: {
    id: 'aurora/autoscaling-range',
    description: 'An Aurora Auto Scaling range has its minimum above its maximum or above 15, or the cluster already has more readers than the maximum.',
    severity: 'error',
    fixable: false,
    anchors: [],
  },
  check({ model, report }) {
    const limit = AURORA_MAX_READERS.value;
    for (const cluster of auroraClusters(model.databases)) {
      const scaling = cluster.autoScaling;
      if (!scaling) continue;
      const { minReplicas, maxReplicas } = scaling;
      const pointer = `${cluster.pointer}/autoScaling`;
      if (minReplicas !== undefined && maxReplicas !== undefined && minReplicas > maxReplicas) {
        report({
          pointer: `${pointer}/minReplicas`,
          part: 'value',
          message:
            l10n.t`${cluster.name} sets an auto scaling minimum of ${readerCount(minReplicas)}, above its maximum of ${maxReplicas}: Application Auto Scaling rejects a range whose minimum capacity is greater than its maximum.` +
            ' ' +
            l10n.t`Lower \`minReplicas\` or raise \`maxReplicas\`.`,
          related: [{ pointer: `${pointer}/maxReplicas`, message: l10n.t('The maximum') }],
        });
      } else if (minReplicas !== undefined && minReplicas > limit) {
        report({
          pointer: `${pointer}/minReplicas`,
          part: 'value',
          message:
            l10n.t`${cluster.name} sets an auto scaling minimum of ${minReplicas} readers, but an Aurora cluster holds at most ${limit} Aurora Replicas, so auto scaling can never reach it.` +
            ' ' +
            l10n.t`Set \`minReplicas\` to ${limit} or less.`,
        });
      }
      const fixed = readers(cluster).length;
      // More than 15 fixed readers is aurora/replica-limit's finding, and so is a maximum above 15.
      if (maxReplicas !== undefined && maxReplicas <= limit && fixed <= limit && fixed > maxReplicas) {
        report({
          pointer: `${pointer}/maxReplicas`,
          part: 'value',
          message:
            l10n.t`${cluster.name} already has ${readerCount(fixed)} of its own, more than its auto scaling maximum of ${maxReplicas}.` +
            ' ' +
            l10n.t`The policy's range counts every Aurora Replica of the cluster, the ones you create included, and Aurora Auto Scaling removes only replicas it created: the cluster stays at ${readerCount(fixed)}, above the maximum, and auto scaling never adds one.` +
            ' ' +
            (fixed < limit
              ? l10n.t`Raise \`maxReplicas\` above ${fixed} (at most ${limit}) so auto scaling can add readers under load, or remove the readers you meant auto scaling to manage.`
              : l10n.t`The cluster already has the most readers Aurora allows (${limit}): remove \`autoScaling\`, or remove the readers you meant auto scaling to manage.`),
          related: [
            {
              pointer: `${cluster.pointer}/instances`,
              message: fixed === 1 ? l10n.t`${formatNumber(fixed)} reader defined here` : l10n.t`${formatNumber(fixed)} readers defined here`,
              part: 'key',
            },
          ],
        });
      }
    }
  },
});
