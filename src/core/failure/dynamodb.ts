// DynamoDB: a Regional table (AWS keeps it available through the loss of an AZ), optional global
// table replicas in other Regions (every replica takes writes), and an optional DAX cluster in front.
//
// Placement of DAX nodes: over the AZs `dax.azs` lists, in turn; without `azs` DAX spreads them
// itself, so an AZ loss takes some of them (all of them only when the cluster has a single node).
import { DAX_CLUSTER_NODES, DAX_FAILOVER, DYNAMODB_AVAILABILITY, DYNAMODB_GLOBAL_TABLE_REPLICATION, DYNAMODB_MRSC } from '../facts';
import type { DynamodbTable } from '../model/model';
import type { TopologyNode } from '../topology/topology';
import { takes, type FailureContext, type Loss } from './context';
import { Evaluation, none, nothingHere, regionRpo, defaultRoute, downUntilRegionBack, lossWords, names, replicationWord, untilRegionBack, words, type Evaluated, type Request, type Route, nodesIn } from './evaluation';
import * as l10n from '../l10n';
import type { DatabaseState, Duration } from './types';

/** How much of a DAX cluster an AZ loss takes: all, some or none of its nodes, with the count when the file gives it. */
interface DaxLoss {
  share: 'all' | 'some' | 'none';
  lost?: number;
  of?: number;
}

