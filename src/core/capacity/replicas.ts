// Replica counts against AWS's limits, per kind: RDS read replicas per source, Aurora readers (and what
// auto scaling may add), Aurora Global Database secondaries, DocumentDB and Neptune replicas,
// ElastiCache replicas per shard and nodes per cluster, DynamoDB global table Regions, DAX nodes.
import {
  AURORA_GLOBAL_DATABASE_MAX_SECONDARY_REGIONS,
  AURORA_MAX_READERS,
  DAX_CLUSTER_NODES,
  DOCUMENTDB_MAX_REPLICAS,
  DYNAMODB_MRSC,
  ELASTICACHE_MAX_NODES_PER_CLUSTER,
  ELASTICACHE_MAX_REPLICAS_PER_SHARD,
  NEPTUNE_MAX_READ_REPLICAS,
  RDS_ENGINES_WITHOUT_READ_REPLICAS,
  RDS_FAMILY_NAMES,
  RDS_MAX_READ_REPLICAS,
  rdsEngineFamily,
  type Fact,
} from '../facts';
import { regionOfEntry, type AuroraCluster, type Database, type DynamodbTable, type ElasticacheCluster, type RdsDatabase } from '../model/model';
import * as l10n from '../l10n';
import { amount, countOf } from './notes';

/** What is counted. */
export type ReplicaKind =
  | 'rds-read-replicas'
  | 'aurora-readers'
  | 'aurora-auto-scaling'
  | 'aurora-global-database'
  | 'documentdb-replicas'
  | 'neptune-replicas'
  | 'elasticache-replicas-per-shard'
  | 'elasticache-nodes'
  | 'dynamodb-global-table'
  | 'dax-nodes';

/** One count of copies against the limit AWS sets for it. */
export interface ReplicaCount {
  kind: ReplicaKind;
  /** The database, or the replica that is itself a source (RDS). */
  owner: string;
  count: number;
  /** Undefined when dbarch's facts record no limit. */
  limit: number | undefined;
  /** `maximum`: at most `limit`; `quota`: a default quota AWS can raise; `exactly`: the count must be `limit`. */
  limitKind: 'maximum' | 'quota' | 'exactly' | 'none';
  status: 'within' | 'at-limit' | 'over' | 'under' | 'no-limit';
  pointer: string;
  /** The page the limit comes from. */
  source: string | undefined;
  /** The count against the limit, in a sentence. */
  text: string;
}

/** The replica counts of one database against their limits; empty for services without replicas. */
export function replicaCounts(database: Database): ReplicaCount[] {
  switch (database.service) {
    case 'rds':
      return rdsReplicas(database);
    case 'aurora':
      return auroraReplicas(database);
    case 'documentdb':
      return [clusterReplicas(database.name, database.instances.length, `${database.pointer}/instances`, 'documentdb-replicas', DOCUMENTDB_MAX_REPLICAS, 'replica instance', l10n.t`a DocumentDB cluster`)];
    case 'neptune':
      return [clusterReplicas(database.name, database.instances.length, `${database.pointer}/instances`, 'neptune-replicas', NEPTUNE_MAX_READ_REPLICAS, 'read replica', l10n.t`a Neptune cluster`)];
    case 'elasticache':
      return elasticacheReplicas(database);
    case 'dynamodb':
      return dynamodbReplicas(database);
    default:
      return [];
  }
}

function rdsReplicas(database: RdsDatabase): ReplicaCount[] {
  const family = rdsEngineFamily(database.engine);
  if (!family) return [];
  const familyName = RDS_FAMILY_NAMES[family];
  if (RDS_ENGINES_WITHOUT_READ_REPLICAS.value.includes(database.engine)) {
    const count = database.allReplicas.length;
    const counts = counting('rds-read-replicas', database.name, count, 0, 'maximum', database.readReplicas.length ? `${database.pointer}/readReplicas` : database.pointer, RDS_ENGINES_WITHOUT_READ_REPLICAS);
    const replicas = countOf(count, 'read replica');
    return [row(counts, `${database.name}: ${l10n.t('{replicas}; {family} has read replicas only on Enterprise Edition, none on `{engine}`.', { replicas, family: familyName, engine: database.engine })}`)];
  }
  const limit = RDS_MAX_READ_REPLICAS.value[family];
  // The database and every replica that is itself a source: the limit is per source.
  const sources = [
    { name: database.name, what: database.name, pointer: database.pointer, replicas: database.readReplicas },
    ...database.allReplicas
      .filter((replica) => replica.readReplicas.length > 0)
      .map((replica) => ({ name: replica.name, what: l10n.t`${replica.name} (a replica of ${replica.source.name})`, pointer: replica.pointer, replicas: replica.readReplicas })),
  ];
  return sources.map((source) => {
    const counts = counting('rds-read-replicas', source.name, source.replicas.length, limit, 'maximum', source.replicas.length ? `${source.pointer}/readReplicas` : source.pointer, RDS_MAX_READ_REPLICAS);
    const replicas = countOf(source.replicas.length, 'read replica');
    const names = listed(source.replicas.map((replica) => replica.name));
    return row(counts, `${source.what}: ${l10n.t`${replicas}${names}, at most ${limit} per source on ${familyName}.`}`);
  });
}

