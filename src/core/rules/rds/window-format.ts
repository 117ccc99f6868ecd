// rds/window-format: a backup or maintenance window RDS would reject: malformed or shorter than 30 minutes.
import { RDS_BACKUP_WINDOW, RDS_MAINTENANCE_WINDOW } from '../../facts';
import * as l10n from '../../l10n';
import { parseBackupWindow, parseMaintenanceWindow, rdsInstances, type CyclicWindow } from '../helpers/rds-storage';
import { defineRule, type Report } from '../rule';

interface WindowSpec {
  /** `backup window`, `maintenance window`: a phrase in the messages. */
  label: string;
  format: string;
  example: string;
  minMinutes: number;
  detail: string;
  parse(text: string): CyclicWindow | undefined;
}

// Built when a file is checked, not when the module loads, so the phrases are in the language of the moment.
function backupSpec(): WindowSpec {
  return {
    label: l10n.t('backup window'),
    ...RDS_BACKUP_WINDOW.value,
    detail: l10n.t('hours 00-23, minutes 00-59, in UTC'),
    parse: parseBackupWindow,
  };
}

function maintenanceSpec(): WindowSpec {
  const days = RDS_MAINTENANCE_WINDOW.value.days.join(', ');
  return {
    label: l10n.t('maintenance window'),
    ...RDS_MAINTENANCE_WINDOW.value,
    detail: l10n.t`days ${days}; hours 00-23, minutes 00-59, in UTC`,
    parse: parseMaintenanceWindow,
  };
}

/** The finding for one written window, or undefined when RDS accepts it. */
function checkWindow(owner: string, text: string, pointer: string, spec: WindowSpec): Report | undefined {
  const window = spec.parse(text);
  if (!window) {
    const values = { label: spec.label, owner, text, format: spec.format, detail: spec.detail, example: spec.example };
    return {
      pointer,
      part: 'value',
      message:
        text.trim() === ''
          ? l10n.t('The {label} of {owner} is empty: RDS expects `{format}` ({detail}), for example `{example}`; leave the key out to let RDS choose a window.', values)
          : l10n.t('`{text}` is not a valid {label} for {owner}: RDS expects `{format}` ({detail}), for example `{example}`; leave the key out to let RDS choose a window.', values),
    };
  }
  if (window.minutes >= spec.minMinutes) return undefined;
  const values = { label: spec.label, text, owner, minutes: window.minutes, least: spec.minMinutes };
  return {
    pointer,
    part: 'value',
    message:
      (window.minutes === 1
        ? l10n.t('The {label} `{text}` of {owner} is {minutes} minute long; RDS needs at least {least} minutes.', values)
        : l10n.t('The {label} `{text}` of {owner} is {minutes} minutes long; RDS needs at least {least} minutes.', values)) +
      ' ' +
      l10n.t`Move its end to ${spec.minMinutes} minutes or more after its start.`,
  };
}

export default defineRule({
  meta: {
    id: 'rds/window-format',
    description: `An RDS backup or maintenance window is malformed or shorter than ${RDS_BACKUP_WINDOW.value.minMinutes} minutes.`,
    severity: 'error',
    fixable: false,
    anchors: ['cfn-lint'],
  },
  check({ model, report }) {
    const backupWindow = backupSpec();
    const maintenanceWindow = maintenanceSpec();
    for (const instance of rdsInstances(model)) {
      const backup = instance.backup?.window;
      if (typeof backup === 'string') {
        const finding = checkWindow(instance.name, backup, `${instance.pointer}/backup/window`, backupWindow);
        if (finding) report(finding);
      }
      // Read replicas carry no maintenance window of their own in the format.
      const maintenance = instance.kind === 'database' ? instance.database.maintenance?.window : undefined;
      if (typeof maintenance === 'string') {
        const finding = checkWindow(instance.name, maintenance, `${instance.pointer}/maintenance/window`, maintenanceWindow);
        if (finding) report(finding);
      }
    }
  },
});
