// RDS: a primary with an optional Multi-AZ standby (one, not readable) or Multi-AZ DB cluster
// standbys (two, readable), and a tree of read replicas, each of which may have standbys of its own.
//
// Placement: a node the file places in an AZ is there. A Multi-AZ standby the file does not place is
// in another AZ than its instance (AWS always puts it there). A replica in its source's Region without
// an `az` runs where its source runs (the model's default). An instance the file does not place at all
// may run in any AZ of its Region: the simulation takes the worst case, that it ran in the lost AZ
// (unless its standby is written into that AZ, which puts the instance elsewhere).
import {
  RDS_BACKUP_RETENTION_DAYS,
  RDS_ENGINES_WITHOUT_MULTI_AZ,
  RDS_MULTI_AZ_CLUSTER_ENGINES,
  RDS_MULTI_AZ_CLUSTER_FAILOVER,
  RDS_MULTI_AZ_INSTANCE_FAILOVER,
  RDS_PITR_LATEST_RESTORABLE_MINUTES,
  RDS_READ_REPLICA_PROMOTION,
  rdsEngineFamily,
} from '../facts';
import type { MultiAzDeployment, RdsDatabase, ReadReplica } from '../model/model';
import { compareVersions } from '../rules/helpers/versions';
import type { TopologyNode } from '../topology/topology';
import { takes, type FailureContext, type Loss } from './context';
import { Evaluation, none, nothingHere, regionRpo, defaultRoute, inAnotherAz, inPlace, lossWords, names, replicationWord, seconds, untilRegionBack, where, words, type Evaluated, type Route } from './evaluation';
import type { Duration } from './types';
import * as l10n from '../l10n';

/** An RDS instance (the primary or a replica) with its standbys, and what the loss did to it. */
interface Unit {
  name: string;
  node: TopologyNode;
  replica?: ReadReplica;
  source?: Unit;
  multiAz: MultiAzDeployment;
  standbys: TopologyNode[];
  lost: boolean;
  lostStandbys: TopologyNode[];
  status: 'up' | 'failed-over' | 'lost';
  promoted?: TopologyNode;
  /** Its source (or the source's source) is lost: it serves reads but receives no more changes. */
  stale: boolean;
}

/** Whether an engine (and version) can run as a Multi-AZ DB cluster. */
function clusterCapable(database: RdsDatabase): boolean {
  const family = rdsEngineFamily(database.engine);
  const support = family ? RDS_MULTI_AZ_CLUSTER_ENGINES.value[family] : undefined;
  if (!support) return false;
  if (!support.minVersion || !database.engineVersion) return true;
  return (compareVersions(database.engineVersion, support.minVersion) ?? 0) >= 0;
}

