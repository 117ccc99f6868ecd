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
import { Evaluation, NONE, defaultRoute, lossWords, words, type Evaluated, type Request, type Route, nodesIn } from './evaluation';
import type { DatabaseState, Duration } from './types';
import { plural } from '../text';

/** Evaluates an ElastiCache cluster under a loss. */
export function evaluateElasticache(context: FailureContext, cache: ElasticacheCluster, loss: Loss): Evaluated {
  return cache.engine === 'memcached' ? evaluateMemcached(context, cache, loss) : evaluateReplicated(context, cache, loss);
}

/** The data lost with every node, in a few words, by the role the file gives the cache. */
function shortLoss(cache: ElasticacheCluster): string {
  if (cache.role === 'session-store') return 'every session';
  if (cache.role === 'primary-store') return (cache.snapshotRetentionDays ?? 0) > 0 && cache.engine !== 'memcached' ? 'writes since the latest snapshot' : 'all its data';
  return 'the cached data';
}

/** What losing a cache's data means, by the role the file gives it. */
function dataLoss(cache: ElasticacheCluster, part: string): string {
  if (cache.role === 'session-store') return `every session ${part} held (users must sign in again)`;
  if (cache.role === 'primary-store') return (cache.snapshotRetentionDays ?? 0) > 0 && cache.engine !== 'memcached' ? `the writes since the latest snapshot` : `the data ${part} held, for good`;
  return `the cached data ${part} held (reads miss and go to ${cache.cacheFor ?? 'the database behind it'})`;
}

