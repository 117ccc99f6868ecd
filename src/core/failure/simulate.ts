// simulate(): one scenario over the whole architecture. Each database is evaluated by its service's
// rules (rds.ts, clusters.ts, dynamodb.ts, elasticache.ts, regional.ts); the nodes, the edges and the
// applications' connections follow from those evaluations.
import * as l10n from '../l10n';
import type { Architecture, Database } from '../model/model';
import type { Topology, TopologyEdge } from '../topology/topology';
import { evaluateCluster } from './clusters';
import { FailureContext, type Loss } from './context';
import { evaluateDynamodb } from './dynamodb';
import { evaluateElasticache } from './elasticache';
import type { Evaluated, Request, Route } from './evaluation';
import { evaluateRds } from './rds';
import { evaluateRedshift, evaluateRegionalService } from './regional';
import { describeScenario } from './scenarios';
import type { ApplicationConnectionOutcome, ConnectionFate, EdgeOutcome, FailureScenario, NodeFate, Simulation } from './types';

/** The evaluation of one database under a loss, by its service. */
export function evaluate(context: FailureContext, database: Database, loss: Loss): Evaluated {
  switch (database.service) {
    case 'rds':
      return evaluateRds(context, database, loss);
    case 'aurora':
    case 'documentdb':
    case 'neptune':
      return evaluateCluster(context, database, loss);
    case 'dynamodb':
      return evaluateDynamodb(context, database, loss);
    case 'elasticache':
      return evaluateElasticache(context, database, loss);
    case 'redshift':
      return evaluateRedshift(context, database, loss);
    case 'qldb':
    case 'timestream':
      return evaluateRegionalService(context, database, loss);
  }
}

const contexts = new WeakMap<Topology, FailureContext>();

/** The shared indexes of a model and its Topology (built once per Topology). */
export function contextOf(model: Architecture, topology: Topology): FailureContext {
  let context = contexts.get(topology);
  if (!context || context.model !== model) {
    context = new FailureContext(model, topology);
    contexts.set(topology, context);
  }
  return context;
}

/** What one failure scenario does to every database, node, edge and application connection. */
export function simulate(model: Architecture, topology: Topology, scenario: FailureScenario): Simulation {
  const context = contextOf(model, topology);
  const evaluations = new Map<string, Evaluated>();
  for (const database of model.databases) {
    if (evaluations.has(database.name)) continue;
    evaluations.set(database.name, evaluate(context, database, context.lossFor(database, scenario)));
  }

  const nodes = new Map<string, NodeFate>();
  for (const node of topology.nodes) {
    let fate: NodeFate = 'up';
    if (node.database !== undefined) fate = evaluations.get(node.database)?.fates.get(node.id) ?? 'up';
    else if (node.kind === 'application' && scenario.kind === 'region' && node.region === scenario.region) fate = 'failed';
    nodes.set(node.id, fate);
  }

  const connections: EdgeOutcome[] = topology.edges.map((edge, edgeIndex) => ({ edgeIndex, ...edgeFate(context, evaluations, nodes, edge) }));

  const byConnection = new Map<string, EdgeOutcome[]>();
  for (const outcome of connections) {
    const edge = topology.edges[outcome.edgeIndex];
    if (edge.kind !== 'connection') continue;
    const list = byConnection.get(edge.pointer) ?? [];
    list.push(outcome);
    byConnection.set(edge.pointer, list);
  }
  const applications: ApplicationConnectionOutcome[] = [];
  for (const application of model.applications) {
    for (const connection of application.connects) {
      const edges = byConnection.get(connection.pointer) ?? [];
      if (!edges.length) continue;
      const fate = combine(edges.map((outcome) => outcome.fate));
      const note = edges.find((outcome) => outcome.fate === fate && outcome.note)?.note ?? '';
      applications.push({ application: application.name, to: connection.reference.text, access: connection.access, endpoint: connection.endpoint, pointer: connection.pointer, fate, note, edges: edges.map((outcome) => outcome.edgeIndex) });
    }
  }

  return {
    scenario,
    description: describeScenario(scenario),
    databases: [...evaluations.values()].map((evaluation) => evaluation.outcome),
    nodes,
    connections,
    applications,
  };
}

/** The fate of one edge: a connection asks its database's evaluation; any other edge breaks with either end. */
function edgeFate(context: FailureContext, evaluations: Map<string, Evaluated>, nodes: Map<string, NodeFate>, edge: TopologyEdge): Route {
  const topology = context.topology;
  const from = topology.nodeById.get(edge.from);
  const to = topology.nodeById.get(edge.to);
  if (!from || !to) return { fate: 'works', note: '' };
  if (edge.kind === 'connection') {
    if (nodes.get(from.id) === 'failed') return { fate: 'broken', note: l10n.t`${from.label} runs in ${from.region ?? 'undefined'}, which is lost.` };
    const evaluation = to.database !== undefined ? evaluations.get(to.database) : undefined;
    if (!evaluation) return { fate: 'works', note: '' };
    const connection = context.connectionOf(edge);
    const request: Request = { access: edge.access ?? 'read', endpoint: edge.endpoint, direct: connection?.reference.text.includes('/') ?? false };
    return evaluation.route(to, request);
  }
  const failed = [from, to].filter((node) => nodes.get(node.id) === 'failed');
  if (failed.length) return { fate: 'broken', note: failed.length === 2 ? l10n.t`${failed[0].label} and ${failed[1].label} failed.` : l10n.t`${failed[0].label} failed.` };
  if (edge.kind === 'async-replication' || edge.kind === 'sync-replication') {
    if (nodes.get(to.id) === 'promoted') return { fate: 'broken', note: l10n.t`${to.label} was promoted and no longer replicates from ${from.label}.` };
  }
  if (edge.kind === 'global-replication' && nodes.get(to.id) === 'promoted') return { fate: 'broken', note: l10n.t`${to.label} was promoted.` };
  return { fate: 'works', note: '' };
}

/** One connection over several edges (a reader endpoint): works if any edge works, else the mildest fate. */
function combine(fates: readonly ConnectionFate[]): ConnectionFate {
  const order: ConnectionFate[] = ['works', 'degraded', 'reconnect', 'broken'];
  return order.find((fate) => fates.includes(fate)) ?? 'works';
}