/** Evaluates an RDS database under a loss. */
export function evaluateRds(context: FailureContext, database: RdsDatabase, loss: Loss): Evaluated {
  const evaluation = new Evaluation(context, database, loss);
  const primaryNode = context.nodeAt(database.name, ['rds-primary'], database.pointer);
  if (!primaryNode) return evaluation.finish({ state: 'unaffected', reads: true, writes: true, rto: none(), rpo: none() });

  const units: Unit[] = [];
  const byName = new Map<string, Unit>();
  const unit = (name: string, node: TopologyNode, multiAz: MultiAzDeployment, replica?: ReadReplica, source?: Unit): Unit => {
    const built: Unit = { name, node, replica, source, multiAz, standbys: context.targets(node.id, 'sync-replication'), lost: false, lostStandbys: [], status: 'up', stale: false };
    units.push(built);
    byName.set(name, built);
    return built;
  };
  const primary = unit(database.name, primaryNode, database.multiAz);
  for (const replica of database.allReplicas) {
    const node = context.nodeAt(database.name, ['rds-replica'], replica.pointer);
    const source = byName.get(replica.source.name);
    if (node && !byName.has(replica.name)) unit(replica.name, node, replica.multiAz, replica, source);
  }

  // Which instances and standbys the loss takes (units come sources first, so a replica can follow its source).
  for (const current of units) {
    current.lost = unitLost(evaluation, current);
    current.lostStandbys = current.standbys.filter((standby) => takes(loss, standby) === true);
    const alive = current.standbys.filter((standby) => !current.lostStandbys.includes(standby));
    current.status = !current.lost ? 'up' : alive.length ? 'failed-over' : 'lost';
    current.promoted = current.status === 'failed-over' ? alive[0] : undefined;
    current.stale = current.source !== undefined && (current.source.status === 'lost' || current.source.stale);
    evaluation.fate(current.node, current.lost ? 'failed' : current.stale ? 'degraded' : 'up');
    for (const standby of current.lostStandbys) evaluation.fate(standby, 'failed');
    evaluation.fate(current.promoted, 'promoted');
  }

  const replicas = units.slice(1);
  const alive = (candidate: Unit): boolean => candidate.status !== 'lost';
  const candidates = replicas.filter(alive);
  const clusterMode = database.multiAz.enabled && database.multiAz.mode === 'cluster';
  let result: { state: 'unaffected' | 'failed-over' | 'degraded' | 'read-only' | 'down'; reads: boolean; writes: boolean; rto: Duration; rpo: Duration };

  if (primary.status === 'up') {
    describeLesserLosses(evaluation, primary, replicas);
    const changed = evaluation.fates.size > 0;
    if (!changed && !evaluation.hasSaid()) evaluation.say(nothingOf(database.name, loss));
    result = { state: changed ? 'degraded' : 'unaffected', reads: true, writes: true, rto: none(), rpo: none() };
  } else if (primary.status === 'failed-over') {
    const standby = primary.promoted!;
    if (clusterMode) {
      const failover = evaluation.use(RDS_MULTI_AZ_CLUSTER_FAILOVER);
      evaluation.say(
        l10n.t`${lossWords(loss)} takes the writer of the Multi-AZ DB cluster ${database.name} (${where(primary.node)}); RDS promotes one of its readable standbys (${standby.label}, ${where(standby, inAnotherAz())}), typically in under ${failover.maxSeconds} s, and the writer endpoint follows it.`,
      );
      result = { state: 'failed-over', reads: true, writes: true, rto: seconds(0, failover.maxSeconds), rpo: { seconds: [0, 0], text: l10n.t`0 (semi-synchronous standbys)` } };
    } else {
      const failover = evaluation.use(RDS_MULTI_AZ_INSTANCE_FAILOVER);
      const standbyPlace = standby.az ? inPlace(standby.az) : l10n.t`in another AZ (the file does not name it; AWS always puts the standby in another AZ than the primary)`;
      evaluation.say(
        l10n.t`${lossWords(loss)} takes the primary of ${database.name} (${where(primary.node)}).` +
          ' ' +
          l10n.t`Its synchronous Multi-AZ standby runs ${standbyPlace}: RDS promotes it and the database's endpoint follows, typically in ${failover.minSeconds}-${failover.maxSeconds} s, with no committed data lost.`,
      );
      if (clusterCapable(database)) {
        const cluster = evaluation.use(RDS_MULTI_AZ_CLUSTER_FAILOVER);
        evaluation.improve(l10n.t`A Multi-AZ DB cluster (\`multiAz: { mode: cluster }\`) fails over typically in under ${cluster.maxSeconds} s instead of ${failover.minSeconds}-${failover.maxSeconds} s, and its two standbys serve reads.`);
      }
      result = { state: 'failed-over', reads: true, writes: true, rto: seconds(failover.minSeconds, failover.maxSeconds), rpo: { seconds: [0, 0], text: l10n.t`0 (synchronous standby)` } };
    }
    describeLesserLosses(evaluation, primary, replicas);
  } else {
    explainPrimaryLoss(evaluation, database, primary);
    if (candidates.length) {
      const promotion = evaluation.use(RDS_READ_REPLICA_PROMOTION);
      const best = promotionCandidate(candidates, primary)!;
      const survivors = names(candidates.map((candidate) => candidate.name));
      evaluation.say(
        (candidates.length === 1
          ? l10n.t`${survivors} survives and keeps serving reads, but a read replica never takes over by itself: writes stop until someone promotes one (${best.name}, say) to a standalone instance and points the applications at its endpoint.`
          : l10n.t`${survivors} survive and keep serving reads, but a read replica never takes over by itself: writes stop until someone promotes one (${best.name}, say) to a standalone instance and points the applications at its endpoint.`) +
          ' ' +
          l10n.t`Replication is ${replicationWord(promotion.replication)}, so the promoted replica lacks whatever it had not received yet (its replication lag).`,
      );
      describeLesserLosses(evaluation, primary, replicas);
      result = {
        state: 'read-only',
        reads: true,
        writes: false,
        rto: words(l10n.t`writes: until ${best.name} is promoted by hand`),
        rpo: words(l10n.t`${best.name}'s replication lag`),
      };
    } else {
      describeLesserLosses(evaluation, primary, replicas);
      result = { state: 'down', reads: false, writes: false, ...downTimes(evaluation, database, loss) };
    }
    adviseOnPrimaryLoss(evaluation, database, primary, candidates.length > 0);
  }

  const route = (target: TopologyNode, request: { access: 'read' | 'read-write'; endpoint: string | undefined; direct: boolean }): Route => {
    const owner = units.find((candidate) => candidate.node.id === target.id);
    const standbyOwner = owner ? undefined : units.find((candidate) => candidate.standbys.some((standby) => standby.id === target.id));
    if (standbyOwner) return standbyRoute(evaluation, standbyOwner, target);
    if (!owner) return defaultRoute(evaluation, outcome(), target, request);
    if (owner.status === 'failed-over') {
      const note = owner === primary ? l10n.t`the endpoint of ${owner.name} follows the failover to its standby (${result.rto.text}).` : l10n.t`the endpoint of ${owner.name} follows the failover to its standby.`;
      return { fate: 'works', note, servedBy: owner.promoted!.id };
    }
    if (owner.status === 'lost') {
      const others = units.filter((candidate) => candidate !== owner && alive(candidate));
      if (owner === primary) {
        const best = promotionCandidate(others, primary);
        if (!best) return { fate: 'broken', note: l10n.t`${database.name} is down (${result.rto.text}).` };
        return request.access === 'read'
          ? { fate: 'reconnect', note: l10n.t`read from ${best.name} (its own endpoint) until the primary is back.`, servedBy: best.node.id }
          : { fate: 'reconnect', note: l10n.t`writes resume once ${best.name} is promoted by hand and the application uses its endpoint.`, servedBy: best.node.id };
      }
      if (!others.length) return { fate: 'broken', note: l10n.t`${owner.name} failed and nothing of ${database.name} is left to read from.` };
      const near = others.filter((candidate) => candidate.node.region === owner.node.region);
      const choices = near.length ? near : others;
      return { fate: 'reconnect', note: l10n.t`${owner.name} failed: read from ${names(choices.map((candidate) => candidate.name))} instead (another endpoint).`, servedBy: choices[0].promoted?.id ?? choices[0].node.id };
    }
    if (owner.stale) return { fate: 'degraded', note: l10n.t`${owner.name} still serves reads, but receives no more changes (its source failed).` };
    return defaultRoute(evaluation, outcome(), target, request);
  };
  let finished: Evaluated | undefined;
  const outcome = () => finished!.outcome;
  finished = evaluation.finish(result, route);
  return finished;
}

