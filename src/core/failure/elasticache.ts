// ElastiCache: Valkey and Redis OSS shards of a primary and replicas, failing over to a replica only
// with Multi-AZ; Memcached nodes that keep no copy of each other's data.
//
// Placement: nodes the file places with `azs` are there (primary first, replicas in turn, Memcached
// nodes in turn). Without `azs`: the primary may be in any AZ of the Region (the worst case is taken);
// replicas are in other AZs than their primary with Multi-AZ, and may share its AZ without it (the
// worst case is taken); Memcached puts every node in one AZ (its default AZ mode).
import { ELASTICACHE_MULTI_AZ_MIN_REPLICAS, MEMCACHED_CAPABILITIES, MEMCACHED_DEFAULT_AZ_MODE } from '../facts';
import type { ElasticacheCluster } from '../model/model';
import type { TopologyNode } from '../topology/topology';
import { takes, type FailureContext, type Loss } from './context';
import { Evaluation, none, nothingHere, defaultRoute, lossWords, untilRegionBack, words, type Evaluated, type Request, type Route, nodesIn } from './evaluation';
import type { DatabaseState, Duration } from './types';
import { formatNumber } from '../text';
import * as l10n from '../l10n';

/** Evaluates an ElastiCache cluster under a loss. */
export function evaluateElasticache(context: FailureContext, cache: ElasticacheCluster, loss: Loss): Evaluated {
  return cache.engine === 'memcached' ? evaluateMemcached(context, cache, loss) : evaluateReplicated(context, cache, loss);
}

/** The data lost with every node, in a few words, by the role the file gives the cache. */
function shortLoss(cache: ElasticacheCluster): string {
  if (cache.role === 'session-store') return l10n.t`every session`;
  if (cache.role === 'primary-store') return (cache.snapshotRetentionDays ?? 0) > 0 && cache.engine !== 'memcached' ? l10n.t`writes since the latest snapshot` : l10n.t`all its data`;
  return l10n.t`the cached data`;
}

/** The same on the lost nodes of a Memcached cluster ("every session on those nodes"). */
function shortLossOn(cache: ElasticacheCluster, one: boolean): string {
  const what = shortLoss(cache);
  return one ? l10n.t`${what} on that node` : l10n.t`${what} on those nodes`;
}

/** What losing a cache's data means, by the role the file gives it. */
function dataLoss(cache: ElasticacheCluster, part: 'they' | 'that node' | 'those nodes'): string {
  if (cache.role === 'session-store') {
    if (part === 'they') return l10n.t`every session they held (users must sign in again)`;
    return part === 'that node' ? l10n.t`every session that node held (users must sign in again)` : l10n.t`every session those nodes held (users must sign in again)`;
  }
  if (cache.role === 'primary-store') {
    if ((cache.snapshotRetentionDays ?? 0) > 0 && cache.engine !== 'memcached') return l10n.t`the writes since the latest snapshot`;
    if (part === 'they') return l10n.t`the data they held, for good`;
    return part === 'that node' ? l10n.t`the data that node held, for good` : l10n.t`the data those nodes held, for good`;
  }
  const behind = cache.cacheFor ?? l10n.t`the database behind it`;
  if (part === 'they') return l10n.t`the cached data they held (reads miss and go to ${behind})`;
  return part === 'that node' ? l10n.t`the cached data that node held (reads miss and go to ${behind})` : l10n.t`the cached data those nodes held (reads miss and go to ${behind})`;
}

