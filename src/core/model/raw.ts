// Raw (un-normalised) architecture document, exactly as parsed from YAML/JSON.
// Mirrors schemas/dbarch.schema.json one to one: every property is optional except those the
// schema lists in `required`; shorthands stay unions (normalisation happens elsewhere).

// A name of a database, replica, instance, application, migration or custom endpoint: ^[a-z][a-z0-9-]{0,62}$.
export type RawName = string;

// A reference used by `to:`: a database name or `database/member`.
export type RawReference = string;

// An AWS Region code such as `ap-northeast-2`.
export type RawRegion = string;

// An Availability Zone code such as `ap-northeast-2a` (or a Local Zone such as `us-west-2-lax-1a`).
export type RawAz = string;

// An IPv4 or IPv6 CIDR block such as `10.0.1.0/24`.
export type RawCidr = string;

// A KMS key alias, key ID or key ARN.
export type RawKmsKey = string;

// Which environment the design is for (schema default: production).
export type RawEnvironment = 'production' | 'staging' | 'development' | 'test';

// The root of an architecture file.
export interface RawArchitecture {
  $schema?: string;
  dbarch: 1;
  name: string;
  description?: string;
  environment?: RawEnvironment;
  region?: RawRegion;
  applications?: Record<RawName, RawApplication>;
  databases?: Record<RawName, RawDatabase>;
  migrations?: RawMigration[];
}

// ---------------------------------------------------------------------------
// Applications
// ---------------------------------------------------------------------------

// A client of the databases (service, function, BI tool).
export interface RawApplication {
  description?: string;
  region?: RawRegion;
  connects?: RawConnection[];
}

// What an application does over a connection.
export type RawAccess = 'read' | 'read-write';

// A built-in endpoint kind; any other string is the name of an Aurora custom endpoint.
export type RawBuiltinEndpoint = 'writer' | 'reader';

// One connection from an application to a database or one of its members.
export interface RawConnection {
  to: RawReference;
  access: RawAccess;
  endpoint?: RawBuiltinEndpoint | RawName;
  description?: string;
}

// ---------------------------------------------------------------------------
// Databases: discriminated on `service`
// ---------------------------------------------------------------------------

// The AWS services a database can be.
export type RawService =
  | 'rds'
  | 'aurora'
  | 'dynamodb'
  | 'elasticache'
  | 'redshift'
  | 'documentdb'
  | 'neptune'
  | 'qldb'
  | 'timestream';

// One database of the file, discriminated on `service`.
export type RawDatabase =
  | RawRdsDatabase
  | RawAuroraDatabase
  | RawDynamodbTable
  | RawElasticacheCluster
  | RawRedshiftCluster
  | RawDocumentdbCluster
  | RawNeptuneCluster
  | RawQldbLedger
  | RawTimestreamDatabase;

// ---------------------------------------------------------------------------
// Shared RDS / cluster pieces
// ---------------------------------------------------------------------------

// Automated backups of an RDS instance, RDS replica or Aurora cluster (retentionDays >= 0; rules check the upper range).
export interface RawBackup {
  retentionDays?: number;
  window?: string;
}

// Automated backups of a DocumentDB or Neptune cluster (retentionDays 1-35 in the schema).
export interface RawClusterBackup {
  retentionDays?: number;
  window?: string;
}

// Weekly maintenance window and automatic minor version upgrades.
export interface RawMaintenance {
  window?: string;
  autoMinorVersionUpgrade?: boolean;
}

// Encryption and network access of an RDS instance or Aurora cluster.
export interface RawDbSecurity {
  encrypted?: boolean;
  kmsKey?: RawKmsKey;
  publiclyAccessible?: boolean;
  iamAuth?: boolean;
  requireTls?: boolean;
  allowedCidrs?: RawCidr[];
  port?: number;
}

// Encryption and network access of a DocumentDB or Neptune cluster (no public access setting).
export interface RawClusterSecurity {
  encrypted?: boolean;
  kmsKey?: RawKmsKey;
  iamAuth?: boolean;
  requireTls?: boolean;
  allowedCidrs?: RawCidr[];
  port?: number;
}

// RDS Proxy in front of an RDS instance or Aurora cluster (enabled defaults to true when written).
export interface RawProxy {
  enabled?: boolean;
  requireTls?: boolean;
  iamAuth?: boolean;
  description?: string;
}

// Role of an instance inside a cluster (schema default: reader).
export type RawInstanceRole = 'writer' | 'reader';