/** Whether the loss takes an instance, by the placement rules at the top of this file. */
function unitLost(evaluation: Evaluation, unit: Unit): boolean {
  const loss = evaluation.loss;
  const taken = takes(loss, unit.node);
  if (taken !== undefined) return taken;
  if (loss.kind !== 'az') return false;
  if (unit.replica && unit.source && !unit.replica.crossRegion && unit.replica.region === unit.source.node.region) {
    // Without an `az`, a replica in its source's Region runs where its source runs.
    return unit.source.lost;
  }
  if (unit.multiAz.enabled && unit.multiAz.standbyAz === loss.az) return false;
  evaluation.assume(l10n.t`The file does not say which AZ ${unit.name} runs in; the simulation takes the worst case, that it ran in ${loss.az}.`);
  return true;
}

/** The replica to promote: one of the lost primary itself before a replica of a replica, one in the primary's Region first. */
function promotionCandidate(candidates: readonly Unit[], primary: Unit): Unit | undefined {
  const rank = (candidate: Unit): number => (candidate.source === primary ? 0 : 2) + (candidate.node.region === primary.node.region ? 0 : 1);
  return [...candidates].sort((a, b) => rank(a) - rank(b))[0];
}

/** Why the primary is lost with nothing to fail over to. */
function explainPrimaryLoss(evaluation: Evaluation, database: RdsDatabase, primary: Unit): void {
  const loss = evaluation.loss;
  if (loss.kind === 'region') {
    evaluation.say(
      primary.standbys.length === 0
        ? l10n.t`${lossWords(loss)} takes the primary of ${database.name}.`
        : primary.standbys.length > 1
          ? l10n.t`${lossWords(loss)} takes the primary of ${database.name} and its Multi-AZ standbys (always in the primary's Region).`
          : l10n.t`${lossWords(loss)} takes the primary of ${database.name} and its Multi-AZ standby (always in the primary's Region).`,
    );
  } else if (!database.multiAz.enabled) {
    evaluation.say(l10n.t`${lossWords(loss)} takes ${database.name}, a Single-AZ instance (${where(primary.node)}): it has no standby to fail over to.`);
  } else if (primary.standbys.length) {
    const standbys = names(primary.lostStandbys.map((standby) => `${standby.label} (${where(standby)})`));
    evaluation.say(
      primary.lostStandbys.length > 1
        ? l10n.t`${lossWords(loss)} takes the primary of ${database.name} (${where(primary.node)}) and its Multi-AZ standbys ${standbys} with it: the file puts them in the same place, so nothing is left to fail over to.`
        : l10n.t`${lossWords(loss)} takes the primary of ${database.name} (${where(primary.node)}) and its Multi-AZ standby ${standbys} with it: the file puts them in the same place, so nothing is left to fail over to.`,
    );
  }
}

