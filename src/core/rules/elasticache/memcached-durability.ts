// elasticache/memcached-durability: Memcached used as if it kept data safe (sessions, a primary store,
// replicas, Multi-AZ, snapshots); it has no replication, persistence or failover.
import { MEMCACHED_CAPABILITIES } from '../../facts';
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
      const engine = `\`engine: valkey\` (or \`redis\`)`;
      if (database.role === 'session-store' || database.role === 'primary-store') {
        const what = database.role === 'session-store' ? 'sessions' : 'the only copy of its data';
        const loss = database.role === 'session-store' ? 'logs out every user whose session it held' : 'loses that data for good';
        report({
          pointer: `${database.pointer}/role`,
          part: 'value',
          message:
            `${database.name} keeps ${what} in Memcached, which has no replication, no persistence and no failover: a node restart, replacement or AZ outage ${loss}. ` +
            `Use ${engine} with a replica per shard, Multi-AZ and snapshots, or keep the data in a database (DynamoDB for sessions).`,
        });
      }
      const claims: { key: string; claim: string }[] = [];
      if (!memcached.replication && database.replicasPerShard > 0) claims.push({ key: 'replicasPerShard', claim: 'replicas' });
      if (!memcached.failover && database.multiAz === true) claims.push({ key: 'multiAz', claim: 'Multi-AZ failover' });
      if (!memcached.snapshots && (database.snapshotRetentionDays ?? 0) > 0) claims.push({ key: 'snapshotRetentionDays', claim: 'snapshots' });
      for (const { key, claim } of claims) {
        report({
          pointer: `${database.pointer}/${key}`,
          part: 'value',
          message:
            `${database.name} is Memcached, which has no ${claim}: ElastiCache offers replication, Multi-AZ and snapshots only for Valkey and Redis OSS, so this setting promises protection the cache will not have. ` +
            `Remove it and treat the cache as disposable, or switch to ${engine} if the data must survive a node failure.`,
        });
      }
    }
  },
});