function evaluateReplicated(context: FailureContext, cache: ElasticacheCluster, loss: Loss): Evaluated {
  const evaluation = new Evaluation(context, cache, loss);
  const nodes = context.nodesOf(cache.name);
  const primary = nodes.find((node) => node.kind === 'cache-primary');
  const replicas = nodes.filter((node) => node.kind === 'cache-replica');
  const shards = cache.shards > 1 ? l10n.t`the primaries of the ${cache.shards} shards of ${cache.name}` : l10n.t`the primary of ${cache.name}`;
  if (!primary) return evaluation.finish({ state: 'unaffected', reads: true, writes: true, rto: none(), rpo: none() });

  let primaryLost = takes(loss, primary);
  if (primaryLost === undefined) {
    primaryLost = true;
    const lostAz = loss.kind === 'az' ? loss.az : l10n.t`the lost AZ`;
    evaluation.assume(
      cache.shards > 1
        ? l10n.t`The file lists no \`azs\` for ${cache.name}, so it does not say which AZ its shard primaries run in; the simulation takes the worst case, ${lostAz}.`
        : l10n.t`The file lists no \`azs\` for ${cache.name}, so it does not say which AZ its primary runs in; the simulation takes the worst case, ${lostAz}.`,
    );
  }
  const lostReplicas = replicas.filter((node) => {
    const taken = takes(loss, node);
    if (taken !== undefined) return taken;
    if (cache.multiAz === true) return false;
    evaluation.assume(l10n.t`Without Multi-AZ or \`azs\`, ElastiCache does not promise to keep the replicas of ${cache.name} in other AZs than their primary; the simulation takes the worst case, that they share its AZ.`);
    return primaryLost;
  });
  evaluation.fate(primary, primaryLost ? 'failed' : 'up');
  for (const node of lostReplicas) evaluation.fate(node, 'failed');
  const alive = replicas.filter((node) => !lostReplicas.includes(node));
  const minimum = evaluation.use(ELASTICACHE_MULTI_AZ_MIN_REPLICAS);

  let state: DatabaseState = 'unaffected';
  let reads = true;
  let writes = true;
  let rto: Duration = none();
  let rpo: Duration = none();
  let promoted: TopologyNode | undefined;
  if (!primaryLost) {
    if (lostReplicas.length) {
      state = 'degraded';
      const count = formatNumber(lostReplicas.length);
      const taken = lostReplicas.length === 1 ? l10n.t`${lossWords(loss)} takes ${count} replica of ${cache.name};` : l10n.t`${lossWords(loss)} takes ${count} replicas of ${cache.name};`;
      evaluation.say(taken + ' ' + (cache.shards > 1 ? l10n.t('{shards} keep serving.', { shards }) : l10n.t('{shards} keeps serving.', { shards })));
    } else {
      evaluation.say(nothingHere(cache.name, loss));
    }
  } else if (alive.length && cache.multiAz === true) {
    promoted = alive[0];
    evaluation.fate(promoted, 'promoted');
    state = 'failed-over';
    evaluation.say(
      l10n.t('{loss} takes {shards}.', { loss: lossWords(loss), shards }) +
        ' ' +
        l10n.t`With Multi-AZ, ElastiCache promotes a replica (at least ${minimum} per shard is required for that) and the primary endpoint follows it; writes the replica had not received yet are lost.`,
    );
    rto = words(l10n.t`automatic failover (no figure in the facts)`);
    rpo = words(l10n.t`writes the replica had not received`);
  } else if (alive.length) {
    state = 'read-only';
    writes = false;
    evaluation.say(
      l10n.t('{loss} takes {shards}.', { loss: lossWords(loss), shards }) +
        ' ' +
        l10n.t`Without Multi-AZ there is no automatic failover: the replicas keep serving reads, but writes fail until ElastiCache replaces the primary or someone promotes a replica by hand.`,
    );
    rto = words(l10n.t`writes: until the primary is replaced or a replica is promoted by hand`);
    rpo = words(l10n.t`writes the replicas had not received`);
    evaluation.improve(l10n.t`Turn on Multi-AZ (\`multiAz: true\`): ElastiCache then promotes a replica automatically and the primary endpoint follows it.`);
  } else {
    state = 'down';
    reads = false;
    writes = false;
    const lost = dataLoss(cache, 'they');
    const count = replicas.length;
    evaluation.say(
      count === 0
        ? l10n.t`${lossWords(loss)} takes ${shards}: nothing is left to fail over to, so ${cache.name} is down until ElastiCache replaces the nodes, and loses ${lost}.`
        : count === 1
          ? l10n.t`${lossWords(loss)} takes ${shards} and its replica: nothing is left to fail over to, so ${cache.name} is down until ElastiCache replaces the nodes, and loses ${lost}.`
          : l10n.t`${lossWords(loss)} takes ${shards} and all ${count} replicas: nothing is left to fail over to, so ${cache.name} is down until ElastiCache replaces the nodes, and loses ${lost}.`,
    );
    rto = words(loss.kind === 'region' ? untilRegionBack() : l10n.t`until ElastiCache replaces the nodes`);
    rpo = words(shortLoss(cache));
    if (loss.kind !== 'region') {
      evaluation.improve(
        replicas.length
          ? cache.multiAz === true
            ? l10n.t`Spread the nodes over AZs: list two or more AZs in \`azs\` so a replica in another AZ takes over.`
            : l10n.t`Spread the nodes over AZs: list two or more AZs in \`azs\`, and turn on Multi-AZ so a replica in another AZ takes over.`
          : addReplicaAdvice(minimum),
      );
    }
  }

  const route = (target: TopologyNode, request: Request): Route => {
    const fate = evaluation.fateOf(target);
    if (target.id === primary.id && fate === 'failed') {
      if (promoted) return { fate: 'works', note: l10n.t`the primary endpoint follows the failover to a replica.`, servedBy: promoted.id };
      if (alive.length) return request.access === 'read' ? { fate: 'reconnect', note: l10n.t`read from a replica (its own or the reader endpoint) until the primary is replaced.`, servedBy: alive[0].id } : { fate: 'broken', note: l10n.t`no writes until the primary is replaced or a replica is promoted by hand.` };
      return { fate: 'broken', note: l10n.t`${cache.name} is down until ElastiCache replaces the nodes.` };
    }
    if (fate === 'failed') {
      const others = [...alive, ...(primaryLost ? [] : [primary])];
      return others.length ? { fate: 'reconnect', note: l10n.t`${target.label} failed: use another node's endpoint.`, servedBy: others[0].id } : { fate: 'broken', note: l10n.t`${cache.name} is down.` };
    }
    return defaultRoute(evaluation, finished.outcome, target, request);
  };
  const finished = evaluation.finish({ state, reads, writes, rto, rpo }, route);
  return finished;
}