/** RTO and RPO of a database that must be restored (or wait for its AZ or Region). */
function downTimes(evaluation: Evaluation, database: RdsDatabase, loss: Loss): { rto: Duration; rpo: Duration } {
  const retention = database.backup?.retentionDays ?? evaluation.use(RDS_BACKUP_RETENTION_DAYS).apiDefault;
  const minutes = evaluation.use(RDS_PITR_LATEST_RESTORABLE_MINUTES);
  const restore: Duration =
    retention > 0
      ? seconds(0, minutes * 60, l10n.t`up to ${minutes} min (latest restorable time)`)
      : words(l10n.t`all since the last manual snapshot (backups off)`);
  if (retention === 0) evaluation.use(RDS_BACKUP_RETENTION_DAYS);
  switch (loss.kind) {
    case 'az':
      evaluation.say(
        retention > 0
          ? l10n.t`It stays down until ${loss.az} is back, or until a point-in-time restore builds a new instance in another AZ, which reaches only the latest restorable time (typically the last ${minutes} minutes are lost).`
          : l10n.t`It stays down until ${loss.az} is back, or until a point-in-time restore builds a new instance in another AZ; with backups off (retention 0) there is nothing to restore to a point in time.`,
      );
      return { rto: words(l10n.t`the restore time, or until the AZ is back`), rpo: restore };
    case 'node':
      evaluation.say(
        retention > 0
          ? l10n.t`It is down while RDS recovers the instance; if its storage is lost too, a point-in-time restore reaches typically the last ${minutes} minutes.`
          : l10n.t`It is down while RDS recovers the instance; if its storage is lost too, a point-in-time restore is impossible (backups are off).`,
      );
      return {
        rto: words(l10n.t`until RDS recovers the instance, or the restore time`),
        rpo: retention > 0 ? seconds(0, minutes * 60, l10n.t`0 if its storage survives; up to ${minutes} min after a restore`) : words(l10n.t`0 if its storage survives; else all since the last manual snapshot`),
      };
    case 'region':
      evaluation.say(l10n.t`The file keeps no copy of ${database.name} in another Region: it is down until ${loss.region} is back.`);
      return { rto: words(untilRegionBack()), rpo: words(regionRpo()) };
  }
}

