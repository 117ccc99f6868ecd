// Redshift (a provisioned cluster in one AZ, or Multi-AZ over two; Serverless), QLDB and Timestream.
//
// Placement: a provisioned cluster the file places in no AZ may be in any AZ of its Region (the worst
// case is taken). Serverless workgroups, QLDB ledgers and Timestream databases are Regional: the file
// places nothing of them in an AZ, so an AZ loss takes nothing known.
import { REDSHIFT_MULTI_AZ, REDSHIFT_SNAPSHOT_RETENTION_DAYS, redshiftNodeFamily } from '../facts';
import type { QldbLedger, RedshiftCluster, TimestreamDatabase } from '../model/model';
import type { TopologyNode } from '../topology/topology';
import { takes, type FailureContext, type Loss } from './context';
import { Evaluation, none, nothingHere, regionRpo, defaultRoute, lossWords, untilRegionBack, words, type Evaluated, type Request, type Route } from './evaluation';
import * as l10n from '../l10n';
import type { DatabaseState, Duration } from './types';

/** Evaluates a Redshift cluster or workgroup under a loss. */
export function evaluateRedshift(context: FailureContext, cluster: RedshiftCluster, loss: Loss): Evaluated {
  const evaluation = new Evaluation(context, cluster, loss);
  const nodes = context.nodesOf(cluster.name);
  const leader = nodes.find((node) => node.kind === 'redshift-leader' || node.kind === 'redshift-serverless');
  if (!leader) return evaluation.finish({ state: 'unaffected', reads: true, writes: true, rto: none(), rpo: none() });
  if (leader.kind === 'redshift-serverless') return regional(evaluation, nodes, 'Redshift Serverless');

  let lost = takes(loss, leader);
  if (lost === undefined) {
    lost = true;
    const lostAz = loss.kind === 'az' ? loss.az : l10n.t`the lost AZ`;
    evaluation.assume(l10n.t`The file does not say which AZ ${cluster.name} runs in; the simulation takes the worst case, that it ran in ${lostAz}.`);
  }
  const multiAz = cluster.multiAz === true;
  let state: DatabaseState = 'unaffected';
  let rto: Duration = none();
  let rpo: Duration = none();
  if (!lost) {
    evaluation.say(nothingHere(cluster.name, loss));
  } else if (loss.kind === 'region') {
    for (const node of nodes) evaluation.fate(node, 'failed');
    state = 'down';
    evaluation.say(l10n.t`${lossWords(loss)} takes ${cluster.name}: the file keeps no copy of the warehouse in another Region, so it is down until ${loss.region} is back.`);
    rto = words(untilRegionBack());
    rpo = words(regionRpo());
  } else if (multiAz) {
    const facts = evaluation.use(REDSHIFT_MULTI_AZ);
    state = 'failed-over';
    for (const node of nodes) if (node.kind !== 's3') evaluation.fate(node, 'degraded');
    evaluation.say(
      leader.az
        ? l10n.t`${lossWords(loss)} takes the compute ${cluster.name} runs in ${leader.az}; as a Multi-AZ deployment it has compute in ${facts.availabilityZones} AZs over one copy of the data, so the other AZ's compute takes the queries and the endpoint stays the same.`
        : l10n.t`${lossWords(loss)} takes the compute ${cluster.name} runs in one of its AZs; as a Multi-AZ deployment it has compute in ${facts.availabilityZones} AZs over one copy of the data, so the other AZ's compute takes the queries and the endpoint stays the same.`,
    );
    rto = words(l10n.t`automatic (no figure in the facts)`);
    rpo = { seconds: [0, 0], text: l10n.t`0 (one copy of the data)` };
  } else {
    for (const node of nodes) if (node.kind !== 's3') evaluation.fate(node, 'failed');
    state = 'down';
    const retention = cluster.snapshotRetentionDays ?? evaluation.use(REDSHIFT_SNAPSHOT_RETENTION_DAYS).default;
    evaluation.use(REDSHIFT_SNAPSHOT_RETENTION_DAYS);
    if (loss.kind === 'az') {
      evaluation.say(l10n.t`${lossWords(loss)} takes ${cluster.name}, a single-AZ cluster: it is down until ${loss.az} is back, or until a snapshot is restored as a new cluster in another AZ.`);
      rto = words(l10n.t`until the AZ is back, or a snapshot restore`);
    } else {
      evaluation.say(
        cluster.nodes && cluster.nodes > 1
          ? l10n.t`${lossWords(loss)} takes the leader node of ${cluster.name}: it is down until Redshift replaces it.`
          : l10n.t`${lossWords(loss)} takes the node of ${cluster.name}: it is down until Redshift replaces it.`,
      );
      rto = words(l10n.t`until Redshift replaces the node (no figure in the facts)`);
    }
    rpo = words(retention > 0 ? l10n.t`changes since the latest snapshot, if restored` : l10n.t`all since the last manual snapshot, if restored`);
    if (loss.kind === 'node') rpo = words(l10n.t`unknown (no figure in the facts)`);
    const family = cluster.nodeType ? redshiftNodeFamily(cluster.nodeType) : undefined;
    const facts = evaluation.use(REDSHIFT_MULTI_AZ);
    if (loss.kind === 'az') evaluation.improve(
      family === facts.nodeFamily
        ? l10n.t`Turn on Multi-AZ (\`multiAz: true\`, encrypted): compute in ${facts.availabilityZones} AZs keeps the warehouse up when one fails.`
        : l10n.t`Multi-AZ (compute in ${facts.availabilityZones} AZs) needs an ${facts.nodeFamily.toUpperCase()} node type and encryption: move to ${facts.nodeFamily.toUpperCase()} to use it.`,
    );
  }
  const down = state === 'down';
  const route = (target: TopologyNode, request: Request): Route => {
    if (down && target.id === leader.id) return { fate: 'broken', note: l10n.t`${cluster.name} is down (${rto.text}).` };
    if (state === 'failed-over' && target.id === leader.id) return { fate: 'works', note: l10n.t`the endpoint moves to the compute in the other AZ.` };
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
    if (loss.kind === 'az' && loss.region === database.region) evaluation.say(l10n.t`${database.name} is ${label}: the file places nothing of it in an AZ, and the facts say nothing about how it rides out the loss of one, so nothing known is lost.`);
    else if (loss.kind === 'node' && nodes.some((node) => loss.nodeIds.has(node.id))) evaluation.say(l10n.t`${database.name} is ${label}: it has no instance of its own that the file names.`);
    else evaluation.say(nothingHere(database.name, loss));
    return evaluation.finish({ state: 'unaffected', reads: true, writes: true, rto: none(), rpo: none() });
  }
  for (const node of nodes) evaluation.fate(node, 'failed');
  evaluation.say(l10n.t`${lossWords(loss)} takes ${database.name} (${label}): the file keeps no copy in another Region, so it is down until the Region is back.`);
  return evaluation.finish({
    state: 'down',
    reads: false,
    writes: false,
    rto: words(untilRegionBack()),
    rpo: words(regionRpo()),
  });
}
