// Redshift (a provisioned cluster in one AZ, or Multi-AZ over two; Serverless), QLDB and Timestream.
//
// Placement: a provisioned cluster the file places in no AZ may be in any AZ of its Region (the worst
// case is taken). Serverless workgroups, QLDB ledgers and Timestream databases are Regional: the file
// places nothing of them in an AZ, so an AZ loss takes nothing known.
import { REDSHIFT_MULTI_AZ, REDSHIFT_SNAPSHOT_RETENTION_DAYS, redshiftNodeFamily } from '../facts';
import type { QldbLedger, RedshiftCluster, TimestreamDatabase } from '../model/model';
import type { TopologyNode } from '../topology/topology';
import { takes, type FailureContext, type Loss } from './context';
import { Evaluation, NONE, REGION_RPO, defaultRoute, lossWords, words, type Evaluated, type Request, type Route } from './evaluation';
import type { DatabaseState, Duration } from './types';

/** Evaluates a Redshift cluster or workgroup under a loss. */
export function evaluateRedshift(context: FailureContext, cluster: RedshiftCluster, loss: Loss): Evaluated {
  const evaluation = new Evaluation(context, cluster, loss);
  const nodes = context.nodesOf(cluster.name);
  const leader = nodes.find((node) => node.kind === 'redshift-leader' || node.kind === 'redshift-serverless');
  if (!leader) return evaluation.finish({ state: 'unaffected', reads: true, writes: true, rto: NONE, rpo: NONE });
  if (leader.kind === 'redshift-serverless') return regional(evaluation, nodes, 'Redshift Serverless');

  let lost = takes(loss, leader);
  if (lost === undefined) {
    lost = true;
    evaluation.assume(`The file does not say which AZ ${cluster.name} runs in; the simulation takes the worst case, that it ran in ${loss.kind === 'az' ? loss.az : 'the lost AZ'}.`);
  }
  const multiAz = cluster.multiAz === true;
  let state: DatabaseState = 'unaffected';
  let rto: Duration = NONE;
  let rpo: Duration = NONE;
  if (!lost) {
    evaluation.say(loss.kind === 'node' ? `${loss.name} is not part of ${cluster.name}.` : `Nothing of ${cluster.name} runs in ${loss.kind === 'az' ? loss.az : loss.region}.`);
  } else if (loss.kind === 'region') {
    for (const node of nodes) evaluation.fate(node, 'failed');
    state = 'down';
    evaluation.say(`${lossWords(loss)} takes ${cluster.name}: the file keeps no copy of the warehouse in another Region, so it is down until ${loss.region} is back.`);
    rto = words('until the Region is back');
    rpo = words(REGION_RPO);
  } else if (multiAz) {
    const facts = evaluation.use(REDSHIFT_MULTI_AZ);
    state = 'failed-over';
    for (const node of nodes) if (node.kind !== 's3') evaluation.fate(node, 'degraded');
    evaluation.say(`${lossWords(loss)} takes the compute ${cluster.name} runs ${leader.az ? `in ${leader.az}` : 'in one of its AZs'}; as a Multi-AZ deployment it has compute in ${facts.availabilityZones} AZs over one copy of the data, so the other AZ's compute takes the queries and the endpoint stays the same.`);
    rto = words('automatic (no figure in the facts)');
    rpo = { seconds: [0, 0], text: '0 (one copy of the data)' };
  } else {
    for (const node of nodes) if (node.kind !== 's3') evaluation.fate(node, 'failed');
    state = 'down';
    const retention = cluster.snapshotRetentionDays ?? evaluation.use(REDSHIFT_SNAPSHOT_RETENTION_DAYS).default;
    evaluation.use(REDSHIFT_SNAPSHOT_RETENTION_DAYS);
    if (loss.kind === 'az') {
      evaluation.say(`${lossWords(loss)} takes ${cluster.name}, a single-AZ cluster: it is down until ${loss.az} is back, or until a snapshot is restored as a new cluster in another AZ.`);
      rto = words('until the AZ is back, or a snapshot restore');
    } else {
      evaluation.say(`${lossWords(loss)} takes the ${cluster.nodes && cluster.nodes > 1 ? 'leader node' : 'node'} of ${cluster.name}: it is down until Redshift replaces it.`);
      rto = words('until Redshift replaces the node (no figure in the facts)');
    }
    rpo = words(retention > 0 ? 'changes since the latest snapshot, if restored' : 'all since the last manual snapshot, if restored');
    if (loss.kind === 'node') rpo = words('unknown (no figure in the facts)');
    const family = cluster.nodeType ? redshiftNodeFamily(cluster.nodeType) : undefined;
    const facts = evaluation.use(REDSHIFT_MULTI_AZ);
    if (loss.kind === 'az') evaluation.improve(
      family === facts.nodeFamily
        ? `Turn on Multi-AZ (\`multiAz: true\`, encrypted): compute in ${facts.availabilityZones} AZs keeps the warehouse up when one fails.`
        : `Multi-AZ (compute in ${facts.availabilityZones} AZs) needs an ${facts.nodeFamily.toUpperCase()} node type and encryption: move to ${facts.nodeFamily.toUpperCase()} to use it.`,
    );
  }
  const down = state === 'down';
  const route = (target: TopologyNode, request: Request): Route => {
    if (down && target.id === leader.id) return { fate: 'broken', note: `${cluster.name} is down (${rto.text}).` };
    if (state === 'failed-over' && target.id === leader.id) return { fate: 'works', note: 'the endpoint moves to the compute in the other AZ.' };
    return defaultRoute(evaluation, finished.outcome, target, request);
  };
  const finished = evaluation.finish({ state, reads: !down, writes: !down, rto, rpo }, route);
  return finished;
}

