// What the dms/ rules need to know about a migration's two ends: the engine family behind a database
// of the file or an external source, a tolerant reading of the versions people write ("19c", "2019",
// "8.0.35", "3.08.0" for Aurora MySQL), and comparisons at the precision the user gave.
import { DMS_MIGRATION_TYPES, type DmsSourceFamily } from '../../facts';
import * as l10n from '../../l10n';
import type { Database, Migration, Reference } from '../../model/model';

/** The engine families a migration end can have: DMS source families plus the other services of the format. */
export type EngineFamily = DmsSourceFamily | 'dynamodb' | 'redshift' | 'neptune' | 'redis' | 'valkey' | 'memcached' | 'qldb' | 'timestream';

/** One end of a migration, as the rules see it. */
export interface MigrationEnd {
  kind: 'database' | 'external';
  /** The engine as written (lower-cased for external sources): `oracle`, `sqlserver-ex`, `aurora-mysql`, `redshift`. */
  engine: string;
  family: EngineFamily | undefined;
  /** How a message names it: `orders (RDS for PostgreSQL 16.4)` or `the external oracle source (19c)`. */
  label: string;
  version: string | undefined;
  /** Where the version is written, if it is. */
  versionPointer: string | undefined;
  /** Where the engine (or, for single-engine services, the service) is written. */
  enginePointer: string;
  /** Where the migration names this end: the `source`/`target` reference, or an external source's `engine`. */
  pointer: string;
  database?: Database;
}

/** Human names of the families, for messages. */
export const FAMILY_NAMES: Record<EngineFamily, string> = {
  oracle: 'Oracle',
  sqlserver: 'SQL Server',
  mysql: 'MySQL',
  mariadb: 'MariaDB',
  postgres: 'PostgreSQL',
  db2: 'Db2',
  'sap-ase': 'SAP ASE',
  mongodb: 'MongoDB',
  documentdb: 'Amazon DocumentDB',
  'azure-sql': 'Azure SQL',
  s3: 'Amazon S3',
  dynamodb: 'DynamoDB',
  redshift: 'Amazon Redshift',
  neptune: 'Amazon Neptune',
  redis: 'ElastiCache for Redis OSS',
  valkey: 'ElastiCache for Valkey',
  memcached: 'ElastiCache for Memcached',
  qldb: 'Amazon QLDB',
  timestream: 'Amazon Timestream',
};

/** The family of an engine name, forgiving spelling (`postgresql`, `mssql`, `sybase`, `sqlserver-se`); undefined if unknown. */
export function engineFamily(engine: string): EngineFamily | undefined {
  const name = engine.trim().toLowerCase().replace(/[\s_]+/g, '-');
  if (name.startsWith('azure-sql')) return 'azure-sql';
  if (name.startsWith('oracle')) return 'oracle';
  if (name.startsWith('sqlserver') || name.startsWith('sql-server') || name === 'mssql') return 'sqlserver';
  // A version written into the name (`PostgreSQL 15`, `mysql-8.0`) does not change the engine.
  if (name.startsWith('mysql') || name.startsWith('aurora-mysql')) return 'mysql';
  if (name.startsWith('mariadb')) return 'mariadb';
  if (name.startsWith('postgres') || name.startsWith('aurora-postgres')) return 'postgres';
  if (name.startsWith('db2')) return 'db2';
  if (name === 'sap-ase' || name === 'ase' || name.startsWith('sybase')) return 'sap-ase';
  if (name.startsWith('mongo')) return 'mongodb';
  if (name === 'documentdb' || name === 'docdb') return 'documentdb';
  if (name === 's3') return 's3';
  const others: readonly EngineFamily[] = ['dynamodb', 'redshift', 'neptune', 'redis', 'valkey', 'memcached', 'qldb', 'timestream'];
  return others.find((family) => family === name);
}

/** The SQL Server edition an engine name gives (`sqlserver-ex` -> express), if it gives one. */
export function sqlServerEdition(engine: string): 'express' | 'web' | 'standard' | 'enterprise' | 'developer' | undefined {
  if (engineFamily(engine) !== 'sqlserver') return undefined;
  const words = engine.trim().toLowerCase().split(/[^a-z0-9]+/);
  if (words.includes('ex') || words.includes('express')) return 'express';
  if (words.includes('web')) return 'web';
  if (words.includes('se') || words.includes('standard')) return 'standard';
  if (words.includes('ee') || words.includes('enterprise')) return 'enterprise';
  if (words.includes('dev') || words.includes('developer')) return 'developer';
  return undefined;
}

/** Whether a task type captures ongoing changes. */
export function capturesChanges(type: string | undefined): boolean {
  return (DMS_MIGRATION_TYPES.value.changeDataCapture as readonly string[]).includes(type ?? '');
}

// SQL Server reports versions as major numbers (15.0.4415 is SQL Server 2019); AWS and people use the
// release year. Microsoft's numbering, not an AWS fact.
const SQL_SERVER_YEARS: Record<number, number> = { 8: 2000, 9: 2005, 10: 2008, 11: 2012, 12: 2014, 13: 2016, 14: 2017, 15: 2019, 16: 2022, 17: 2025 };

// Aurora MySQL major versions and the MySQL release each is compatible with (Aurora's own numbering).
const AURORA_MYSQL_COMPATIBILITY: Record<number, number[]> = { 1: [5, 6], 2: [5, 7], 3: [8, 0] };

