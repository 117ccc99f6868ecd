// Shared pieces of the security/ rules: version comparison, human names of engines, the security
// block of any database, and the Region lists of global databases and global tables.
import { RDS_FAMILY_NAMES, rdsEngineFamily } from '../../facts';
import type { Database } from '../../model/model';
import type { RawCidr, RawReplicaRegion } from '../../model/raw';

/**
 * Compares two dotted versions numerically, segment by segment (`9.6` < `15.2`, `1.6.6` < `1.6.12`);
 * non-numeric parts of a segment are ignored. Missing segments count as 0.
 */
export function compareVersions(a: string, b: string): number {
  const parse = (version: string): number[] => version.split('.').map((segment) => Number.parseInt(segment, 10) || 0);
  const left = parse(a);
  const right = parse(b);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

/**
 * Whether `version` is `minimum` or later, compared numerically; undefined when the version does not
 * start with a number, or is written less precisely than the minimum and agrees with it as far as it
 * goes (`11` against `11.8`): the file does not say which side it is on.
 */
export function versionAtLeast(version: string, minimum: string): boolean | undefined {
  if (majorVersion(version) === undefined) return undefined;
  const given = version.trim().split('.');
  const needed = minimum.split('.');
  if (given.length < needed.length && compareVersions(version, needed.slice(0, given.length).join('.')) === 0) return undefined;
  return compareVersions(version, minimum) >= 0;
}

/** The major version of a dotted version (`16.4` -> 16), or undefined when it does not start with a number. */
export function majorVersion(version: string | undefined): number | undefined {
  const match = /^\s*(\d+)/.exec(version ?? '');
  return match ? Number(match[1]) : undefined;
}

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
    if (typeof item === 'string') result.push({ region: item, kmsKey: undefined, pointer, regionPointer: pointer });
    else if (typeof item === 'object' && item !== null && typeof item.region === 'string') {
      result.push({ region: item.region, kmsKey: typeof item.kmsKey === 'string' ? item.kmsKey : undefined, pointer, regionPointer: `${pointer}/region` });
    }
  });
  return result;
}
