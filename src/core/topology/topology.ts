// The Topology: what runs where and how data moves. Nodes are the compute and storage pieces of each
// database (primaries, standbys, replicas, instances, cluster volumes, tables, caches, clusters),
// applications and external migration sources; edges are replication, connections, migrations,
// caching and streams; groups are Region > AZ. The diagram, the failover analysis and the
// cross-cutting rules all read this one graph so they agree.
import { AURORA_STORAGE_COPIES, DOCUMENTDB_STORAGE_COPIES, NEPTUNE_STORAGE_AZS } from '../facts';
import * as l10n from '../l10n';
import { formatNumber } from '../text';
import { runSteps, type Steps } from '../steps';
import type { Complete } from '../shapes';
import { regionOfEntry, type Architecture, type ClusterDatabase, type Database, type DynamodbTable, type MultiAzDeployment, type ReadReplica, type Service } from '../model/model';

/** What a node is. */
export type NodeKind =
  | 'rds-primary'
  | 'rds-standby'
  | 'rds-replica'
  | 'cluster-writer'
  | 'cluster-reader'
  | 'cluster-volume'
  | 'global-secondary-cluster'
  | 'dynamodb-table'
  | 'dynamodb-index'
  | 'dynamodb-global-replica'
  | 'dax'
  | 'cache-primary'
  | 'cache-replica'
  | 'cache-node'
  | 'redshift-leader'
  | 'redshift-compute'
  | 'redshift-serverless'
  | 's3'
  | 'ledger'
  | 'timestream'
  | 'application'
  | 'external-source';

/** The part a node plays; the diagram colours by role. */
export type NodeRole = 'primary' | 'standby' | 'replica' | 'storage' | 'cache' | 'analytics' | 'application' | 'external';

/** One box of the diagram. */
export interface TopologyNode {
  id: string;
  kind: NodeKind;
  role: NodeRole;
  label: string;
  /** Engine, class or other detail shown under the label. */
  detail?: string;
  /** The database it belongs to. */
  database?: string;
  service?: Service;
  region?: string;
  az?: string;
  pointer: string;
  readable: boolean;
  writable: boolean;
  /** How many identical nodes this box stands for (Redshift compute nodes, cache shards). */
  count?: number;
  /**
   * What the diagram writes under the label, most important first (`PostgreSQL 16.4`, `db.m6i.large`);
   * the diagram packs these into a few short lines. `detail` when absent.
   */
  summary?: string[];
}

/** What an edge means. */
export type EdgeKind =
  | 'sync-replication'
  | 'async-replication'
  | 'storage'
  | 'global-replication'
  | 'index'
  | 'connection'
  | 'migration'
  | 'cache'
  | 'stream'
  | 'spectrum';

/** One arrow of the diagram. */
export interface TopologyEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  /** For connections: read or read-write. */
  access?: 'read' | 'read-write';
  /** For connections through an endpoint: writer, reader or a custom endpoint's name. */
  endpoint?: string;
  /** For migrations: full-load, cdc or full-load-and-cdc. */
  migrationType?: string;
  crossRegion: boolean;
  /** Data flows both ways (DynamoDB global tables: every replica takes writes). */
  twoWay?: boolean;
  /** For global replication: writes wait for the other Regions (DynamoDB multi-Region strong consistency). */
  synchronous?: boolean;
  pointer: string;
  label?: string;
}

/** The nodes of one AZ. */
export interface AzGroup {
  az: string;
  nodes: string[];
}

/** The nodes of one Region: by AZ, and those that span the Region (cluster volumes, tables). */
export interface RegionGroup {
  region: string;
  azs: AzGroup[];
  regional: string[];
}

/** The whole graph. */
export interface Topology {
  nodes: TopologyNode[];
  edges: TopologyEdge[];
  regions: RegionGroup[];
  /** Nodes outside any Region (applications without one, external sources). */
  outside: string[];
  nodeById: Map<string, TopologyNode>;
  /** The node a plain reference to a database lands on (its primary, writer, table, ...). */
  entryOf: Map<string, string>;
  /** Every node of a database. */
  nodesOf: Map<string, string[]>;
}

/** Cache replicas drawn one by one; past it, the last node stands for the rest (ElastiCache allows 5 per shard). */
const MAX_DRAWN_CACHE_REPLICAS = 8;

