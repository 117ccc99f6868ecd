// The failures worth simulating for a file: every AZ it uses, every Region, every named instance.
import { regionOfAz } from '../facts';
import * as l10n from '../l10n';
import { isCluster, type Architecture } from '../model/model';
import type { NodeKind, Topology } from '../topology/topology';
import type { FailureScenario } from './types';

/** Nodes that run in one AZ (instances, cache and warehouse nodes); tables, volumes and serverless services span their Region. */
const AZ_BOUND: ReadonlySet<NodeKind> = new Set<NodeKind>(['rds-primary', 'rds-standby', 'rds-replica', 'cluster-writer', 'cluster-reader', 'cache-primary', 'cache-replica', 'cache-node', 'redshift-leader', 'redshift-compute', 'dax']);

/** The scenario in words: "loss of AZ ap-northeast-2a", "loss of Region ap-northeast-1", "failure of orders-replica-1". */
export function describeScenario(scenario: FailureScenario): string {
  switch (scenario.kind) {
    case 'az':
      return l10n.t`loss of AZ ${scenario.az}`;
    case 'region':
      return l10n.t`loss of Region ${scenario.region}`;
    case 'node':
      return l10n.t`failure of ${scenario.node}`;
  }
}

/**
 * Every AZ the file uses (Regions in the Topology's order, AZs sorted within each), then every Region,
 * then every named instance or node whose failure means something, in file order. A Region that holds
 * instances or nodes but where the file names no AZ gets its `a` AZ (every Region has one): losing it
 * is losing "an AZ" there, which takes the nodes the file does not place.
 */
export function failureScenarios(model: Architecture, topology: Topology): FailureScenario[] {
  const azs = azsByRegion(model, topology);
  const scenarios: FailureScenario[] = [];
  for (const [, list] of azs) for (const az of list) scenarios.push({ kind: 'az', az });
  for (const group of topology.regions) scenarios.push({ kind: 'region', region: group.region });
  for (const node of failingNodes(model)) scenarios.push({ kind: 'node', node });
  return scenarios;
}

/** The AZs `failureScenarios` lists, by Region (the key is '' for AZs of no known Region). */
export function azsByRegion(model: Architecture, topology: Topology): Map<string, string[]> {
  const byRegion = new Map<string, Set<string>>();
  const add = (region: string | undefined, az: string): void => {
    const key = region ?? regionOfAz(az) ?? '';
    const set = byRegion.get(key) ?? new Set<string>();
    set.add(az);
    byRegion.set(key, set);
  };
  for (const group of topology.regions) byRegion.set(group.region, new Set());
  for (const node of topology.nodes) if (node.az) add(node.region, node.az);
  for (const placement of model.placements) add(placement.region, placement.az);
  for (const group of topology.regions) {
    const set = byRegion.get(group.region)!;
    const holdsInstances = topology.nodes.some((node) => node.region === group.region && AZ_BOUND.has(node.kind));
    if (set.size === 0 && holdsInstances) set.add(`${group.region}a`);
  }
  const result = new Map<string, string[]>();
  for (const [region, set] of byRegion) if (set.size) result.set(region, [...set].sort(byCode));
  // Regions in the Topology's order, AZs of unknown Regions last.
  const order = [...topology.regions.map((group) => group.region), ...[...result.keys()].filter((region) => !topology.regions.some((group) => group.region === region)).sort(byCode)];
  return new Map(order.filter((region) => result.has(region)).map((region) => [region, result.get(region)!]));
}

/**
 * Names whose failure means something: RDS databases (their primary) and replicas, cluster instances
 * (the database's name would only repeat its writer's), ElastiCache clusters and provisioned Redshift.
 */
function failingNodes(model: Architecture): string[] {
  const names: string[] = [];
  for (const database of model.databases) {
    if (database.service === 'rds') names.push(database.name, ...database.allReplicas.map((replica) => replica.name));
    else if (isCluster(database)) names.push(...database.instances.map((instance) => instance.name));
    else if (database.service === 'elasticache' || (database.service === 'redshift' && !database.serverless)) names.push(database.name);
  }
  return [...new Set(names)];
}

/** Every name a `node` scenario may use: databases, replicas and instances, as written. */
export function nodeNames(model: Architecture): string[] {
  const names = new Set<string>();
  for (const database of model.databases) {
    names.add(database.name);
    if (database.service === 'rds') for (const replica of database.allReplicas) names.add(replica.name);
    if (isCluster(database)) for (const instance of database.instances) names.add(instance.name);
  }
  return [...names];
}

function byCode(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
