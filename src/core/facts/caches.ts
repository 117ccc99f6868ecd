// Amazon ElastiCache, DocumentDB and Neptune facts. Each fact carries the public page it comes from (see fact.ts).
import { fact } from './fact';

/** A Valkey or Redis OSS shard has one primary and up to 5 read replicas. */
export const ELASTICACHE_MAX_REPLICAS_PER_SHARD = fact(5, 'docs.aws.amazon.com/AmazonElastiCache/latest/dg/Replication.AddReadReplica.html');

/**
 * Nodes (primaries plus replicas over all shards) of one Valkey or Redis OSS cluster: 90 by default;
 * a quota increase raises it to 500 on Valkey 7.2+ and Redis OSS 5.0.6+, to 250 on older Redis OSS.
 * 500 nodes range from 83 shards with 5 replicas each to 500 shards without replicas.
 */
export const ELASTICACHE_MAX_NODES_PER_CLUSTER = fact(
  { defaultQuota: 90, max: 500, maxBeforeRedis506: 250, maxFromRedisVersion: '5.0.6' },
  'docs.aws.amazon.com/AmazonElastiCache/latest/dg/Replication.CreatingReplGroup.NoExistingCluster.Cluster.html',
);

/** Multi-AZ with automatic failover promotes a replica, so every shard needs at least 1 read replica. */
export const ELASTICACHE_MULTI_AZ_MIN_REPLICAS = fact(1, 'docs.aws.amazon.com/AmazonElastiCache/latest/dg/Replication.AddReadReplica.html');

/** Memcached has no replication, no persistence (no snapshots) and no failover; Valkey and Redis OSS have all three. */
export const MEMCACHED_CAPABILITIES = fact(
  { replication: false, snapshots: false, failover: false },
  'docs.aws.amazon.com/AmazonElastiCache/latest/dg/SelectEngine.html',
);

/** Without AZMode or preferred AZs, ElastiCache creates every node of a Memcached cluster in one AZ (single-az). */
export const MEMCACHED_DEFAULT_AZ_MODE = fact('single-az', 'docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateCacheCluster.html');

/** A DocumentDB instance-based cluster has one primary and up to 15 replica instances. */
export const DOCUMENTDB_MAX_REPLICAS = fact(15, 'docs.aws.amazon.com/documentdb/latest/developerguide/db-clusters-understanding.html');

/** A DocumentDB cluster volume keeps 6 copies of the data across 3 AZs. */
export const DOCUMENTDB_STORAGE_COPIES = fact({ copies: 6, azs: 3 }, 'docs.aws.amazon.com/documentdb/latest/developerguide/db-clusters-understanding.html');

/** A Neptune DB cluster has one primary and up to 15 read replicas. */
export const NEPTUNE_MAX_READ_REPLICAS = fact(15, 'docs.aws.amazon.com/neptune/latest/userguide/manage-console-add-replicas.html');

/** A Neptune cluster volume always spans 3 AZs (the page gives no copy count). */
export const NEPTUNE_STORAGE_AZS = fact(3, 'docs.aws.amazon.com/neptune/latest/userguide/disaster-recovery-resiliency.html');
