// Shared pieces of the security/ rules: human names of engines, the security
// block of any database, and the Region lists of global databases and global tables.
import { RDS_FAMILY_NAMES, rdsEngineFamily } from '../../facts';
import { regionOfEntry, type Database } from '../../model/model';
import type { RawCidr, RawReplicaRegion } from '../../model/raw';

/** How a message names a database's service and engine: `RDS for PostgreSQL`, `Aurora MySQL`, `Redis OSS`. */
export function engineName(database: Database): string {
  switch (database.service) {
    case 'rds': {
      const family = rdsEngineFamily(database.engine);
      return family ? RDS_FAMILY_NAMES[family] : 'RDS';
    }
    case 'aurora':
      return database.engine === 'aurora-postgresql' ? 'Aurora PostgreSQL' : 'Aurora MySQL';
    case 'elasticache':
      return database.engine === 'valkey' ? 'ElastiCache for Valkey' : database.engine === 'redis' ? 'ElastiCache for Redis OSS' : 'ElastiCache for Memcached';
    case 'redshift':
      return 'Redshift';
    case 'documentdb':
      return 'DocumentDB';
    case 'neptune':
      return 'Neptune';
    case 'dynamodb':
      return 'DynamoDB';
    default:
      return database.service;
  }
}

/** The network settings every service with a `security` block shares. */
export interface NetworkSecurity {
  allowedCidrs?: RawCidr[];
  port?: number;
  publiclyAccessible?: boolean;
}

/** The `security` block of a database that has network settings (RDS, Aurora, DocumentDB, Neptune, ElastiCache, Redshift). */
export function networkSecurity(database: Database): NetworkSecurity | undefined {
  switch (database.service) {
    case 'rds':
    case 'aurora':
    case 'documentdb':
    case 'neptune':
    case 'elasticache':
    case 'redshift':
      return database.security;
    default:
      return undefined;
  }
}

/** One item of a global database's or global table's Region list, with where it is written. */
export interface ReplicaRegionItem {
  region: string;
  kmsKey: string | undefined;
  /** The list item: a Region code, or a `{ region, kmsKey }` mapping. */
  pointer: string;
  /** Where the Region code itself is written. */
  regionPointer: string;
}

/** The items of a `secondaryRegions` / `replicaRegions` list (items the schema rejected are skipped). */
export function replicaRegions(list: readonly RawReplicaRegion[] | undefined, listPointer: string): ReplicaRegionItem[] {
  if (!Array.isArray(list)) return [];
  const result: ReplicaRegionItem[] = [];
  list.forEach((item, index) => {
    const pointer = `${listPointer}/${index}`;
    const region = regionOfEntry(item);
    if (region === undefined) return;
    if (typeof item === 'string') result.push({ region, kmsKey: undefined, pointer, regionPointer: pointer });
    else result.push({ region, kmsKey: typeof item.kmsKey === 'string' ? item.kmsKey : undefined, pointer, regionPointer: `${pointer}/region` });
  });
  return result;
}