function evaluateReplicated(context: FailureContext, cache: ElasticacheCluster, loss: Loss): Evaluated {
  const evaluation = new Evaluation(context, cache, loss);
  const nodes = context.nodesOf(cache.name);
  const primary = nodes.find((node) => node.kind === 'cache-primary');
  const replicas = nodes.filter((node) => node.kind === 'cache-replica');
  const shards = cache.shards > 1 ? `the primaries of the ${cache.shards} shards of ${cache.name}` : `the primary of ${cache.name}`;
  if (!primary) return evaluation.finish({ state: 'unaffected', reads: true, writes: true, rto: NONE, rpo: NONE });

  let primaryLost = takes(loss, primary);
  if (primaryLost === undefined) {
    primaryLost = true;
    evaluation.assume(`The file lists no \`azs\` for ${cache.name}, so it does not say which AZ ${cache.shards > 1 ? 'its shard primaries run' : 'its primary runs'} in; the simulation takes the worst case, ${loss.kind === 'az' ? loss.az : 'the lost AZ'}.`);
  }
  const lostReplicas = replicas.filter((node) => {
    const taken = takes(loss, node);
    if (taken !== undefined) return taken;
    if (cache.multiAz === true) return false;
    evaluation.assume(`Without Multi-AZ or \`azs\`, ElastiCache does not promise to keep the replicas of ${cache.name} in other AZs than their primary; the simulation takes the worst case, that they share its AZ.`);
    return primaryLost;
  });
  evaluation.fate(primary, primaryLost ? 'failed' : 'up');
  for (const node of lostReplicas) evaluation.fate(node, 'failed');
  const alive = replicas.filter((node) => !lostReplicas.includes(node));
  const minimum = evaluation.use(ELASTICACHE_MULTI_AZ_MIN_REPLICAS);

  let state: DatabaseState = 'unaffected';
  let reads = true;
  let writes = true;
  let rto: Duration = NONE;
  let rpo: Duration = NONE;
  let promoted: TopologyNode | undefined;
  if (!primaryLost) {
    if (lostReplicas.length) {
      state = 'degraded';
      evaluation.say(`${lossWords(loss)} takes ${plural(lostReplicas.length, 'replica')} of ${cache.name}; ${shards} ${cache.shards > 1 ? 'keep' : 'keeps'} serving.`);
    } else {
      evaluation.say(loss.kind === 'node' ? `${loss.name} is not part of ${cache.name}.` : `Nothing of ${cache.name} runs in ${loss.kind === 'az' ? loss.az : loss.region}.`);
    }
  } else if (alive.length && cache.multiAz === true) {
    promoted = alive[0];
    evaluation.fate(promoted, 'promoted');
    state = 'failed-over';
    evaluation.say(`${lossWords(loss)} takes ${shards}. With Multi-AZ, ElastiCache promotes a replica (at least ${minimum} per shard is required for that) and the primary endpoint follows it; writes the replica had not received yet are lost.`);
    rto = words('automatic failover (no figure in the facts)');
    rpo = words('writes the replica had not received');
  } else if (alive.length) {
    state = 'read-only';
    writes = false;
    evaluation.say(`${lossWords(loss)} takes ${shards}. Without Multi-AZ there is no automatic failover: the replicas keep serving reads, but writes fail until ElastiCache replaces the primary or someone promotes a replica by hand.`);
    rto = words('writes: until the primary is replaced or a replica is promoted by hand');
    rpo = words('writes the replicas had not received');
    evaluation.improve(`Turn on Multi-AZ (\`multiAz: true\`): ElastiCache then promotes a replica automatically and the primary endpoint follows it.`);
  } else {
    state = 'down';
    reads = false;
    writes = false;
    const where = replicas.length ? ` and ${replicas.length === 1 ? 'its replica' : `all ${replicas.length} replicas`}` : '';
    evaluation.say(`${lossWords(loss)} takes ${shards}${where}: nothing is left to fail over to, so ${cache.name} is down until ElastiCache replaces the nodes, and loses ${dataLoss(cache, 'they')}.`);
    rto = words(loss.kind === 'region' ? 'until the Region is back' : 'until ElastiCache replaces the nodes');
    rpo = words(shortLoss(cache));
    if (loss.kind !== 'region') {
      evaluation.improve(
        replicas.length
          ? `Spread the nodes over AZs: list two or more AZs in \`azs\`${cache.multiAz === true ? '' : ', and turn on Multi-AZ'} so a replica in another AZ takes over.`
          : `Add a replica per shard (\`replicasPerShard: ${minimum}\` or more) and turn on Multi-AZ: a replica in another AZ then takes over automatically.`,
      );
    }
  }

  const route = (target: TopologyNode, request: Request): Route => {
    const fate = evaluation.fateOf(target);
    if (target.id === primary.id && fate === 'failed') {
      if (promoted) return { fate: 'works', note: `the primary endpoint follows the failover to a replica.`, servedBy: promoted.id };
      if (alive.length) return request.access === 'read' ? { fate: 'reconnect', note: 'read from a replica (its own or the reader endpoint) until the primary is replaced.', servedBy: alive[0].id } : { fate: 'broken', note: 'no writes until the primary is replaced or a replica is promoted by hand.' };
      return { fate: 'broken', note: `${cache.name} is down until ElastiCache replaces the nodes.` };
    }
    if (fate === 'failed') {
      const others = [...alive, ...(primaryLost ? [] : [primary])];
      return others.length ? { fate: 'reconnect', note: `${target.label} failed: use another node's endpoint.`, servedBy: others[0].id } : { fate: 'broken', note: `${cache.name} is down.` };
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
    evaluation.assume(`The file lists no \`azs\` for ${cache.name}: ElastiCache then puts every Memcached node in one AZ (AZ mode ${mode}), which the file does not name; the simulation takes the worst case, ${loss.az}.`);
    lost = count;
  }
  let state: DatabaseState = 'unaffected';
  let rpo: Duration = NONE;
  let rto: Duration = NONE;
  if (lost === 0) {
    evaluation.say(loss.kind === 'node' ? `${loss.name} is not part of ${cache.name}.` : `Nothing of ${cache.name} runs in ${loss.kind === 'az' ? loss.az : loss.region}.`);
  } else if (lost >= count) {
    state = 'down';
    evaluation.fate(node, 'failed');
    evaluation.say(`${lossWords(loss)} takes ${count === 1 ? `the only Memcached node of ${cache.name}` : `all ${count} Memcached nodes of ${cache.name}`}. Memcached has no replication and no failover, so the cache is down until ElastiCache replaces the nodes, and loses ${dataLoss(cache, 'they')}.`);
    rto = words(loss.kind === 'region' ? 'until the Region is back' : 'until ElastiCache replaces the nodes');
    rpo = words(shortLoss(cache));
    if (loss.kind === 'az' || loss.kind === 'node') evaluation.improve(count === 1 ? `Run two or more nodes and list two or more AZs in \`azs\`, so one failure costs only part of the cache.` : `List two or more AZs in \`azs\` (cross-AZ mode), so an AZ loss costs only part of the cache.`);
    if (cache.role === 'session-store' || cache.role === 'primary-store') evaluation.improve(`Keep this data in Valkey or Redis OSS with a replica per shard and Multi-AZ, or in a database (DynamoDB for sessions).`);
  } else {
    state = 'degraded';
    evaluation.fate(node, 'degraded');
    evaluation.say(`${lossWords(loss)} takes ${lost} of the ${count} Memcached nodes of ${cache.name}; the others keep serving, and the keys on the lost ${lost === 1 ? 'node are' : 'nodes are'} gone: ${dataLoss(cache, lost === 1 ? 'that node' : 'those nodes')}.`);
    rpo = words(`${shortLoss(cache)} on ${lost === 1 ? 'that node' : 'those nodes'}`);
    if (cache.role === 'session-store' || cache.role === 'primary-store') evaluation.improve(`Keep this data in Valkey or Redis OSS with a replica per shard and Multi-AZ, or in a database (DynamoDB for sessions).`);
  }
  const down = state === 'down';
  const route = (target: TopologyNode, request: Request): Route => {
    if (target.id === node?.id && down) return { fate: 'broken', note: `${cache.name} is down until ElastiCache replaces the nodes.` };
    if (target.id === node?.id && state === 'degraded') return { fate: 'degraded', note: `keys on the lost nodes miss until they are replaced.` };
    return defaultRoute(evaluation, finished.outcome, target, request);
  };
  const finished = evaluation.finish({ state, reads: !down, writes: !down, rto, rpo }, route);
  return finished;
}
