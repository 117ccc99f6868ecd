// The Topology: what runs where and how data moves. Nodes are the compute and storage pieces of each
// database (primaries, standbys, replicas, instances, cluster volumes, tables, caches, clusters),
// applications and external migration sources; edges are replication, connections, migrations,
// caching and streams; groups are Region > AZ. The diagram, the failover analysis and the
// cross-cutting rules all read this one graph so they agree.
import type { Architecture, ClusterDatabase, Database, ReadReplica, ResolvedReference, Service } from '../model/model';

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

/** Builds the Topology of a model. */
export function buildTopology(model: Architecture): Topology {
  const builder = new TopologyBuilder();
  for (const database of model.databases) builder.database(database);
  for (const application of model.applications) {
    const id = builder.add({ id: `app:${application.name}`, kind: 'application', role: 'application', label: application.name, detail: application.description, region: application.region, pointer: application.pointer, readable: false, writable: false });
    for (const connection of application.connects) {
      const resolved = connection.reference.resolved;
      if (!resolved || !('database' in resolved)) continue;
      for (const target of builder.targetsOf(resolved, connection.endpoint)) {
        builder.edge({ from: id, to: target, kind: 'connection', access: connection.access, endpoint: connection.endpoint, pointer: connection.pointer, label: connection.access });
      }
    }
  }
  for (const database of model.databases) {
    if (database.service === 'elasticache' && database.cacheFor) {
      const target = builder.topology.entryOf.get(database.cacheFor);
      const from = builder.topology.entryOf.get(database.name);
      if (target && from) builder.edge({ from, to: target, kind: 'cache', pointer: `${database.pointer}/cacheFor`, label: 'cache for' });
    }
    if (database.service === 'dynamodb' && database.streams?.enabled !== false) {
      const from = builder.topology.entryOf.get(database.name);
      (database.streams?.consumers ?? []).forEach((consumer, index) => {
        const to = `app:${consumer}`;
        if (from && builder.topology.nodeById.has(to)) builder.edge({ from, to, kind: 'stream', pointer: `${database.pointer}/streams/consumers/${index}`, label: 'stream' });
      });
    }
  }
  for (const migration of model.migrations) {
    let from: string | undefined;
    if (migration.source.kind === 'external') {
      const source = migration.source;
      from = builder.add({
        id: `ext:${migration.name}`,
        kind: 'external-source',
        role: 'external',
        label: `${source.engine}${source.version ? ' ' + source.version : ''}`,
        detail: source.location,
        pointer: source.pointer,
        readable: true,
        writable: true,
      });
    } else {
      const resolved = migration.source.reference.resolved;
      if (resolved && 'database' in resolved) from = builder.targetsOf(resolved, undefined)[0];
    }
    const target = migration.target?.resolved;
    const to = target && 'database' in target ? builder.targetsOf(target, undefined)[0] : undefined;
    if (from && to) builder.edge({ from, to, kind: 'migration', migrationType: migration.type, pointer: migration.pointer, label: `DMS ${migration.type ?? ''}`.trim() });
  }
  return builder.finish();
}

class TopologyBuilder {
  readonly topology: Topology = { nodes: [], edges: [], regions: [], outside: [], nodeById: new Map(), entryOf: new Map(), nodesOf: new Map() };
  private readonly readerIds = new Map<string, string[]>();

  add(node: TopologyNode): string {
    let id = node.id;
    for (let n = 2; this.topology.nodeById.has(id); n++) id = `${node.id}~${n}`;
    const placed = { ...node, id };
    this.topology.nodes.push(placed);
    this.topology.nodeById.set(id, placed);
    if (node.database) {
      const list = this.topology.nodesOf.get(node.database) ?? [];
      list.push(id);
      this.topology.nodesOf.set(node.database, list);
    }
    return id;
  }

  edge(edge: Omit<TopologyEdge, 'crossRegion'>): void {
    const from = this.topology.nodeById.get(edge.from);
    const to = this.topology.nodeById.get(edge.to);
    const crossRegion = Boolean(from?.region && to?.region && from.region !== to.region);
    this.topology.edges.push({ ...edge, crossRegion });
  }

