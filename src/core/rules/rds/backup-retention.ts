// rds/backup-retention: automated-backup retention outside what RDS accepts, or backups off in production.
import { DMS_MYSQL_CDC, RDS_BACKUP_RETENTION_DAYS, RDS_PITR_LATEST_RESTORABLE_MINUTES } from '../../facts';
import * as l10n from '../../l10n';
import type { Architecture } from '../../model/model';
import { capturesChanges, migrationSource } from '../helpers/dms';
import { rdsInstances } from '../helpers/rds-storage';
import { defineRule, inProduction } from '../rule';

const LIMITS = RDS_BACKUP_RETENTION_DAYS.value;

/**
 * RDS MySQL/MariaDB databases that a DMS task captures changes from. With backups off there is no
 * binary log for DMS to read, which dms/cdc-prerequisites reports as an error with the same fix; this
 * rule's "no backups in production" warning would be a second finding for the same `retentionDays: 0`.
 */
function cdcSources(model: Architecture): Set<string> {
  const names = new Set<string>();
  if (!DMS_MYSQL_CDC.value.rdsNeedsBackups) return names;
  for (const migration of model.migrations) {
    if (!capturesChanges(migration.type)) continue;
    const source = migrationSource(migration);
    if (source?.database?.service === 'rds' && (source.family === 'mysql' || source.family === 'mariadb')) names.add(source.database.name);
  }
  return names;
}

export default defineRule({
  meta: {
    id: 'rds/backup-retention',
    description: `An RDS backup retention is outside ${LIMITS.instance.min}-${LIMITS.instance.max} days (${LIMITS.multiAzCluster.min}-${LIMITS.multiAzCluster.max} for a Multi-AZ DB cluster), or automated backups are off in production.`,
    severity: 'error',
    fixable: true,
    anchors: ['checkov CKV_AWS_133', 'Security Hub RDS.11', 'Trusted Advisor', 'trivy'],
  },
  check({ model, report }) {
    const capturedByDms = cdcSources(model);
    for (const instance of rdsInstances(model)) {
      const days = instance.backup?.retentionDays;
      if (days === undefined) continue;
      const pointer = `${instance.pointer}/backup/retentionDays`;
      const cluster = instance.multiAzCluster;
      const range = cluster ? LIMITS.multiAzCluster : LIMITS.instance;
      if (days > range.max) {
        report({
          pointer,
          part: 'value',
          message:
            (cluster
              ? l10n.t`${instance.name} keeps automated backups for ${days} days; a Multi-AZ DB cluster keeps them for at most ${range.max} days.`
              : l10n.t`${instance.name} keeps automated backups for ${days} days; an RDS DB instance keeps them for at most ${range.max} days.`) +
            ' ' +
            l10n.t('Set `retentionDays` to {max} or less; for longer keeping, take manual snapshots (RDS keeps them until you delete them).', { max: range.max }),
          fix: { kind: 'replace', title: l10n.t('Keep automated backups for {max} days (`retentionDays: {max}`)', { max: range.max }), pointer, value: range.max },
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
            (cluster
              ? l10n.t`${instance.name} is a Multi-AZ DB cluster, whose automated backups cannot be turned off: retention runs ${range.min}-${range.max} days, not 0.`
              : l10n.t`${instance.name} is an RDS DB instance, whose automated backups cannot be turned off: retention runs ${range.min}-${range.max} days, not 0.`) +
            ' ' +
            l10n.t('Set `retentionDays` to at least {min} ({consoleDefault} is the console default).', { min: range.min, consoleDefault: LIMITS.consoleDefault }),
          fix: { kind: 'replace', title: l10n.t('Keep automated backups for {min} day (`retentionDays: {min}`)', { min: range.min }), pointer, value: range.min },
        });
        continue;
      }
      // A read replica without backups of its own is the usual design: its source keeps them.
      if (instance.kind !== 'database') continue;
      // Backups off on a DMS change-capture source is dms/cdc-prerequisites' error (same fix): one finding.
      if (capturedByDms.has(instance.name)) continue;
      report({
        pointer,
        part: 'value',
        severity: inProduction('warning'),
        message:
          l10n.t('{instance} keeps no automated backups (`retentionDays: 0`): there is no point-in-time restore, so a dropped table or a corrupted database can only go back to the last manual snapshot.', { instance: instance.name }) +
          ' ' +
          l10n.t`Keep backups for ${LIMITS.consoleDefault} days (the console default) or more: then RDS can restore to any point of that period up to about ${RDS_PITR_LATEST_RESTORABLE_MINUTES.value} minutes ago.`,
        fix: { kind: 'replace', title: l10n.t('Keep automated backups for {consoleDefault} days (`retentionDays: {consoleDefault}`)', { consoleDefault: LIMITS.consoleDefault }), pointer, value: LIMITS.consoleDefault },
      });
    }
  },
});
