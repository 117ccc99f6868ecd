// aurora/autoscaling-range: an Aurora Auto Scaling range that cannot work with the cluster's readers.
//
// The policy's minimum and maximum are the cluster's total Aurora Replica count (Application Auto
// Scaling's rds:cluster:ReadReplicaCount), readers created by hand included, and Aurora Auto Scaling
// removes only the replicas it created. A maximum above 15 is aurora/replica-limit's finding.
import { AURORA_MAX_READERS } from '../../facts';
import { plural } from '../../text';
import { defineRule } from '../rule';
import { auroraClusters, readers } from '../helpers/aurora';

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
          message: `${cluster.name} sets an auto scaling minimum of ${plural(minReplicas, 'reader')}, above its maximum of ${maxReplicas}: Application Auto Scaling rejects a range whose minimum capacity is greater than its maximum. Lower \`minReplicas\` or raise \`maxReplicas\`.`,
          related: [{ pointer: `${pointer}/maxReplicas`, message: 'The maximum' }],
        });
      } else if (minReplicas !== undefined && minReplicas > limit) {
        report({
          pointer: `${pointer}/minReplicas`,
          part: 'value',
          message: `${cluster.name} sets an auto scaling minimum of ${minReplicas} readers, but an Aurora cluster holds at most ${limit} Aurora Replicas, so auto scaling can never reach it. Set \`minReplicas\` to ${limit} or less.`,
        });
      }
      const fixed = readers(cluster).length;
      // More than 15 fixed readers is aurora/replica-limit's finding, and so is a maximum above 15.
      if (maxReplicas !== undefined && maxReplicas <= limit && fixed <= limit && fixed > maxReplicas) {
        report({
          pointer: `${pointer}/maxReplicas`,
          part: 'value',
          message:
            `${cluster.name} already has ${plural(fixed, 'reader')} of its own, more than its auto scaling maximum of ${maxReplicas}. The policy's range counts every Aurora Replica of the cluster, the ones you create included, ` +
            `and Aurora Auto Scaling removes only replicas it created: the cluster stays at ${plural(fixed, 'reader')}, above the maximum, and auto scaling never adds one. ` +
            (fixed < limit
              ? `Raise \`maxReplicas\` above ${fixed} (at most ${limit}) so auto scaling can add readers under load, or remove the readers you meant auto scaling to manage.`
              : `The cluster already has the most readers Aurora allows (${limit}): remove \`autoScaling\`, or remove the readers you meant auto scaling to manage.`),
          related: [{ pointer: `${cluster.pointer}/instances`, message: `${plural(fixed, 'reader')} defined here`, part: 'key' }],
        });
      }
    }
  },
});
