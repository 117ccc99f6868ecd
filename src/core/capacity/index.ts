// The capacity report of an architecture: for each database, what its declared load needs and how
// its copies count against AWS's limits. Pure: model in, data out; the CLI (`dbarch capacity`) and
// the hover print the same notes.
import type { Architecture, Database } from '../model/model';
import { dynamodbCapacity, type DynamodbCapacity } from './dynamodb';
import { replicaCounts, type ReplicaCount } from './replicas';
import { serverlessCapacity, type ServerlessCapacity } from './serverless';

export type { BillingCapacity, DirectionBilling, DynamodbCapacity, IndexCapacity, PartitionPressure } from './dynamodb';
export type { Note } from './notes';
export { amount } from './notes';
export type { ReplicaCount, ReplicaKind } from './replicas';
export type { ServerlessCapacity } from './serverless';
export { dynamodbCapacity, replicaCounts, serverlessCapacity };

/** The capacity sections of one database (each present only where it applies). */
export interface DatabaseCapacity {
  name: string;
  service: Database['service'];
  pointer: string;
  /** DynamoDB tables: RCU/WCU needs, capacity mode, partitions, indexes. */
  dynamodb?: DynamodbCapacity;
  /** Aurora clusters with a Serverless range or db.serverless instances: ACU to memory. */
  serverless?: ServerlessCapacity;
  /** Replica counts against their limits. */
  replicas: ReplicaCount[];
}

/** The capacity of every database of a file; databases with nothing to compute are listed apart. */
export interface CapacityReport {
  name: string | undefined;
  databases: DatabaseCapacity[];
  /** Databases with no workload, Serverless range or replicas to count (Redshift, QLDB, Timestream, Memcached). */
  without: { name: string; service: Database['service'] }[];
}

/** The capacity report of an architecture. */
export function capacityReport(model: Architecture): CapacityReport {
  const report: CapacityReport = { name: model.name, databases: [], without: [] };
  for (const database of model.databases) {
    const section = databaseCapacity(database);
    if (section.dynamodb || section.serverless || section.replicas.length > 0) report.databases.push(section);
    else report.without.push({ name: database.name, service: database.service });
  }
  return report;
}

/** The capacity sections of one database. */
export function databaseCapacity(database: Database): DatabaseCapacity {
  const section: DatabaseCapacity = { name: database.name, service: database.service, pointer: database.pointer, replicas: replicaCounts(database) };
  if (database.service === 'dynamodb') section.dynamodb = dynamodbCapacity(database);
  if (database.service === 'aurora') {
    const serverless = serverlessCapacity(database);
    if (serverless) section.serverless = serverless;
  }
  return section;
}
