// elasticache/multi-az-needs-replica: Multi-AZ on a Valkey or Redis OSS cluster without a replica to fail over to.
import { ELASTICACHE_MULTI_AZ_MIN_REPLICAS } from '../../facts';
import * as l10n from '../../l10n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'elasticache/multi-az-needs-replica',
    description: 'A Valkey or Redis OSS cluster has Multi-AZ turned on but no read replica per shard.',
    severity: 'error',
    fixable: true,
    anchors: ['cfn-lint E3026', 'checkov CKV2_AWS_50'],
  },
  check({ model, report }) {
    const minimum = ELASTICACHE_MULTI_AZ_MIN_REPLICAS.value;
    for (const database of model.databases) {
      // Memcached has no Multi-AZ at all: elasticache/memcached-durability explains that.
      if (database.service !== 'elasticache' || database.engine === 'memcached') continue;
      if (database.multiAz !== true || database.replicasPerShard >= minimum) continue;
      report({
        pointer: `${database.pointer}/multiAz`,
        part: 'value',
        message:
          l10n.t`${database.name} turns on Multi-AZ but has no read replicas: Multi-AZ fails over by promoting a replica, so ElastiCache requires at least ${minimum} per shard and rejects this configuration.` +
          ' ' +
          l10n.t('Set `replicasPerShard: {minimum}` or more (in another AZ than the primary), or turn Multi-AZ off.', { minimum }),
        related: [{ pointer: `${database.pointer}/replicasPerShard`, part: 'value', message: l10n.t`No replicas per shard` }],
        fix: { kind: 'set', title: l10n.t('Add a replica per shard (`replicasPerShard: {minimum}`)', { minimum }), pointer: `${database.pointer}/replicasPerShard`, value: minimum },
      });
    }
  },
});
