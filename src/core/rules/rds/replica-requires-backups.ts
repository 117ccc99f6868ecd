// rds/replica-requires-backups: a source of read replicas with automated backups turned off.
import { RDS_BACKUP_RETENTION_DAYS, RDS_REPLICA_SOURCE_MIN_RETENTION_DAYS } from '../../facts';
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
      const count = replicas.length === 1 ? `the read replica ${replicas[0]}` : `${replicas.length} read replicas (${replicas.join(', ')})`;
      const what = instance.kind === 'replica' ? `${instance.name} is a read replica and the source of ${count}` : `${instance.name} is the source of ${count}`;
      const pointer = `${instance.pointer}/backup/retentionDays`;
      report({
        pointer,
        part: 'value',
        message:
          `${what}, but keeps no automated backups (\`retentionDays: 0\`). RDS needs automated backups on every replica source` +
          (instance.kind === 'replica' ? ', a replica that feeds replicas of its own included' : '') +
          `: it does not create a replica from a source without them, nor turn them off while replicas exist. ` +
          `Keep backups for at least ${minimum} day (${retention.consoleDefault} is the console default).`,
        related: instance.readReplicas.map((replica) => ({ pointer: `${replica.pointer}/name`, part: 'value' as const, message: `Read replica of ${instance.name}` })),
        fix: { kind: 'replace', title: `Keep automated backups for ${retention.consoleDefault} days (\`retentionDays: ${retention.consoleDefault}\`)`, pointer, value: retention.consoleDefault },
      });
    }
  },
});
