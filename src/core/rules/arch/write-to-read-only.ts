// arch/write-to-read-only: an application writes through a connection that only allows reads.
import { isCluster, type Connection } from '../../model/model';
import { defineRule } from '../rule';

/**
 * Why a connection's target cannot take writes, with the place that makes it read-only; undefined if it can.
 * `missing` marks an RDS endpoint the deployment does not have at all (a reader endpoint on a DB
 * instance, a standby of a Single-AZ instance): rds/standby-not-readable reports reads through those,
 * and leaves the read-write connections to this rule.
 */
function readOnlyTarget(connection: Connection): { why: string; pointer: string; missing?: boolean } | undefined {
  const resolved = connection.reference.resolved;
  if (!resolved || !('database' in resolved)) return undefined;
  const { database, member } = resolved;
  if (member?.kind === 'replica') return { why: `${member.name} is a read replica of ${member.source.name}: it replicates asynchronously and accepts no writes`, pointer: member.pointer };
  if (member?.kind === 'instance' && member.role === 'reader') return { why: `${member.name} is a reader of ${database.name}: only the writer instance accepts writes`, pointer: member.pointer };
  if (member) return undefined;
  const endpoint = connection.endpoint;
  if (endpoint === undefined || endpoint === 'writer') return undefined;
  // The built-in `reader` wins over a custom endpoint of that name (as in the topology); any other name
  // is looked up among the custom endpoints first: an Aurora cluster may call one `standby`.
  const custom = endpoint !== 'reader' && database.service === 'aurora' ? database.customEndpoints?.[endpoint] : undefined;
  if (custom) {
    return custom.type === 'reader' ? { why: `the custom endpoint \`${endpoint}\` of ${database.name} is a reader endpoint`, pointer: `${database.pointer}/customEndpoints/${endpoint}/type` } : undefined;
  }
  // Aurora, DocumentDB and Neptune clusters have a reader endpoint over their read-only instances.
  if (endpoint === 'reader' && isCluster(database)) {
    return { why: `the reader endpoint of ${database.name} balances over read-only instances`, pointer: `${connection.pointer}/endpoint` };
  }
  if (database.service !== 'rds' || (endpoint !== 'reader' && endpoint !== 'standby')) return undefined;
  const { multiAz } = database;
  const mode = multiAz.enabled ? multiAz.mode : undefined;
  if (endpoint === 'reader' && mode === 'cluster') {
    return { why: `the reader endpoint of ${database.name} balances over the readable standbys of its Multi-AZ DB cluster, which accept no writes`, pointer: `${connection.pointer}/endpoint` };
  }
  if (endpoint === 'standby' && mode === 'instance') {
    return { why: `the Multi-AZ standby of ${database.name} serves no traffic until a failover promotes it`, pointer: `${connection.pointer}/endpoint` };
  }
  const why =
    mode === undefined
      ? `${database.name} is a Single-AZ DB instance: it has no standby and no reader endpoint`
      : mode === 'cluster'
        ? `${database.name} is a Multi-AZ DB cluster: its standbys are reached through the reader endpoint (read-only), not a standby endpoint`
        : `${database.name} is a Multi-AZ DB instance deployment: it has no reader endpoint, and its one standby serves no connections until a failover promotes it`;
  return { why, pointer: multiAz.pointer, missing: true };
}

/** How to address the writer instead: the database itself, without the member or the read-only endpoint. */
function writerHint(connection: Connection): string {
  const database = connection.reference.text.split('/')[0];
  return connection.endpoint ? `\`to: ${database}\` with no \`endpoint\` or \`endpoint: writer\`` : `\`to: ${database}\``;
}

export default defineRule({
  meta: {
    id: 'arch/write-to-read-only',
    description: 'A `read-write` connection goes to a read replica, a reader, a reader endpoint or a Multi-AZ standby.',
    severity: 'error',
    fixable: true,
    anchors: [],
  },
  check({ model, report }) {
    for (const application of model.applications) {
      for (const connection of application.connects) {
        if (connection.access !== 'read-write') continue;
        const target = readOnlyTarget(connection);
        if (!target) continue;
        const where = `${application.name} connects read-write to \`${connection.reference.text}\`${connection.endpoint ? ` (${connection.endpoint} endpoint)` : ''}`;
        if (target.missing) {
          // The endpoint does not exist: the writes can only go to the primary, so the endpoint is what changes.
          const pointer = `${connection.pointer}/endpoint`;
          report({
            pointer,
            part: 'value',
            message: `${where}, but ${target.why}. Send the writes to the primary: \`endpoint: writer\` (or no \`endpoint\`).`,
            related: [{ pointer: target.pointer, message: 'The deployment is defined here' }],
            fix: { kind: 'replace', title: 'Write through the primary (`endpoint: writer`)', pointer, value: 'writer' },
          });
          continue;
        }
        report({
          pointer: `${connection.pointer}/access`,
          part: 'value',
          message: `${where}, but ${target.why}. Send writes to the writer (${writerHint(connection)}) and keep this connection \`access: read\`.`,
          related: [{ pointer: target.pointer, message: 'Read-only because of this definition' }],
          fix: { kind: 'replace', title: 'Change the connection to `access: read`', pointer: `${connection.pointer}/access`, value: 'read' },
        });
      }
    }
  },
});
