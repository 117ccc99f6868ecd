// rds/replica-requires-backups: a source of read replicas with automated backups turned off.
import { RDS_BACKUP_RETENTION_DAYS, RDS_REPLICA_SOURCE_MIN_RETENTION_DAYS } from '../../facts';
import * as l10n from '../../l10n';
import { rdsInstances } from '../helpers/rds-storage';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'rds/replica-requires-backups',
    description: 'A DB instance or read replica that has read replicas keeps no automated backups (`retentionDays: 0`).',
    severity: 'error',
    fixable: true,
    anchors: [],
  },
  check({ model, report }) {
    const retention = RDS_BACKUP_RETENTION_DAYS.value;
    const minimum = RDS_REPLICA_SOURCE_MIN_RETENTION_DAYS.value;
    for (const instance of rdsInstances(model)) {
      if (instance.readReplicas.length === 0 || instance.backup?.retentionDays !== 0) continue;
      const replicas = instance.readReplicas.map((replica) => replica.name);
      const count = replicas.length === 1 ? l10n.t`the read replica ${replicas[0]}` : l10n.t`${replicas.length} read replicas (${replicas.join(', ')})`;
      const pointer = `${instance.pointer}/backup/retentionDays`;
      report({
        pointer,
        part: 'value',
        message:
          (instance.kind === 'replica'
            ? l10n.t('{instance} is a read replica and the source of {count}, but keeps no automated backups (`retentionDays: 0`).', { instance: instance.name, count }) +
              ' ' +
              l10n.t`RDS needs automated backups on every replica source, a replica that feeds replicas of its own included: it does not create a replica from a source without them, nor turn them off while replicas exist.`
            : l10n.t('{instance} is the source of {count}, but keeps no automated backups (`retentionDays: 0`).', { instance: instance.name, count }) +
              ' ' +
              l10n.t`RDS needs automated backups on every replica source: it does not create a replica from a source without them, nor turn them off while replicas exist.`) +
          ' ' +
          l10n.t`Keep backups for at least ${minimum} day (${retention.consoleDefault} is the console default).`,
        related: instance.readReplicas.map((replica) => ({ pointer: `${replica.pointer}/name`, part: 'value' as const, message: l10n.t`Read replica of ${instance.name}` })),
        fix: { kind: 'replace', title: l10n.t('Keep automated backups for {consoleDefault} days (`retentionDays: {consoleDefault}`)', { consoleDefault: retention.consoleDefault }), pointer, value: retention.consoleDefault },
      });
    }
  },
});
