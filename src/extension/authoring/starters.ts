// The minimal starter designs of "dbarch: New architecture file": one per service family, each a
// complete, production-grade design that lints clean, so a new file starts without a single finding.
import * as l10n from '../../core/l10n';

/** A design a new file can start from: its text, the file name to suggest and what the picker shows. */
export interface Template {
  /** Stable id: `starter:<family>` or `example:<file name>`; the command accepts it as an argument. */
  id: string;
  label: string;
  /** One line beside the label. */
  description: string;
  /** A sentence under the label. */
  detail: string;
  /** The file name to suggest when the document is saved, e.g. `orders.dbarch.yaml`. */
  fileName: string;
  language: 'yaml' | 'json';
  text: string;
}

// The Region every starter uses: the first one most accounts have, and the one AWS's own docs use.
// The AZs below must belong to it (arch/az-region-mismatch).
const rdsPostgres = `# A starting point: one RDS for PostgreSQL database with a Multi-AZ standby, and the service that uses it.
# Rename things, change the Region and its AZs, and add databases with the dbarch- snippets (type "dbarch-").
dbarch: 1
name: orders-platform
description: Orders on RDS for PostgreSQL with a Multi-AZ standby
environment: production             # production | staging | development | test: how strict the rules are
region: us-east-1

applications:
  orders-api:
    description: The service that reads and writes orders
    connects:
      - { to: orders, access: read-write }          # the primary's endpoint; it follows a failover

databases:
  orders:
    service: rds
    engine: postgres
    engineVersion: "16.4"
    instanceClass: db.m7g.large
    az: us-east-1a
    # A synchronous standby in another AZ: a failover takes one to two minutes and loses no data.
    # The standby serves no reads; add readReplicas for that.
    multiAz: true
    storage: { type: gp3, sizeGiB: 100, maxSizeGiB: 500 }   # maxSizeGiB turns on storage autoscaling
    backup: { retentionDays: 7, window: "03:00-03:30" }     # UTC
    maintenance: { window: "sun:04:00-sun:04:30", autoMinorVersionUpgrade: true }
    security: { encrypted: true, publiclyAccessible: false, iamAuth: true, requireTls: true, port: 5432 }
    deletionProtection: true
`;

const auroraCluster = `# A starting point: an Aurora PostgreSQL cluster with a writer and a reader in two AZs.
# Rename things, change the Region and its AZs, and add databases with the dbarch- snippets (type "dbarch-").
dbarch: 1
name: catalog-platform
description: A product catalog on an Aurora PostgreSQL cluster, read through the reader endpoint
environment: production             # production | staging | development | test: how strict the rules are
region: us-east-1

applications:
  catalog-api:
    description: Writes products and prices
    connects:
      - { to: catalog, access: read-write }                     # the cluster (writer) endpoint
  storefront:
    description: Shows products; reads only
    connects:
      - { to: catalog, endpoint: reader, access: read }         # the reader endpoint spreads reads over the readers

databases:
  catalog:
    service: aurora
    engine: aurora-postgresql
    engineVersion: "16.4"
    storageType: standard           # standard | io-optimized (pays off when I/O is about a quarter of the bill)
    instances:
      # A failover promotes the reader with the lowest promotion tier; giving it the writer's class
      # keeps the cluster as fast after a failover as before.
      - { name: catalog-1, role: writer, instanceClass: db.r7g.large, az: us-east-1a }
      - { name: catalog-2, role: reader, instanceClass: db.r7g.large, az: us-east-1b, promotionTier: 0 }
    backup: { retentionDays: 7, window: "03:00-03:30" }     # UTC
    maintenance: { window: "sun:04:00-sun:04:30", autoMinorVersionUpgrade: true }
    security: { encrypted: true, iamAuth: true, requireTls: true, port: 5432 }
    deletionProtection: true
`;

const dynamodbTable = `# A starting point: one DynamoDB table, its access patterns and the service that uses it.
# Rename things, change the Region, and add databases with the dbarch- snippets (type "dbarch-").
dbarch: 1
name: carts-platform
description: Shopping carts in a DynamoDB table, one item per product in a cart
environment: production             # production | staging | development | test: how strict the rules are
region: us-east-1

applications:
  cart-api:
    description: Adds, changes and lists the products in a customer's cart
    connects:
      - { to: carts, access: read-write }

databases:
  carts:
    service: dynamodb
    # A partition key with many distinct values spreads the traffic over every partition;
    # the sort key orders the items of one cart.
    partitionKey: { name: customer_id, type: S }
    sortKey: { name: product_id, type: S }
    partitionKeyCardinality: 1000000          # distinct customers: drives the hot-partition check
    billing: { mode: on-demand }              # pay per request; switch to provisioned once traffic is steady
    item: { averageSizeKB: 1 }
    workload: { readsPerSecond: 500, writesPerSecond: 100, readConsistency: eventual, writeMode: standard }
    accessPatterns:                           # every query the service makes: each must match the keys or an index
      - { name: the cart of a customer, partitionKey: customer_id }
      - { name: one product in a cart, partitionKey: customer_id, sortKey: product_id }
    ttlAttribute: expires_at                  # abandoned carts expire for free
    pointInTimeRecovery: true
    security: { encryption: aws-owned }
    deletionProtection: true
`;

/**
 * The starters, in the order the picker lists them. What the picker shows is read when it is shown
 * (getters), so it is in the language configured by then, not the one of the moment this module loaded.
 */
export const STARTERS: readonly Template[] = [
  {
    id: 'starter:rds',
    get label() {
      return l10n.t('RDS PostgreSQL with Multi-AZ');
    },
    get description() {
      return l10n.t('starter, YAML');
    },
    get detail() {
      return l10n.t('One RDS for PostgreSQL database with a synchronous standby in another AZ, and the service that uses it.');
    },
    fileName: 'orders.dbarch.yaml',
    language: 'yaml',
    text: rdsPostgres,
  },
  {
    id: 'starter:aurora',
    get label() {
      return l10n.t('Aurora cluster: a writer and a reader');
    },
    get description() {
      return l10n.t('starter, YAML');
    },
    get detail() {
      return l10n.t('An Aurora PostgreSQL cluster with a writer and a failover reader in two AZs, read through the reader endpoint.');
    },
    fileName: 'catalog.dbarch.yaml',
    language: 'yaml',
    text: auroraCluster,
  },
  {
    id: 'starter:dynamodb',
    get label() {
      return l10n.t('DynamoDB table');
    },
    get description() {
      return l10n.t('starter, YAML');
    },
    get detail() {
      return l10n.t('One on-demand DynamoDB table with a high-cardinality partition key, its access patterns, TTL and PITR.');
    },
    fileName: 'carts.dbarch.yaml',
    language: 'yaml',
    text: dynamodbTable,
  },
];