function auroraReplicas(cluster: AuroraCluster): ReplicaCount[] {
  const limit = AURORA_MAX_READERS.value;
  const readers = cluster.instances.filter((instance) => instance.role === 'reader');
  const rows: ReplicaCount[] = [
    row(
      counting('aurora-readers', cluster.name, readers.length, limit, 'maximum', `${cluster.pointer}/instances`, AURORA_MAX_READERS),
      `${cluster.name}: ${l10n.t`${countOf(readers.length, 'reader')}${listed(readers.map((reader) => reader.name))}, at most ${limit} Aurora Replicas besides the writer.`}`,
    ),
  ];
  const maxReplicas = cluster.autoScaling?.maxReplicas;
  if (typeof maxReplicas === 'number') {
    const counts = counting('aurora-auto-scaling', cluster.name, maxReplicas, limit, 'maximum', `${cluster.pointer}/autoScaling/maxReplicas`, AURORA_MAX_READERS);
    rows.push(row(counts, `${cluster.name}: ${l10n.t('auto scaling may grow it to {readers} (`maxReplicas`), at most {limit}.', { readers: countOf(maxReplicas, 'reader'), limit })}`));
  }
  const secondaries = cluster.globalDatabase?.secondaryRegions;
  if (Array.isArray(secondaries)) {
    const max = AURORA_GLOBAL_DATABASE_MAX_SECONDARY_REGIONS.value;
    const regions = secondaries.map(regionOfEntry).filter((region): region is string => region !== undefined);
    const text = l10n.t`global database with ${countOf(secondaries.length, 'secondary Region')}${listed(regions)}, at most ${max}.`;
    rows.push(row(counting('aurora-global-database', cluster.name, secondaries.length, max, 'maximum', `${cluster.pointer}/globalDatabase/secondaryRegions`, AURORA_GLOBAL_DATABASE_MAX_SECONDARY_REGIONS), `${cluster.name}: ${text}`));
  }
  return rows;
}

function clusterReplicas(name: string, instances: number, pointer: string, kind: ReplicaKind, limit: Fact<number>, word: 'replica instance' | 'read replica', cluster: string): ReplicaCount {
  // One instance is the primary; every other one is a replica.
  const replicas = Math.max(0, instances - 1);
  const text = l10n.t`${countOf(instances, 'instance')}, a primary and ${countOf(replicas, word)}; ${cluster} has at most ${limit.value}.`;
  return row(counting(kind, name, replicas, limit.value, 'maximum', pointer, limit), `${name}: ${text}`);
}

function elasticacheReplicas(cache: ElasticacheCluster): ReplicaCount[] {
  // Memcached has no replication: its nodes are independent, and there is nothing to count against a limit.
  if (cache.engine === 'memcached') return [];
  const maxReplicas = ELASTICACHE_MAX_REPLICAS_PER_SHARD.value;
  const { defaultQuota, max } = ELASTICACHE_MAX_NODES_PER_CLUSTER.value;
  const nodes = cache.shards * (1 + cache.replicasPerShard);
  return [
    row(
      counting('elasticache-replicas-per-shard', cache.name, cache.replicasPerShard, maxReplicas, 'maximum', `${cache.pointer}/replicasPerShard`, ELASTICACHE_MAX_REPLICAS_PER_SHARD),
      `${cache.name}: ${l10n.t`${countOf(cache.replicasPerShard, 'replica')} per shard, at most ${maxReplicas}.`}`,
    ),
    row(
      counting('elasticache-nodes', cache.name, nodes, defaultQuota, 'quota', `${cache.pointer}/shards`, ELASTICACHE_MAX_NODES_PER_CLUSTER),
      `${cache.name}: ${l10n.t`${countOf(cache.shards, 'shard')} x (1 primary + ${countOf(cache.replicasPerShard, 'replica')}) = ${countOf(nodes, 'node')}; the default quota is ${defaultQuota} per cluster (up to ${amount(max)} with an increase).`}`,
    ),
  ];
}