// ---------------------------------------------------------------------------
// RDS
// ---------------------------------------------------------------------------

// RDS database engines.
export type RawRdsEngine =
  | 'mysql'
  | 'mariadb'
  | 'postgres'
  | 'oracle-ee'
  | 'oracle-se2'
  | 'sqlserver-ee'
  | 'sqlserver-se'
  | 'sqlserver-ex'
  | 'sqlserver-web'
  | 'db2-se'
  | 'db2-ae';

// Kind of RDS Multi-AZ deployment (schema default: instance).
export type RawRdsMultiAzMode = 'instance' | 'cluster';

// The object form of the RDS `multiAz` shorthand.
export interface RawRdsMultiAzObject {
  mode?: RawRdsMultiAzMode;
  standbyAz?: RawAz;
}

// The RDS `multiAz` shorthand: true | false | { mode, standbyAz }.
export type RawRdsMultiAz = boolean | RawRdsMultiAzObject;

// RDS storage types.
export type RawRdsStorageType = 'gp2' | 'gp3' | 'io1' | 'io2' | 'magnetic';

// Storage of an RDS instance or replica.
export interface RawRdsStorage {
  type?: RawRdsStorageType;
  sizeGiB?: number;
  iops?: number;
  throughputMiBps?: number;
  maxSizeGiB?: number;
}

// An RDS read replica (possibly cross-Region, possibly with chained replicas of its own).
export interface RawReadReplica {
  name: RawName;
  description?: string;
  region?: RawRegion;
  az?: RawAz;
  instanceClass?: string;
  kmsKey?: RawKmsKey;
  publiclyAccessible?: boolean;
  multiAz?: RawRdsMultiAz;
  storage?: RawRdsStorage;
  backup?: RawBackup;
  readReplicas?: RawReadReplica[];
}

// An Amazon RDS DB instance.
export interface RawRdsDatabase {
  service: 'rds';
  description?: string;
  region?: RawRegion;
  az?: RawAz;
  engine: RawRdsEngine;
  engineVersion?: string;
  instanceClass?: string;
  multiAz?: RawRdsMultiAz;
  storage?: RawRdsStorage;
  backup?: RawBackup;
  maintenance?: RawMaintenance;
  security?: RawDbSecurity;
  deletionProtection?: boolean;
  proxy?: RawProxy;
  readReplicas?: RawReadReplica[];
}

// ---------------------------------------------------------------------------
// Aurora
// ---------------------------------------------------------------------------

// Aurora engines.
export type RawAuroraEngine = 'aurora-mysql' | 'aurora-postgresql';

// Aurora cluster storage configuration (schema default: standard).
export type RawAuroraStorageType = 'standard' | 'io-optimized';

// One DB instance of an Aurora cluster.
export interface RawAuroraInstance {
  name: RawName;
  description?: string;
  role?: RawInstanceRole;
  instanceClass?: string;
  az?: RawAz;
  promotionTier?: number;
  publiclyAccessible?: boolean;
}

// Auto-pause of Aurora Serverless v2 instances (enabled defaults to true when written).
export interface RawAuroraAutoPause {
  enabled?: boolean;
  delaySeconds?: number;
}

// Aurora Serverless capacity settings (version default 2).
export interface RawAuroraServerless {
  version?: 1 | 2;
  minAcu?: number;
  maxAcu?: number;
  autoPause?: RawAuroraAutoPause;
}

// Aurora Auto Scaling of readers.
export interface RawAuroraAutoScaling {
  minReplicas?: number;
  maxReplicas?: number;
  targetCpuPercent?: number;
}

// A Region holding a copy of the data, with the KMS key that encrypts it there.
export interface RawRegionWithKmsKey {
  region: RawRegion;
  kmsKey?: RawKmsKey;
}

// The Region-list shorthand of global databases and global tables: a Region code or { region, kmsKey }.
export type RawReplicaRegion = RawRegion | RawRegionWithKmsKey;

// Aurora Global Database (the primary Region is the cluster's region).
export interface RawGlobalDatabase {
  secondaryRegions: RawReplicaRegion[];
}

// Type of an Aurora custom endpoint.
export type RawCustomEndpointType = 'reader' | 'writer' | 'any';

// An Aurora custom endpoint.
export interface RawCustomEndpoint {
  type: RawCustomEndpointType;
  members?: RawName[];
  description?: string;
}

