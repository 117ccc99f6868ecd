// Amazon RDS engine versions, instance classes and feature support by engine. Each fact carries the public page it comes from (see fact.ts).
import { fact, type Fact } from './fact';
import type { RdsEngineFamily } from './rds';

// ---------------------------------------------------------------------------
// Cascading (chained) read replicas
// ---------------------------------------------------------------------------

/** How deep a chain of read replicas may go below the source DB instance, and from which engine version. */
export interface ReplicaChainSupport {
  /** Replica levels below the source: 3 means source -> replica -> replica -> replica, and no fourth. */
  levels: number;
  /** The first engine version that can chain replicas at all (older ones allow only replicas of the source). */
  minVersion?: string;
}

/**
 * Cascading read replicas per engine family. AWS documents them for MariaDB, MySQL and PostgreSQL 14.1+
 * only; a family left out has no documented support for a replica of a replica. The MySQL row is
 * UNCONFIRMED in aws-facts.md, so it may only give a warning.
 */
export const RDS_REPLICA_CHAINS: Partial<Record<RdsEngineFamily, Fact<ReplicaChainSupport>>> = {
  mariadb: fact({ levels: 3 }, 'docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_MariaDB.Replication.ReadReplicas.Cascading.html'),
  postgres: fact({ levels: 3, minVersion: '14.1' }, 'docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PostgreSQL.Replication.ReadReplicas.Cascading.html'),
  mysql: fact({ levels: 3 }, 'docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_MySQL.Replication.ReadReplicas.Cascading.html', { unconfirmed: true }),
};

// ---------------------------------------------------------------------------
// Cross-Region read replicas
// ---------------------------------------------------------------------------

/** A range of engine versions: `from` included, `below` excluded (open-ended when absent). */
export interface VersionRange {
  from: string;
  below?: string;
}

/**
 * Which engines can have a read replica in another Region: MariaDB, MySQL, PostgreSQL, SQL Server,
 * Oracle (Enterprise Edition: SE2 has no replicas at all, see RDS_ENGINES_WITHOUT_READ_REPLICAS), and
 * Db2 on 11.5.9 and 12.1.4 or later.
 */
export const RDS_CROSS_REGION_REPLICAS = fact<{ families: readonly RdsEngineFamily[]; db2Versions: readonly VersionRange[] }>(
  {
    families: ['mariadb', 'mysql', 'oracle', 'postgres', 'sqlserver', 'db2'],
    db2Versions: [{ from: '11.5.9', below: '12' }, { from: '12.1.4' }],
  },
  'docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.RDS_Fea_Regions_DB-eng.Feature.CrossRegionReadReplicas.html',
);

// ---------------------------------------------------------------------------
// Multi-AZ DB clusters and RDS Proxy
// ---------------------------------------------------------------------------

/** The engines a Multi-AZ DB cluster (a writer and two readable standbys) runs on, with their lowest version: MySQL 8.0 and 8.4, PostgreSQL. */
export const RDS_MULTI_AZ_CLUSTER_ENGINES = fact<Partial<Record<RdsEngineFamily, { minVersion?: string }>>>(
  { mysql: { minVersion: '8.0' }, postgres: {} },
  'docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.RDS_Fea_Regions_DB-eng.Feature.MultiAZDBClusters.html',
);

/** The RDS engine families RDS Proxy does not support (it supports MySQL, MariaDB, PostgreSQL and SQL Server). */
export const RDS_PROXY_UNSUPPORTED_FAMILIES = fact<readonly RdsEngineFamily[]>(
  ['oracle', 'db2'],
  'docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.RDS_Fea_Regions_DB-eng.Feature.RDSProxy.html',
);

// ---------------------------------------------------------------------------
// Instance classes
// ---------------------------------------------------------------------------

/**
 * Current DB instance class types (family, generation and options, e.g. `m6gd`) of RDS and Aurora.
 * Not authoritative: AWS adds types every year, so a well-formed class whose type is missing here is
 * only a warning. Collected from the RDS and Aurora instance class pages (and cross-checked with
 * tflint-ruleset-aws's list).
 */
export const DB_INSTANCE_CLASS_TYPES = fact<readonly string[]>(
  [
    // general purpose
    'm5', 'm5d', 'm6g', 'm6gd', 'm6i', 'm6id', 'm6idn', 'm6in', 'm7g', 'm7i', 'm8g',
    // memory optimized
    'r5', 'r5b', 'r5d', 'r6g', 'r6gd', 'r6i', 'r6id', 'r6idn', 'r6in', 'r7g', 'r7i', 'r8g', 'r8gd',
    'x1', 'x1e', 'x2g', 'x2idn', 'x2iedn', 'x2iezn', 'z1d',
    // compute optimized (Multi-AZ DB clusters)
    'c6gd',
    // burstable
    't3', 't4g',
  ],
  'docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.DBInstanceClass.Types.html',
);