/** What would have kept the primary's writes going. */
function adviseOnPrimaryLoss(evaluation: Evaluation, database: RdsDatabase, primary: Unit, hasCandidates: boolean): void {
  const loss = evaluation.loss;
  if (loss.kind === 'region') {
    const crossRegion = database.allReplicas.some((replica) => replica.region !== undefined && replica.region !== loss.region);
    if (!crossRegion) {
      evaluation.use(RDS_READ_REPLICA_PROMOTION);
      evaluation.improve(l10n.t`Add a cross-Region read replica (a \`readReplicas\` entry with its own \`region\`): when ${loss.region} is lost, promote it by hand, losing only its replication lag.`);
    }
    return;
  }
  if (!database.multiAz.enabled) {
    if (evaluation.use(RDS_ENGINES_WITHOUT_MULTI_AZ).includes(database.engine)) {
      evaluation.improve(l10n.t`RDS for SQL Server Express has no Multi-AZ deployment: move to Standard or Web Edition to get a standby.`);
      return;
    }
    const failover = evaluation.use(RDS_MULTI_AZ_INSTANCE_FAILOVER);
    const cluster = clusterCapable(database) ? evaluation.use(RDS_MULTI_AZ_CLUSTER_FAILOVER) : undefined;
    evaluation.improve(
      cluster
        ? l10n.t('Turn on Multi-AZ (`multiAz: true`): a synchronous standby in another AZ takes over typically in {min}-{max} s, losing no committed data; or `multiAz: { mode: cluster }`: two readable standbys, failover typically under {cluster} s.', {
            min: failover.minSeconds,
            max: failover.maxSeconds,
            cluster: cluster.maxSeconds,
          })
        : l10n.t`Turn on Multi-AZ (\`multiAz: true\`): a synchronous standby in another AZ takes over typically in ${failover.minSeconds}-${failover.maxSeconds} s, losing no committed data.`,
    );
  } else if (primary.lostStandbys.length && loss.kind === 'az') {
    evaluation.improve(l10n.t`Put the standby in another AZ than the primary: remove \`standbyAz\` (AWS then picks another AZ) or name an AZ other than ${loss.az}.`);
  }
  if (!hasCandidates && database.allReplicas.length === 0 && loss.kind === 'az' && !database.multiAz.enabled) {
    evaluation.use(RDS_READ_REPLICA_PROMOTION);
    evaluation.improve(l10n.t`A read replica in another AZ would at least keep reads going (and can be promoted by hand).`);
  }
}

