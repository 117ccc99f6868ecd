// Amazon DynamoDB facts. Sources are AWS documentation pages (docs.aws.amazon.com/amazondynamodb/latest/developerguide/...).
import { fact } from './fact';

/** One partition serves at most 3,000 RCU and 1,000 WCU, whatever the table's capacity. */
export const DYNAMODB_PARTITION_THROUGHPUT = fact(
  { readCapacityUnits: 3000, writeCapacityUnits: 1000 },
  'repost.aws/knowledge-center/dynamodb-spiky-workloads-short-intervals',
);

/** DynamoDB key attributes must be strings, numbers or binary. */
export const DYNAMODB_KEY_TYPES = fact(['S', 'N', 'B'] as const, 'docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_AttributeDefinition.html');

/** An item (attribute names plus values) is at most 400 KB. */
export const DYNAMODB_MAX_ITEM_SIZE_KB = fact(400, 'docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html');

/**
 * Capacity units: 1 RCU is one strongly consistent read per second (or two eventually consistent
 * ones) of up to 4 KB; 1 WCU is one write per second of up to 1 KB; transactional reads and writes
 * cost twice as much. Item sizes round up to the next whole unit. On-demand request units count the same way.
 */
export const DYNAMODB_CAPACITY_UNITS = fact(
  { readUnitKB: 4, writeUnitKB: 1, eventuallyConsistentFactor: 0.5, transactionalFactor: 2 },
  'docs.aws.amazon.com/amazondynamodb/latest/developerguide/Constraints.html',
);

/** Default per-table throughput quota (provisioned RCU/WCU, or on-demand request units per second); each GSI has the same quota. */
export const DYNAMODB_TABLE_THROUGHPUT_QUOTA = fact(
  { readCapacityUnits: 40000, writeCapacityUnits: 40000 },
  'docs.aws.amazon.com/amazondynamodb/latest/developerguide/Limits.html',
);

/**
 * Secondary index limits: 20 GSIs (a default quota), 5 LSIs, and 100 projected (INCLUDE) attributes
 * summed over all the table's indexes. LSIs need a table with a sort key and use its partition key.
 */
export const DYNAMODB_INDEX_LIMITS = fact(
  { globalSecondaryIndexes: 20, localSecondaryIndexes: 5, projectedAttributes: 100 },
  'docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html',
);

/** Global tables versions: 2019.11.21 is current, 2017.11.29 is legacy. */
export const DYNAMODB_GLOBAL_TABLE_VERSIONS = fact(
  { current: '2019.11.21', legacy: '2017.11.29' } as const,
  'docs.aws.amazon.com/amazondynamodb/latest/developerguide/globaltables.DetermineVersion.html',
);

/** An MREC (multi-Region eventually consistent) global table with more than one replica needs DynamoDB Streams on: it replicates through them. */
export const DYNAMODB_MREC_STREAM_REQUIRED = fact(
  { fromReplicas: 2 },
  'docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-dynamodb-globaltable-streamspecification.html',
);

/** A legacy (2017.11.29) global table needs a stream that holds both the new and the old images. */
export const DYNAMODB_LEGACY_GLOBAL_TABLE_STREAM_VIEW = fact(
  'NEW_AND_OLD_IMAGES' as const,
  'docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateGlobalTable.html',
);

/**
 * The view type DynamoDB turns on for a current (2019.11.21) MREC global table. Whether another view
 * type is rejected is not documented (a third-party test found an existing KEYS_ONLY stream kept).
 */
export const DYNAMODB_GLOBAL_TABLE_STREAM_VIEW = fact(
  'NEW_AND_OLD_IMAGES' as const,
  'docs.aws.amazon.com/amazondynamodb/latest/developerguide/V2globaltables_HowItWorks.html',
  { unconfirmed: true },
);

/**
 * An MRSC (multi-Region strongly consistent) global table spans exactly 3 Regions (3 replicas, or 2
 * replicas and a witness), all in one Region set.
 */
export const DYNAMODB_MRSC = fact(
  {
    regions: 3,
    regionSets: {
      US: ['us-east-1', 'us-east-2', 'us-west-2'],
      EU: ['eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1'],
      AP: ['ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3'],
    } as Record<string, readonly string[]>,
  },
  'docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-dynamodb-globaltable-globaltablewitness.html',
);

/** Point-in-time recovery: a recovery period of 1-35 days (default 35); the latest restorable time is about 5 minutes ago. */
export const DYNAMODB_PITR = fact(
  { minDays: 1, maxDays: 35, defaultDays: 35, latestRestorableMinutes: 5 },
  'docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PointInTimeRecoverySpecification.html',
);

/** A DynamoDB stream keeps each change record for 24 hours. */
export const DYNAMODB_STREAM_RETENTION_HOURS = fact(24, 'docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_StreamSpecification.html');

/** A DAX cluster has 1-11 nodes (a primary and up to 10 read replicas); AWS recommends 3 or more, in different AZs, for production. */
export const DAX_CLUSTER_NODES = fact({ min: 1, max: 11, productionMin: 3 }, 'docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAX.concepts.cluster.html');

/** DAX caches eventually consistent reads (item and query cache TTL 5 minutes by default); strongly consistent and transactional reads pass through to DynamoDB uncached. */
export const DAX_CACHING = fact({ defaultTtlMinutes: 5, passThrough: ['strong', 'transactional'] as const }, 'docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAX.consistency.html');

/** Provisioned tables keep up to 300 seconds of unused capacity as burst capacity for short spikes. */
export const DYNAMODB_BURST_CAPACITY_SECONDS = fact(300, 'repost.aws/knowledge-center/dynamodb-spiky-workloads-short-intervals');