/** `db.serverless`: an Aurora Serverless v2 instance. No RDS DB instance can use it. */
export const AURORA_SERVERLESS_CLASS = fact('db.serverless', 'docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.DBInstanceClass.SupportAurora.html');

/**
 * Instance class types RDS retired: RDS for MySQL, MariaDB and PostgreSQL moved every M4, R4 and T2
 * instance to M5, R5 and T3 from June 2024; the value is the type RDS moved them to.
 */
export const DB_RETIRED_CLASS_TYPES = fact<Readonly<Record<string, string>>>(
  { m4: 'm5', r4: 'r5', t2: 't3' },
  'repost.aws/questions/QUPWRLaLp-QC2qDBLLQc20lg/reserved-instances-end-of-life-what-will-happen-to-my-ri',
);

/** Older previous-generation instance class types (first-generation EC2 hardware), with the current type that replaces them. */
export const DB_PREVIOUS_GENERATION_CLASS_TYPES = fact<Readonly<Record<string, string>>>(
  { m1: 'm5', m2: 'r5', m3: 'm5', r3: 'r5', t1: 't3', cr1: 'r5' },
  'github.com/terraform-linters/tflint-ruleset-aws/blob/master/rules/aws_db_instance_previous_type.go',
  { unconfirmed: true },
);

/** Burstable classes (db.t2, db.t3, db.t4g: family `t`) are meant for development and test, not production. */
export const DB_BURSTABLE_FAMILY = fact('t', 'docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraMySQL.BestPractices.Performance.html');

// ---------------------------------------------------------------------------
// Engine versions: end of standard support
// ---------------------------------------------------------------------------

/** The engines whose major versions have RDS standard support end dates (open-source engines; commercial engines follow their vendors). */
export type SupportedLifecycleEngine = 'mysql' | 'postgres' | 'aurora-mysql' | 'aurora-postgresql';

/** The day standard support of a major version ended: afterwards it runs on paid RDS Extended Support (up to 3 more years). */
export interface StandardSupportEnd {
  engine: SupportedLifecycleEngine;
  /** The major version as users write it: `5.7`, `12`, Aurora MySQL `2`. */
  major: string;
  /** ISO date, `yyyy-mm-dd`. */
  endedOn: string;
}

/** After standard support ends, paid RDS Extended Support runs a major version for up to 3 more years; then RDS upgrades it. */
export const RDS_EXTENDED_SUPPORT_YEARS = fact(3, 'docs.aws.amazon.com/AmazonRDS/latest/UserGuide/extended-support.html');

/**
 * The day the support dates below were last checked against AWS. Rules compare dates with this day,
 * never with the clock, so a file lints the same way on every machine and every day; update it with
 * the dates.
 */
export const SUPPORT_DATES_AS_OF = '2026-11-27';

/**
 * End of standard support per engine and major version. Any older major version of the same engine
 * ended no later. RDS MySQL 8.0 comes from a third-party copy of the date (UNCONFIRMED), and
 * PostgreSQL 13 from the RDS for PostgreSQL release calendar, which aws-facts.md does not list yet
 * (marked unconfirmed): both can only give warnings, which is this rule's severity anyway.
 */
export const STANDARD_SUPPORT_ENDS: readonly Fact<StandardSupportEnd>[] = [
  fact({ engine: 'mysql', major: '5.7', endedOn: '2024-02-29' }, 'docs.aws.amazon.com/AmazonRDS/latest/UserGuide/extended-support.html'),
  fact({ engine: 'mysql', major: '8.0', endedOn: '2026-07-31' }, 'github.com/buttonmen-dev/buttonmen/issues/3098', { unconfirmed: true }),
  fact({ engine: 'postgres', major: '12', endedOn: '2025-02-28' }, 'docs.aws.amazon.com/AmazonRDS/latest/UserGuide/extended-support-viewing-support-dates.html'),
  fact({ engine: 'postgres', major: '13', endedOn: '2026-02-28' }, 'docs.aws.amazon.com/AmazonRDS/latest/PostgreSQLReleaseNotes/postgresql-release-calendar.html', { unconfirmed: true }),
  fact({ engine: 'aurora-mysql', major: '2', endedOn: '2024-10-31' }, 'docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/extended-support.html'),
  fact({ engine: 'aurora-postgresql', major: '12', endedOn: '2025-02-28' }, 'aws.amazon.com/blogs/database/upgrade-strategies-for-amazon-aurora-postgresql-and-amazon-rds-for-postgresql-12/'),
];
