// Amazon RDS storage, backup and maintenance-window facts. Each fact carries the public page it comes from (see fact.ts).
import { fact } from './fact';
import type { RdsEngineFamily } from './rds';

/** The storage types of an RDS DB instance (`magnetic` is the API's `standard`). */
export type RdsStorageType = 'gp2' | 'gp3' | 'io1' | 'io2' | 'magnetic';

/** Human names of the storage types, for messages. */
export const RDS_STORAGE_TYPE_NAMES: Record<RdsStorageType, string> = {
  gp2: 'General Purpose SSD (gp2)',
  gp3: 'General Purpose SSD (gp3)',
  io1: 'Provisioned IOPS SSD (io1)',
  io2: 'Provisioned IOPS SSD (io2 Block Express)',
  magnetic: 'magnetic',
};

// --- Automated backups -----------------------------------------------------------------------

/**
 * Days automated backups are kept: 0-35 for a DB instance (0 turns them off, and point-in-time
 * restore with them), 1-35 for a Multi-AZ DB cluster. The API default is 1, the console's 7.
 */
export const RDS_BACKUP_RETENTION_DAYS = fact(
  { instance: { min: 0, max: 35 }, multiAzCluster: { min: 1, max: 35 }, apiDefault: 1, consoleDefault: 7 },
  'docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.BackupRetention.html',
);

/**
 * A source of read replicas must keep automated backups (retention above 0); the same holds for a
 * read replica that is itself the source of another replica.
 */
export const RDS_REPLICA_SOURCE_MIN_RETENTION_DAYS = fact(1, 'docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReadRepl.Create.html');

// --- Windows ---------------------------------------------------------------------------------

/** The daily backup window: `hh24:mi-hh24:mi` in UTC, at least 30 minutes, not overlapping the maintenance window. */
export const RDS_BACKUP_WINDOW = fact(
  { format: 'hh24:mi-hh24:mi', example: '18:00-18:30', minMinutes: 30 },
  'docs.aws.amazon.com/sdk-for-kotlin/api/latest/rds/aws.sdk.kotlin.services.rds.model/-promote-read-replica-request/preferred-backup-window.html',
);

/** The weekly maintenance window: `ddd:hh24:mi-ddd:hh24:mi` in UTC (mon..sun), at least 30 minutes, not overlapping the backup window. */
export const RDS_MAINTENANCE_WINDOW = fact(
  { format: 'ddd:hh24:mi-ddd:hh24:mi', example: 'tue:19:00-tue:19:30', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const, minMinutes: 30 },
  'docs.aws.amazon.com/sdk-for-kotlin/api/latest/rds/aws.sdk.kotlin.services.rds.model/-create-db-instance-request/preferred-maintenance-window.html',
);

// --- Storage size ----------------------------------------------------------------------------

/** Allocated storage (GiB) of the primary volume by storage type (CreateDBInstance `AllocatedStorage`). */
export const RDS_STORAGE_SIZE_GIB = fact<Record<RdsStorageType, { min: number; max: number }>>(
  {
    gp2: { min: 20, max: 65_536 },
    gp3: { min: 20, max: 65_536 },
    io1: { min: 100, max: 65_536 },
    io2: { min: 100, max: 65_536 },
    magnetic: { min: 5, max: 3_072 },
  },
  'docs.aws.amazon.com/sdk-for-kotlin/api/latest/rds/aws.sdk.kotlin.services.rds.model/-create-db-instance-request/allocated-storage.html',
);

/** Storage types an engine does not offer: RDS for Db2 has no gp2 and no magnetic storage. */
export const RDS_STORAGE_TYPES_UNAVAILABLE = fact<Partial<Record<RdsEngineFamily, readonly RdsStorageType[]>>>(
  { db2: ['gp2', 'magnetic'] },
  'docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Storage.html',
);

/**
 * Most storage of one DB instance: 64 TiB (the primary volume) for MySQL, MariaDB, PostgreSQL and
 * Db2; Oracle and SQL Server reach 256 TiB only with additional storage volumes.
 */
export const RDS_MAX_STORAGE_GIB = fact(
  { primaryVolume: 65_536, withAdditionalVolumes: 262_144, additionalVolumeEngines: ['oracle', 'sqlserver'] as readonly RdsEngineFamily[] },
  'docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Storage.html',
);