/** Evaluates a QLDB ledger or Timestream database: Regional, with no AZ the file places. */
export function evaluateRegionalService(context: FailureContext, database: QldbLedger | TimestreamDatabase, loss: Loss): Evaluated {
  const evaluation = new Evaluation(context, database, loss);
  const label = database.service === 'qldb' ? 'QLDB' : database.variant === 'influxdb' ? 'Timestream for InfluxDB' : 'Timestream';
  return regional(evaluation, context.nodesOf(database.name), label);
}

/** A service the file places in no AZ: only the loss of its Region (or of itself, by name) touches it. */
function regional(evaluation: Evaluation, nodes: readonly TopologyNode[], label: string): Evaluated {
  const { loss, database } = evaluation;
  const lost = loss.kind === 'region' ? nodes.some((node) => takes(loss, node) === true) : false;
  if (!lost) {
    if (loss.kind === 'az' && loss.region === database.region) evaluation.say(`${database.name} is ${label}: the file places nothing of it in an AZ, and the facts say nothing about how it rides out the loss of one, so nothing known is lost.`);
    else if (loss.kind === 'node' && nodes.some((node) => loss.nodeIds.has(node.id))) evaluation.say(`${database.name} is ${label}: it has no instance of its own that the file names.`);
    else evaluation.say(loss.kind === 'node' ? `${loss.name} is not part of ${database.name}.` : `Nothing of ${database.name} runs in ${loss.kind === 'az' ? loss.az : loss.region}.`);
    return evaluation.finish({ state: 'unaffected', reads: true, writes: true, rto: NONE, rpo: NONE });
  }
  for (const node of nodes) evaluation.fate(node, 'failed');
  evaluation.say(`${lossWords(loss)} takes ${database.name} (${label}): the file keeps no copy in another Region, so it is down until the Region is back.`);
  return evaluation.finish({
    state: 'down',
    reads: false,
    writes: false,
    rto: words('until the Region is back'),
    rpo: words(REGION_RPO),
  });
}
