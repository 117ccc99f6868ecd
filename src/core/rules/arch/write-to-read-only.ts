// arch/write-to-read-only: an application writes through a connection that only allows reads.
import type { Connection } from '../../model/model';
import { defineRule } from '../rule';

/** Why a connection's target cannot take writes, with the place that makes it read-only; undefined if it can. */
function readOnlyTarget(connection: Connection): { why: string; pointer: string } | undefined {
  const resolved = connection.reference.resolved;
  if (!resolved || !('database' in resolved)) return undefined;
  const { database, member } = resolved;
  if (member?.kind === 'replica') return { why: `${member.name} is a read replica of ${member.source.name}: it replicates asynchronously and accepts no writes`, pointer: member.pointer };
  if (member?.kind === 'instance' && member.role === 'reader') return { why: `${member.name} is a reader of ${database.name}: only the writer instance accepts writes`, pointer: member.pointer };
  if (member) return undefined;
  const endpoint = connection.endpoint;
  if (endpoint === 'reader') return { why: `the reader endpoint of ${database.name} balances over read-only instances`, pointer: `${connection.pointer}/endpoint` };
  if (endpoint === 'standby') return { why: `the Multi-AZ standby of ${database.name} serves no traffic until a failover promotes it`, pointer: `${connection.pointer}/endpoint` };
  if (endpoint && database.service === 'aurora') {
    const custom = database.customEndpoints?.[endpoint];
    if (custom?.type === 'reader') return { why: `the custom endpoint \`${endpoint}\` of ${database.name} is a reader endpoint`, pointer: `${database.pointer}/customEndpoints/${endpoint}/type` };
  }
  return undefined;
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
        report({
          pointer: `${connection.pointer}/access`,
          part: 'value',
          message: `${application.name} connects read-write to \`${connection.reference.text}\`${connection.endpoint ? ` (${connection.endpoint} endpoint)` : ''}, but ${target.why}. Send writes to the writer (${writerHint(connection)}) and keep this connection \`access: read\`.`,
          related: [{ pointer: target.pointer, message: 'Read-only because of this definition' }],
          fix: { kind: 'replace', title: 'Change the connection to `access: read`', pointer: `${connection.pointer}/access`, value: 'read' },
        });
      }
    }
  },
});