// An Amazon Aurora cluster.
export interface RawAuroraDatabase {
  service: 'aurora';
  description?: string;
  region?: RawRegion;
  az?: RawAz;
  engine: RawAuroraEngine;
  engineVersion?: string;
  storageType?: RawAuroraStorageType;
  instances?: RawAuroraInstance[];
  serverless?: RawAuroraServerless;
  autoScaling?: RawAuroraAutoScaling;
  backtrackHours?: number;
  globalDatabase?: RawGlobalDatabase;
  customEndpoints?: Record<RawName, RawCustomEndpoint>;
  backup?: RawBackup;
  maintenance?: RawMaintenance;
  security?: RawDbSecurity;
  deletionProtection?: boolean;
  proxy?: RawProxy;
}

// ---------------------------------------------------------------------------
// DynamoDB
// ---------------------------------------------------------------------------

// Attribute types of a sort key.
export type RawKeyType = 'S' | 'N' | 'B';

// Attribute types of a partition key (BOOL is not valid in DynamoDB; accepted so a rule can explain it).
export type RawPartitionKeyType = RawKeyType | 'BOOL';

// A partition (hash) key attribute.
export interface RawKeyAttribute {
  name: string;
  type: RawPartitionKeyType;
}

// A sort (range) key attribute.
export interface RawSortKeyAttribute {
  name: string;
  type: RawKeyType;
}

// DynamoDB capacity mode (schema default: on-demand).
export type RawBillingMode = 'on-demand' | 'provisioned';

// Application Auto Scaling of provisioned capacity.
export interface RawCapacityAutoScaling {
  min?: number;
  max?: number;
  targetUtilizationPercent?: number;
}

// DynamoDB capacity mode and provisioned capacities (capacities are accepted with either mode; a rule reports mismatches).
export interface RawDynamodbBilling {
  mode: RawBillingMode;
  readCapacity?: number;
  writeCapacity?: number;
  autoScaling?: RawCapacityAutoScaling;
}

// Typical item of a table.
export interface RawDynamodbItem {
  averageSizeKB?: number;
}

// How reads are made (schema default: eventual).
export type RawReadConsistency = 'eventual' | 'strong' | 'transactional';

// How writes are made (schema default: standard).
export type RawWriteMode = 'standard' | 'transactional';

// Expected traffic of a table.
export interface RawDynamodbWorkload {
  readsPerSecond?: number;
  writesPerSecond?: number;
  readConsistency?: RawReadConsistency;
  writeMode?: RawWriteMode;
}

// One access pattern of a table: the attributes a query selects and sorts on.
export interface RawAccessPattern {
  name: string;
  description?: string;
  index?: string;
  partitionKey: string;
  sortKey?: string;
}

// The simple forms of an index projection.
export type RawProjectionKind = 'all' | 'keys-only';

// The INCLUDE form of an index projection.
export interface RawProjectionInclude {
  include: string[];
}

// An index projection: all | keys-only | { include: [...] }.
export type RawProjection = RawProjectionKind | RawProjectionInclude;

// A global secondary index.
export interface RawGlobalSecondaryIndex {
  name: string;
  description?: string;
  partitionKey: RawKeyAttribute;
  sortKey?: RawSortKeyAttribute;
  partitionKeyCardinality?: number;
  projection?: RawProjection;
  readCapacity?: number;
  writeCapacity?: number;
}

// A local secondary index (partitionKey is normally omitted; a rule reports one that differs from the table's).
export interface RawLocalSecondaryIndex {
  name: string;
  description?: string;
  partitionKey?: RawKeyAttribute;
  sortKey: RawSortKeyAttribute;
  projection?: RawProjection;
}

// DynamoDB Streams view types.
export type RawStreamViewType = 'KEYS_ONLY' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES';

// DynamoDB Streams settings (enabled defaults to true when written).
export interface RawDynamodbStreams {
  enabled?: boolean;
  viewType?: RawStreamViewType;
  consumers?: RawName[];
}

// The object form of the pointInTimeRecovery shorthand (enabled defaults to true when written).
export interface RawPointInTimeRecoveryObject {
  enabled?: boolean;
  recoveryPeriodDays?: number;
}

// The pointInTimeRecovery shorthand: true | false | { enabled, recoveryPeriodDays }.
export type RawPointInTimeRecovery = boolean | RawPointInTimeRecoveryObject;

// Global table consistency mode: eventual = MREC, strong = MRSC (schema default: eventual).
export type RawGlobalTableConsistency = 'eventual' | 'strong';

