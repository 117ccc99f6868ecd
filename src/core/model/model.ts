// The typed, normalised architecture: defaults filled in (Region and AZ inheritance, promotion tiers),
// shorthands expanded (`multiAz: true`, `pointInTimeRecovery: true`), references resolved, and every
// element keeping the JSON pointer it came from so findings land on the right text.
import { AURORA_PROMOTION_TIER } from '../facts/aurora';
import { toPointer, type PathSegment } from '../document/source';
import type { Environment } from '../findings';
import { isObject, type Complete } from '../shapes';
import type {
  RawApplication,
  RawArchitecture,
  RawAuroraDatabase,
  RawClusterInstance,
  RawAuroraInstance,
  RawConnection,
  RawDatabase,
  RawDocumentdbCluster,
  RawDynamodbTable,
  RawElasticacheCluster,
  RawExternalSource,
  RawGlobalSecondaryIndex,
  RawLocalSecondaryIndex,
  RawMigration,
  RawNeptuneCluster,
  RawQldbLedger,
  RawRdsDatabase,
  RawRdsMultiAz,
  RawReadReplica,
  RawRedshiftCluster,
  RawService,
  RawTimestreamDatabase,
} from './raw';

export type { RawService as Service } from './raw';

/** A Multi-AZ setting with its shorthand expanded. */
export interface MultiAzDeployment {
  enabled: boolean;
  /** `instance`: one synchronous standby that serves no reads; `cluster`: two readable standbys. */
  mode: 'instance' | 'cluster';
  standbyAz?: string;
  /** Where `multiAz` is written, or the owner's pointer when it is not written. */
  pointer: string;
  /** Whether the file says anything about Multi-AZ. */
  declared: boolean;
}

/** An RDS read replica, possibly of another replica (chained) or in another Region. */
export interface ReadReplica extends Omit<RawReadReplica, 'multiAz' | 'readReplicas' | 'region' | 'az'> {
  kind: 'replica';
  pointer: string;
  /** The RDS database at the root of the replication tree. */
  database: string;
  /** The database or replica it replicates from. */
  source: { name: string; pointer: string; kind: 'database' | 'replica'; region: string | undefined };
  /** 1 for a replica of the database, 2 for a replica of a replica, ... */
  depth: number;
  region: string | undefined;
  az: string | undefined;
  crossRegion: boolean;
  multiAz: MultiAzDeployment;
  readReplicas: ReadReplica[];
}

/** An RDS DB instance (or Multi-AZ DB cluster) with its replicas. */
export interface RdsDatabase extends Omit<RawRdsDatabase, 'multiAz' | 'readReplicas' | 'region' | 'az'> {
  name: string;
  pointer: string;
  region: string | undefined;
  az: string | undefined;
  multiAz: MultiAzDeployment;
  /** Direct replicas. */
  readReplicas: ReadReplica[];
  /** Every replica of the tree, depth first. */
  allReplicas: ReadReplica[];
}

/** An instance of an Aurora, DocumentDB or Neptune cluster. */
export interface ClusterInstance extends Omit<RawClusterInstance & RawAuroraInstance, 'role' | 'az' | 'promotionTier'> {
  kind: 'instance';
  pointer: string;
  database: string;
  role: 'writer' | 'reader';
  promotionTier: number;
  region: string | undefined;
  az: string | undefined;
}

/** An Aurora DB cluster. */
export interface AuroraCluster extends Omit<RawAuroraDatabase, 'instances' | 'region' | 'az'> {
  name: string;
  pointer: string;
  region: string | undefined;
  az: string | undefined;
  instances: ClusterInstance[];
}

/** A DocumentDB cluster. */
export interface DocumentdbCluster extends Omit<RawDocumentdbCluster, 'instances' | 'region' | 'az'> {
  name: string;
  pointer: string;
  region: string | undefined;
  az: string | undefined;
  instances: ClusterInstance[];
}

/** A Neptune cluster. */
export interface NeptuneCluster extends Omit<RawNeptuneCluster, 'instances' | 'region' | 'az'> {
  name: string;
  pointer: string;
  region: string | undefined;
  az: string | undefined;
  instances: ClusterInstance[];
}

