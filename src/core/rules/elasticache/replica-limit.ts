// elasticache/replica-limit: more replicas per shard, or more nodes per cluster, than ElastiCache allows.
import { ELASTICACHE_MAX_NODES_PER_CLUSTER, ELASTICACHE_MAX_REPLICAS_PER_SHARD } from '../../facts';
import * as l10n from '../../l10n';
import type { ElasticacheCluster } from '../../model/model';
import { compareVersions } from '../helpers/versions';
import { defineRule } from '../rule';
import { formatNumber } from '../../text';

/** The most nodes a cluster may reach with a quota increase: 250 on Redis OSS before 5.0.6, else 500. */
function maxNodes(database: ElasticacheCluster): { limit: number; why: string } {
  const limits = ELASTICACHE_MAX_NODES_PER_CLUSTER.value;
  const version = database.engineVersion;
  if (database.engine === 'redis' && version !== undefined && (compareVersions(version, limits.maxFromRedisVersion) ?? 0) < 0) {
    return { limit: limits.maxBeforeRedis506, why: l10n.t`Redis OSS ${version} (before ${limits.maxFromRedisVersion})` };
  }
  return { limit: limits.max, why: database.engine === 'valkey' ? 'Valkey' : l10n.t`Redis OSS ${limits.maxFromRedisVersion} and later` };
}

export default defineRule({
  meta: {
    id: 'elasticache/replica-limit',
    description: 'A Valkey or Redis OSS cluster has more than 5 replicas per shard, or more nodes than a cluster may hold.',
    severity: 'error',
    fixable: false,
    anchors: [],
  },
  check({ model, report }) {
    const maxReplicas = ELASTICACHE_MAX_REPLICAS_PER_SHARD.value;
    const { defaultQuota } = ELASTICACHE_MAX_NODES_PER_CLUSTER.value;
    for (const database of model.databases) {
      // Memcached has no shards or replicas (`shards` counts its nodes); memcached-durability covers replicas there.
      if (database.service !== 'elasticache' || database.engine === 'memcached') continue;
      const { shards, replicasPerShard } = database;
      if (replicasPerShard > maxReplicas) {
        report({
          pointer: `${database.pointer}/replicasPerShard`,
          part: 'value',
          message:
            l10n.t`${database.name} asks for ${replicasPerShard} replicas per shard; a Valkey or Redis OSS shard holds one primary and at most ${maxReplicas} replicas.` +
            ' ' +
            l10n.t`Use ${maxReplicas} or fewer, and add shards (cluster mode) for more read capacity.`,
        });
      }
      // Too many replicas is reported above; count the nodes as if that were fixed, so it is not reported twice.
      const replicas = Math.min(replicasPerShard, maxReplicas);
      const nodes = shards * (1 + replicas);
      const { limit, why } = maxNodes(database);
      const arithmetic = l10n.t`${shards} shards x (1 primary + ${replicas} replicas) = ${formatNumber(nodes)} nodes`;
      if (nodes > limit) {
        report({
          pointer: `${database.pointer}/shards`,
          part: 'value',
          message:
            l10n.t`${database.name} needs ${arithmetic}; a ${why} cluster holds at most ${limit} nodes, even with a quota increase.` +
            ' ' +
            l10n.t`Use fewer shards or replicas, larger node types, or split the data over two clusters.`,
        });
      } else if (nodes > defaultQuota) {
        report({
          pointer: `${database.pointer}/shards`,
          part: 'value',
          severity: 'warning',
          message:
            l10n.t`${database.name} needs ${arithmetic}, more than the default quota of ${defaultQuota} nodes per cluster.` +
            ' ' +
            l10n.t`Request a quota increase (up to ${limit} for ${why}) before creating it, and make sure its subnets have enough free IP addresses.`,
        });
      }
    }
  },
});
