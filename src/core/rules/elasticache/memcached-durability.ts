// elasticache/memcached-durability: Memcached used as if it kept data safe (sessions, a primary store,
// replicas, Multi-AZ, snapshots); it has no replication, persistence or failover.
import { MEMCACHED_CAPABILITIES } from '../../facts';
import * as l10n from '../../l10n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'elasticache/memcached-durability',
    description: 'Memcached is used as a session or primary store, or is given replicas, Multi-AZ or snapshots it does not have.',
    severity: 'warning',
    fixable: false,
    anchors: [],
  },
  check({ model, report }) {
    const memcached = MEMCACHED_CAPABILITIES.value;
    for (const database of model.databases) {
      if (database.service !== 'elasticache' || database.engine !== 'memcached') continue;
      const name = database.name;
      if (database.role === 'session-store' || database.role === 'primary-store') {
        report({
          pointer: `${database.pointer}/role`,
          part: 'value',
          message:
            (database.role === 'session-store'
              ? l10n.t`${name} keeps sessions in Memcached, which has no replication, no persistence and no failover: a node restart, replacement or AZ outage logs out every user whose session it held.`
              : l10n.t`${name} keeps the only copy of its data in Memcached, which has no replication, no persistence and no failover: a node restart, replacement or AZ outage loses that data for good.`) +
            ' ' +
            l10n.t('Use `engine: valkey` (or `redis`) with a replica per shard, Multi-AZ and snapshots, or keep the data in a database (DynamoDB for sessions).'),
        });
      }
      // Each claim with its own sentence: `which has no replicas`, `which has no snapshots`.
      const claims: { key: string; claim: string }[] = [];
      if (!memcached.replication && database.replicasPerShard > 0) {
        claims.push({
          key: 'replicasPerShard',
          claim:
            l10n.t`${name} is Memcached, which has no replicas: ElastiCache offers replication, Multi-AZ and snapshots only for Valkey and Redis OSS, so this setting promises protection the cache will not have.`,
        });
      }
      if (!memcached.failover && database.multiAz === true) {
        claims.push({
          key: 'multiAz',
          claim:
            l10n.t`${name} is Memcached, which has no Multi-AZ failover: ElastiCache offers replication, Multi-AZ and snapshots only for Valkey and Redis OSS, so this setting promises protection the cache will not have.`,
        });
      }
      if (!memcached.snapshots && (database.snapshotRetentionDays ?? 0) > 0) {
        claims.push({
          key: 'snapshotRetentionDays',
          claim:
            l10n.t`${name} is Memcached, which has no snapshots: ElastiCache offers replication, Multi-AZ and snapshots only for Valkey and Redis OSS, so this setting promises protection the cache will not have.`,
        });
      }
      for (const { key, claim } of claims) {
        report({
          pointer: `${database.pointer}/${key}`,
          part: 'value',
          message:
            claim +
            ' ' +
            l10n.t('Remove it and treat the cache as disposable, or switch to `engine: valkey` (or `redis`) if the data must survive a node failure.'),
        });
      }
    }
  },
});