/** A DynamoDB global secondary index. */
export interface GlobalSecondaryIndex extends RawGlobalSecondaryIndex {
  pointer: string;
}

/** A DynamoDB local secondary index. */
export interface LocalSecondaryIndex extends RawLocalSecondaryIndex {
  pointer: string;
}

/** A DynamoDB table. */
export interface DynamodbTable extends Omit<RawDynamodbTable, 'region' | 'pointInTimeRecovery' | 'globalSecondaryIndexes' | 'localSecondaryIndexes'> {
  name: string;
  pointer: string;
  region: string | undefined;
  /** `pointer` is where the setting is written (the table when it is not); `form` how it is written. */
  pointInTimeRecovery: { enabled: boolean; recoveryPeriodDays: number | undefined; pointer: string; form: 'boolean' | 'object' | 'absent' };
  globalSecondaryIndexes: GlobalSecondaryIndex[];
  localSecondaryIndexes: LocalSecondaryIndex[];
}

/** An ElastiCache replication group or Memcached cluster. */
export interface ElasticacheCluster extends Omit<RawElasticacheCluster, 'region' | 'shards' | 'replicasPerShard'> {
  name: string;
  pointer: string;
  region: string | undefined;
  shards: number;
  replicasPerShard: number;
}

/** A Redshift provisioned cluster or Serverless workgroup. */
export interface RedshiftCluster extends Omit<RawRedshiftCluster, 'region' | 'az'> {
  name: string;
  pointer: string;
  region: string | undefined;
  az: string | undefined;
}

/** A QLDB ledger (end of support). */
export interface QldbLedger extends Omit<RawQldbLedger, 'region'> {
  name: string;
  pointer: string;
  region: string | undefined;
}

/** A Timestream database. */
export interface TimestreamDatabase extends Omit<RawTimestreamDatabase, 'region'> {
  name: string;
  pointer: string;
  region: string | undefined;
}

/** Any database of the file. */
export type Database =
  | RdsDatabase
  | AuroraCluster
  | DynamodbTable
  | ElasticacheCluster
  | RedshiftCluster
  | DocumentdbCluster
  | NeptuneCluster
  | QldbLedger
  | TimestreamDatabase;

/** The services whose databases are clusters of instances with one writer. */
export type ClusterDatabase = AuroraCluster | DocumentdbCluster | NeptuneCluster;

/** What a reference names: a database, or one replica or instance of it. */
export interface ResolvedReference {
  database: Database;
  member?: ReadReplica | ClusterInstance;
}

/** Where a reference is written and what it may name. */
export type ReferenceContext = 'connection' | 'cache-for' | 'migration-source' | 'migration-target' | 'custom-endpoint-member' | 'stream-consumer';

/** Where a reference by name is written (a custom endpoint's members name instances of their own cluster). */
type NameContext = Exclude<ReferenceContext, 'custom-endpoint-member'>;

/** A name written in the file that must name something else of the file. */
export interface Reference {
  context: ReferenceContext;
  text: string;
  pointer: string;
  /** The names it may resolve to (for did-you-mean), computed from the context. */
  candidates(): string[];
  /** Undefined when the name resolves to nothing. */
  resolved: ResolvedReference | { application: Application } | { member: ClusterInstance } | undefined;
  /** Whether the reference resolves (the name exists, even if its database's definition is invalid). */
  exists: boolean;
}

/** An application's connection to a database or member. */
export interface Connection extends RawConnection {
  pointer: string;
  reference: Reference;
}

/** A client of the databases. */
export interface Application extends Omit<RawApplication, 'connects' | 'region'> {
  name: string;
  pointer: string;
  region: string | undefined;
  connects: Connection[];
}

/** A DMS migration: from a database of the file or an external source, into a database of the file. */
export interface Migration extends Omit<RawMigration, 'source' | 'target'> {
  pointer: string;
  source: { kind: 'database'; reference: Reference } | ({ kind: 'external'; pointer: string } & RawExternalSource);
  target: Reference | undefined;
}

