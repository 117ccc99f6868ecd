// elasticache/no-failover-production: a production Valkey or Redis OSS cluster without a replica to fail over to.
// It reports only what the failure model (src/core/failure/az-loss.ts) confirms: an AZ loss takes it down.
import { ELASTICACHE_MULTI_AZ_MIN_REPLICAS } from '../../facts';
import { azLoss } from '../../failure';
import * as l10n from '../../l10n';
import { defineRule, inProduction } from '../rule';

export default defineRule({
  meta: {
    id: 'elasticache/no-failover-production',
    description: 'A Valkey or Redis OSS cluster in production has no read replica, so a failed primary cannot fail over.',
    severity: inProduction('warning'),
    fixable: true,
    anchors: ['Security Hub ElastiCache.3', 'Trusted Advisor'],
  },
  check({ model, topology, report }) {
    const minimum = ELASTICACHE_MULTI_AZ_MIN_REPLICAS.value;
    for (const database of model.databases) {
      if (database.service !== 'elasticache' || database.engine === 'memcached') continue;
      // With `multiAz: true` the same missing replica is elasticache/multi-az-needs-replica's error.
      if (database.replicasPerShard >= minimum || database.multiAz === true) continue;
      if (!azLoss(model, topology, database).down) continue;
      const failure =
        database.shards > 1
          ? l10n.t`each of its ${database.shards} shards is a single node, so when one fails ElastiCache must replace it: that shard is down meanwhile`
          : l10n.t`it is a single node, so when that node fails ElastiCache must replace it: the cluster is down meanwhile`;
      const data =
        database.role === 'session-store'
          ? l10n.t`every session on it is lost`
          : database.role === 'primary-store'
            ? l10n.t`data written since the last snapshot is lost`
            : l10n.t`the cache starts empty`;
      report({
        pointer: `${database.pointer}/replicasPerShard`,
        part: 'value',
        message:
          l10n.t`${database.name} has no replicas: ${failure} and ${data}.` +
          ' ' +
          l10n.t('Add at least {minimum} replica per shard (`replicasPerShard: {minimum}`) and turn on Multi-AZ so a replica is promoted automatically.', { minimum }),
        fix: { kind: 'set', title: l10n.t('Add a replica per shard (`replicasPerShard: {minimum}`)', { minimum }), pointer: `${database.pointer}/replicasPerShard`, value: minimum },
      });
    }
  },
});