// Global tables version (schema default: 2019.11.21).
export type RawGlobalTableVersion = '2019.11.21' | '2017.11.29';

// DynamoDB global table settings (replicaRegions exclude the table's own Region).
export interface RawGlobalTable {
  replicaRegions: RawReplicaRegion[];
  consistency?: RawGlobalTableConsistency;
  version?: RawGlobalTableVersion;
  witnessRegion?: RawRegion;
}

// DynamoDB Accelerator cluster in front of a table.
export interface RawDax {
  nodeType?: string;
  nodes?: number;
  azs?: RawAz[];
  encrypted?: boolean;
  description?: string;
}

// Which KMS key encrypts a DynamoDB table (schema default: aws-owned).
export type RawDynamodbEncryption = 'aws-owned' | 'aws-managed' | 'customer-managed';

// Encryption at rest of a DynamoDB table.
export interface RawDynamodbSecurity {
  encryption?: RawDynamodbEncryption;
  kmsKey?: RawKmsKey;
}

// DynamoDB table classes (schema default: standard).
export type RawTableClass = 'standard' | 'standard-ia';

// An Amazon DynamoDB table.
export interface RawDynamodbTable {
  service: 'dynamodb';
  description?: string;
  region?: RawRegion;
  partitionKey: RawKeyAttribute;
  sortKey?: RawSortKeyAttribute;
  billing?: RawDynamodbBilling;
  item?: RawDynamodbItem;
  workload?: RawDynamodbWorkload;
  partitionKeyCardinality?: number;
  accessPatterns?: RawAccessPattern[];
  globalSecondaryIndexes?: RawGlobalSecondaryIndex[];
  localSecondaryIndexes?: RawLocalSecondaryIndex[];
  ttlAttribute?: string;
  streams?: RawDynamodbStreams;
  pointInTimeRecovery?: RawPointInTimeRecovery;
  globalTable?: RawGlobalTable;
  dax?: RawDax;
  tableClass?: RawTableClass;
  security?: RawDynamodbSecurity;
  deletionProtection?: boolean;
}

// ---------------------------------------------------------------------------
// ElastiCache
// ---------------------------------------------------------------------------

// ElastiCache engines.
export type RawElasticacheEngine = 'valkey' | 'redis' | 'memcached';

// What an ElastiCache cluster is used for (schema default: cache).
export type RawCacheRole = 'cache' | 'session-store' | 'primary-store';

// Encryption and network access of an ElastiCache cluster.
export interface RawElasticacheSecurity {
  encrypted?: boolean;
  kmsKey?: RawKmsKey;
  encryptedInTransit?: boolean;
  authToken?: boolean;
  allowedCidrs?: RawCidr[];
  port?: number;
}

// An Amazon ElastiCache cluster (Valkey, Redis OSS or Memcached).
export interface RawElasticacheCluster {
  service: 'elasticache';
  description?: string;
  region?: RawRegion;
  azs?: RawAz[];
  engine: RawElasticacheEngine;
  engineVersion?: string;
  nodeType?: string;
  shards?: number;
  replicasPerShard?: number;
  multiAz?: boolean;
  cacheFor?: RawName;
  role?: RawCacheRole;
  snapshotRetentionDays?: number;
  security?: RawElasticacheSecurity;
}

// ---------------------------------------------------------------------------
// Redshift
// ---------------------------------------------------------------------------

// Redshift node types (including deprecated dc2 and retired ds2/dc1, which rules report).
export type RawRedshiftNodeType =
  | 'ra3.large'
  | 'ra3.xlplus'
  | 'ra3.4xlarge'
  | 'ra3.16xlarge'
  | 'dc2.large'
  | 'dc2.8xlarge'
  | 'ds2.xlarge'
  | 'ds2.8xlarge'
  | 'dc1.large'
  | 'dc1.8xlarge';

// Redshift Serverless capacity (baseRpu 8-512 in steps of 8, default 128).
export interface RawRedshiftServerless {
  baseRpu?: number;
}

// Redshift Spectrum external data in S3.
export interface RawRedshiftSpectrum {
  s3Locations?: string[];
}

// Encryption and network access of a Redshift cluster or workgroup.
export interface RawRedshiftSecurity {
  encrypted?: boolean;
  kmsKey?: RawKmsKey;
  publiclyAccessible?: boolean;
  requireTls?: boolean;
  allowedCidrs?: RawCidr[];
  port?: number;
}

