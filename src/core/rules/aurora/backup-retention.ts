// aurora/backup-retention: an Aurora backup retention period outside 1-35 days.
import { AURORA_BACKUP_RETENTION_DAYS } from '../../facts';
import * as l10n from '../../l10n';
import { defineRule } from '../rule';
import { auroraClusters } from '../helpers/aurora';

export default defineRule({
  meta: {
    id: 'aurora/backup-retention',
    description: 'An Aurora cluster keeps automated backups for 0 days or more than 35 days.',
    severity: 'error',
    fixable: true,
    anchors: [],
  },
  check({ model, report }) {
    const { min, max } = AURORA_BACKUP_RETENTION_DAYS.value;
    for (const cluster of auroraClusters(model.databases)) {
      const days = cluster.backup?.retentionDays;
      // Negative values are the schema's finding (`minimum: 0`).
      if (days === undefined || days < 0 || (days >= min && days <= max)) continue;
      const pointer = `${cluster.pointer}/backup/retentionDays`;
      const target = days < min ? min : max;
      report({
        pointer,
        part: 'value',
        message:
          days < min
            ? l10n.t('{name} sets `retentionDays: {days}`, but Aurora always keeps continuous automated backups: the retention period is {min}-{max} days, and 0 (which turns backups off on RDS) is not accepted.', { name: cluster.name, days, min, max }) +
              ' ' +
              l10n.t`Set at least ${min} day; production clusters usually keep 7 or more, so a point-in-time restore can reach last week.`
            : l10n.t('{name} sets `retentionDays: {days}`, but Aurora keeps automated backups at most {max} days.', { name: cluster.name, days, max }) +
              ' ' +
              l10n.t`Set ${max} or less; for longer retention take manual cluster snapshots (kept until you delete them) or use an AWS Backup plan.`,
        fix: { kind: 'replace', title: l10n.t`Set \`retentionDays\` to ${target}`, pointer, value: target },
      });
    }
  },
});
