// rds/window-overlap: the daily backup window and the weekly maintenance window overlap.
import * as l10n from '../../l10n';
import { describeTimeOfWeek, parseBackupWindow, parseMaintenanceWindow, rdsInstances, windowOverlap } from '../helpers/rds-storage';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'rds/window-overlap',
    description: "An RDS database's backup window and maintenance window overlap.",
    severity: 'error',
    fixable: false,
    anchors: [],
  },
  check({ model, report }) {
    for (const instance of rdsInstances(model)) {
      if (instance.kind !== 'database') continue;
      const backupText = instance.backup?.window;
      const maintenanceText = instance.database.maintenance?.window;
      if (typeof backupText !== 'string' || typeof maintenanceText !== 'string') continue;
      // Malformed windows are rds/window-format's; nothing to compare until they parse.
      const backup = parseBackupWindow(backupText);
      const maintenance = parseMaintenanceWindow(maintenanceText);
      if (!backup || !maintenance) continue;
      const overlap = windowOverlap(backup, maintenance);
      if (!overlap) continue;
      report({
        pointer: `${instance.pointer}/maintenance/window`,
        part: 'value',
        message:
          l10n.t('The maintenance window `{maintenance}` of {instance} overlaps its daily backup window `{backup}` from {from} to {to} UTC.', { maintenance: maintenanceText, instance: instance.name, backup: backupText, from: describeTimeOfWeek(overlap.start), to: describeTimeOfWeek(overlap.start + overlap.minutes) }) +
          ' ' +
          l10n.t('RDS rejects overlapping windows: move one of them so the maintenance window starts after the backup window ends or ends before it starts.'),
        related: [{ pointer: `${instance.pointer}/backup/window`, part: 'value', message: l10n.t('The daily backup window (UTC)') }],
      });
    }
  },
});