/** Something with a name that must be unique in the file. */
export interface NamedElement {
  name: string;
  kind: 'database' | 'replica' | 'instance' | 'application';
  /** The pointer of the written name (a mapping key, or the `name` value of a list item). */
  namePointer: string;
  namePart: 'key' | 'value';
}

/** An Availability Zone written in the file, with the Region it must belong to. */
export interface Placement {
  az: string;
  pointer: string;
  region: string | undefined;
  /** Where that Region comes from (its own `region`, its database's, or the file's). */
  regionPointer: string | undefined;
  owner: string;
}

/** The whole normalised architecture. */
export interface Architecture {
  name: string | undefined;
  environment: Environment;
  region: string | undefined;
  databases: Database[];
  applications: Application[];
  migrations: Migration[];
  /** Every database name of the file, including databases whose definition is invalid. */
  databaseNames: Set<string>;
  byName: Map<string, Database>;
  /** Every named database, replica, instance and application, in the order the file writes them. */
  elements: NamedElement[];
  references: Reference[];
  placements: Placement[];
}

/** The database of a service, narrowed. */
export function isService<S extends RawService>(database: Database, service: S): database is Extract<Database, { service: S }> {
  return database.service === service;
}

/** Whether a database is an Aurora, DocumentDB or Neptune cluster. */
/**
 * The Region code of a `secondaryRegions` / `replicaRegions` item, written as `ap-northeast-1` or as
 * `{ region: ap-northeast-1, kmsKey: ... }`; undefined for anything else (the schema reports it).
 */
export function regionOfEntry(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry;
  if (typeof entry === 'object' && entry !== null && typeof (entry as { region?: unknown }).region === 'string') return (entry as { region: string }).region;
  return undefined;
}

export function isCluster(database: Database): database is ClusterDatabase {
  return database.service === 'aurora' || database.service === 'documentdb' || database.service === 'neptune';
}

/**
 * Builds the model from schema-checked data. Values at `invalidPaths` failed the schema and are
 * ignored, so every value the model holds has the type the schema promises.
 */
export function buildModel(data: unknown, invalidPaths: readonly PathSegment[][] = []): Architecture {
  const raw = (isObject(data) ? prune(data, invalidPaths) : {}) as Partial<RawArchitecture>;
  return new ModelBuilder(raw).build();
}

class ModelBuilder {
  private readonly model: Architecture;
  private readonly regionPointer: string | undefined;

  constructor(private readonly raw: Partial<RawArchitecture>) {
    this.model = {
      name: typeof raw.name === 'string' ? raw.name : undefined,
      environment: raw.environment ?? 'production',
      region: raw.region,
      databases: [],
      applications: [],
      migrations: [],
      databaseNames: new Set(),
      byName: new Map(),
      elements: [],
      references: [],
      placements: [],
    };
    this.regionPointer = raw.region ? '/region' : undefined;
  }

  build(): Architecture {
    for (const [name, database] of entries(this.raw.databases)) {
      this.model.databaseNames.add(name);
      this.model.elements.push({ name, kind: 'database', namePointer: toPointer(['databases', name]), namePart: 'key' });
      if (!isObject(database) || typeof database.service !== 'string') continue;
      const built = this.database(name, database as RawDatabase);
      if (!built) continue;
      this.model.databases.push(built);
      if (!this.model.byName.has(name)) this.model.byName.set(name, built);
    }
    for (const [name, application] of entries(this.raw.applications)) {
      this.model.elements.push({ name, kind: 'application', namePointer: toPointer(['applications', name]), namePart: 'key' });
      this.model.applications.push(this.application(name, isObject(application) ? (application as RawApplication) : {}));
    }
    (this.raw.migrations ?? []).forEach((migration, index) => {
      if (isObject(migration)) this.model.migrations.push(this.migration(migration as RawMigration, index));
    });
    this.databaseReferences();
    // Keep named elements in the order the file writes them (applications may come before databases),
    // so "already used" always points back to the earlier definition.
    const sections = Object.keys(this.raw);
    const section = (element: NamedElement): number => sections.indexOf(element.kind === 'application' ? 'applications' : 'databases');
    this.model.elements = this.model.elements.map((element, index) => ({ element, index })).sort((a, b) => section(a.element) - section(b.element) || a.index - b.index).map(({ element }) => element);
    return this.model;
  }