  database(database: Database): void {
    const base = { database: database.name, service: database.service, region: database.region };
    switch (database.service) {
      case 'rds': {
        const primary = this.add({ ...base, id: `db:${database.name}`, kind: 'rds-primary', role: 'primary', label: database.name, detail: [database.engine, database.engineVersion, database.instanceClass].filter(Boolean).join(' '), az: database.az, pointer: database.pointer, readable: true, writable: true });
        this.topology.entryOf.set(database.name, primary);
        this.standbys(database.name, database.multiAz, database.region, base, primary);
        for (const replica of database.readReplicas) this.replica(replica, primary, base);
        return;
      }
      case 'aurora':
      case 'documentdb':
      case 'neptune':
        this.cluster(database, base);
        return;
      case 'dynamodb': {
        const table = this.add({ ...base, id: `db:${database.name}`, kind: 'dynamodb-table', role: 'primary', label: database.name, detail: `DynamoDB ${database.billing?.mode ?? 'on-demand'}`, pointer: database.pointer, readable: true, writable: true });
        this.topology.entryOf.set(database.name, table);
        for (const index of database.globalSecondaryIndexes) {
          const id = this.add({ ...base, id: `idx:${database.name}/${index.name}`, kind: 'dynamodb-index', role: 'replica', label: index.name, detail: 'GSI', pointer: index.pointer, readable: true, writable: false });
          this.edge({ from: table, to: id, kind: 'index', pointer: index.pointer, label: 'GSI' });
        }
        (database.globalTable?.replicaRegions ?? []).forEach((entry, index) => {
          const region = typeof entry === 'string' ? entry : entry.region;
          const id = this.add({ ...base, region, id: `gt:${database.name}@${region}`, kind: 'dynamodb-global-replica', role: 'primary', label: `${database.name}`, detail: `global table replica`, pointer: `${database.pointer}/globalTable/replicaRegions/${index}`, readable: true, writable: true });
          this.edge({ from: table, to: id, kind: 'global-replication', pointer: `${database.pointer}/globalTable`, label: database.globalTable?.consistency === 'strong' ? 'sync (MRSC)' : 'async (MREC)' });
        });
        if (database.dax) {
          const dax = this.add({ ...base, id: `dax:${database.name}`, kind: 'dax', role: 'cache', label: `${database.name} DAX`, detail: [database.dax.nodeType, database.dax.nodes ? `${database.dax.nodes} nodes` : undefined].filter(Boolean).join(', '), az: database.dax.azs?.[0], pointer: `${database.pointer}/dax`, readable: true, writable: true, count: database.dax.nodes });
          this.edge({ from: dax, to: table, kind: 'cache', pointer: `${database.pointer}/dax`, label: 'write-through' });
        }
        return;
      }
      case 'elasticache': {
        const azs = database.azs ?? [];
        const detail = [database.engine, database.nodeType].filter(Boolean).join(' ');
        if (database.engine === 'memcached') {
          const id = this.add({ ...base, id: `db:${database.name}`, kind: 'cache-node', role: 'cache', label: database.name, detail, az: azs[0], pointer: database.pointer, readable: true, writable: true, count: database.shards });
          this.topology.entryOf.set(database.name, id);
          return;
        }
        const primary = this.add({ ...base, id: `db:${database.name}`, kind: 'cache-primary', role: 'cache', label: database.name, detail: database.shards > 1 ? `${detail}, ${database.shards} shards` : detail, az: azs[0], pointer: database.pointer, readable: true, writable: true, count: database.shards });
        this.topology.entryOf.set(database.name, primary);
        for (let index = 0; index < database.replicasPerShard; index++) {
          const az = azs.length ? azs[(index + 1) % azs.length] : undefined;
          const id = this.add({ ...base, id: `db:${database.name}:replica-${index + 1}`, kind: 'cache-replica', role: 'replica', label: `${database.name} replica ${index + 1}`, detail: database.shards > 1 ? `1 per shard (${database.shards})` : undefined, az, pointer: `${database.pointer}/replicasPerShard`, readable: true, writable: false, count: database.shards });
          this.edge({ from: primary, to: id, kind: 'async-replication', pointer: `${database.pointer}/replicasPerShard` });
        }
        return;
      }
      case 'redshift': {
        if (database.serverless) {
          const id = this.add({ ...base, id: `db:${database.name}`, kind: 'redshift-serverless', role: 'analytics', label: database.name, detail: `Redshift Serverless${database.serverless.baseRpu ? `, ${database.serverless.baseRpu} RPU` : ''}`, pointer: database.pointer, readable: true, writable: true });
          this.topology.entryOf.set(database.name, id);
          this.spectrum(database.name, database.spectrum?.s3Locations, id, base, database.pointer);
          return;
        }
        const nodes = database.nodes ?? 1;
        const leader = this.add({ ...base, id: `db:${database.name}`, kind: 'redshift-leader', role: 'analytics', label: database.name, detail: nodes > 1 ? `leader, ${database.nodeType ?? ''}`.replace(/, $/, '') : `single node ${database.nodeType ?? ''}`.trim(), az: database.az, pointer: database.pointer, readable: true, writable: true });
        this.topology.entryOf.set(database.name, leader);
        if (nodes > 1) {
          const compute = this.add({ ...base, id: `db:${database.name}:compute`, kind: 'redshift-compute', role: 'analytics', label: `${database.name} compute`, detail: `${nodes} x ${database.nodeType ?? 'node'}`, az: database.az, pointer: database.nodes !== undefined ? `${database.pointer}/nodes` : database.pointer, readable: false, writable: false, count: nodes });
          this.edge({ from: leader, to: compute, kind: 'storage', pointer: database.pointer, label: 'distributes' });
        }
        this.spectrum(database.name, database.spectrum?.s3Locations, leader, base, database.pointer);
        return;
      }
      case 'qldb': {
        const id = this.add({ ...base, id: `db:${database.name}`, kind: 'ledger', role: 'primary', label: database.name, detail: 'QLDB (end of support)', pointer: database.pointer, readable: true, writable: true });
        this.topology.entryOf.set(database.name, id);
        return;
      }
      case 'timestream': {
        const id = this.add({ ...base, id: `db:${database.name}`, kind: 'timestream', role: 'primary', label: database.name, detail: `Timestream${database.variant ? ' for ' + (database.variant === 'influxdb' ? 'InfluxDB' : 'LiveAnalytics') : ''}`, pointer: database.pointer, readable: true, writable: true });
        this.topology.entryOf.set(database.name, id);
        return;
      }
    }
  }