/**
 * The numeric segments of a version as people write it, or undefined when it cannot be read (an
 * unreadable version is not an error). SQL Server versions become release years; Aurora MySQL
 * versions become the MySQL version they are compatible with; Oracle's "19c", "11gR2", "23ai" read as 19, 11.2, 23.
 */
export function parseVersion(text: string | undefined, engine: string): number[] | undefined {
  if (typeof text !== 'string') return undefined;
  const value = text.trim().toLowerCase();
  const family = engineFamily(engine);
  if (family === 'sqlserver') {
    // A build number (`15.0.2000.5`, `12.00.2000.8.v1`) starts with the major version; its later
    // segments are build numbers, not years (2000 in `15.0.2000.5` is SQL Server 2019's RTM build).
    const build = /^(\d{1,2})(?:\.|$)/.exec(value);
    const mapped = build ? SQL_SERVER_YEARS[Number(build[1])] : undefined;
    if (mapped) return [mapped];
    const year = /(?:^|\D)((?:19|20)\d\d)(?:\D|$)/.exec(value);
    return year ? [Number(year[1])] : undefined;
  }
  if (family === 'oracle') {
    const release = /^(\d+)g\s*r(\d)/.exec(value);
    if (release) return [Number(release[1]), Number(release[2])];
  }
  const match = /^v?(\d+(?:\.\d+)*)/.exec(value);
  if (!match) return undefined;
  const numbers = match[1].split('.').map(Number);
  if (engine.trim().toLowerCase().startsWith('aurora-mysql')) {
    // "8.0.mysql_aurora.3.08.0" already starts with the MySQL version; "3.08.0" is Aurora's own.
    const compatible = AURORA_MYSQL_COMPATIBILITY[numbers[0]];
    if (compatible) return compatible;
  }
  return numbers;
}

/**
 * Compares two versions segment by segment, only as far as both are written: `8.4.3` equals `8.4`,
 * `10` equals `10.2`. Negative when `a` is lower.
 */
export function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i] - b[i];
  }
  return 0;
}

/** The major version: MySQL/MariaDB 8.0, PostgreSQL 16 (9.6 before 10), Oracle 19 (12.2 before 18), SQL Server by year. */
export function majorVersion(version: readonly number[], family: EngineFamily): number[] {
  switch (family) {
    case 'mysql':
    case 'mariadb':
      return version.slice(0, 2);
    case 'postgres':
      return version.slice(0, version[0] >= 10 ? 1 : 2);
    case 'oracle':
      return version.slice(0, version[0] >= 18 ? 1 : 2);
    default:
      return version.slice(0, 1);
  }
}

/** One end of a migration: its source, or undefined when the source names nothing (arch/unknown-reference reports that). */
export function migrationSource(migration: Migration): MigrationEnd | undefined {
  const source = migration.source;
  if (source.kind === 'external') {
    if (typeof source.engine !== 'string' || source.engine.trim() === '') return undefined;
    const engine = source.engine.trim().toLowerCase();
    const family = engineFamily(engine);
    const version = typeof source.version === 'string' ? source.version : undefined;
    const what = family ? FAMILY_NAMES[family] : `\`${engine}\``;
    return {
      kind: 'external',
      engine,
      family,
      label: version ? l10n.t`the external ${what} source (${version})` : l10n.t`the external ${what} source`,
      version,
      versionPointer: version ? `${source.pointer}/version` : undefined,
      enginePointer: `${source.pointer}/engine`,
      pointer: `${source.pointer}/engine`,
    };
  }
  return databaseEnd(source.reference.resolved, source.reference.pointer);
}

/** The target of a migration, or undefined when it names nothing. */
export function migrationTarget(migration: Migration): MigrationEnd | undefined {
  return migration.target ? databaseEnd(migration.target.resolved, migration.target.pointer) : undefined;
}

function databaseEnd(resolved: Reference['resolved'], pointer: string): MigrationEnd | undefined {
  if (!resolved || !('database' in resolved)) return undefined;
  const { database } = resolved;
  const engine = engineOf(database);
  const family = engineFamily(engine);
  const version = 'engineVersion' in database && typeof database.engineVersion === 'string' ? database.engineVersion : undefined;
  const hasEngineKey = database.service === 'rds' || database.service === 'aurora' || database.service === 'elasticache';
  const what = describeDatabase(database, family);
  return {
    kind: 'database',
    engine,
    family,
    label: `${database.name} (${what}${version ? ` ${version}` : ''})`,
    version,
    versionPointer: version ? `${database.pointer}/engineVersion` : undefined,
    enginePointer: `${database.pointer}/${hasEngineKey ? 'engine' : 'service'}`,
    pointer,
    database,
  };
}

/** The engine of a database of the file: its `engine` where the service has several, else the service. */
export function engineOf(database: Database): string {
  if (database.service === 'rds' || database.service === 'aurora' || database.service === 'elasticache') return database.engine;
  return database.service;
}

function describeDatabase(database: Database, family: EngineFamily | undefined): string {
  const name = family ? FAMILY_NAMES[family] : engineOf(database);
  if (database.service === 'rds') return `RDS for ${name}`;
  if (database.service === 'aurora') return `Aurora ${name}`;
  if (database.service === 'dynamodb') return l10n.t('a DynamoDB table');
  return name;
}
