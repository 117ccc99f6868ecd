// rds/window-format: a backup or maintenance window RDS would reject: malformed or shorter than 30 minutes.
import { RDS_BACKUP_WINDOW, RDS_MAINTENANCE_WINDOW } from '../../facts';
import { parseBackupWindow, parseMaintenanceWindow, rdsInstances, type CyclicWindow } from '../helpers/rds-storage';
import { defineRule, type Report } from '../rule';

interface WindowSpec {
  label: string;
  format: string;
  example: string;
  minMinutes: number;
  detail: string;
  parse(text: string): CyclicWindow | undefined;
}

const BACKUP: WindowSpec = {
  label: 'backup window',
  ...RDS_BACKUP_WINDOW.value,
  detail: 'hours 00-23, minutes 00-59, in UTC',
  parse: parseBackupWindow,
};

const MAINTENANCE: WindowSpec = {
  label: 'maintenance window',
  ...RDS_MAINTENANCE_WINDOW.value,
  detail: `days ${RDS_MAINTENANCE_WINDOW.value.days.join(', ')}; hours 00-23, minutes 00-59, in UTC`,
  parse: parseMaintenanceWindow,
};

/** The finding for one written window, or undefined when RDS accepts it. */
function checkWindow(owner: string, text: string, pointer: string, spec: WindowSpec): Report | undefined {
  const window = spec.parse(text);
  if (!window) {
    return {
      pointer,
      part: 'value',
      message:
        `${text.trim() === '' ? `The ${spec.label} of ${owner} is empty` : `\`${text}\` is not a valid ${spec.label} for ${owner}`}: ` +
        `RDS expects \`${spec.format}\` (${spec.detail}), for example \`${spec.example}\`; leave the key out to let RDS choose a window.`,
    };
  }
  if (window.minutes >= spec.minMinutes) return undefined;
  return {
    pointer,
    part: 'value',
    message:
      `The ${spec.label} \`${text}\` of ${owner} is ${window.minutes} minute${window.minutes === 1 ? '' : 's'} long; RDS needs at least ${spec.minMinutes} minutes. ` +
      `Move its end to ${spec.minMinutes} minutes or more after its start.`,
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
    for (const instance of rdsInstances(model)) {
      const backup = instance.backup?.window;
      if (typeof backup === 'string') {
        const finding = checkWindow(instance.name, backup, `${instance.pointer}/backup/window`, BACKUP);
        if (finding) report(finding);
      }
      // Read replicas carry no maintenance window of their own in the format.
      const maintenance = instance.kind === 'database' ? instance.database.maintenance?.window : undefined;
      if (typeof maintenance === 'string') {
        const finding = checkWindow(instance.name, maintenance, `${instance.pointer}/maintenance/window`, MAINTENANCE);
        if (finding) report(finding);
      }
    }
  },
});