  /** The Multi-AZ standby (instance mode) or the two readable standbys (cluster mode) of an RDS primary or replica. */
  private standbys(
    owner: string,
    multiAz: { enabled: boolean; mode: 'instance' | 'cluster'; standbyAz?: string; pointer: string },
    region: string | undefined,
    base: { database: string; service: Service },
    primary: string,
  ): void {
    if (!multiAz.enabled) return;
    if (multiAz.mode === 'cluster') {
      const readers: string[] = [];
      for (const n of [1, 2]) {
        const id = this.add({ ...base, region, id: `${primary}:standby-${n}`, kind: 'rds-standby', role: 'standby', label: `${owner} standby ${n}`, detail: 'readable standby', pointer: multiAz.pointer, readable: true, writable: false });
        this.edge({ from: primary, to: id, kind: 'sync-replication', pointer: multiAz.pointer, label: 'semi-sync' });
        readers.push(id);
      }
      this.readerIds.set(owner, readers);
      return;
    }
    const id = this.add({ ...base, region, id: `${primary}:standby`, kind: 'rds-standby', role: 'standby', label: `${owner} standby`, detail: 'not readable', az: multiAz.standbyAz, pointer: multiAz.pointer, readable: false, writable: false });
    this.edge({ from: primary, to: id, kind: 'sync-replication', pointer: multiAz.pointer, label: 'sync' });
  }

  private replica(replica: ReadReplica, source: string, base: { database: string; service: Service }): void {
    const id = this.add({ ...base, region: replica.region, id: `member:${replica.name}`, kind: 'rds-replica', role: 'replica', label: replica.name, detail: replica.crossRegion ? 'cross-Region read replica' : 'read replica', az: replica.az, pointer: replica.pointer, readable: true, writable: false });
    this.edge({ from: source, to: id, kind: 'async-replication', pointer: replica.pointer, label: 'async' });
    this.standbys(replica.name, replica.multiAz, replica.region, base, id);
    for (const child of replica.readReplicas) this.replica(child, id, base);
  }

