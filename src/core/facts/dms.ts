// AWS DMS and schema conversion facts. Each fact carries the public page it comes from (see fact.ts).
import { fact } from './fact';

/** The engines DMS reads from, by family (Aurora MySQL and Aurora PostgreSQL count as MySQL and PostgreSQL). */
export type DmsSourceFamily = 'oracle' | 'sqlserver' | 'mysql' | 'mariadb' | 'postgres' | 'db2' | 'sap-ase' | 'mongodb' | 'documentdb' | 'azure-sql' | 's3';

/** The task types DMS runs; the last two capture ongoing changes (CDC). */
export const DMS_MIGRATION_TYPES = fact(
  { all: ['full-load', 'cdc', 'full-load-and-cdc'], changeDataCapture: ['cdc', 'full-load-and-cdc'] } as const,
  'docs.aws.amazon.com/dms/latest/APIReference/API_StartReplicationTask.html',
);

/** Source engines DMS supports. */
export const DMS_SOURCE_FAMILIES = fact<readonly DmsSourceFamily[]>(
  ['oracle', 'sqlserver', 'mysql', 'mariadb', 'postgres', 'db2', 'sap-ase', 'mongodb', 'documentdb', 'azure-sql', 's3'],
  'docs.aws.amazon.com/dms/latest/userguide/CHAP_Introduction.Sources.html',
);

/**
 * Source versions DMS supports, inclusive, written as AWS writes them (Oracle 19 = 19c; SQL Server by
 * release year). A bound matches at its own precision: `8.4` covers every 8.4.x.
 */
export const DMS_SOURCE_VERSIONS = fact<Partial<Record<DmsSourceFamily, { min: string; max: string; label: string }>>>(
  {
    oracle: { min: '10.2', max: '19', label: '10.2 to 19c' },
    sqlserver: { min: '2008', max: '2022', label: '2008 to 2022' },
    mysql: { min: '5.5', max: '8.4', label: '5.5 to 8.4' },
    mariadb: { min: '10.0.24', max: '11.4', label: '10.0.24 to 11.4' },
    postgres: { min: '9.4', max: '18', label: '9.4 to 18' },
  },
  'docs.aws.amazon.com/dms/latest/userguide/CHAP_Introduction.Sources.html',
);

/** SQL Server editions DMS cannot capture changes from (full load only). */
export const DMS_SQLSERVER_NO_CDC_EDITIONS = fact(['express', 'web'] as const, 'docs.aws.amazon.com/dms/latest/userguide/CHAP_Introduction.Sources.html');

/**
 * Targets DMS writes to: every RDS engine, Aurora, Redshift, DynamoDB, S3, OpenSearch, Kinesis, Kafka,
 * DocumentDB, Neptune and Redis (ElastiCache for Redis OSS). `services` and `elasticacheEngines` are
 * the ones this format can describe as a database.
 */
export const DMS_TARGETS = fact(
  {
    names: ['the RDS engines', 'Aurora', 'Redshift', 'DynamoDB', 'S3', 'OpenSearch', 'Kinesis', 'Kafka', 'DocumentDB', 'Neptune', 'Redis OSS'],
    services: ['rds', 'aurora', 'redshift', 'dynamodb', 'documentdb', 'neptune'],
    elasticacheEngines: ['redis'],
  } as { names: readonly string[]; services: readonly string[]; elasticacheEngines: readonly string[] },
  'docs.aws.amazon.com/dms/latest/userguide/CHAP_Introduction.Targets.html',
);

/** MySQL and MariaDB CDC reads the binary log: on RDS binary logging needs automated backups (retention above 0). */
export const DMS_MYSQL_CDC = fact(
  { rdsNeedsBackups: true, binlogFormat: 'ROW', binlogRowImage: 'FULL' },
  'docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.MySQL.html',
);

/** PostgreSQL CDC uses logical replication; tables need primary keys. */
export const DMS_POSTGRES_CDC = fact(
  { rdsParameter: 'rds.logical_replication = 1', walLevel: 'logical', primaryKeys: true },
  'docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraPostgreSQL.Replication.Logical.Configure.html',
);

/** Oracle CDC reads the redo logs: ARCHIVELOG mode and supplemental logging (minimal + primary key). */
export const DMS_ORACLE_CDC = fact(
  { archivelog: true, supplementalLogging: 'minimal + primary key' },
  'docs.aws.amazon.com/dms/latest/sbs/chap-on-premoracle2aurora.steps.configureoracle.html',
);

/** SQL Server CDC: FULL or BULK_LOGGED recovery model, and MS-Replication or MS-CDC. */
export const DMS_SQLSERVER_CDC = fact(
  { recoveryModels: ['FULL', 'BULK_LOGGED'], captureMethods: ['MS-Replication', 'MS-CDC'] },
  'docs.aws.amazon.com/dms/latest/userguide/CHAP_Source.SQLServer.CDC.html',
);

/** An engine change (e.g. Oracle -> PostgreSQL) needs its schema and code converted with one of these tools. */
export const DMS_SCHEMA_CONVERSION_TOOLS = fact(
  { sct: 'AWS Schema Conversion Tool', 'dms-schema-conversion': 'DMS Schema Conversion' } as const,
  'docs.aws.amazon.com/SchemaConversionTool/latest/userguide/CHAP_Welcome.html',
);

/** A homogeneous migration's target must run the same or a higher database version than its source. */
export const DMS_HOMOGENEOUS_TARGET_VERSION = fact('same-or-higher', 'docs.aws.amazon.com/dms/latest/userguide/dm-data-providers-target.html');