function dynamodbReplicas(table: DynamodbTable): ReplicaCount[] {
  const rows: ReplicaCount[] = [];
  const global = table.globalTable;
  if (global && Array.isArray(global.replicaRegions)) {
    const replicas = global.replicaRegions.map(regionOfEntry).filter((region): region is string => region !== undefined && region !== table.region);
    const regions = [...(table.region ? [table.region] : []), ...replicas];
    const pointer = `${table.pointer}/globalTable/replicaRegions`;
    if (global.consistency === 'strong') {
      // MRSC: exactly 3 Regions, counting a witness in place of a third replica.
      const required = DYNAMODB_MRSC.value.regions;
      const witness = typeof global.witnessRegion === 'string' ? 1 : 0;
      const count = regions.length + witness;
      const where = countOf(count, 'Region');
      const text = witness ? l10n.t`MRSC global table in ${where}${listed(regions)} and a witness; MRSC needs exactly ${required}.` : l10n.t`MRSC global table in ${where}${listed(regions)}; MRSC needs exactly ${required}.`;
      rows.push(row(counting('dynamodb-global-table', table.name, count, required, 'exactly', pointer, DYNAMODB_MRSC), `${table.name}: ${text}`));
    } else {
      const text = l10n.t`MREC global table in ${countOf(regions.length, 'Region')}${listed(regions)}; dbarch's facts record no Region limit for MREC tables.`;
      rows.push(row(counting('dynamodb-global-table', table.name, regions.length, undefined, 'none', pointer, undefined), `${table.name}: ${text}`));
    }
  }
  const nodes = table.dax?.nodes;
  if (typeof nodes === 'number') {
    const { max } = DAX_CLUSTER_NODES.value;
    const text = l10n.t`DAX cluster of ${countOf(nodes, 'node')} (1 primary + ${countOf(Math.max(0, nodes - 1), 'read replica')}), at most ${max} (${max - 1} replicas).`;
    rows.push(row(counting('dax-nodes', table.name, nodes, max, 'maximum', `${table.pointer}/dax/nodes`, DAX_CLUSTER_NODES), `${table.name}: ${text}`));
  }
  return rows;
}

/** A row with its sentence, which ends by saying how the count stands against the limit when that is not plain. */
function row(counts: Omit<ReplicaCount, 'text'>, text: string): ReplicaCount {
  const { status, count, limit } = counts;
  const verdict =
    limit === undefined
      ? ''
      : status === 'over'
        ? counts.limitKind === 'exactly'
          ? ` ${l10n.t`${amount(count - limit)} too many.`}`
          : counts.limitKind === 'quota'
            ? ` ${l10n.t`Over the default quota: ask for an increase first.`}`
            : ` ${l10n.t`${amount(count - limit)} over the limit.`}`
        : status === 'under'
          ? ` ${l10n.t`${amount(limit - count)} missing.`}`
          : status === 'at-limit'
            ? ` ${l10n.t`At the limit: no room for another.`}`
            : '';
  return { ...counts, text: text + verdict };
}

function counting(
  kind: ReplicaKind,
  owner: string,
  count: number,
  limit: number | undefined,
  limitKind: ReplicaCount['limitKind'],
  pointer: string,
  fact: Fact<unknown> | undefined,
): Omit<ReplicaCount, 'text'> {
  let status: ReplicaCount['status'];
  if (limit === undefined) status = 'no-limit';
  else if (limitKind === 'exactly') status = count === limit ? 'within' : count > limit ? 'over' : 'under';
  else status = count > limit ? 'over' : count === limit ? 'at-limit' : 'within';
  return { kind, owner, count, limit, limitKind, status, pointer, source: fact?.source };
}

function listed(names: readonly string[]): string {
  return names.length ? ` (${names.join(', ')})` : '';
}
