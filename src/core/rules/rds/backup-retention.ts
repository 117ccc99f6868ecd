// rds/backup-retention: automated-backup retention outside what RDS accepts, or backups off in production.
import { RDS_BACKUP_RETENTION_DAYS, RDS_PITR_LATEST_RESTORABLE_MINUTES } from '../../facts';
import { rdsInstances } from '../helpers/rds-storage';
import { defineRule, inProduction } from '../rule';

const LIMITS = RDS_BACKUP_RETENTION_DAYS.value;

export default defineRule({
  meta: {
    id: 'rds/backup-retention',
    description: `An RDS backup retention is outside ${LIMITS.instance.min}-${LIMITS.instance.max} days (${LIMITS.multiAzCluster.min}-${LIMITS.multiAzCluster.max} for a Multi-AZ DB cluster), or automated backups are off in production.`,
    severity: 'error',
    fixable: true,
    anchors: ['checkov CKV_AWS_133', 'Security Hub RDS.11', 'Trusted Advisor', 'trivy'],
  },
  check({ model, report }) {
    for (const instance of rdsInstances(model)) {
      const days = instance.backup?.retentionDays;
      if (days === undefined) continue;
      const pointer = `${instance.pointer}/backup/retentionDays`;
      const range = instance.multiAzCluster ? LIMITS.multiAzCluster : LIMITS.instance;
      const kind = instance.multiAzCluster ? 'a Multi-AZ DB cluster' : 'an RDS DB instance';
      if (days > range.max) {
        report({
          pointer,
          part: 'value',
          message:
            `${instance.name} keeps automated backups for ${days} days; ${kind} keeps them for at most ${range.max} days. ` +
            `Set \`retentionDays\` to ${range.max} or less; for longer keeping, take manual snapshots (RDS keeps them until you delete them).`,
          fix: { kind: 'replace', title: `Keep automated backups for ${range.max} days (\`retentionDays: ${range.max}\`)`, pointer, value: range.max },
        });
        continue;
      }
      // A replica source with backups off is rds/replica-requires-backups: one message for one problem.
      if (days !== 0 || instance.readReplicas.length > 0) continue;
      if (days < range.min) {
        report({
          pointer,
          part: 'value',
          message:
            `${instance.name} is ${kind}, whose automated backups cannot be turned off: retention runs ${range.min}-${range.max} days, not 0. ` +
            `Set \`retentionDays\` to at least ${range.min} (${LIMITS.consoleDefault} is the console default).`,
          fix: { kind: 'replace', title: `Keep automated backups for ${range.min} day (\`retentionDays: ${range.min}\`)`, pointer, value: range.min },
        });
        continue;
      }
      // A read replica without backups of its own is the usual design: its source keeps them.
      if (instance.kind !== 'database') continue;
      report({
        pointer,
        part: 'value',
        severity: inProduction('warning'),
        message:
          `${instance.name} keeps no automated backups (\`retentionDays: 0\`): there is no point-in-time restore, so a dropped table or a ` +
          `corrupted database can only go back to the last manual snapshot. Keep backups for ${LIMITS.consoleDefault} days (the console default) ` +
          `or more: then RDS can restore to any point of that period up to about ${RDS_PITR_LATEST_RESTORABLE_MINUTES.value} minutes ago.`,
        fix: { kind: 'replace', title: `Keep automated backups for ${LIMITS.consoleDefault} days (\`retentionDays: ${LIMITS.consoleDefault}\`)`, pointer, value: LIMITS.consoleDefault },
      });
    }
  },
});