/** Evaluates a DynamoDB table (with its global replicas and DAX) under a loss. */
export function evaluateDynamodb(context: FailureContext, table: DynamodbTable, loss: Loss): Evaluated {
  const evaluation = new Evaluation(context, table, loss);
  const nodes = context.nodesOf(table.name);
  const home = nodes.find((node) => node.kind === 'dynamodb-table');
  const indexes = nodes.filter((node) => node.kind === 'dynamodb-index');
  const replicas = nodes.filter((node) => node.kind === 'dynamodb-global-replica' && node.region !== table.region);
  const dax = nodes.find((node) => node.kind === 'dax');
  const strong = table.globalTable?.consistency === 'strong';

  let state: DatabaseState = 'unaffected';
  let reads = true;
  let writes = true;
  let rto: Duration = none();
  let rpo: Duration = none();

  const homeLost = loss.kind === 'region' && home !== undefined && home.region === loss.region;
  const lostReplicas = replicas.filter((node) => takes(loss, node) === true);
  const aliveReplicas = replicas.filter((node) => !lostReplicas.includes(node));

  if (loss.kind === 'node') {
    evaluation.say(loss.nodeIds.has(home?.id ?? '') ? l10n.t`A DynamoDB table has no instance of its own to fail: AWS runs it across the AZs of its Region.` : nothingHere(table.name, loss));
  } else if (homeLost) {
    for (const node of [home, ...indexes, dax]) evaluation.fate(node, 'failed');
    if (aliveReplicas.length) {
      const replication = evaluation.use(DYNAMODB_GLOBAL_TABLE_REPLICATION);
      evaluation.use(DYNAMODB_AVAILABILITY);
      state = 'degraded';
      const others = names(aliveReplicas.map((node) => node.region ?? ''));
      evaluation.say(
        [
          dax ? l10n.t`${lossWords(loss)} takes the table's ${loss.region} replica and its DAX cluster.` : l10n.t`${lossWords(loss)} takes the table's ${loss.region} replica.`,
          l10n.t`The global table's replicas in ${others} take reads and writes already (every replica is writable), so applications there go on; applications that used ${loss.region} must switch to another Region's endpoint (DynamoDB has no global endpoint).`,
          strong
            ? l10n.t`The table is multi-Region strongly consistent (MRSC): a write is ${replicationWord(replication.strong)} across Regions, so no acknowledged write is lost.`
            : l10n.t`Replication is ${replicationWord(replication.eventual)} (MREC): writes made in ${loss.region} that had not reached another Region yet are lost.`,
        ].join(' '),
      );
      rto = { seconds: [0, 0], text: l10n.t`0 (the other Regions take writes)` };
      rpo = strong ? { seconds: [0, 0], text: l10n.t`0 (MRSC)` } : words(l10n.t`writes not yet replicated (MREC)`);
      if (!strong) {
        const mrsc = evaluation.use(DYNAMODB_MRSC);
        const set = Object.entries(mrsc.regionSets).find(([, regions]) => regions.includes(table.region ?? ''));
        if (set) {
          const [setName, setRegions] = [set[0], set[1].join(', ')];
          evaluation.improve(l10n.t`For no data loss, make the global table strongly consistent (\`consistency: strong\`, MRSC) over ${mrsc.regions} Regions of the ${setName} set (${setRegions}); writes then wait for another Region.`);
        }
      }
    } else {
      state = 'down';
      reads = false;
      writes = false;
      evaluation.use(DYNAMODB_AVAILABILITY);
      evaluation.say(l10n.t`${lossWords(loss)} takes ${table.name}: DynamoDB is Regional and the file keeps no global table replica in another Region, so it is down until ${loss.region} is back.`);
      rto = words(untilRegionBack());
      rpo = words(regionRpo());
      evaluation.improve(l10n.t`Make it a global table (\`globalTable.replicaRegions\`): a replica in another Region keeps taking reads and writes when ${loss.region} is lost.`);
    }
  } else if (lostReplicas.length) {
    for (const node of lostReplicas) evaluation.fate(node, 'failed');
    state = 'degraded';
    const lostRegions = names(lostReplicas.map((node) => node.region ?? ''));
    const homeRegion = table.region ?? 'undefined';
    evaluation.say(
      strong
        ? l10n.t`${lossWords(loss)} takes the global table replica in ${lostRegions}; the table in ${homeRegion} and the other replicas keep serving.`
        : l10n.t`${lossWords(loss)} takes the global table replica in ${lostRegions}; the table in ${homeRegion} and the other replicas keep serving, and the writes made there that had not replicated yet are lost.`,
    );
  } else if (loss.kind === 'az' && loss.region !== undefined && loss.region === table.region) {
    const availability = evaluation.use(DYNAMODB_AVAILABILITY);
    evaluation.say(l10n.t`DynamoDB is a Regional service, resilient to the loss of an AZ (designed for ${availability.singleRegionPercent}% availability in one Region): the table and its indexes keep serving.`);
    const daxLoss: DaxLoss = dax ? daxLost(evaluation, table, loss.az) : { share: 'none' };
    if (daxLoss.share !== 'none') {
      state = 'degraded';
      evaluation.fate(dax, daxLoss.share === 'all' ? 'failed' : 'degraded');
      if (daxLoss.share === 'all') {
        const limits = evaluation.use(DAX_CLUSTER_NODES);
        evaluation.say(l10n.t`The DAX cluster is lost with it: reads through the DAX client fail until the applications read from the table directly, which then takes the whole read load cold.`);
        evaluation.improve(l10n.t`Run at least ${limits.productionMin} DAX nodes in different AZs (list several AZs in \`dax.azs\`, or leave it out so DAX spreads them).`);
      } else {
        evaluation.use(DAX_FAILOVER);
        const part =
          daxLoss.lost !== undefined && daxLoss.of !== undefined
            ? daxLoss.lost === 1
              ? l10n.t`${daxLoss.lost} of its ${daxLoss.of} nodes (the one in ${loss.az})`
              : l10n.t`${daxLoss.lost} of its ${daxLoss.of} nodes (those in ${loss.az})`
            : l10n.t`the nodes it ran in ${loss.az}`;
        evaluation.say(l10n.t`DAX loses ${part}; the others keep serving (a replica becomes the primary node if the primary was there), with less cache capacity until DAX replaces them.`);
      }
    }
  } else {
    evaluation.say(nothingHere(table.name, loss));
  }

  const route = (target: TopologyNode, request: Request): Route => {
    if (evaluation.fateOf(target) !== 'failed') return defaultRoute(evaluation, finished.outcome, target, request);
    const alternatives = [home, ...replicas].filter((node): node is TopologyNode => node !== undefined && evaluation.fateOf(node) !== 'failed');
    if (target.kind === 'dax' && home && evaluation.fateOf(home) !== 'failed') return { fate: 'reconnect', note: l10n.t`DAX is lost: read from the table directly.`, servedBy: home.id };
    if (!alternatives.length) return { fate: 'broken', note: downUntilRegionBack(table.name, target.region) };
    const region = alternatives[0].region ?? 'undefined';
    return { fate: 'reconnect', note: l10n.t`use the replica in ${region} (DynamoDB has no global endpoint).`, servedBy: alternatives[0].id };
  };
  const finished = evaluation.finish({ state, reads, writes, rto, rpo }, route);
  return finished;
}

/** How much of the DAX cluster is in the lost AZ, by the placement rule at the top of this file. */
function daxLost(evaluation: Evaluation, table: DynamodbTable, az: string): DaxLoss {
  const dax = table.dax;
  if (!dax) return { share: 'none' };
  const azs = (dax.azs ?? []).filter((item): item is string => typeof item === 'string');
  const count = typeof dax.nodes === 'number' ? dax.nodes : undefined;
  if (azs.length) {
    if (count === undefined) return { share: azs.every((item) => item === az) ? 'all' : azs.includes(az) ? 'some' : 'none' };
    let lost = 0;
    lost = nodesIn(azs, count, az);
    return { share: lost === 0 ? 'none' : lost >= count ? 'all' : 'some', lost, of: count };
  }
  if (count === 1) {
    evaluation.assume(l10n.t`The file does not say which AZ the single DAX node runs in; the simulation takes the worst case, that it ran in ${az}.`);
    return { share: 'all', lost: 1, of: 1 };
  }
  evaluation.assume(l10n.t`The file does not place the DAX nodes: DAX spreads them over AZs, so the simulation takes some of them to be in ${az}.`);
  return { share: 'some' };
}
