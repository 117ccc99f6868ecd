// aurora/backtrack: backtrack on an engine without it, or a window longer than Aurora allows.
import { AURORA_BACKTRACK } from '../../facts';
import * as l10n from '../../l10n';
import { defineRule } from '../rule';
import { auroraClusters, engineName } from '../helpers/aurora';

export default defineRule({
  meta: {
    id: 'aurora/backtrack',
    description: 'Backtrack is set on Aurora PostgreSQL, or its window is longer than 72 hours.',
    severity: 'error',
    fixable: true,
    anchors: ['checkov CKV_AWS_326'],
  },
  check({ model, report }) {
    const { engines, maxHours } = AURORA_BACKTRACK.value;
    for (const cluster of auroraClusters(model.databases)) {
      const hours = cluster.backtrackHours;
      // Absent or 0: backtrack is off, whatever the engine.
      if (hours === undefined || hours <= 0) continue;
      const pointer = `${cluster.pointer}/backtrackHours`;
      if (!(engines as readonly string[]).includes(cluster.engine)) {
        report({
          pointer,
          part: 'value',
          message:
            l10n.t`${cluster.name} sets a ${hours} h backtrack window, but backtrack exists only on Aurora MySQL, not on ${engineName(cluster)}.` +
            ' ' +
            l10n.t`To undo a mistake on ${engineName(cluster)}, restore to a point in time (a new cluster) or clone the cluster first.` +
            ' ' +
            l10n.t`Remove \`backtrackHours\` or set it to 0.`,
          fix: { kind: 'replace', title: l10n.t('Turn backtrack off (`backtrackHours: 0`)'), pointer, value: 0 },
        });
      } else if (hours > maxHours) {
        report({
          pointer,
          part: 'value',
          message:
            l10n.t`${cluster.name} sets a ${hours} h backtrack window, but Aurora MySQL backtracks at most ${maxHours} h.` +
            ' ' +
            l10n.t`Set \`backtrackHours\` to ${maxHours} or less; to go back further, restore to a point in time from the automated backups (up to the backup retention period).`,
          fix: { kind: 'replace', title: l10n.t`Set \`backtrackHours\` to ${maxHours} (the maximum)`, pointer, value: maxHours },
        });
      }
    }
  },
});
