// rds/replica-limit: more read replicas on one source than the engine allows.
import { RDS_ENGINES_WITHOUT_READ_REPLICAS, RDS_FAMILY_NAMES, RDS_MAX_READ_REPLICAS, rdsEngineFamily } from '../../facts';
import * as l10n from '../../l10n';
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
        const name = RDS_FAMILY_NAMES[family];
        report({
          pointer: `${database.pointer}/readReplicas`,
          part: 'key',
          message:
            (count === 1
              ? l10n.t('{database} has {count} read replica, but {family} has read replicas only on Enterprise Edition (`oracle-ee`), not on `{engine}`: RDS cannot create it.', { database: database.name, count, family: name, engine: database.engine })
              : l10n.t('{database} has {count} read replicas, but {family} has read replicas only on Enterprise Edition (`oracle-ee`), not on `{engine}`: RDS cannot create them.', { database: database.name, count, family: name, engine: database.engine })) +
            ' ' +
            l10n.t('Move {database} to Enterprise Edition, or remove `readReplicas` and keep copies with automated backups or snapshot copies (cross-Region ones too).', { database: database.name }),
          related: [{ pointer: `${database.pointer}/engine`, part: 'value', message: l10n.t('Engine `{engine}`: no read replicas', { engine: database.engine }) }],
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
          message:
            l10n.t`${source.name} has ${source.replicas.length} read replicas; ${RDS_FAMILY_NAMES[family]} allows at most ${limit} per source.` +
            ' ' +
            l10n.t`Remove ${source.replicas.length - limit}, or replicate from a replica (a chained replica) where the engine supports it.`,
          related: [{ pointer: first.pointer, message: l10n.t`Replica ${limit + 1} of ${source.name}: over the limit of ${limit}` }],
        });
      }
    }
  },
});