  private database(name: string, raw: RawDatabase): Database | undefined {
    // A database missing a required key (reported by the schema stage) has no definite shape yet:
    // it keeps its name for references but stays out of the model until it is complete.
    if (!hasRequired(raw)) return undefined;
    const pointer = toPointer(['databases', name]);
    const region = raw.region ?? this.model.region;
    const regionPointer = raw.region ? `${pointer}/region` : this.regionPointer;
    switch (raw.service) {
      case 'rds': {
        const az = raw.az;
        this.place(az, `${pointer}/az`, region, regionPointer, name);
        const multiAz = expandMultiAz(raw.multiAz, pointer);
        this.place(multiAz.standbyAz, `${pointer}/multiAz/standbyAz`, region, regionPointer, name);
        const database: RdsDatabase = { ...raw, name, pointer, region, az, multiAz, readReplicas: [], allReplicas: [] };
        const source = { name, pointer, kind: 'database' as const, region };
        database.readReplicas = this.replicas(raw.readReplicas, `${pointer}/readReplicas`, database, source, 1, az, regionPointer);
        return database;
      }
      case 'aurora':
      case 'documentdb':
      case 'neptune': {
        const az = raw.az;
        this.place(az, `${pointer}/az`, region, regionPointer, name);
        const instances = (raw.instances ?? []).flatMap((instance, index) => {
          if (!isObject(instance) || typeof instance.name !== 'string') return [];
          const instancePointer = `${pointer}/instances/${index}`;
          this.model.elements.push({ name: instance.name, kind: 'instance', namePointer: `${instancePointer}/name`, namePart: 'value' });
          this.place(instance.az, `${instancePointer}/az`, region, regionPointer, instance.name);
          // Every field named rather than spread from the raw instance: a spread into this literal
          // was the model's slowest line. Keys the raw types do not list are schema findings already.
          const built: Complete<ClusterInstance> = {
            name: instance.name,
            description: instance.description,
            instanceClass: instance.instanceClass,
            // Aurora's key; the schema gives DocumentDB and Neptune instances none.
            publiclyAccessible: (instance as RawAuroraInstance).publiclyAccessible,
            kind: 'instance',
            pointer: instancePointer,
            database: name,
            role: instance.role ?? 'reader',
            promotionTier: instance.promotionTier ?? AURORA_PROMOTION_TIER.value.default,
            region,
            az: instance.az ?? az,
          };
          return [built];
        });
        return { ...raw, name, pointer, region, az, instances } as ClusterDatabase;
      }
      case 'dynamodb': {
        const pitr = raw.pointInTimeRecovery;
        const pitrPointer = pitr === undefined ? pointer : `${pointer}/pointInTimeRecovery`;
        const pointInTimeRecovery =
          typeof pitr === 'object' && pitr !== null
            ? { enabled: pitr.enabled ?? true, recoveryPeriodDays: pitr.recoveryPeriodDays, pointer: pitrPointer, form: 'object' as const }
            : { enabled: pitr === true, recoveryPeriodDays: undefined, pointer: pitrPointer, form: pitr === undefined ? ('absent' as const) : ('boolean' as const) };
        (raw.dax?.azs ?? []).forEach((az, index) => this.place(az, `${pointer}/dax/azs/${index}`, region, regionPointer, name));
        return {
          ...raw,
          name,
          pointer,
          region,
          pointInTimeRecovery,
          globalSecondaryIndexes: items(raw.globalSecondaryIndexes).map(({ item, index }) => ({ ...item, pointer: `${pointer}/globalSecondaryIndexes/${index}` })),
          localSecondaryIndexes: items(raw.localSecondaryIndexes).map(({ item, index }) => ({ ...item, pointer: `${pointer}/localSecondaryIndexes/${index}` })),
        } satisfies DynamodbTable;
      }
      case 'elasticache':
        (raw.azs ?? []).forEach((az, index) => this.place(az, `${pointer}/azs/${index}`, region, regionPointer, name));
        return { ...raw, name, pointer, region, shards: raw.shards ?? 1, replicasPerShard: raw.replicasPerShard ?? 0 } satisfies ElasticacheCluster;
      case 'redshift':
        this.place(raw.az, `${pointer}/az`, region, regionPointer, name);
        return { ...raw, name, pointer, region, az: raw.az } satisfies RedshiftCluster;
      case 'qldb':
        return { ...(raw as RawQldbLedger), name, pointer, region };
      case 'timestream':
        return { ...(raw as RawTimestreamDatabase), name, pointer, region };
      default:
        return undefined;
    }
  }