/** Additional storage volumes (Oracle, SQL Server): up to three (RDSDBDATA2-4), gp3 or io2, 20-65,536 GiB each. */
export const RDS_ADDITIONAL_STORAGE_VOLUMES = fact(
  { count: 3, types: ['gp3', 'io2'] as readonly RdsStorageType[], minGiB: 20, maxGiB: 65_536 },
  'docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_AdditionalStorageVolume.html',
);

// --- IOPS and throughput ---------------------------------------------------------------------

/** The storage types whose IOPS can be set: gp2 and magnetic have none to set. */
export const RDS_STORAGE_IOPS_TYPES = fact<readonly RdsStorageType[]>(['gp3', 'io1', 'io2'], 'docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Storage.html');

/** Storage throughput can be set on gp3 only. */
export const RDS_STORAGE_THROUGHPUT_TYPES = fact<readonly RdsStorageType[]>(
  ['gp3'],
  'docs.aws.amazon.com/sdk-for-kotlin/api/latest/rds/aws.sdk.kotlin.services.rds.model/-create-db-instance-request/storage-throughput.html',
);

/** gp2: 3 IOPS per GiB (at least 100, at most 16,000 from 5,334 GiB), bursting to 3,000 IOPS on credits. */
export const RDS_GP2_PERFORMANCE = fact({ iopsPerGiB: 3, minIops: 100, maxIops: 16_000, burstIops: 3_000 }, 'repost.aws/knowledge-center/rds-low-burst-balance');

/**
 * gp3: a baseline of 3,000 IOPS and 125 MiB/s below the threshold size and 12,000 IOPS and 500 MiB/s
 * from it (400 GiB; Oracle 200 GiB; SQL Server has no threshold and keeps the small baseline); at
 * most 64,000 IOPS and 4,000 MiB/s; IOPS and throughput cannot be set below the baseline.
 * Third-party source, consistent with the others (the study notes' "max 16,000" is outdated).
 */
export const RDS_GP3_PERFORMANCE = fact(
  {
    small: { iops: 3_000, throughputMiBps: 125 },
    large: { iops: 12_000, throughputMiBps: 500 },
    thresholdGiB: { default: 400, oracle: 200 } as { default: number } & Partial<Record<RdsEngineFamily, number>>,
    /** Engines that keep the small baseline at every size. */
    noThreshold: ['sqlserver'] as readonly RdsEngineFamily[],
    maxIops: 64_000,
    maxThroughputMiBps: 4_000,
  },
  'github.com/hashicorp/terraform-provider-aws/issues/28382',
);

/** io1: Provisioned IOPS of 0.5-50 per GiB of storage (SQL Server 1-50). */
export const RDS_IO1_IOPS_PER_GIB = fact<{ default: { min: number; max: number } } & Partial<Record<RdsEngineFamily, { min: number; max: number }>>>(
  { default: { min: 0.5, max: 50 }, sqlserver: { min: 1, max: 50 } },
  'docs.aws.amazon.com/sdk-for-kotlin/api/latest/rds/aws.sdk.kotlin.services.rds.model/-create-db-instance-request/iops.html',
);

/** io2 Block Express (since 2024-03): up to 1,000 IOPS per GiB and 256,000 IOPS per instance. */
export const RDS_IO2_IOPS = fact(
  { maxIopsPerGiB: 1_000, maxIops: 256_000 },
  'aws.amazon.com/blogs/database/optimize-amazon-rds-performance-with-io2-block-express-storage-for-production-workloads',
);

// --- Magnetic and autoscaling ----------------------------------------------------------------

/** Magnetic storage: legacy, not recommended, at most 3 TiB, no storage autoscaling; deprecated, with migration to gp3 from 2026-04-30. */
export const RDS_MAGNETIC_STORAGE = fact(
  { maxGiB: 3_072, autoscaling: false, migrationFrom: '2026-04-30', migrationTo: 'gp3' as RdsStorageType },
  'docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Storage.html',
);

/** Storage autoscaling: the maximum storage threshold must be at least 10% above the allocated storage (26% or more recommended). */
export const RDS_STORAGE_AUTOSCALING = fact(
  { minHeadroomPercent: 10, recommendedHeadroomPercent: 26 },
  'docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PIOPS.Autoscaling.html',
);
