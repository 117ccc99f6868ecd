// Amazon RDS facts. Sources are AWS documentation pages (docs.aws.amazon.com/AmazonRDS/latest/UserGuide/...).
import type { RawRdsEngine } from '../model/raw';
import { fact } from './fact';

/** The RDS engines of the format. */
export type RdsEngine = RawRdsEngine;

/** The family an engine belongs to, for limits AWS gives per family. */
export type RdsEngineFamily = 'mysql' | 'mariadb' | 'postgres' | 'oracle' | 'sqlserver' | 'db2';

/** The family of an RDS engine name (`oracle-ee` -> `oracle`). */
export function rdsEngineFamily(engine: string): RdsEngineFamily | undefined {
  if (engine === 'mysql' || engine === 'mariadb' || engine === 'postgres') return engine;
  if (engine.startsWith('oracle')) return 'oracle';
  if (engine.startsWith('sqlserver')) return 'sqlserver';
  if (engine.startsWith('db2')) return 'db2';
  return undefined;
}

/** Human names of the families, for messages. */
export const RDS_FAMILY_NAMES: Record<RdsEngineFamily, string> = {
  mysql: 'RDS for MySQL',
  mariadb: 'RDS for MariaDB',
  postgres: 'RDS for PostgreSQL',
  oracle: 'RDS for Oracle',
  sqlserver: 'RDS for SQL Server',
  db2: 'RDS for Db2',
};

/** The most read replicas one source DB instance may have. */
export const RDS_MAX_READ_REPLICAS = fact<Record<RdsEngineFamily, number>>(
  { mysql: 15, mariadb: 15, postgres: 15, oracle: 5, sqlserver: 5, db2: 3 },
  'docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReadRepl.html',
);

/** A Multi-AZ DB instance fails over to its synchronous standby, typically in 60-120 seconds, losing no committed data. */
export const RDS_MULTI_AZ_INSTANCE_FAILOVER = fact(
  { minSeconds: 60, maxSeconds: 120, rpoSeconds: 0 },
  'docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZSingleStandby.html',
);

/** Point-in-time restore can typically reach a moment within the last 5 minutes. */
export const RDS_PITR_LATEST_RESTORABLE_MINUTES = fact(5, 'aws.amazon.com/rds/faqs/');

/**
 * RDS engines without any Multi-AZ deployment: RDS for SQL Server offers Multi-AZ on Enterprise and
 * Standard Edition (Always On or database mirroring) and on Web Edition (block-level replication), not on
 * Express Edition. Not in aws-facts.md yet, so marked unconfirmed (it only keeps a warning quiet).
 */
export const RDS_ENGINES_WITHOUT_MULTI_AZ = fact<readonly RdsEngine[]>(['sqlserver-ex'], 'docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_SQLServerMultiAZ.html', { unconfirmed: true });

/** RDS for Oracle has read replicas (read-only or mounted) only on Enterprise Edition: a Standard Edition 2 instance can have none. */
export const RDS_ENGINES_WITHOUT_READ_REPLICAS = fact<readonly RdsEngine[]>(['oracle-se2'], 'docs.aws.amazon.com/AmazonRDS/latest/UserGuide/oracle-read-replicas.limitations.html');
