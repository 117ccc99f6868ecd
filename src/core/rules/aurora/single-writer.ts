// aurora/single-writer: an Aurora cluster must have exactly one writer instance.
import * as l10n from '../../l10n';
import { defineRule } from '../rule';
import { auroraClusters } from '../helpers/aurora';

export default defineRule({
  meta: {
    id: 'aurora/single-writer',
    description: 'An Aurora cluster does not have exactly one `role: writer` instance.',
    severity: 'error',
    fixable: true,
    anchors: [],
  },
  check({ model, report }) {
    for (const cluster of auroraClusters(model.databases)) {
      // Serverless v1 clusters have no DB instances at all; aurora/serverless-v1 reports them.
      if (cluster.serverless?.version === 1) continue;
      const instances = cluster.instances;
      const writers = instances.filter((instance) => instance.role === 'writer');
      if (instances.length === 0) {
        report({
          pointer: `${cluster.pointer}/instances`,
          part: 'key',
          message:
            l10n.t`${cluster.name} has no DB instances: an Aurora cluster answers queries only through its instances, and without a writer nothing can connect to it.` +
            ' ' +
            l10n.t`Add one with \`role: writer\` under \`instances\`, plus a reader in another AZ for failover.`,
        });
      } else if (writers.length === 0) {
        const first = instances[0];
        report({
          pointer: `${cluster.pointer}/instances`,
          part: 'key',
          message:
            (instances.length === 1
              ? l10n.t`${cluster.name} has ${instances.length} instance but no writer (an instance without \`role\` is a reader): every Aurora cluster has exactly one writer, the only instance that accepts writes.`
              : l10n.t`${cluster.name} has ${instances.length} instances but no writer (an instance without \`role\` is a reader): every Aurora cluster has exactly one writer, the only instance that accepts writes.`) +
            ' ' +
            l10n.t`Mark one with \`role: writer\` (AWS makes the first instance it creates the writer).`,
          related: [{ pointer: first.pointer, message: l10n.t`${first.name}: the first instance` }],
          fix: { kind: 'set', title: l10n.t`Make \`${first.name}\` (the first instance) the writer`, pointer: `${first.pointer}/role`, value: 'writer' },
        });
      } else if (writers.length > 1) {
        const [kept, ...extra] = writers;
        for (const writer of extra) {
          report({
            pointer: `${writer.pointer}/role`,
            part: 'value',
            message:
              l10n.t`${cluster.name} has ${writers.length} writers (${writers.map((instance) => instance.name).join(', ')}), but an Aurora cluster has exactly one: every other instance is an Aurora Replica that reads the same cluster volume and becomes the writer only through a failover.` +
              ' ' +
              l10n.t`Make ${writer.name} a reader (\`role: reader\`, or leave \`role\` out).`,
            related: [{ pointer: `${kept.pointer}/role`, message: l10n.t`${kept.name}: the first writer` }],
            fix: { kind: 'replace', title: l10n.t`Make \`${writer.name}\` a reader`, pointer: `${writer.pointer}/role`, value: 'reader' },
          });
        }
      }
    }
  },
});
