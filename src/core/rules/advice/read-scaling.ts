// advice/read-scaling: an application that only reads sends its reads to the writer although the
// database has replicas or readers to take them.
import type { Application, Connection, Database, ReadReplica } from '../../model/model';
import { andList, plural } from '../../text';
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

/** Where reads could go instead, in words, and the fix when it is one mechanical change. */
interface ReadTarget {
  what: string;
  fix?: FixIntent;
}

function readTarget(database: Database, application: Application, connection: Connection): ReadTarget | undefined {
  const byName = connection.reference.text.includes('/');
  if (database.service === 'aurora' || database.service === 'documentdb' || database.service === 'neptune') {
    const readers = database.instances.filter((instance) => instance.role === 'reader');
    if (!readers.length) return undefined;
    return {
      what: `${database.name} has ${plural(readers.length, 'reader')} (${andList(readers.map((reader) => reader.name))}) behind its reader endpoint: reading through it (\`to: ${database.name}, endpoint: reader\`)`,
      fix: byName ? undefined : { kind: 'set', title: 'Read through the reader endpoint (`endpoint: reader`)', pointer: `${connection.pointer}/endpoint`, value: 'reader' },
    };
  }
  if (database.service !== 'rds') return undefined;
  if (database.multiAz.enabled && database.multiAz.mode === 'cluster') {
    return {
      what: `${database.name} is a Multi-AZ DB cluster whose two readable standbys answer on its reader endpoint: reading through it (\`endpoint: reader\`)`,
      fix: { kind: 'set', title: 'Read through the reader endpoint (`endpoint: reader`)', pointer: `${connection.pointer}/endpoint`, value: 'reader' },
    };
  }
  // Only replicas in the application's own Region: reading across Regions adds latency and transfer costs.
  const region = application.region ?? database.region;
  const local = database.allReplicas.filter((replica: ReadReplica) => replica.region === region);
  if (!local.length) return undefined;
  const names = local.map((replica) => `${database.name}/${replica.name}`);
  return {
    what: `${database.name} has ${plural(local.length, 'read replica')}${region ? ` in ${region}` : ''} (${andList(names)}): reading from ${local.length === 1 ? 'it' : 'one of them'}`,
    fix: local.length === 1 && !connection.endpoint ? { kind: 'replace', title: `Read from the replica (\`to: ${names[0]}\`)`, pointer: `${connection.pointer}/to`, value: names[0] } : undefined,
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
            `${application.name} only reads from ${name}, yet every read goes to the writer, which also carries all the writes. ${target.what} takes that load off the writer. ` +
            `Replicas and readers lag slightly behind the writer, so keep on the writer only the reads that must see the latest write.`,
          fix: target.fix,
        });
      }
    }
  },
});
