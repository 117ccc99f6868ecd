// advice/read-scaling: an application that only reads sends its reads to the writer although the
// database has replicas or readers to take them.
import * as l10n from '../../l10n';
import type { Application, Connection, Database, ReadReplica } from '../../model/model';
import { andList, formatNumber } from '../../text';
import type { FixIntent } from '../../fixes';
import { defineRule } from '../rule';

/** Whether a connection lands on the writer: the database's own endpoint, `endpoint: writer`, or the writer instance by name. */
function toWriter(connection: Connection): boolean {
  const resolved = connection.reference.resolved;
  if (!resolved || !('database' in resolved)) return false;
  const { member } = resolved;
  if (member) return member.kind === 'instance' && member.role === 'writer';
  return connection.endpoint === undefined || connection.endpoint === 'writer';
}

/** Where reads could go instead, as a sentence, and the fix when it is one mechanical change. */
interface ReadTarget {
  sentence: string;
  fix?: FixIntent;
}

function readTarget(database: Database, application: Application, connection: Connection): ReadTarget | undefined {
  const byName = connection.reference.text.includes('/');
  if (database.service === 'aurora' || database.service === 'documentdb' || database.service === 'neptune') {
    const readers = database.instances.filter((instance) => instance.role === 'reader');
    if (!readers.length) return undefined;
    const count = formatNumber(readers.length);
    const names = andList(readers.map((reader) => reader.name));
    return {
      sentence:
        readers.length === 1
          ? l10n.t('{name} has {count} reader ({names}) behind its reader endpoint: reading through it (`to: {name}, endpoint: reader`) takes that load off the writer.', { name: database.name, count, names })
          : l10n.t('{name} has {count} readers ({names}) behind its reader endpoint: reading through it (`to: {name}, endpoint: reader`) takes that load off the writer.', { name: database.name, count, names }),
      fix: byName ? undefined : { kind: 'set', title: l10n.t('Read through the reader endpoint (`endpoint: reader`)'), pointer: `${connection.pointer}/endpoint`, value: 'reader' },
    };
  }
  if (database.service !== 'rds') return undefined;
  if (database.multiAz.enabled && database.multiAz.mode === 'cluster') {
    return {
      sentence: l10n.t`${database.name} is a Multi-AZ DB cluster whose two readable standbys answer on its reader endpoint: reading through it (\`endpoint: reader\`) takes that load off the writer.`,
      fix: { kind: 'set', title: l10n.t('Read through the reader endpoint (`endpoint: reader`)'), pointer: `${connection.pointer}/endpoint`, value: 'reader' },
    };
  }
  // Only replicas in the application's own Region: reading across Regions adds latency and transfer costs.
  const region = application.region ?? database.region;
  const local = database.allReplicas.filter((replica: ReadReplica) => replica.region === region);
  if (!local.length) return undefined;
  const names = local.map((replica) => `${database.name}/${replica.name}`);
  const count = formatNumber(local.length);
  const list = andList(names);
  let sentence: string;
  if (local.length === 1) {
    sentence = region
      ? l10n.t`${database.name} has ${count} read replica in ${region} (${list}): reading from it takes that load off the writer.`
      : l10n.t`${database.name} has ${count} read replica (${list}): reading from it takes that load off the writer.`;
  } else {
    sentence = region
      ? l10n.t`${database.name} has ${count} read replicas in ${region} (${list}): reading from one of them takes that load off the writer.`
      : l10n.t`${database.name} has ${count} read replicas (${list}): reading from one of them takes that load off the writer.`;
  }
  return {
    sentence,
    fix: local.length === 1 && !connection.endpoint ? { kind: 'replace', title: l10n.t`Read from the replica (\`to: ${names[0]}\`)`, pointer: `${connection.pointer}/to`, value: names[0] } : undefined,
  };
}

export default defineRule({
  meta: {
    id: 'advice/read-scaling',
    description: 'An application that only reads sends every query to the writer while the database has replicas or readers.',
    severity: 'info',
    fixable: true,
    anchors: [],
  },
  check({ model, report }) {
    for (const application of model.applications) {
      const byDatabase = new Map<string, Connection[]>();
      for (const connection of application.connects) {
        const resolved = connection.reference.resolved;
        if (!resolved || !('database' in resolved)) continue;
        const list = byDatabase.get(resolved.database.name) ?? [];
        list.push(connection);
        byDatabase.set(resolved.database.name, list);
      }
      for (const [name, connections] of byDatabase) {
        if (!connections.every((connection) => connection.access === 'read' && toWriter(connection))) continue;
        const database = model.byName.get(name);
        const [first] = connections;
        const target = database && readTarget(database, application, first);
        if (!target) continue;
        report({
          pointer: first.endpoint === 'writer' ? `${first.pointer}/endpoint` : `${first.pointer}/to`,
          part: 'value',
          message:
            l10n.t`${application.name} only reads from ${name}, yet every read goes to the writer, which also carries all the writes.` +
            ' ' +
            target.sentence +
            ' ' +
            l10n.t`Replicas and readers lag slightly behind the writer, so keep on the writer only the reads that must see the latest write.`,
          fix: target.fix,
        });
      }
    }
  },
});
