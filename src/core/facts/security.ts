// Security feature support (IAM authentication, encryption, TLS) by service and engine. Each fact carries the public page it comes from (see fact.ts).
import { fact } from './fact';

/**
 * RDS, Aurora, DocumentDB and Neptune leave storage unencrypted unless StorageEncrypted is set; an
 * unencrypted RDS instance cannot be encrypted in place (snapshot -> encrypted copy -> restore).
 * Encryption covers storage, automated backups, snapshots and read replicas.
 */
export const RDS_STORAGE_ENCRYPTED_DEFAULT = fact(false, 'docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html');

/** The engines with IAM database authentication. Not RDS for Db2, Oracle or SQL Server. */
export const IAM_DATABASE_AUTH_ENGINES = fact(
  { rds: ['mysql', 'mariadb', 'postgres'] as readonly string[], aurora: ['aurora-mysql', 'aurora-postgresql'] as readonly string[] },
  'docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.RDS_Fea_Regions_DB-eng.Feature.IamDatabaseAuthentication.html',
);

/** RDS for PostgreSQL 15 and later default `rds.force_ssl` to 1 (TLS required); 14 and older default to 0. */
export const RDS_POSTGRES_FORCE_SSL_DEFAULT = fact(
  { fromMajorVersion: 15 },
  'docs.aws.amazon.com/AmazonRDS/latest/UserGuide/PostgreSQL.Concepts.General.SSL.html#PostgreSQL.Concepts.General.SSL.Requiring',
);

/** RDS for MariaDB 11.8 and later default `require_secure_transport` to ON (TLS required); 11.4 and older default to OFF. */
export const RDS_MARIADB_REQUIRE_SECURE_TRANSPORT_DEFAULT = fact(
  { fromVersion: '11.8' },
  'docs.aws.amazon.com/AmazonRDS/latest/UserGuide/mariadb-ssl-connections.require-ssl.html',
);

/** RDS for MySQL 9.7 and later default `require_secure_transport` to 1 (TLS required); 8.4 and older default to 0. */
export const RDS_MYSQL_REQUIRE_SECURE_TRANSPORT_DEFAULT = fact(
  { fromVersion: '9.7' },
  'docs.aws.amazon.com/AmazonRDS/latest/UserGuide/mysql-ssl-connections.require-ssl.html',
);

/** Amazon Redshift encrypts databases by default; an unencrypted cluster can be modified to encrypt (Redshift migrates the data). */
export const REDSHIFT_ENCRYPTED_BY_DEFAULT = fact(true, 'docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html');

/** By default a Redshift cluster accepts connections with or without SSL (`require_ssl` off). */
export const REDSHIFT_REQUIRE_SSL_DEFAULT = fact(false, 'docs.aws.amazon.com/redshift/latest/mgmt/connecting-ssl-support.html');

/**
 * ElastiCache at-rest encryption (AtRestEncryptionEnabled) defaults to on for Valkey and off for Redis OSS,
 * can only be chosen at creation, and exists only for Valkey and Redis OSS replication groups (not for
 * node-based Memcached clusters).
 */
export const ELASTICACHE_AT_REST_ENCRYPTION_DEFAULT = fact(
  { valkey: true, redis: false } as Readonly<Record<'valkey' | 'redis', boolean>>,
  'docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateReplicationGroup.html',
);

/** ElastiCache in-transit encryption (TransitEncryptionEnabled) is off unless set; Memcached has it from 1.6.12. */
export const ELASTICACHE_IN_TRANSIT_ENCRYPTION = fact(
  { defaultEnabled: false, memcachedFromVersion: '1.6.12' },
  'docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption.html',
);

/** DAX encryption at rest is off unless requested and can only be turned on when the cluster is created. */
export const DAX_ENCRYPTION_DEFAULT = fact(false, 'docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAXEncryptionAtRest.html');

/** Amazon DocumentDB requires TLS by default on new clusters (the `tls` cluster parameter); it can be disabled. */
export const DOCUMENTDB_TLS_DEFAULT = fact(true, 'docs.aws.amazon.com/documentdb/latest/developerguide/security.encryption.ssl.html');

/** A DMS replication instance gets a public IP address unless PubliclyAccessible is false (API default: true). */
export const DMS_PUBLICLY_ACCESSIBLE_DEFAULT = fact(true, 'docs.aws.amazon.com/dms/latest/APIReference/API_CreateReplicationInstance.html');

/** Deletion protection is off unless requested (API and CLI) on RDS, Aurora, DocumentDB, Neptune and DynamoDB. */
export const DELETION_PROTECTION_DEFAULT = fact(false, 'docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html');

// KMS keys belong to one Region: an encrypted copy of data in another Region needs a key of that Region.
// Each fact below is the API parameter that names that key.

/** RDS: an encrypted cross-Region read replica must name a KMS key of the destination Region. */
export const RDS_CROSS_REGION_REPLICA_KMS_KEY = fact('KmsKeyId', 'docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstanceReadReplica.html');

/** Aurora: a cluster that replicates an encrypted cluster into another Region needs a KMS key valid in that Region. */
export const AURORA_CROSS_REGION_KMS_KEY = fact('KmsKeyId', 'docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBCluster.html');

/** DynamoDB global tables: with a customer managed key, each replica names a key created in the replica's own Region. */
export const DYNAMODB_REPLICA_KMS_KEY = fact(
  'ReplicaSSESpecification.KMSMasterKeyId',
  'docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-dynamodb-globaltable-replicassespecification.html',
);