// An Amazon Redshift warehouse: provisioned (nodeType + nodes) or serverless.
export interface RawRedshiftCluster {
  service: 'redshift';
  description?: string;
  region?: RawRegion;
  az?: RawAz;
  nodeType?: RawRedshiftNodeType;
  nodes?: number;
  serverless?: RawRedshiftServerless;
  multiAz?: boolean;
  concurrencyScaling?: boolean;
  enhancedVpcRouting?: boolean;
  spectrum?: RawRedshiftSpectrum;
  snapshotRetentionDays?: number;
  security?: RawRedshiftSecurity;
}

// ---------------------------------------------------------------------------
// DocumentDB / Neptune
// ---------------------------------------------------------------------------

// One instance of a DocumentDB or Neptune cluster.
export interface RawClusterInstance {
  name: RawName;
  description?: string;
  role?: RawInstanceRole;
  instanceClass?: string;
  az?: RawAz;
  promotionTier?: number;
}

// An Amazon DocumentDB instance-based cluster.
export interface RawDocumentdbCluster {
  service: 'documentdb';
  description?: string;
  region?: RawRegion;
  az?: RawAz;
  engineVersion?: string;
  instances?: RawClusterInstance[];
  backup?: RawClusterBackup;
  maintenance?: RawMaintenance;
  security?: RawClusterSecurity;
  deletionProtection?: boolean;
}

// An Amazon Neptune cluster.
export interface RawNeptuneCluster {
  service: 'neptune';
  description?: string;
  region?: RawRegion;
  az?: RawAz;
  engineVersion?: string;
  instances?: RawClusterInstance[];
  backup?: RawClusterBackup;
  maintenance?: RawMaintenance;
  security?: RawClusterSecurity;
  deletionProtection?: boolean;
}

// ---------------------------------------------------------------------------
// QLDB / Timestream
// ---------------------------------------------------------------------------

// An Amazon QLDB ledger (end of support 2025-07-31; accepted so old designs load).
export interface RawQldbLedger {
  service: 'qldb';
  description?: string;
  region?: RawRegion;
}

// Which Timestream product.
export type RawTimestreamVariant = 'influxdb' | 'liveanalytics';

// An Amazon Timestream database.
export interface RawTimestreamDatabase {
  service: 'timestream';
  description?: string;
  region?: RawRegion;
  variant?: RawTimestreamVariant;
  // The account already used LiveAnalytics in this Region before it closed to new customers (2025-06-20).
  existingCustomer?: boolean;
}

// ---------------------------------------------------------------------------
// Migrations (AWS DMS)
// ---------------------------------------------------------------------------

// DMS migration task types.
export type RawMigrationType = 'full-load' | 'cdc' | 'full-load-and-cdc';

// How schema and code are converted.
export type RawSchemaConversion = 'sct' | 'dms-schema-conversion' | 'none';

// Where an external migration source runs.
export type RawSourceLocation = 'on-premises' | 'ec2' | 'rds' | 'other-cloud';

// Engine names the schema suggests for an external source (any other string is accepted too).
export type RawKnownSourceEngine =
  | 'oracle'
  | 'sqlserver'
  | 'sqlserver-ee'
  | 'sqlserver-se'
  | 'sqlserver-ex'
  | 'sqlserver-web'
  | 'mysql'
  | 'mariadb'
  | 'postgres'
  | 'aurora-mysql'
  | 'aurora-postgresql'
  | 'db2'
  | 'sap-ase'
  | 'mongodb'
  | 'documentdb'
  | 'azure-sql'
  | 's3';

// A migration source outside the file (engine is free text; RawKnownSourceEngine lists the suggested values).
export interface RawExternalSource {
  engine: string;
  version?: string;
  location?: RawSourceLocation;
}

// A migration source: a database name of this file or an external source.
export type RawMigrationSource = RawName | RawExternalSource;

// The DMS replication instance that runs a migration.
export interface RawReplicationInstance {
  instanceClass?: string;
  multiAz?: boolean;
  publiclyAccessible?: boolean;
  az?: RawAz;
}

// A data migration or ongoing replication with AWS DMS.
export interface RawMigration {
  name: RawName;
  description?: string;
  source: RawMigrationSource;
  target: RawName;
  type: RawMigrationType;
  schemaConversion?: RawSchemaConversion;
  replicationInstance?: RawReplicationInstance;
}
