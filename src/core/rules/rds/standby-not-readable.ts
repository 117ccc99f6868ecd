// rds/standby-not-readable: an application reads from the standby of a Multi-AZ DB instance, which serves no reads.
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
          ? `${target.name} is a Single-AZ DB instance: it has no standby and no reader endpoint`
          : cluster
            ? `${target.name} is a Multi-AZ DB cluster: its two standbys are readable, but through the reader endpoint, not a standby endpoint`
            : endpoint === 'standby'
              ? `the standby of the Multi-AZ DB instance deployment of ${target.name} only receives synchronous copies of the writes and serves no connections until a failover promotes it`
              : `${target.name} is a Multi-AZ DB instance deployment: it has no reader endpoint, and its one standby serves no reads until a failover promotes it`;
        const replicas = target.replicas.map((replica) => `\`to: ${target.database.name}/${replica.name}\``);
        let instead: string;
        if (cluster) instead = 'Use `endpoint: reader`.';
        else if (target.isReplica) instead = `Read from the read replica ${target.name} itself: leave out \`endpoint\`.`;
        else if (replicas.length > 0) instead = `Read from a read replica instead (${replicas.slice(0, 3).join(', ')}), or from the primary (\`endpoint: writer\`).`;
        else instead = `Read from the primary (\`endpoint: writer\`), add a read replica and read from it, or use a Multi-AZ DB cluster (MySQL, PostgreSQL), whose standbys serve reads through \`endpoint: reader\`.`;
        // Mechanical only where one readable endpoint is left: the cluster's reader endpoint, or the primary of a database without replicas.
        const fix: Report['fix'] = cluster
          ? { kind: 'replace', title: 'Read through the reader endpoint (`endpoint: reader`)', pointer, value: 'reader' }
          : replicas.length === 0 && !target.isReplica
            ? { kind: 'replace', title: 'Read from the primary (`endpoint: writer`)', pointer, value: 'writer' }
            : undefined;
        report({
          pointer,
          part: 'value',
          message: `${application.name} reads from \`${connection.reference.text}\` through \`endpoint: ${endpoint}\`, but ${deployment}. ${instead}`,
          related: [{ pointer: multiAz.pointer, message: multiAz.enabled ? `Multi-AZ ${multiAz.mode} deployment of ${target.name}` : `${target.name}: no Multi-AZ deployment` }],
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
});
