// rds/standby-not-readable: an application reads from the standby of a Multi-AZ DB instance, which serves no reads.
import * as l10n from '../../l10n';
import type { Connection, MultiAzDeployment, RdsDatabase, ReadReplica } from '../../model/model';
import { defineRule, type Report } from '../rule';

/** The RDS database or read replica a connection goes to, with its Multi-AZ deployment and its own replicas. */
function rdsTarget(connection: Connection): { name: string; isReplica: boolean; multiAz: MultiAzDeployment; replicas: ReadReplica[]; database: RdsDatabase } | undefined {
  const resolved = connection.reference.resolved;
  if (!resolved || !('database' in resolved) || resolved.database.service !== 'rds') return undefined;
  const { database, member } = resolved;
  if (member?.kind === 'replica') return { name: member.name, isReplica: true, multiAz: member.multiAz, replicas: member.readReplicas, database };
  if (member) return undefined;
  return { name: database.name, isReplica: false, multiAz: database.multiAz, replicas: database.allReplicas, database };
}

/** The related location's label for the database's Multi-AZ setting. */
function deploymentLabel(multiAz: MultiAzDeployment, name: string): string {
  if (!multiAz.enabled) return l10n.t`${name}: no Multi-AZ deployment`;
  return multiAz.mode === 'cluster' ? l10n.t`Multi-AZ cluster deployment of ${name}` : l10n.t`Multi-AZ instance deployment of ${name}`;
}

export default defineRule({
  meta: {
    id: 'rds/standby-not-readable',
    description: 'An application reads through the standby of a Multi-AZ DB instance deployment, or a reader endpoint that such a deployment does not have.',
    severity: 'error',
    fixable: true,
    anchors: [],
  },
  check({ model, report }) {
    for (const application of model.applications) {
      for (const connection of application.connects) {
        // Read-write connections to a standby are arch/write-to-read-only's: one finding per connection.
        if (connection.access !== 'read') continue;
        const endpoint = connection.endpoint;
        if (endpoint !== 'standby' && endpoint !== 'reader') continue;
        const target = rdsTarget(connection);
        if (!target) continue;
        const { multiAz } = target;
        const cluster = multiAz.enabled && multiAz.mode === 'cluster';
        if (endpoint === 'reader' && cluster) continue;
        const pointer = `${connection.pointer}/endpoint`;
        const deployment = !multiAz.enabled
          ? l10n.t`${target.name} is a Single-AZ DB instance: it has no standby and no reader endpoint`
          : cluster
            ? l10n.t`${target.name} is a Multi-AZ DB cluster: its two standbys are readable, but through the reader endpoint, not a standby endpoint`
            : endpoint === 'standby'
              ? l10n.t`the standby of the Multi-AZ DB instance deployment of ${target.name} only receives synchronous copies of the writes and serves no connections until a failover promotes it`
              : l10n.t`${target.name} is a Multi-AZ DB instance deployment: it has no reader endpoint, and its one standby serves no reads until a failover promotes it`;
        const replicas = target.replicas.map((replica) => `\`to: ${target.database.name}/${replica.name}\``);
        let instead: string;
        if (cluster) instead = l10n.t('Use `endpoint: reader`.');
        else if (target.isReplica) instead = l10n.t('Read from the read replica {target} itself: leave out `endpoint`.', { target: target.name });
        else if (replicas.length > 0) instead = l10n.t('Read from a read replica instead ({replicas}), or from the primary (`endpoint: writer`).', { replicas: replicas.slice(0, 3).join(', ') });
        else instead = l10n.t('Read from the primary (`endpoint: writer`), add a read replica and read from it, or use a Multi-AZ DB cluster (MySQL, PostgreSQL), whose standbys serve reads through `endpoint: reader`.');
        // Mechanical only where one readable endpoint is left: the cluster's reader endpoint, or the primary of a database without replicas.
        const fix: Report['fix'] = cluster
          ? { kind: 'replace', title: l10n.t('Read through the reader endpoint (`endpoint: reader`)'), pointer, value: 'reader' }
          : replicas.length === 0 && !target.isReplica
            ? { kind: 'replace', title: l10n.t('Read from the primary (`endpoint: writer`)'), pointer, value: 'writer' }
            : undefined;
        report({
          pointer,
          part: 'value',
          message: l10n.t('{application} reads from `{target}` through `endpoint: {endpoint}`, but {deployment}.', { application: application.name, target: connection.reference.text, endpoint, deployment }) + ' ' + instead,
          related: [{ pointer: multiAz.pointer, message: deploymentLabel(multiAz, target.name) }],
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
});
