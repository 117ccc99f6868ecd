// What AWS does when an instance, an Availability Zone or a Region fails: who takes over, how fast and
// how much data is lost. The failure simulation (src/core/failure/) reads these; each fact carries the
// public page it comes from (see fact.ts), all rows of shared/reference/aws-facts.md.
import { fact } from './fact';

/**
 * A Multi-AZ DB cluster (MySQL, PostgreSQL) has a writer and two readable standbys in three AZs and
 * fails over to one of the standbys, typically in under 35 seconds.
 */
export const RDS_MULTI_AZ_CLUSTER_FAILOVER = fact(
  { maxSeconds: 35, readableStandbys: 2, azs: 3 },
  'docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.RDS_Fea_Regions_DB-eng.Feature.MultiAZDBClusters.html',
);

/**
 * A read replica copies its source asynchronously and never takes over by itself: someone promotes it
 * to a standalone instance (which then has its own endpoint), losing whatever it had not received yet
 * (its replication lag).
 */
export const RDS_READ_REPLICA_PROMOTION = fact({ replication: 'asynchronous', promotion: 'manual' } as const, 'docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReadRepl.html');

/**
 * Of the 6 copies of an Aurora cluster volume (AURORA_STORAGE_COPIES: 2 in each of 3 AZs), a write
 * needs 4 and a read 3. Losing one AZ (2 copies) keeps both; losing an AZ and one more copy keeps reads only.
 */
export const AURORA_STORAGE_QUORUM = fact(
  { writeCopies: 4, readCopies: 3 },
  'aws.amazon.com/blogs/database/amazon-aurora-under-the-hood-quorum-and-correlated-failure',
);

/**
 * Aurora Global Database replicates storage asynchronously to each secondary Region, typically under
 * 1 second behind; a managed failover (or promotion) of a secondary Region takes under a minute.
 */
export const AURORA_GLOBAL_DATABASE_FAILOVER = fact(
  { lagSeconds: 1, promotionSeconds: 60 },
  'docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database.html',
);

/**
 * DynamoDB is a Regional service, resilient to the loss of a whole AZ (99.99% designed availability in
 * one Region); a global table keeps a writable replica in each of its Regions (99.999%). There is no
 * global endpoint: an application uses the replica of its Region.
 */
export const DYNAMODB_AVAILABILITY = fact(
  { singleRegionPercent: 99.99, globalTablePercent: 99.999 },
  'docs.aws.amazon.com/prescriptive-guidance/latest/dynamodb-global-tables/overview.html',
);

/**
 * Global table consistency: MREC (`eventual`) replicates each write to the other Regions in the
 * background, so a lost Region may take its last writes with it; MRSC (`strong`) writes to the other
 * Regions before it answers, so no acknowledged write is lost.
 */
export const DYNAMODB_GLOBAL_TABLE_REPLICATION = fact(
  { eventual: 'asynchronous', strong: 'synchronous' } as const,
  'docs.aws.amazon.com/prescriptive-guidance/latest/dynamodb-global-tables/overview.html',
);

/**
 * A DAX cluster has a primary node and read replicas; when the primary fails, DAX promotes a replica.
 * The page aws-facts.md cites for DAX's node counts says so, but the row itself does not: unconfirmed.
 */
export const DAX_FAILOVER = fact({ promotesReplica: true }, 'docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAX.concepts.cluster.html', { unconfirmed: true });
