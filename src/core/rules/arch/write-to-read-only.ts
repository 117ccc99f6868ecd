// arch/write-to-read-only: an application writes through a connection that only allows reads.
import { isCluster, type Connection } from '../../model/model';
import * as l10n from '../../l10n';
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
  if (member?.kind === 'replica') return { why: l10n.t`${member.name} is a read replica of ${member.source.name}: it replicates asynchronously and accepts no writes`, pointer: member.pointer };
  if (member?.kind === 'instance' && member.role === 'reader') return { why: l10n.t`${member.name} is a reader of ${database.name}: only the writer instance accepts writes`, pointer: member.pointer };
  if (member) return undefined;
  const endpoint = connection.endpoint;
  if (endpoint === undefined || endpoint === 'writer') return undefined;
  // The built-in `reader` wins over a custom endpoint of that name (as in the topology); any other name
  // is looked up among the custom endpoints first: an Aurora cluster may call one `standby`.
  const custom = endpoint !== 'reader' && database.service === 'aurora' ? database.customEndpoints?.[endpoint] : undefined;
  if (custom) {
    return custom.type === 'reader' ? { why: l10n.t('the custom endpoint `{endpoint}` of {database} is a reader endpoint', { endpoint, database: database.name }), pointer: `${database.pointer}/customEndpoints/${endpoint}/type` } : undefined;
  }
  // Aurora, DocumentDB and Neptune clusters have a reader endpoint over their read-only instances.
  if (endpoint === 'reader' && isCluster(database)) {
    return { why: l10n.t`the reader endpoint of ${database.name} balances over read-only instances`, pointer: `${connection.pointer}/endpoint` };
  }
  if (database.service !== 'rds' || (endpoint !== 'reader' && endpoint !== 'standby')) return undefined;
  const { multiAz } = database;
  const mode = multiAz.enabled ? multiAz.mode : undefined;
  if (endpoint === 'reader' && mode === 'cluster') {
    return { why: l10n.t`the reader endpoint of ${database.name} balances over the readable standbys of its Multi-AZ DB cluster, which accept no writes`, pointer: `${connection.pointer}/endpoint` };
  }
  if (endpoint === 'standby' && mode === 'instance') {
    return { why: l10n.t`the Multi-AZ standby of ${database.name} serves no traffic until a failover promotes it`, pointer: `${connection.pointer}/endpoint` };
  }
  const why =
    mode === undefined
      ? l10n.t`${database.name} is a Single-AZ DB instance: it has no standby and no reader endpoint`
      : mode === 'cluster'
        ? l10n.t`${database.name} is a Multi-AZ DB cluster: its standbys are reached through the reader endpoint (read-only), not a standby endpoint`
        : l10n.t`${database.name} is a Multi-AZ DB instance deployment: it has no reader endpoint, and its one standby serves no connections until a failover promotes it`;
  return { why, pointer: multiAz.pointer, missing: true };
}

/** How to address the writer instead: the database itself, without the member or the read-only endpoint. */
function writerHint(connection: Connection): string {
  const database = connection.reference.text.split('/')[0];
  return connection.endpoint ? l10n.t('`to: {database}` with no `endpoint` or `endpoint: writer`', { database }) : `\`to: ${database}\``;
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
        const applicationName = application.name;
        const reference = connection.reference.text;
        const endpoint = connection.endpoint;
        /** "`app` connects read-write to `target` (reader endpoint), but <why>." */
        const problem = (why: string): string =>
          endpoint
            ? l10n.t('{application} connects read-write to `{reference}` ({endpoint} endpoint), but {why}.', { application: applicationName, reference, endpoint, why })
            : l10n.t('{application} connects read-write to `{reference}`, but {why}.', { application: applicationName, reference, why });
        if (target.missing) {
          // The endpoint does not exist: the writes can only go to the primary, so the endpoint is what changes.
          const pointer = `${connection.pointer}/endpoint`;
          report({
            pointer,
            part: 'value',
            message: problem(target.why) + ' ' + l10n.t('Send the writes to the primary: `endpoint: writer` (or no `endpoint`).'),
            related: [{ pointer: target.pointer, message: l10n.t('The deployment is defined here') }],
            fix: { kind: 'replace', title: l10n.t('Write through the primary (`endpoint: writer`)'), pointer, value: 'writer' },
          });
          continue;
        }
        report({
          pointer: `${connection.pointer}/access`,
          part: 'value',
          message: problem(target.why) + ' ' + l10n.t('Send writes to the writer ({hint}) and keep this connection `access: read`.', { hint: writerHint(connection) }),
          related: [{ pointer: target.pointer, message: l10n.t('Read-only because of this definition') }],
          fix: { kind: 'replace', title: l10n.t('Change the connection to `access: read`'), pointer: `${connection.pointer}/access`, value: 'read' },
        });
      }
    }
  },
});