/** Builds the Topology of a model. */
export function buildTopology(model: Architecture): Topology {
  return runSteps(buildTopologySteps(model));
}

/** `buildTopology` in steps (core/steps.ts): it may pause after each database and application. */
export function* buildTopologySteps(model: Architecture): Steps<Topology> {
  const builder = new TopologyBuilder();
  for (const database of model.databases) {
    builder.database(database);
    yield;
  }
  for (const application of model.applications) {
    yield;
    const id = builder.add({ region: application.region }, { id: `app:${application.name}`, kind: 'application', role: 'application', label: application.name, detail: application.description, summary: application.description ? [firstClause(application.description)] : [], pointer: application.pointer, readable: false, writable: false });
    for (const connection of application.connects) {
      for (const target of builder.targetsOf(connection.reference.text, connection.endpoint, application.region)) {
        const access = accessWord(connection.access);
        const label = connection.endpoint && connection.endpoint !== 'writer' ? `${access}, ${l10n.t`${connection.endpoint} endpoint`}` : access;
        builder.edge({ from: id, to: target, kind: 'connection', access: connection.access, endpoint: connection.endpoint, pointer: connection.pointer, label });
      }
    }
  }
  for (const database of model.databases) {
    if (database.service === 'elasticache' && typeof database.cacheFor === 'string') {
      const target = builder.targetsOf(database.cacheFor, undefined)[0];
      const from = builder.topology.entryOf.get(database.name);
      if (target && from) builder.edge({ from, to: target, kind: 'cache', pointer: `${database.pointer}/cacheFor`, label: l10n.t`cache for` });
    }
    if (database.service === 'dynamodb' && database.streams?.enabled !== false) {
      const from = builder.topology.entryOf.get(database.name);
      (database.streams?.consumers ?? []).forEach((consumer, index) => {
        const to = `app:${consumer}`;
        if (from && builder.topology.nodeById.has(to)) builder.edge({ from, to, kind: 'stream', pointer: `${database.pointer}/streams/consumers/${index}`, label: l10n.t`stream` });
      });
    }
  }
  for (const migration of model.migrations) {
    let from: string | undefined;
    if (migration.source.kind === 'external') {
      const source = migration.source;
      from = builder.add(OUTSIDE, {
        id: `ext:${migration.name}`,
        kind: 'external-source',
        role: 'external',
        label: `${source.engine}${source.version ? ' ' + source.version : ''}`,
        detail: source.location,
        summary: [sourceLocation(source.location)],
        pointer: source.pointer,
        readable: true,
        writable: true,
      });
    } else {
      from = builder.targetsOf(migration.source.reference.text, undefined)[0];
    }
    const to = migration.target ? builder.targetsOf(migration.target.text, undefined)[0] : undefined;
    if (from && to) builder.edge({ from, to, kind: 'migration', migrationType: migration.type, pointer: migration.pointer, label: `DMS ${migration.type ?? ''}`.trim() });
  }
  return builder.finish();
}

/** What the nodes of one database share. */
type Base = { database: string; service: Service; region: string | undefined };
/** Who a node belongs to: a database (its Base), or nothing but a Region (applications, external sources). */
type Owner = Base | { database?: undefined; service?: undefined; region: string | undefined };
/** A node's own fields; its Owner gives the rest. */
type NodeFields = Omit<TopologyNode, 'database' | 'service' | 'region'>;
/** The owner of a node outside every Region and database (an external migration source). */
const OUTSIDE: Owner = { region: undefined };

/** Where an external migration source runs, in words. */
function sourceLocation(location: string | undefined): string {
  switch (location) {
    case 'on-premises':
      return l10n.t`on-premises source`;
    case 'ec2':
      return l10n.t`source on EC2`;
    case 'rds':
      return l10n.t`source on RDS`;
    case 'other-cloud':
      return l10n.t`source in another cloud`;
    default:
      return l10n.t`external source`;
  }
}

/** How an application uses a database, for the label of its connection. */
function accessWord(access: string): string {
  if (access === 'read') return l10n.t`read`;
  if (access === 'read-write') return l10n.t`read-write`;
  return access;
}

