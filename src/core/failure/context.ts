// What a scenario takes away, and the indexes of the model and Topology the evaluators share.
import { regionOfAz } from '../facts';
import { memberOf, type Architecture, type Connection, type Database } from '../model/model';
import type { EdgeKind, Topology, TopologyEdge, TopologyNode } from '../topology/topology';
import type { FailureScenario } from './types';

/**
 * A scenario as one database's evaluator sees it. For an AZ: the AZ, its Region, and whether the file
 * places anything of this database there (when it places nothing, a node the file does not place may
 * be there: the evaluators take that worst case for the database's writer).
 */
export type Loss =
  | { kind: 'az'; az: string; region: string | undefined; placesHere: boolean }
  | { kind: 'region'; region: string }
  | { kind: 'node'; name: string; nodeIds: ReadonlySet<string> };

/** The indexes every evaluator needs, built once per model and Topology. */
export class FailureContext {
  private readonly edgesByFrom = new Map<string, number[]>();
  private readonly connections = new Map<string, Connection>();
  private readonly placed = new Map<string, Set<string>>();
  private readonly nodes = new Map<string, TopologyNode[]>();
  /** The Region of every AZ the file writes (for AZ codes whose Region cannot be read off the code). */
  private readonly azRegions = new Map<string, string>();

  constructor(
    readonly model: Architecture,
    readonly topology: Topology,
  ) {
    topology.edges.forEach((edge, index) => {
      const list = this.edgesByFrom.get(edge.from) ?? [];
      list.push(index);
      this.edgesByFrom.set(edge.from, list);
    });
    for (const application of model.applications) for (const connection of application.connects) this.connections.set(connection.pointer, connection);
    for (const node of topology.nodes) if (node.az && node.region) this.azRegions.set(node.az, node.region);
    for (const placement of model.placements) if (placement.region && !this.azRegions.has(placement.az)) this.azRegions.set(placement.az, placement.region);
  }

  /** The Topology nodes of a database, in the order the Topology adds them. */
  nodesOf(database: string): readonly TopologyNode[] {
    let nodes = this.nodes.get(database);
    if (!nodes) {
      nodes = [];
      for (const id of this.topology.nodesOf.get(database) ?? []) {
        const node = this.topology.nodeById.get(id);
        if (node) nodes.push(node);
      }
      this.nodes.set(database, nodes);
    }
    return nodes;
  }

  /** The node of a database with a given kind and pointer (members are found by the pointer of their definition). */
  nodeAt(database: string, kinds: readonly string[], pointer: string): TopologyNode | undefined {
    return this.nodesOf(database).find((node) => kinds.includes(node.kind) && node.pointer === pointer);
  }

  /** The nodes an edge of one kind leads to from a node. */
  targets(from: string, kind: EdgeKind): TopologyNode[] {
    const found: TopologyNode[] = [];
    for (const index of this.edgesByFrom.get(from) ?? []) {
      const edge = this.topology.edges[index];
      const node = edge.kind === kind ? this.topology.nodeById.get(edge.to) : undefined;
      if (node) found.push(node);
    }
    return found;
  }

  /** The `connects` entry an application edge was drawn from. */
  connectionOf(edge: TopologyEdge): Connection | undefined {
    return edge.kind === 'connection' ? this.connections.get(edge.pointer) : undefined;
  }

  /** Every AZ the file places some part of a database in (its nodes, DAX `azs`, ElastiCache `azs`). */
  placedAzs(database: Database): ReadonlySet<string> {
    let azs = this.placed.get(database.name);
    if (azs) return azs;
    azs = new Set<string>();
    for (const node of this.nodesOf(database.name)) if (node.az) azs.add(node.az);
    if (database.service === 'dynamodb') for (const az of database.dax?.azs ?? []) if (typeof az === 'string') azs.add(az);
    if (database.service === 'elasticache') for (const az of database.azs ?? []) if (typeof az === 'string') azs.add(az);
    this.placed.set(database.name, azs);
    return azs;
  }

  /** The Region of an AZ code: read off the code, or from where the file writes it. */
  regionOf(az: string): string | undefined {
    return regionOfAz(az) ?? this.azRegions.get(az);
  }

  /** A scenario as one database sees it. */
  lossFor(database: Database, scenario: FailureScenario): Loss {
    switch (scenario.kind) {
      case 'az':
        return { kind: 'az', az: scenario.az, region: this.regionOf(scenario.az), placesHere: this.placedAzs(database).has(scenario.az) };
      case 'region':
        return { kind: 'region', region: scenario.region };
      case 'node':
        return { kind: 'node', name: scenario.node, nodeIds: this.namedNodes(scenario.node) };
    }
  }

  /** The nodes a name written in the file stands for: a database's entry node, or a member's node. */
  namedNodes(name: string): Set<string> {
    const ids = new Set<string>();
    const database = this.model.byName.get(name);
    const entry = database ? this.topology.entryOf.get(name) : undefined;
    if (entry) ids.add(entry);
    if (ids.size) return ids;
    for (const candidate of this.model.databases) {
      const member = memberOf(candidate, name);
      if (!member) continue;
      const node = this.nodeAt(candidate.name, ['rds-replica', 'cluster-writer', 'cluster-reader'], member.pointer);
      if (node) ids.add(node.id);
      break;
    }
    return ids;
  }
}

/**
 * Whether a loss takes a node: true or false when the file says where the node runs (or the loss is
 * not about AZs), undefined when the node may or may not be in the lost AZ (the file places it in no
 * AZ): the evaluator's placement rule for that kind of node decides.
 */
export function takes(loss: Loss, node: Pick<TopologyNode, 'id' | 'az' | 'region'>): boolean | undefined {
  switch (loss.kind) {
    case 'region':
      return node.region !== undefined && node.region === loss.region;
    case 'node':
      return loss.nodeIds.has(node.id);
    case 'az':
      if (node.az !== undefined) return node.az === loss.az;
      if (node.region === undefined || loss.region === undefined || node.region !== loss.region) return false;
      return undefined;
  }
}

/** Where the loss happens, in words: "ap-northeast-2a", "the Region ap-northeast-1", "the failure of orders-replica-1". */
export function place(loss: Loss): string {
  return loss.kind === 'az' ? loss.az : loss.kind === 'region' ? loss.region : loss.name;
}