  private replicas(
    raws: RawReadReplica[] | undefined,
    listPointer: string,
    database: RdsDatabase,
    source: ReadReplica['source'],
    depth: number,
    sourceAz: string | undefined,
    sourceRegionPointer: string | undefined,
  ): ReadReplica[] {
    return items(raws).flatMap(({ item, index }) => {
      if (typeof item.name !== 'string') return [];
      const pointer = `${listPointer}/${index}`;
      this.model.elements.push({ name: item.name, kind: 'replica', namePointer: `${pointer}/name`, namePart: 'value' });
      const region = item.region ?? source.region;
      const regionPointer = item.region ? `${pointer}/region` : sourceRegionPointer;
      // A replica in its source's Region defaults to the source's AZ; across Regions there is no default.
      const az = item.az ?? (region === source.region ? sourceAz : undefined);
      this.place(item.az, `${pointer}/az`, region, regionPointer, item.name);
      const multiAz = expandMultiAz(item.multiAz, pointer);
      this.place(multiAz.standbyAz, `${pointer}/multiAz/standbyAz`, region, regionPointer, item.name);
      const replica: ReadReplica = {
        ...item,
        kind: 'replica',
        pointer,
        database: database.name,
        source,
        depth,
        region,
        az,
        crossRegion: region !== undefined && source.region !== undefined && region !== source.region,
        multiAz,
        readReplicas: [],
      };
      database.allReplicas.push(replica);
      replica.readReplicas = this.replicas(item.readReplicas, `${pointer}/readReplicas`, database, { name: item.name, pointer, kind: 'replica', region }, depth + 1, az, regionPointer);
      return [replica];
    });
  }

  private application(name: string, raw: RawApplication): Application {
    const pointer = toPointer(['applications', name]);
    const connects = items(raw.connects).flatMap(({ item, index }) => {
      if (typeof item.to !== 'string') return [];
      const connectionPointer = `${pointer}/connects/${index}`;
      const reference = this.reference('connection', item.to, `${connectionPointer}/to`);
      // Named, not spread (see the cluster instances).
      const connection: Complete<Connection> = { to: item.to, access: item.access, endpoint: item.endpoint, description: item.description, pointer: connectionPointer, reference };
      return [connection];
    });
    return { ...raw, name, pointer, region: raw.region ?? this.model.region, connects };
  }

  private migration(raw: RawMigration, index: number): Migration {
    const pointer = `/migrations/${index}`;
    const source: Migration['source'] =
      typeof raw.source === 'string'
        ? { kind: 'database', reference: this.reference('migration-source', raw.source, `${pointer}/source`) }
        : { kind: 'external', pointer: `${pointer}/source`, ...(isObject(raw.source) ? raw.source : { engine: '' }) };
    const target = typeof raw.target === 'string' ? this.reference('migration-target', raw.target, `${pointer}/target`) : undefined;
    return { ...raw, pointer, source, target };
  }

  /** References that live inside databases: cache targets, custom endpoint members, stream consumers. */
  private databaseReferences(): void {
    for (const database of this.model.databases) {
      if (database.service === 'elasticache' && typeof database.cacheFor === 'string') {
        this.reference('cache-for', database.cacheFor, `${database.pointer}/cacheFor`);
      }
      if (database.service === 'aurora') {
        for (const [endpoint, definition] of entries(database.customEndpoints)) {
          (definition?.members ?? []).forEach((member, index) => {
            if (typeof member !== 'string') return;
            this.memberReference(database, member, `${database.pointer}/customEndpoints/${toPointer([endpoint]).slice(1)}/members/${index}`);
          });
        }
      }
      if (database.service === 'dynamodb') {
        (database.streams?.consumers ?? []).forEach((consumer, index) => {
          if (typeof consumer !== 'string') return;
          this.reference('stream-consumer', consumer, `${database.pointer}/streams/consumers/${index}`);
        });
      }
    }
  }