function evaluateMemcached(context: FailureContext, cache: ElasticacheCluster, loss: Loss): Evaluated {
  const evaluation = new Evaluation(context, cache, loss);
  const node = context.nodesOf(cache.name).find((candidate) => candidate.kind === 'cache-node');
  const count = Math.max(cache.shards, 1);
  const azs = (cache.azs ?? []).filter((az): az is string => typeof az === 'string');
  evaluation.use(MEMCACHED_CAPABILITIES);
  let lost = 0;
  if (loss.kind === 'region') lost = cache.region === loss.region ? count : 0;
  else if (loss.kind === 'node') lost = node && loss.nodeIds.has(node.id) ? 1 : 0;
  else if (azs.length) {
    lost = nodesIn(azs, count, loss.az);
  } else if (loss.region !== undefined && loss.region === cache.region) {
    const mode = evaluation.use(MEMCACHED_DEFAULT_AZ_MODE);
    evaluation.assume(l10n.t`The file lists no \`azs\` for ${cache.name}: ElastiCache then puts every Memcached node in one AZ (AZ mode ${mode}), which the file does not name; the simulation takes the worst case, ${loss.az}.`);
    lost = count;
  }
  let state: DatabaseState = 'unaffected';
  let rpo: Duration = none();
  let rto: Duration = none();
  if (lost === 0) {
    evaluation.say(nothingHere(cache.name, loss));
  } else if (lost >= count) {
    state = 'down';
    evaluation.fate(node, 'failed');
    const lostData = dataLoss(cache, 'they');
    evaluation.say(
      (count === 1 ? l10n.t`${lossWords(loss)} takes the only Memcached node of ${cache.name}.` : l10n.t`${lossWords(loss)} takes all ${count} Memcached nodes of ${cache.name}.`) +
        ' ' +
        l10n.t`Memcached has no replication and no failover, so the cache is down until ElastiCache replaces the nodes, and loses ${lostData}.`,
    );
    rto = words(loss.kind === 'region' ? untilRegionBack() : l10n.t`until ElastiCache replaces the nodes`);
    rpo = words(shortLoss(cache));
    if (loss.kind === 'az' || loss.kind === 'node') evaluation.improve(count === 1 ? l10n.t`Run two or more nodes and list two or more AZs in \`azs\`, so one failure costs only part of the cache.` : l10n.t`List two or more AZs in \`azs\` (cross-AZ mode), so an AZ loss costs only part of the cache.`);
    if (cache.role === 'session-store' || cache.role === 'primary-store') evaluation.improve(keepElsewhereAdvice());
  } else {
    state = 'degraded';
    evaluation.fate(node, 'degraded');
    const lostData = dataLoss(cache, lost === 1 ? 'that node' : 'those nodes');
    evaluation.say(
      lost === 1
        ? l10n.t`${lossWords(loss)} takes ${lost} of the ${count} Memcached nodes of ${cache.name}; the others keep serving, and the keys on the lost node are gone: ${lostData}.`
        : l10n.t`${lossWords(loss)} takes ${lost} of the ${count} Memcached nodes of ${cache.name}; the others keep serving, and the keys on the lost nodes are gone: ${lostData}.`,
    );
    rpo = words(shortLossOn(cache, lost === 1));
    if (cache.role === 'session-store' || cache.role === 'primary-store') evaluation.improve(keepElsewhereAdvice());
  }
  const down = state === 'down';
  const route = (target: TopologyNode, request: Request): Route => {
    if (target.id === node?.id && down) return { fate: 'broken', note: l10n.t`${cache.name} is down until ElastiCache replaces the nodes.` };
    if (target.id === node?.id && state === 'degraded') return { fate: 'degraded', note: l10n.t`keys on the lost nodes miss until they are replaced.` };
    return defaultRoute(evaluation, finished.outcome, target, request);
  };
  const finished = evaluation.finish({ state, reads: !down, writes: !down, rto, rpo }, route);
  return finished;
}

/** What to do with data a cache must not lose. */
function keepElsewhereAdvice(): string {
  return l10n.t`Keep this data in Valkey or Redis OSS with a replica per shard and Multi-AZ, or in a database (DynamoDB for sessions).`;
}

/** Advice for a replicated cache with no replica at all. */
function addReplicaAdvice(minimum: number): string {
  return l10n.t`Add a replica per shard (\`replicasPerShard: ${minimum}\` or more) and turn on Multi-AZ: a replica in another AZ then takes over automatically.`;
}
