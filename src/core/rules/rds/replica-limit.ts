// rds/replica-limit: more read replicas on one source than the engine allows.
import { RDS_ENGINES_WITHOUT_READ_REPLICAS, RDS_FAMILY_NAMES, RDS_MAX_READ_REPLICAS, rdsEngineFamily } from '../../facts';
import type { ReadReplica } from '../../model/model';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'rds/replica-limit',
    description: 'A DB instance has more read replicas than its engine allows per source.',
    severity: 'error',
    fixable: false,
    anchors: [],
  },
  check({ model, report }) {
    for (const database of model.databases) {
      if (database.service !== 'rds') continue;
      const family = rdsEngineFamily(database.engine);
      if (!family) continue;
      if (RDS_ENGINES_WITHOUT_READ_REPLICAS.value.includes(database.engine)) {
        // Oracle Standard Edition 2 has no replicas at all: one finding for the whole tree (in-Region or cross-Region).
        if (database.readReplicas.length === 0) continue;
        const count = database.allReplicas.length;
        report({
          pointer: `${database.pointer}/readReplicas`,
          part: 'key',
          message:
            `${database.name} has ${count} read replica${count === 1 ? '' : 's'}, but ${RDS_FAMILY_NAMES[family]} has read replicas only on Enterprise Edition (\`oracle-ee\`), ` +
            `not on \`${database.engine}\`: RDS cannot create ${count === 1 ? 'it' : 'them'}. Move ${database.name} to Enterprise Edition, or remove \`readReplicas\` and ` +
            `keep copies with automated backups or snapshot copies (cross-Region ones too).`,
          related: [{ pointer: `${database.pointer}/engine`, part: 'value', message: `Engine \`${database.engine}\`: no read replicas` }],
        });
        continue;
      }
      const limit = RDS_MAX_READ_REPLICAS.value[family];
      const sources: { name: string; pointer: string; replicas: ReadReplica[] }[] = [
        { name: database.name, pointer: database.pointer, replicas: database.readReplicas },
        ...database.allReplicas.map((replica) => ({ name: replica.name, pointer: replica.pointer, replicas: replica.readReplicas })),
      ];
      for (const source of sources) {
        if (source.replicas.length <= limit) continue;
        const first = source.replicas[limit];
        report({
          pointer: `${source.pointer}/readReplicas`,
          part: 'key',
          message: `${source.name} has ${source.replicas.length} read replicas; ${RDS_FAMILY_NAMES[family]} allows at most ${limit} per source. Remove ${source.replicas.length - limit}, or replicate from a replica (a chained replica) where the engine supports it.`,
          related: [{ pointer: first.pointer, message: `Replica ${limit + 1} of ${source.name}: over the limit of ${limit}` }],
        });
      }
    }
  },
});