/** Sentences for the parts lost besides the primary: standbys, replicas, replicas' own failovers, stale replicas. */
function describeLesserLosses(evaluation: Evaluation, primary: Unit, replicas: readonly Unit[]): void {
  const loss = evaluation.loss;
  if (primary.status === 'up' && primary.lostStandbys.length) {
    const places = names(primary.lostStandbys.map((standby) => where(standby)));
    evaluation.say(
      primary.lostStandbys.length > 1
        ? l10n.t`${lossWords(loss)} takes the Multi-AZ standbys of ${primary.name} (${places}); the primary keeps serving, without a standby to fail over to until RDS replaces them.`
        : l10n.t`${lossWords(loss)} takes the Multi-AZ standby of ${primary.name} (${places}); the primary keeps serving, without a standby to fail over to until RDS replaces it.`,
    );
  }
  if (primary.status !== 'lost' && primary.lostStandbys.length === 0 && primary.status === 'up' && loss.kind === 'az' && primary.standbys.some((standby) => !standby.az && standby.region === loss.region)) {
    evaluation.say(l10n.t`The file does not say which AZ the standby of ${primary.name} runs in; if it ran in ${loss.az}, RDS replaces it while the primary keeps serving.`);
  }
  for (const candidate of replicas.filter((replica) => replica.status === 'up' && replica.lostStandbys.length)) {
    evaluation.say(l10n.t`${lossWords(loss)} takes the Multi-AZ standby of the read replica ${candidate.name} (${names(candidate.lostStandbys.map((standby) => where(standby)))}); the replica keeps serving.`);
  }
  const lost = replicas.filter((candidate) => candidate.status === 'lost');
  if (lost.length) {
    const lostNames = names(lost.map((candidate) => `${candidate.name} (${where(candidate.node, candidate.node.region ? inPlace(candidate.node.region) : undefined)})`));
    evaluation.say(
      lost.length > 1
        ? l10n.t`${lossWords(loss)} takes the read replicas ${lostNames}: applications that read from them must use another endpoint.`
        : l10n.t`${lossWords(loss)} takes the read replica ${lostNames}: applications that read from it must use another endpoint.`,
    );
    const region = primary.node.region;
    const survivors = replicas.filter((candidate) => candidate.status !== 'lost' && candidate.node.region === region);
    if (loss.kind === 'az' && primary.status === 'lost' && survivors.length === 0 && lost.some((candidate) => candidate.node.region === region)) {
      evaluation.improve(l10n.t`Put a read replica in another AZ than ${loss.az}, so reads survive its loss (and a replica is there to promote by hand).`);
    }
  }
  for (const candidate of replicas.filter((replica) => replica.status === 'failed-over')) {
    const failover = evaluation.use(RDS_MULTI_AZ_INSTANCE_FAILOVER);
    evaluation.say(
      l10n.t`${lossWords(loss)} takes the read replica ${candidate.name} (${where(candidate.node)}), but it is Multi-AZ itself: its standby (${where(candidate.promoted, inAnotherAz())}) takes over and its endpoint follows, typically in ${failover.minSeconds}-${failover.maxSeconds} s.`,
    );
  }
  const stale = replicas.filter((candidate) => candidate.stale && candidate.status !== 'lost');
  if (stale.length && primary.status !== 'lost') {
    const staleNames = names(stale.map((candidate) => candidate.name));
    evaluation.say(
      stale.length > 1
        ? l10n.t`${staleNames} keep serving reads but receive no more changes: their sources are lost.`
        : l10n.t`${staleNames} keeps serving reads but receives no more changes: its source is lost.`,
    );
  }
}

/** The sentence for a database the loss does not touch. */
function nothingOf(name: string, loss: Loss): string {
  return nothingHere(name, loss);
}

/** A connection through a standby node (the reader endpoint of a Multi-AZ DB cluster). */
function standbyRoute(evaluation: Evaluation, owner: Unit, target: TopologyNode): Route {
  const others = owner.standbys.filter((standby) => standby.id !== target.id && evaluation.fateOf(standby) === 'up');
  const fate = evaluation.fateOf(target);
  if (fate === 'up') return { fate: 'works', note: '' };
  if (owner.status === 'lost') return { fate: 'broken', note: l10n.t`${owner.name} and its standbys are lost.` };
  if (others.length) return { fate: 'works', note: l10n.t`the reader endpoint moves to ${others[0].label}.`, servedBy: others[0].id };
  return { fate: 'reconnect', note: l10n.t`no readable standby is left: read through the writer endpoint.`, servedBy: owner.promoted?.id ?? owner.node.id };
}