  private reference(context: NameContext, text: string, pointer: string): Reference {
    const reference = new NameReference(this.model, context, text, pointer);
    this.model.references.push(reference);
    return reference;
  }

  private memberReference(database: AuroraCluster, text: string, pointer: string): void {
    this.model.references.push(new EndpointMemberReference(database, text, pointer));
  }

  private place(az: string | undefined, pointer: string, region: string | undefined, regionPointer: string | undefined, owner: string): void {
    if (typeof az === 'string') this.model.placements.push({ az, pointer, region, regionPointer, owner });
  }
}

/** The keys each service needs before its database means anything (mirrors the schema's `required`). */
const REQUIRED_KEYS: Partial<Record<RawService, { key: string; type: 'string' | 'object' }>> = {
  rds: { key: 'engine', type: 'string' },
  aurora: { key: 'engine', type: 'string' },
  elasticache: { key: 'engine', type: 'string' },
  dynamodb: { key: 'partitionKey', type: 'object' },
};

function hasRequired(raw: RawDatabase): boolean {
  const required = REQUIRED_KEYS[raw.service];
  if (!required) return true;
  const value = (raw as unknown as Record<string, unknown>)[required.key];
  return required.type === 'object' ? isObject(value) : typeof value === required.type;
}

/** The replica or instance of a database with the given name. */
export function memberOf(database: Database, name: string): ReadReplica | ClusterInstance | undefined {
  if (database.service === 'rds') return database.allReplicas.find((replica) => replica.name === name);
  if (isCluster(database)) return database.instances.find((instance) => instance.name === name);
  return undefined;
}

/**
 * A reference to a database, member or application by name. It resolves on first use, once the model
 * is complete, and keeps the answer: a dozen rules ask each reference.
 */
class NameReference implements Reference {
  private resolution: { resolved: Reference['resolved'] } | undefined;
  private existence: boolean | undefined;

  constructor(
    private readonly model: Architecture,
    readonly context: NameContext,
    readonly text: string,
    readonly pointer: string,
  ) {}

  get resolved(): Reference['resolved'] {
    this.resolution ??= { resolved: resolve(this.model, this.context, this.text) };
    return this.resolution.resolved;
  }

  get exists(): boolean {
    this.existence ??= this.findExists();
    return this.existence;
  }

  /** A name exists even when the model left its database out (a definition missing a required key). */
  private findExists(): boolean {
    if (this.context === 'stream-consumer') return this.resolved !== undefined;
    const [databaseName, memberName] = this.text.split('/');
    if (!this.model.databaseNames.has(databaseName)) return false;
    if (memberName === undefined) return true;
    const database = this.model.byName.get(databaseName);
    return database === undefined || memberOf(database, memberName) !== undefined;
  }

  candidates(): string[] {
    return candidatesFor(this.model, this.context, this.text);
  }
}

/** A member of an Aurora custom endpoint: an instance of that cluster, by name. */
class EndpointMemberReference implements Reference {
  readonly context = 'custom-endpoint-member';
  private found: { member: ClusterInstance | undefined } | undefined;

  constructor(
    private readonly database: AuroraCluster,
    readonly text: string,
    readonly pointer: string,
  ) {}

  private get member(): ClusterInstance | undefined {
    this.found ??= { member: this.database.instances.find((instance) => instance.name === this.text) };
    return this.found.member;
  }

  get resolved(): Reference['resolved'] {
    const member = this.member;
    return member ? { member } : undefined;
  }

  get exists(): boolean {
    return this.member !== undefined;
  }

  candidates(): string[] {
    return this.database.instances.map((instance) => instance.name);
  }
}