  private cluster(database: ClusterDatabase, base: { database: string; service: Service; region: string | undefined }): void {
    const engine = database.service === 'aurora' ? database.engine : database.service === 'documentdb' ? 'DocumentDB' : 'Neptune';
    const volume = this.add({ ...base, id: `db:${database.name}:volume`, kind: 'cluster-volume', role: 'storage', label: `${database.name} cluster volume`, detail: '6 copies across 3 AZs', pointer: database.pointer, readable: false, writable: false });
    const readers: string[] = [];
    let writer: string | undefined;
    for (const instance of database.instances) {
      const isWriter = instance.role === 'writer';
      const id = this.add({ ...base, id: `member:${instance.name}`, kind: isWriter ? 'cluster-writer' : 'cluster-reader', role: isWriter ? 'primary' : 'replica', label: instance.name, detail: [isWriter ? `${engine} writer` : `${engine} reader`, instance.instanceClass].filter(Boolean).join(', '), az: instance.az, pointer: instance.pointer, readable: true, writable: isWriter });
      this.edge({ from: id, to: volume, kind: 'storage', pointer: instance.pointer, label: isWriter ? 'writes' : 'reads' });
      if (isWriter) writer ??= id;
      else readers.push(id);
    }
    this.readerIds.set(database.name, readers);
    this.topology.entryOf.set(database.name, writer ?? volume);
    if (database.service === 'aurora') {
      (database.globalDatabase?.secondaryRegions ?? []).forEach((entry, index) => {
        const region = typeof entry === 'string' ? entry : entry.region;
        const id = this.add({ ...base, region, id: `gdb:${database.name}@${region}`, kind: 'global-secondary-cluster', role: 'replica', label: `${database.name} secondary`, detail: `Global Database secondary (${region})`, pointer: `${database.pointer}/globalDatabase/secondaryRegions/${index}`, readable: true, writable: false });
        this.edge({ from: volume, to: id, kind: 'global-replication', pointer: `${database.pointer}/globalDatabase`, label: 'storage replication < 1 s' });
      });
    }
  }

  private spectrum(name: string, locations: string[] | undefined, from: string, base: { database: string; service: Service; region: string | undefined }, pointer: string): void {
    if (!locations?.length) return;
    const id = this.add({ ...base, id: `s3:${name}`, kind: 's3', role: 'storage', label: 'S3 data lake', detail: locations.join(', '), pointer: `${pointer}/spectrum`, readable: true, writable: false });
    this.edge({ from, to: id, kind: 'spectrum', pointer: `${pointer}/spectrum`, label: 'Spectrum' });
  }

  /** The nodes a reference reaches: a member, the entry node, or the readers behind a reader endpoint. */
  targetsOf(resolved: ResolvedReference, endpoint: string | undefined): string[] {
    const { database, member } = resolved;
    if (member) {
      const id = `member:${member.name}`;
      return this.topology.nodeById.has(id) ? [id] : [];
    }
    if (endpoint && endpoint !== 'writer') {
      if (database.service === 'aurora' && endpoint !== 'reader') {
        const custom = database.customEndpoints?.[endpoint];
        if (custom?.members?.length) return custom.members.map((name) => `member:${name}`).filter((id) => this.topology.nodeById.has(id));
      }
      const readers = this.readerIds.get(database.name) ?? [];
      if (readers.length) return readers;
    }
    const entry = this.topology.entryOf.get(database.name);
    return entry ? [entry] : [];
  }

  finish(): Topology {
    const regions = new Map<string, RegionGroup>();
    for (const node of this.topology.nodes) {
      if (!node.region) {
        this.topology.outside.push(node.id);
        continue;
      }
      let group = regions.get(node.region);
      if (!group) {
        group = { region: node.region, azs: [], regional: [] };
        regions.set(node.region, group);
      }
      if (node.az) {
        let azGroup = group.azs.find((candidate) => candidate.az === node.az);
        if (!azGroup) {
          azGroup = { az: node.az, nodes: [] };
          group.azs.push(azGroup);
        }
        azGroup.nodes.push(node.id);
      } else {
        group.regional.push(node.id);
      }
    }
    for (const group of regions.values()) group.azs.sort((a, b) => a.az.localeCompare(b.az));
    this.topology.regions = [...regions.values()];
    return this.topology;
  }
}
