// aurora/replica-limit: more than 15 Aurora Replicas (readers), counting what auto scaling may add.
import { AURORA_MAX_READERS } from '../../facts';
import * as l10n from '../../l10n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'aurora/replica-limit',
    description: 'An Aurora cluster has, or may scale to, more than 15 readers.',
    severity: 'error',
    fixable: false,
    anchors: [],
  },
  check({ model, report }) {
    const limit = AURORA_MAX_READERS.value;
    for (const database of model.databases) {
      if (database.service !== 'aurora') continue;
      const readers = database.instances.filter((instance) => instance.role === 'reader');
      if (readers.length > limit) {
        report({
          pointer: `${database.pointer}/instances`,
          part: 'key',
          message:
            l10n.t`${database.name} has ${readers.length} readers; an Aurora cluster has one writer and at most ${limit} Aurora Replicas.` +
            ' ' +
            l10n.t`Remove ${readers.length - limit} of them, or add a second cluster for more read capacity.`,
          related: [{ pointer: readers[limit].pointer, message: l10n.t`Reader ${limit + 1}: over the limit of ${limit}` }],
        });
      }
      const maxReplicas = database.autoScaling?.maxReplicas;
      if (maxReplicas !== undefined && maxReplicas > limit) {
        report({
          pointer: `${database.pointer}/autoScaling/maxReplicas`,
          part: 'value',
          message:
            l10n.t`Auto scaling may grow ${database.name} to ${maxReplicas} Aurora Replicas, but a cluster holds at most ${limit}.` +
            ' ' +
            l10n.t`Set \`maxReplicas\` to ${limit} or less.`,
        });
      }
    }
  },
});