function resolve(model: Architecture, context: ReferenceContext, text: string): Reference['resolved'] {
  if (context === 'stream-consumer') {
    const application = model.applications.find((candidate) => candidate.name === text);
    return application ? { application } : undefined;
  }
  const [databaseName, memberName] = text.split('/');
  const database = model.byName.get(databaseName);
  if (!database) return undefined;
  if (memberName === undefined) return { database };
  const member = memberOf(database, memberName);
  return member ? { database, member } : undefined;
}

function candidatesFor(model: Architecture, context: ReferenceContext, text: string): string[] {
  if (context === 'stream-consumer') return model.applications.map((application) => application.name);
  const [databaseName, memberName] = text.split('/');
  if (memberName !== undefined && model.databaseNames.has(databaseName)) {
    const database = model.byName.get(databaseName);
    const members = database?.service === 'rds' ? database.allReplicas : database && isCluster(database) ? database.instances : [];
    return members.map((member) => `${databaseName}/${member.name}`);
  }
  const names = [...model.databaseNames];
  if (context !== 'connection') return names;
  // A connection may also name a member: `orders/orders-replica-1`.
  const members = model.databases.flatMap((database) =>
    database.service === 'rds' ? database.allReplicas.map((replica) => `${database.name}/${replica.name}`) : isCluster(database) ? database.instances.map((instance) => `${database.name}/${instance.name}`) : [],
  );
  return [...names, ...members];
}

function expandMultiAz(raw: RawRdsMultiAz | undefined, ownerPointer: string): MultiAzDeployment {
  if (raw === undefined) return { enabled: false, mode: 'instance', pointer: ownerPointer, declared: false };
  const pointer = `${ownerPointer}/multiAz`;
  if (typeof raw === 'boolean') return { enabled: raw, mode: 'instance', pointer, declared: true };
  return { enabled: true, mode: raw.mode ?? 'instance', standbyAz: raw.standbyAz, pointer, declared: true };
}


function entries<T>(record: Record<string, T> | undefined): [string, T][] {
  return isObject(record) ? (Object.entries(record) as [string, T][]) : [];
}

/** The object items of a list with their original indexes (pruned or ill-typed items are skipped). */
function items<T>(list: readonly T[] | undefined): { item: T; index: number }[] {
  if (!Array.isArray(list)) return [];
  const result: { item: T; index: number }[] = [];
  list.forEach((item, index) => {
    if (isObject(item)) result.push({ item: item as T, index });
  });
  return result;
}

/** A copy of the data without the values at the given paths (list items become undefined, keeping indexes). */
function prune(data: Record<string, unknown>, paths: readonly PathSegment[][]): Record<string, unknown> {
  if (paths.length === 0) return data;
  const copied = new WeakSet<object>();
  const copy = <T extends object>(value: T): T => {
    if (Array.isArray(value)) {
      const clone = [...value] as T;
      copied.add(clone);
      return clone;
    }
    // Own properties defined one by one as plain writable ones, whatever the original's were (frozen
    // data stays shared with the next read), and an own `__proto__` stays an own property.
    const clone = {} as T;
    for (const [key, item] of Object.entries(value)) Object.defineProperty(clone, key, { value: item, writable: true, enumerable: true, configurable: true });
    copied.add(clone);
    return clone;
  };
  const root = copy(data);
  for (const path of paths) {
    if (path.length === 0) return {} as Record<string, unknown>;
    let node: Record<string, unknown> | unknown[] = root;
    let valid = true;
    for (let i = 0; i < path.length - 1 && valid; i++) {
      const segment = path[i];
      const child = (node as Record<string, unknown>)[segment as string];
      if (typeof child !== 'object' || child === null) {
        valid = false;
        break;
      }
      const next = copied.has(child) ? child : copy(child);
      (node as Record<string, unknown>)[segment as string] = next;
      node = next as Record<string, unknown> | unknown[];
    }
    if (!valid) continue;
    const last = path[path.length - 1];
    if (Array.isArray(node)) node[Number(last)] = undefined;
    else delete (node as Record<string, unknown>)[last as string];
  }
  return root;
}
