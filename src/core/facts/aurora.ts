// Amazon Aurora facts. Sources are AWS documentation pages (docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/...).
import { fact } from './fact';

/** An Aurora DB cluster has one writer and up to 15 Aurora Replicas (readers). */
export const AURORA_MAX_READERS = fact(15, 'docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.Overview.html');

/** Promotion tiers run 0-15; an instance without one has tier 1; replicas added by auto scaling get 15. */
export const AURORA_PROMOTION_TIER = fact(
  { min: 0, max: 15, default: 1, autoScaled: 15 },
  'docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.Integrating.AutoScaling.html',
);

/** The Aurora engines of the format, with the names AWS uses for them. */
export const AURORA_ENGINE_NAMES: Record<'aurora-mysql' | 'aurora-postgresql', string> = {
  'aurora-mysql': 'Aurora MySQL',
  'aurora-postgresql': 'Aurora PostgreSQL',
};

/**
 * A failover promotes the reader with the lowest promotion tier; among readers of the same tier, the
 * largest instance (an arbitrary one when they are also the same size).
 */
export const AURORA_FAILOVER_ORDER = fact(
  ['lowest promotion tier', 'largest instance class'] as const,
  'docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.AuroraHighAvailability.html',
);

/**
 * Failover promotes a reader, typically in about 30 seconds; with no reader, Aurora has to create a new
 * writer instance, which takes minutes.
 */
export const AURORA_FAILOVER = fact(
  { promoteReaderSeconds: 30 },
  'docs.aws.amazon.com/rds/latest/auroraextendedcontent/aurora-features-availability.html',
);

/** Aurora keeps automated backups 1-35 days; they cannot be turned off (no 0 as on RDS). */
export const AURORA_BACKUP_RETENTION_DAYS = fact(
  { min: 1, max: 35 },
  'docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/disaster-recovery-resiliency.html',
);

/** Backtrack rewinds a cluster in place: Aurora MySQL only, with a target window of 0-72 hours. */
export const AURORA_BACKTRACK = fact(
  { engines: ['aurora-mysql'] as const, maxHours: 72 },
  'repost.aws/knowledge-center/aurora-mysql-cluster-backtrack',
);

/**
 * Aurora Serverless v2 capacity per instance, in Aurora capacity units (1 ACU is about 2 GiB of
 * memory): minimum 0.5 ACU for a running instance (0 only with auto-pause, below); maximum 256 ACU
 * (128 on older versions); values in steps of 0.5 ACU.
 */
export const AURORA_SERVERLESS_V2_CAPACITY = fact(
  { minAcu: 0.5, maxAcu: 256, maxAcuOlderVersions: 128, stepAcu: 0.5, gibPerAcu: 2 },
  'docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ServerlessV2ScalingConfiguration.html',
);

/**
 * The maximum of a Serverless v2 capacity range must be higher than 0.5 ACU: with 0.5 ACU steps the
 * lowest maximum AWS accepts is 1 ACU.
 */
export const AURORA_SERVERLESS_V2_LOWEST_MAX_ACU = fact(
  1,
  'docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-rds-dbcluster-serverlessv2scalingconfiguration.html',
);

/**
 * A minimum of 0 ACU is what turns Serverless v2 auto-pause on (on versions that have it); a nonzero
 * minimum removes the pause delay. The delay is 300-86,400 seconds.
 */
export const AURORA_SERVERLESS_V2_AUTO_PAUSE = fact(
  { minAcu: 0, delaySeconds: { min: 300, max: 86_400 } },
  'docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-serverless-v2-auto-pause.html',
);

/** Aurora Serverless v1 reached end of life on 2025-03-31; new v1 clusters could no longer be created from 2025-01-08. */
export const AURORA_SERVERLESS_V1_END_OF_LIFE = fact(
  { endOfLife: '2025-03-31', noNewClusters: '2025-01-08' },
  'docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-serverless.modifying.html',
);

/** An Aurora global database has one primary cluster and up to 10 secondary clusters, each in a different Region (older pages say 5). */
export const AURORA_GLOBAL_DATABASE_MAX_SECONDARY_REGIONS = fact(10, 'docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database.html');

/** An Aurora cluster can have up to 5 custom endpoints. */
export const AURORA_MAX_CUSTOM_ENDPOINTS = fact(5, 'docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.Endpoints.Custom.html');

/**
 * The first engine version of each major line with Aurora I/O-Optimized storage. Lines older than the
 * first listed have none; lines newer than the last listed are taken to have it from their first release.
 * Aurora PostgreSQL 17.4 is the first 17 release the current page lists (aws-facts.md predates it).
 */
export const AURORA_IO_OPTIMIZED_MIN_VERSIONS = fact<Record<'aurora-mysql' | 'aurora-postgresql', Record<string, string>>>(
  {
    'aurora-mysql': { '3': '3.03.1' },
    'aurora-postgresql': { '13': '13.10', '14': '14.7', '15': '15.2', '16': '16.1', '17': '17.4' },
  },
  'docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.Aurora_Fea_Regions_DB-eng.Feature.storage-type.html',
);

/** An Aurora cluster volume keeps 6 copies of the data, 2 in each of 3 AZs of its Region (writes need 4 of 6, reads 3). */
export const AURORA_STORAGE_COPIES = fact(
  { copies: 6, azs: 3 },
  'aws.amazon.com/blogs/database/amazon-aurora-under-the-hood-quorum-and-correlated-failure',
);