/** Engine names as AWS writes them, for the diagram's detail lines. */
const ENGINE_NAMES: Record<string, string> = {
  mysql: 'MySQL',
  mariadb: 'MariaDB',
  postgres: 'PostgreSQL',
  'oracle-ee': 'Oracle EE',
  'oracle-se2': 'Oracle SE2',
  'sqlserver-ee': 'SQL Server EE',
  'sqlserver-se': 'SQL Server SE',
  'sqlserver-ex': 'SQL Server Express',
  'sqlserver-web': 'SQL Server Web',
  'db2-se': 'Db2 SE',
  'db2-ae': 'Db2 AE',
  'aurora-mysql': 'Aurora MySQL',
  'aurora-postgresql': 'Aurora PostgreSQL',
  valkey: 'Valkey',
  redis: 'Redis OSS',
  memcached: 'Memcached',
};

/** "PostgreSQL 16.4": the engine's name and version, either of which may be missing. */
function engineLine(engine: string | undefined, version: string | undefined): string {
  const name = engine === undefined ? '' : Object.prototype.hasOwnProperty.call(ENGINE_NAMES, engine) ? ENGINE_NAMES[engine] : engine;
  return [name, version].filter(Boolean).join(' ');
}

/** The first clause of a description (up to a colon, semicolon, dash or full stop), for a short summary. */
function firstClause(text: string): string {
  const match = /^(.+?)(?:[:;]\s|\s[-\u2013\u2014]\s|\.\s|\.$|\s\()/su.exec(text);
  return (match ? match[1] : text).trim();
}

/** The present parts of a summary. */
function parts(...items: (string | undefined | false)[]): string[] {
  return items.filter((item): item is string => typeof item === 'string' && item !== '');
}

/** What a DynamoDB index is keyed on: `user_id, created_at`. */
function indexKeys(partitionKey: { name?: unknown } | undefined, sortKey: { name?: unknown } | undefined): string {
  return [partitionKey?.name, sortKey?.name].filter((name): name is string => typeof name === 'string' && name !== '').join(', ');
}

/**
 * A node with every field in one order. Nodes are built in a dozen places with different fields; as
 * objects of one shape, every later reader (failure analysis, rules, diagram) reads their fields
 * without the engine's slow path for objects of many shapes. The owner's fields are copied here rather
 * than spread into each call's object: spreading into a large literal was half of the Topology's cost.
 */
function nodeOf(owner: Owner, node: NodeFields, id: string): TopologyNode {
  // Every field named, so a field added to TopologyNode cannot be left out here without an error.
  const placed: Complete<TopologyNode> = {
    id,
    kind: node.kind,
    role: node.role,
    label: node.label,
    detail: node.detail,
    database: owner.database,
    service: owner.service,
    region: owner.region,
    az: node.az,
    pointer: node.pointer,
    readable: node.readable,
    writable: node.writable,
    count: node.count,
    summary: node.summary,
  };
  return placed;
}

/** An edge with every field in one order (see nodeOf). */
function edgeOf(edge: Omit<TopologyEdge, 'crossRegion'>, crossRegion: boolean): TopologyEdge {
  const placed: Complete<TopologyEdge> = {
    from: edge.from,
    to: edge.to,
    kind: edge.kind,
    access: edge.access,
    endpoint: edge.endpoint,
    migrationType: edge.migrationType,
    crossRegion,
    twoWay: edge.twoWay,
    synchronous: edge.synchronous,
    pointer: edge.pointer,
    label: edge.label,
  };
  return placed;
}

class TopologyBuilder {
  readonly topology: Topology = { nodes: [], edges: [], regions: [], outside: [], nodeById: new Map(), entryOf: new Map(), nodesOf: new Map() };
  private readonly readerIds = new Map<string, string[]>();
  /** `database/member` -> node id, so references resolve in constant time. */
  private readonly memberIds = new Map<string, string>();
  /** The custom endpoints of each Aurora cluster: endpoint name -> member names. */
  private readonly customEndpoints = new Map<string, Map<string, string[]>>();
  /** DynamoDB global table replicas by `table@region`: an application reaches the replica of its own Region. */
  private readonly localReplicas = new Map<string, string>();
  /** The next suffix for an id written twice (duplicate names), so duplicates cost no rescans. */
  private readonly duplicates = new Map<string, number>();

  add(owner: Owner, node: NodeFields): string {
    let id = node.id;
    if (this.topology.nodeById.has(id)) {
      let n = this.duplicates.get(node.id) ?? 2;
      while (this.topology.nodeById.has(`${node.id}~${n}`)) n++;
      id = `${node.id}~${n}`;
      this.duplicates.set(node.id, n + 1);
    }
    const placed = nodeOf(owner, node, id);
    this.topology.nodes.push(placed);
    this.topology.nodeById.set(id, placed);
    if (owner.database) {
      const list = this.topology.nodesOf.get(owner.database) ?? [];
      list.push(id);
      this.topology.nodesOf.set(owner.database, list);
    }
    return id;
  }

  edge(edge: Omit<TopologyEdge, 'crossRegion'>): void {
    const from = this.topology.nodeById.get(edge.from);
    const to = this.topology.nodeById.get(edge.to);
    this.topology.edges.push(edgeOf(edge, Boolean(from?.region && to?.region && from.region !== to.region)));
  }

  private member(name: string, base: Base, node: NodeFields): string {
    const id = this.add(base, node);
    const key = `${base.database}/${name}`;
    if (!this.memberIds.has(key)) this.memberIds.set(key, id);
    return id;
  }

  database(database: Database): void {
    const base: Base = { database: database.name, service: database.service, region: database.region };
    switch (database.service) {
      case 'rds': {
        const engine = engineLine(database.engine, database.engineVersion);
        const primary = this.add(base, { id: `db:${database.name}`, kind: 'rds-primary', role: 'primary', label: database.name, detail: [database.engine, database.engineVersion, database.instanceClass].filter(Boolean).join(' '), summary: parts(engine, database.instanceClass), az: database.az, pointer: database.pointer, readable: true, writable: true });
        this.topology.entryOf.set(database.name, primary);
        this.standbys(database.name, database.name, database.multiAz, database.region, base, primary);
        for (const replica of database.readReplicas) this.replica(replica, primary, base);
        return;
      }
      case 'aurora':
      case 'documentdb':
      case 'neptune':
        this.cluster(database, base);
        return;
      case 'dynamodb':
        this.table(database, base);
        return;
      case 'elasticache': {
        const azs = database.azs ?? [];
        const detail = [database.engine, database.nodeType].filter(Boolean).join(' ');
        const engine = engineLine(database.engine, database.engineVersion);
        if (database.engine === 'memcached') {
          const id = this.add(base, { id: `db:${database.name}`, kind: 'cache-node', role: 'cache', label: database.name, detail, summary: parts(engine, database.shards > 1 && l10n.t`${database.shards} nodes`, database.nodeType), az: azs[0], pointer: database.pointer, readable: true, writable: true, count: database.shards });
          this.topology.entryOf.set(database.name, id);
          return;
        }
        const sharded = database.shards > 1;
        const primary = this.add(base, {
          id: `db:${database.name}`,
          kind: 'cache-primary',
          role: 'cache',
          label: database.name,
          detail: sharded ? `${detail}, ${l10n.t`${database.shards} shards`}` : detail,
          summary: parts(sharded ? l10n.t`${database.shards} shard primaries` : l10n.t`primary`, engine, database.nodeType),
          az: azs[0],
          pointer: database.pointer,
          readable: true,
          writable: true,
          count: database.shards,
        });
        this.topology.entryOf.set(database.name, primary);
        // One node per replica, up to a bound: a mistyped count (2000000000) must not build a billion nodes.
        const replicas = Number.isFinite(database.replicasPerShard) ? Math.max(0, Math.floor(database.replicasPerShard)) : 0;
        const drawn = Math.min(replicas, MAX_DRAWN_CACHE_REPLICAS);
        for (let index = 0; index < drawn; index++) {
          const az = azs.length ? azs[(index + 1) % azs.length] : undefined;
          const rest = index === drawn - 1 && replicas > drawn ? replicas - index : 1;
          const [first, last] = [index + 1, formatNumber(replicas)];
          const label = rest > 1 ? l10n.t`${database.name} replicas ${first}-${last}` : l10n.t`${database.name} replica ${first}`;
          const id = this.add(base, {
            id: `db:${database.name}:replica-${index + 1}`,
            kind: 'cache-replica',
            role: 'replica',
            label,
            detail: sharded ? l10n.t`1 per shard (${database.shards})` : undefined,
            summary: sharded ? [l10n.t`1 per shard`, l10n.t`${database.shards} nodes`] : [l10n.t`async replica`],
            az,
            pointer: `${database.pointer}/replicasPerShard`,
            readable: true,
            writable: false,
            count: rest > 1 ? rest * database.shards : database.shards,
          });
          this.edge({ from: primary, to: id, kind: 'async-replication', pointer: `${database.pointer}/replicasPerShard`, label: l10n.t`async` });
        }
        return;
      }
      case 'redshift': {
        if (database.serverless) {
          const rpu = database.serverless.baseRpu ? `${database.serverless.baseRpu} RPU` : undefined;
          const id = this.add(base, { id: `db:${database.name}`, kind: 'redshift-serverless', role: 'analytics', label: database.name, detail: `Redshift Serverless${rpu ? `, ${rpu}` : ''}`, summary: parts('Redshift Serverless', rpu), pointer: database.pointer, readable: true, writable: true });
          this.topology.entryOf.set(database.name, id);
          this.spectrum(database.name, database.spectrum?.s3Locations, id, base, database.pointer);
          return;
        }
        const nodes = database.nodes ?? 1;
        const multiAz = database.multiAz === true && l10n.t`Multi-AZ`;
        const leader = this.add(base, {
          id: `db:${database.name}`,
          kind: 'redshift-leader',
          role: 'analytics',
          label: database.name,
          detail: nodes > 1 ? l10n.t`leader, ${database.nodeType ?? ''}`.replace(/, $/, '') : l10n.t`single node ${database.nodeType ?? ''}`.trim(),
          summary: nodes > 1 ? parts(l10n.t`Redshift leader`, multiAz) : parts(l10n.t`Redshift single node`, database.nodeType, multiAz),
          az: database.az,
          pointer: database.pointer,
          readable: true,
          writable: true,
        });
        this.topology.entryOf.set(database.name, leader);
        if (nodes > 1) {
          const each = `${nodes} x ${database.nodeType ?? l10n.t`node`}`;
          const compute = this.add(base, { id: `db:${database.name}:compute`, kind: 'redshift-compute', role: 'analytics', label: l10n.t`${database.name} compute`, detail: each, summary: [each], az: database.az, pointer: database.nodes !== undefined ? `${database.pointer}/nodes` : database.pointer, readable: false, writable: false, count: nodes });
          this.edge({ from: leader, to: compute, kind: 'storage', pointer: database.pointer, label: l10n.t`distributes` });
        }
        this.spectrum(database.name, database.spectrum?.s3Locations, leader, base, database.pointer);
        return;
      }
      case 'qldb': {
        const id = this.add(base, { id: `db:${database.name}`, kind: 'ledger', role: 'primary', label: database.name, detail: l10n.t`QLDB (end of support)`, summary: [l10n.t`QLDB, end of support`], pointer: database.pointer, readable: true, writable: true });
        this.topology.entryOf.set(database.name, id);
        return;
      }
      case 'timestream': {
        const variant = database.variant ? ' for ' + (database.variant === 'influxdb' ? 'InfluxDB' : 'LiveAnalytics') : '';
        const id = this.add(base, { id: `db:${database.name}`, kind: 'timestream', role: 'primary', label: database.name, detail: `Timestream${variant}`, summary: [`Timestream${variant}`], pointer: database.pointer, readable: true, writable: true });
        this.topology.entryOf.set(database.name, id);
        return;
      }
    }
  }

  /** The Multi-AZ standby (instance mode) or the two readable standbys (cluster mode) of an RDS primary or replica. */
  private standbys(owner: string, database: string, multiAz: MultiAzDeployment, region: string | undefined, base: Base, primary: string): void {
    if (!multiAz.enabled) return;
    if (multiAz.mode === 'cluster') {
      // A Multi-AZ DB cluster: a writer and two readable standbys in two other AZs, fed by semisynchronous replication.
      const readers: string[] = [];
      for (const n of [1, 2]) {
        const id = this.add({ ...base, region }, { id: `${primary}:standby-${n}`, kind: 'rds-standby', role: 'standby', label: l10n.t`${owner} standby ${n}`, detail: l10n.t`readable standby`, summary: [l10n.t`readable standby`], az: n === 1 ? multiAz.standbyAz : undefined, pointer: multiAz.pointer, readable: true, writable: false });
        this.edge({ from: primary, to: id, kind: 'sync-replication', pointer: multiAz.pointer, label: l10n.t`semi-sync` });
        readers.push(id);
      }
      this.readerIds.set(owner === database ? database : `${database}/${owner}`, readers);
      return;
    }
    const id = this.add({ ...base, region }, { id: `${primary}:standby`, kind: 'rds-standby', role: 'standby', label: l10n.t`${owner} standby`, detail: l10n.t`not readable`, summary: [l10n.t`standby`, l10n.t`serves no reads`], az: multiAz.standbyAz, pointer: multiAz.pointer, readable: false, writable: false });
    this.edge({ from: primary, to: id, kind: 'sync-replication', pointer: multiAz.pointer, label: l10n.t`sync` });
  }

  private replica(replica: ReadReplica, source: string, base: Base): void {
    const kind = replica.crossRegion ? l10n.t`cross-Region replica` : l10n.t`read replica`;
    const detail = replica.crossRegion ? l10n.t`cross-Region read replica` : l10n.t`read replica`;
    const id = this.member(replica.name, { ...base, region: replica.region }, { id: `member:${replica.name}`, kind: 'rds-replica', role: 'replica', label: replica.name, detail, summary: parts(kind, replica.instanceClass), az: replica.az, pointer: replica.pointer, readable: true, writable: false });
    this.edge({ from: source, to: id, kind: 'async-replication', pointer: replica.pointer, label: l10n.t`async` });
    this.standbys(replica.name, base.database, replica.multiAz, replica.region, base, id);
    for (const child of replica.readReplicas) this.replica(child, id, base);
  }

  private cluster(database: ClusterDatabase, base: Base): void {
    const engine = database.service === 'aurora' ? database.engine : database.service === 'documentdb' ? 'DocumentDB' : 'Neptune';
    const storage =
      database.service === 'neptune'
        ? l10n.t`spans ${NEPTUNE_STORAGE_AZS.value} AZs`
        : (({ copies, azs }) => l10n.t`${copies} copies, ${copies / azs} in each of ${azs} AZs`)(database.service === 'aurora' ? AURORA_STORAGE_COPIES.value : DOCUMENTDB_STORAGE_COPIES.value);
    const ioOptimized = database.service === 'aurora' && database.storageType === 'io-optimized' && 'I/O-Optimized';
    const volume = this.add(base, {
      id: `db:${database.name}:volume`,
      kind: 'cluster-volume',
      role: 'storage',
      label: l10n.t`${database.name} cluster volume`,
      detail: l10n.t`6 copies across 3 AZs`,
      summary: parts(engineLine(engine, database.engineVersion), ioOptimized, storage),
      pointer: database.pointer,
      readable: false,
      writable: false,
    });
    const readers: string[] = [];
    let writer: string | undefined;
    for (const instance of database.instances) {
      const isWriter = instance.role === 'writer';
      const id = this.member(instance.name, base, {
        id: `member:${instance.name}`,
        kind: isWriter ? 'cluster-writer' : 'cluster-reader',
        role: isWriter ? 'primary' : 'replica',
        label: instance.name,
        detail: [isWriter ? l10n.t('{engine} writer', { engine }) : l10n.t('{engine} reader', { engine }), instance.instanceClass].filter(Boolean).join(', '),
        summary: isWriter ? parts(l10n.t`writer`, instance.instanceClass) : parts(l10n.t`reader`, l10n.t`tier ${instance.promotionTier}`, instance.instanceClass),
        az: instance.az,
        pointer: instance.pointer,
        readable: true,
        writable: isWriter,
      });
      this.edge({ from: id, to: volume, kind: 'storage', pointer: instance.pointer, label: isWriter ? l10n.t`writes` : l10n.t`reads` });
      if (isWriter) writer ??= id;
      else readers.push(id);
    }
    this.readerIds.set(database.name, readers);
    this.topology.entryOf.set(database.name, writer ?? volume);
    if (database.service === 'aurora') {
      const endpoints = new Map<string, string[]>();
      for (const [name, endpoint] of Object.entries(database.customEndpoints ?? {})) {
        if (endpoint && Array.isArray(endpoint.members)) endpoints.set(name, endpoint.members.filter((member): member is string => typeof member === 'string'));
      }
      this.customEndpoints.set(database.name, endpoints);
      (database.globalDatabase?.secondaryRegions ?? []).forEach((entry, index) => {
        const region = regionOfEntry(entry);
        if (region === undefined) return;
        const id = this.add({ ...base, region }, {
          id: `gdb:${database.name}@${region}`,
          kind: 'global-secondary-cluster',
          role: 'replica',
          label: l10n.t`${database.name} secondary`,
          detail: l10n.t`Global Database secondary (${region})`,
          summary: [l10n.t`Global Database secondary`, l10n.t`read-only`],
          pointer: `${database.pointer}/globalDatabase/secondaryRegions/${index}`,
          readable: true,
          writable: false,
        });
        this.edge({ from: volume, to: id, kind: 'global-replication', pointer: `${database.pointer}/globalDatabase`, label: l10n.t`async storage, under 1 s` });
      });
    }
  }

  private table(database: DynamodbTable, base: Base): void {
    const billing = database.billing;
    const capacity =
      billing?.mode === 'provisioned'
        ? parts(l10n.t`DynamoDB provisioned`, billing.readCapacity !== undefined && `${billing.readCapacity} RCU`, billing.writeCapacity !== undefined && `${billing.writeCapacity} WCU`)
        : [l10n.t`DynamoDB on-demand`];
    const replicaRegions = database.globalTable?.replicaRegions ?? [];
    const mode = billing?.mode ?? 'on-demand';
    const detail = mode === 'provisioned' ? l10n.t`DynamoDB provisioned` : mode === 'on-demand' ? l10n.t`DynamoDB on-demand` : `DynamoDB ${mode}`;
    const table = this.add(base, { id: `db:${database.name}`, kind: 'dynamodb-table', role: 'primary', label: database.name, detail, summary: capacity, pointer: database.pointer, readable: true, writable: true });
    this.topology.entryOf.set(database.name, table);
    for (const index of database.globalSecondaryIndexes) {
      // An index whose name failed the schema keeps its place in the design, under a stand-in name.
      const name = typeof index.name === 'string' ? index.name : l10n.t`unnamed index`;
      const id = this.add(base, { id: `idx:${database.name}/${name}`, kind: 'dynamodb-index', role: 'replica', label: name, detail: 'GSI', summary: [`GSI (${indexKeys(index.partitionKey, index.sortKey)})`], pointer: index.pointer, readable: true, writable: false });
      this.edge({ from: table, to: id, kind: 'index', pointer: index.pointer, label: 'GSI' });
    }
    for (const index of database.localSecondaryIndexes) {
      const name = typeof index.name === 'string' ? index.name : l10n.t`unnamed index`;
      const id = this.add(base, { id: `idx:${database.name}/${name}`, kind: 'dynamodb-index', role: 'replica', label: name, detail: 'LSI', summary: [`LSI (${indexKeys(database.partitionKey, index.sortKey)})`], pointer: index.pointer, readable: true, writable: false });
      this.edge({ from: table, to: id, kind: 'index', pointer: index.pointer, label: 'LSI' });
    }
    const strong = database.globalTable?.consistency === 'strong';
    replicaRegions.forEach((entry, index) => {
      const region = regionOfEntry(entry);
      if (region === undefined) return;
      const id = this.add({ ...base, region }, { id: `gt:${database.name}@${region}`, kind: 'dynamodb-global-replica', role: 'primary', label: `${database.name}`, detail: l10n.t`global table replica`, summary: parts(l10n.t`global table replica`, strong && 'MRSC'), pointer: `${database.pointer}/globalTable/replicaRegions/${index}`, readable: true, writable: true });
      if (region !== database.region && !this.localReplicas.has(`${database.name}@${region}`)) this.localReplicas.set(`${database.name}@${region}`, id);
      // Every replica of a global table takes writes and replicates them to the others.
      this.edge({ from: table, to: id, kind: 'global-replication', twoWay: true, synchronous: strong, pointer: `${database.pointer}/globalTable`, label: strong ? l10n.t`sync (MRSC)` : l10n.t`async (MREC)` });
    });
    if (database.dax) {
      const dax = database.dax;
      const azs = [...new Set(dax.azs ?? [])];
      const id = this.add(base, {
        id: `dax:${database.name}`,
        kind: 'dax',
        role: 'cache',
        label: `${database.name} DAX`,
        detail: [dax.nodeType, dax.nodes ? l10n.t`${dax.nodes} nodes` : undefined].filter(Boolean).join(', '),
        summary: parts(dax.nodes !== undefined ? `${dax.nodes} x ${dax.nodeType ?? l10n.t`node`}` : dax.nodeType, azs.length > 1 && l10n.t`${azs.length} AZs`),
        // Nodes spread over several AZs belong to the Region, not to the first AZ listed.
        az: azs.length === 1 ? azs[0] : undefined,
        pointer: `${database.pointer}/dax`,
        readable: true,
        writable: true,
        count: dax.nodes,
      });
      this.edge({ from: id, to: table, kind: 'cache', pointer: `${database.pointer}/dax`, label: l10n.t`write-through` });
    }
  }

  private spectrum(name: string, written: (string | undefined)[] | undefined, from: string, base: Base, pointer: string): void {
    // Locations that failed the schema are left out of the model's list as holes.
    const locations = (written ?? []).filter((location): location is string => typeof location === 'string');
    if (!locations.length) return;
    // The buckets say where the data is; the prefixes are in the file.
    const buckets = [...new Set(locations.map((location) => /^s3:\/\/([^/]*)/.exec(location)?.[1] ?? location))];
    const more = buckets.length > 1 && l10n.t`+${buckets.length - 1} more`;
    const id = this.add(base, { id: `s3:${name}`, kind: 's3', role: 'storage', label: l10n.t`S3 data lake`, detail: locations.join(', '), summary: parts(`s3://${buckets[0]}`, more), pointer: `${pointer}/spectrum`, readable: true, writable: false });
    this.edge({ from, to: id, kind: 'spectrum', pointer: `${pointer}/spectrum`, label: 'Spectrum' });
  }

  /**
   * The nodes a reference (`database` or `database/member`) reaches: a member, the entry node, or the
   * readers behind a reader or custom endpoint, or, for a DynamoDB global table, the replica in the
   * client's own Region (a table has the same name in every Region; the SDK client is Regional).
   * Looked up in maps, never by scanning the model.
   */
  targetsOf(reference: string, endpoint: string | undefined, clientRegion?: string): string[] {
    const slash = reference.indexOf('/');
    if (slash >= 0) {
      const id = this.memberIds.get(reference);
      return id ? [id] : [];
    }
    const database = reference;
    if (endpoint && endpoint !== 'writer') {
      // The built-in `reader` endpoint wins over a custom endpoint of that name.
      const custom = endpoint !== 'reader' ? this.customEndpoints.get(database)?.get(endpoint) : undefined;
      if (custom?.length) return custom.flatMap((name) => this.memberIds.get(`${database}/${name}`) ?? []);
      const readers = this.readerIds.get(database) ?? [];
      if (readers.length) return readers;
    }
    const local = clientRegion === undefined ? undefined : this.localReplicas.get(`${database}@${clientRegion}`);
    if (local) return [local];
    const entry = this.topology.entryOf.get(database);
    return entry ? [entry] : [];
  }

  finish(): Topology {
    const regions = new Map<string, { group: RegionGroup; azs: Map<string, AzGroup> }>();
    for (const node of this.topology.nodes) {
      if (!node.region) {
        this.topology.outside.push(node.id);
        continue;
      }
      let entry = regions.get(node.region);
      if (!entry) {
        entry = { group: { region: node.region, azs: [], regional: [] }, azs: new Map() };
        regions.set(node.region, entry);
      }
      if (node.az) {
        let azGroup = entry.azs.get(node.az);
        if (!azGroup) {
          azGroup = { az: node.az, nodes: [] };
          entry.azs.set(node.az, azGroup);
          entry.group.azs.push(azGroup);
        }
        azGroup.nodes.push(node.id);
      } else {
        entry.group.regional.push(node.id);
      }
    }
    for (const { group } of regions.values()) group.azs.sort((a, b) => (a.az < b.az ? -1 : a.az > b.az ? 1 : 0));
    this.topology.regions = [...regions.values()].map(({ group }) => group);
    return this.topology;
  }
}
