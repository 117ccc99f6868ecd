// rds/replica-limit: more read replicas on one source than the engine allows.
import { RDS_FAMILY_NAMES, RDS_MAX_READ_REPLICAS, rdsEngineFamily } from '../../facts';
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
