// Aurora, DocumentDB and Neptune: one writer and readers over a shared cluster volume. A failover
// promotes a reader (lowest promotion tier first, then the largest); with no reader the service
// creates a new writer. Aurora adds Global Database secondaries in other Regions and readers that
// auto scaling keeps.
//
// Placement: an instance the file places in an AZ is there. Instances it does not place are taken to
// be spread over AZs by the service (arch/single-az reads them the same way): a reader without an AZ
// is never in the lost AZ, and the writer without an AZ is taken to be in the lost AZ (the worst case)
// when the file places no instance of the cluster there.
import {
  AURORA_FAILOVER,
  AURORA_FAILOVER_ORDER,
  AURORA_GLOBAL_DATABASE_FAILOVER,
  AURORA_PROMOTION_TIER,
  AURORA_STORAGE_COPIES,
  AURORA_STORAGE_QUORUM,
  DOCUMENTDB_STORAGE_COPIES,
  NEPTUNE_STORAGE_AZS,
} from '../facts';
import type { ClusterDatabase, ClusterInstance } from '../model/model';
import { instanceSize } from '../rules/helpers/aurora';
import type { TopologyNode } from '../topology/topology';
import { takes, type FailureContext, type Loss } from './context';
import { Evaluation, none, nothingHere, regionRpo, defaultRoute, downUntilRegionBack, lossWords, names, seconds, untilRegionBack, where, words, type Evaluated, type Request, type Route } from './evaluation';
import * as l10n from '../l10n';
import type { DatabaseState, Duration } from './types';

interface Member {
  instance: ClusterInstance;
  node: TopologyNode;
  lost: boolean;
}

const SERVICE_NAMES = { aurora: 'Aurora', documentdb: 'DocumentDB', neptune: 'Neptune' } as const;
/** The node kinds of a cluster's instances. */
const MEMBER_KINDS = ['cluster-writer', 'cluster-reader'] as const;

/** Evaluates an Aurora, DocumentDB or Neptune cluster under a loss. */
export function evaluateCluster(context: FailureContext, database: ClusterDatabase, loss: Loss): Evaluated {
  const evaluation = new Evaluation(context, database, loss);
  const service = SERVICE_NAMES[database.service];
  const members: Member[] = [];
  for (const instance of database.instances) {
    const node = context.nodeAt(database.name, MEMBER_KINDS, instance.pointer);
    if (node) members.push({ instance, node, lost: false });
  }
  const volume = context.nodesOf(database.name).find((node) => node.kind === 'cluster-volume');
  const secondaries = context.nodesOf(database.name).filter((node) => node.kind === 'global-secondary-cluster');
  // A cluster that names no writer still has one: the simulation takes its first instance.
  const writer = members.find((member) => member.instance.role === 'writer') ?? members[0];
  const readers = members.filter((member) => member !== writer);
  if (writer && writer.instance.role !== 'writer') evaluation.assume(l10n.t`The file names no writer for ${database.name}; the simulation takes its first instance, ${writer.instance.name}, to be the writer.`);
  // Auto scaling keeps at least `minReplicas` readers; those beyond the file's own run where the service puts them, at tier 15.
  const scaled = database.service === 'aurora' ? Math.max(0, (database.autoScaling?.minReplicas ?? 0) - readers.length) : 0;

  for (const member of members) {
    const taken = takes(loss, member.node);
    if (taken !== undefined) member.lost = taken;
    else if (member === writer && loss.kind === 'az' && !loss.placesHere) {
      member.lost = true;
      evaluation.assume(l10n.t`The file does not say which AZ the writer ${member.instance.name} runs in; the simulation takes the worst case, that it ran in ${loss.az}.`);
    }
    evaluation.fate(member.node, member.lost ? 'failed' : 'up');
  }
  const volumeLost = volume !== undefined && loss.kind === 'region' && volume.region === loss.region;
  const scaledLost = loss.kind === 'region' && database.region === loss.region;
  const lostSecondaries = secondaries.filter((node) => takes(loss, node) === true);
  for (const node of lostSecondaries) evaluation.fate(node, 'failed');
  if (volumeLost) evaluation.fate(volume, 'failed');

  const sameRegionAz = loss.kind === 'az' && loss.region !== undefined && loss.region === database.region;
  // Every AZ of the Region may hold 2 of the volume's copies (the file cannot say which three AZs it uses).
  if (sameRegionAz) evaluation.fate(volume, 'degraded');

  let state: DatabaseState;
  let reads = true;
  let writes = true;
  let rto: Duration = none();
  let rpo: Duration = none();
  let promoted: Member | undefined;
  let promotedSecondary: TopologyNode | undefined;
  let scaledPromoted = false;
  const survivors = readers.filter((member) => !member.lost);

  if (volumeLost) {
    const remaining = secondaries.filter((node) => !lostSecondaries.includes(node));
    if (remaining.length) {
      const global = evaluation.use(AURORA_GLOBAL_DATABASE_FAILOVER);
      promotedSecondary = remaining[0];
      evaluation.fate(promotedSecondary, 'promoted');
      const secondaryRegion = promotedSecondary.region ?? 'undefined';
      const minutes = global.promotionSeconds / 60;
      evaluation.say(
        [
          l10n.t`${lossWords(loss)} takes the primary cluster of the Global Database ${database.name}, its instances and its cluster volume.`,
          l10n.t`A managed failover promotes the secondary cluster in ${secondaryRegion} to primary in under ${minutes} min; storage replication is asynchronous and typically under ${global.lagSeconds} s behind, so about the last second of writes may be lost.`,
          l10n.t`Applications then use the endpoints of the ${secondaryRegion} cluster.`,
        ].join(' '),
      );
      state = 'failed-over';
      rto = seconds(0, global.promotionSeconds, l10n.t`under ${minutes} min (managed Global Database failover)`);
      rpo = seconds(0, global.lagSeconds, l10n.t`about ${global.lagSeconds} s (async storage replication)`);
    } else {
      evaluation.say(
        loss.kind === 'region'
          ? l10n.t`${lossWords(loss)} takes every instance of ${database.name} and its cluster volume; the file keeps no copy in another Region, so it is down until ${loss.region} is back.`
          : l10n.t`${lossWords(loss)} takes every instance of ${database.name} and its cluster volume; the file keeps no copy in another Region, so it is down until the Region is back.`,
      );
      state = 'down';
      reads = false;
      writes = false;
      rto = words(untilRegionBack());
      rpo = words(regionRpo());
      if (database.service === 'aurora') {
        const global = evaluation.use(AURORA_GLOBAL_DATABASE_FAILOVER);
        const minutes = global.promotionSeconds / 60;
        evaluation.improve(l10n.t`Add a Global Database secondary Region (\`globalDatabase.secondaryRegions\`): a managed failover promotes it in under ${minutes} min, losing typically under ${global.lagSeconds} s of writes.`);
      }
    }
  } else if (writer && writer.lost) {
    const order = evaluation.use(AURORA_FAILOVER_ORDER);
    const failover = evaluation.use(AURORA_FAILOVER);
    const timing = database.service === 'aurora' ? l10n.t`typically in about ${failover.promoteReaderSeconds} s` : l10n.t`the same way as Aurora (typically about ${failover.promoteReaderSeconds} s)`;
    promoted = failoverTarget(survivors);
    if (promoted) {
      evaluation.fate(promoted.node, 'promoted');
      evaluation.say(
        [
          l10n.t`${lossWords(loss)} takes the writer ${writer.instance.name} (${where(writer.node)}).`,
          l10n.t`${service} promotes the reader ${promoted.instance.name} (${where(promoted.node)}, promotion tier ${promoted.instance.promotionTier}; the ${orderWords(order[0])} goes first, then the ${orderWords(order[1])}) ${timing}, and the cluster endpoint follows it.`,
          l10n.t`The readers share the cluster volume, so no committed write is lost.`,
        ].join(' '),
      );
      state = 'failed-over';
      rto = seconds(failover.promoteReaderSeconds, failover.promoteReaderSeconds);
      rpo = { seconds: [0, 0], text: l10n.t`0 (shared cluster volume)` };
    } else if (scaled > 0 && !scaledLost) {
      scaledPromoted = true;
      const tiers = evaluation.use(AURORA_PROMOTION_TIER);
      const kept = scaled + readers.length;
      evaluation.say(
        l10n.t`${lossWords(loss)} takes the writer ${writer.instance.name} (${where(writer.node)}).` +
          ' ' +
          l10n.t`The file lists no other reader that survives, but auto scaling keeps at least ${kept} (promotion tier ${tiers.autoScaled}); the service places them, and the simulation takes one to run in another AZ: it is promoted ${timing}, losing no committed write.`,
      );
      state = 'failed-over';
      rto = seconds(failover.promoteReaderSeconds, failover.promoteReaderSeconds);
      rpo = { seconds: [0, 0], text: l10n.t`0 (shared cluster volume)` };
    } else {
      const allReaders = names(readers.map((member) => `${member.instance.name} ${where(member.node)}`));
      evaluation.say(
        (readers.length
          ? l10n.t`${lossWords(loss)} takes the writer ${writer.instance.name} (${where(writer.node)}) and every reader with it (${allReaders}): with no reader to promote, ${service} creates a new writer instance, which takes minutes.`
          : l10n.t`${lossWords(loss)} takes the writer ${writer.instance.name} (${where(writer.node)}) and the cluster has no reader: with no reader to promote, ${service} creates a new writer instance, which takes minutes.`) +
          ' ' +
          l10n.t`No committed write is lost: it is on the cluster volume.`,
      );
      state = 'down';
      reads = false;
      writes = false;
      rto = words(l10n.t`minutes (a new writer is created)`);
      rpo = { seconds: [0, 0], text: l10n.t`0 (the cluster volume survives)` };
      evaluation.improve(
        readers.length
          ? loss.kind === 'az'
            ? l10n.t`Move at least one reader to another AZ than ${loss.az}: ${service} then promotes it (about ${failover.promoteReaderSeconds} s) instead of creating a new writer.`
            : l10n.t`Move at least one reader to another AZ: ${service} then promotes it (about ${failover.promoteReaderSeconds} s) instead of creating a new writer.`
          : l10n.t`Add a reader in another AZ with the writer's instance class and \`promotionTier: 0\`: ${service} then promotes it in about ${failover.promoteReaderSeconds} s instead of creating a new writer (minutes).`,
      );
    }
    const lostReaders = readers.filter((member) => member.lost);
    if (promoted && lostReaders.length) evaluation.say(l10n.t`It also takes ${names(lostReaders.map((member) => member.instance.name))}.`);
  } else {
    const lostReaders = readers.filter((member) => member.lost);
    state = 'unaffected';
    if (lostReaders.length) {
      const lostNames = names(lostReaders.map((member) => `${member.instance.name} (${where(member.node)})`));
      const kept = survivors.length ? names(survivors.map((member) => member.instance.name)) : l10n.t`no reader`;
      evaluation.say(
        lostReaders.length > 1
          ? writer
            ? l10n.t`${lossWords(loss)} takes the readers ${lostNames}; the writer ${writer.instance.name} keeps serving, and the reader endpoint keeps ${kept}.`
            : l10n.t`${lossWords(loss)} takes the readers ${lostNames}; the writer keeps serving, and the reader endpoint keeps ${kept}.`
          : writer
            ? l10n.t`${lossWords(loss)} takes the reader ${lostNames}; the writer ${writer.instance.name} keeps serving, and the reader endpoint keeps ${kept}.`
            : l10n.t`${lossWords(loss)} takes the reader ${lostNames}; the writer keeps serving, and the reader endpoint keeps ${kept}.`,
      );
      if (survivors.length === 0 && writer) {
        evaluation.improve(
          loss.kind === 'az'
            ? l10n.t`Spread the readers over AZs: with every reader in ${loss.az}, a writer failure now would have nothing to promote.`
            : l10n.t`Spread the readers over AZs: with every reader lost, a writer failure now would have nothing to promote.`,
        );
      }
      state = 'degraded';
    }
    if (lostSecondaries.length) {
      state = 'degraded';
      evaluation.say(l10n.t`${lossWords(loss)} takes the Global Database secondary in ${names(lostSecondaries.map((node) => node.region ?? ''))}; the primary cluster is not affected.`);
    }
    if (state === 'unaffected') evaluation.say(sameRegionAz ? l10n.t`No instance of ${database.name} runs in ${loss.kind === 'az' ? loss.az : ''}.` : nothingHere(database.name, loss));
  }
  if (sameRegionAz && volume && loss.kind === 'az') explainVolume(evaluation, database, loss.az);

  const route = (target: TopologyNode, request: Request): Route => {
    const member = members.find((candidate) => candidate.node.id === target.id);
    if (target.id === volume?.id || !member) return defaultRoute(evaluation, finished.outcome, target, request);
    if (volumeLost) {
      if (!promotedSecondary) return { fate: 'broken', note: downUntilRegionBack(database.name, database.region) };
      const secondaryRegion = promotedSecondary.region ?? 'undefined';
      const note =
        request.endpoint && request.endpoint !== 'writer'
          ? l10n.t`use the reader endpoint of the promoted secondary cluster in ${secondaryRegion}.`
          : l10n.t`use the writer (cluster) endpoint of the promoted secondary cluster in ${secondaryRegion}.`;
      return { fate: 'reconnect', note, servedBy: promotedSecondary.id };
    }
    const alive = members.filter((candidate) => !candidate.lost);
    if (request.direct) {
      if (!member.lost) return { fate: 'works', note: member === promoted ? l10n.t`${member.instance.name} is now the writer.` : '' };
      if (!alive.length) return { fate: 'broken', note: l10n.t`${database.name} has no instance left until a new writer is created (minutes).` };
      return { fate: 'reconnect', note: l10n.t`${member.instance.name} failed: an instance endpoint does not follow failovers; use the cluster or reader endpoint.`, servedBy: (promoted ?? alive[0]).node.id };
    }
    const throughReaders = request.endpoint !== undefined && request.endpoint !== 'writer';
    if (!throughReaders) {
      // The cluster (writer) endpoint.
      if (!writer || !writer.lost) return defaultRoute(evaluation, finished.outcome, target, request);
      if (promoted) return { fate: 'works', note: l10n.t`the cluster endpoint follows the failover to ${promoted.instance.name} (${rto.text}).`, servedBy: promoted.node.id };
      if (scaledPromoted) return { fate: 'works', note: l10n.t`the cluster endpoint follows the failover to an auto-scaled reader (${rto.text}).` };
      return { fate: 'broken', note: l10n.t`no writer until ${service} creates a new one (minutes); the cluster endpoint then reaches it.` };
    }
    // The reader endpoint or a custom endpoint: its other members take over.
    if (!member.lost && member !== promoted) return { fate: 'works', note: '' };
    const behind = alive.filter((candidate) => candidate !== promoted && candidate.instance.role !== 'writer' && (request.endpoint === 'reader' || customMembers(database, request.endpoint).includes(candidate.instance.name)));
    const why = member === promoted ? l10n.t('{member} is now the writer', { member: member.instance.name }) : l10n.t('{member} failed', { member: member.instance.name });
    const endpoint = request.endpoint ?? 'undefined';
    if (behind.length) return { fate: 'works', note: l10n.t`${why}: the ${endpoint} endpoint sends connections to ${names(behind.map((candidate) => candidate.instance.name))}.`, servedBy: behind[0].node.id };
    const next = promoted ?? alive[0];
    if (next) return { fate: 'reconnect', note: l10n.t`${why} and no other reader is left behind the ${endpoint} endpoint: read through the cluster endpoint until a reader is back.`, servedBy: next.node.id };
    return { fate: 'broken', note: l10n.t`${database.name} has no instance left until a new writer is created (minutes).` };
  };
  const finished = evaluation.finish({ state, reads, writes, rto, rpo }, route);
  return finished;
}

/** The reader a failover promotes: lowest promotion tier, then the largest instance, then the first written. */
function failoverTarget(survivors: readonly Member[]): Member | undefined {
  return [...survivors].sort((a, b) => a.instance.promotionTier - b.instance.promotionTier || (instanceSize(b.instance.instanceClass)?.units ?? 0) - (instanceSize(a.instance.instanceClass)?.units ?? 0))[0];
}

function customMembers(database: ClusterDatabase, endpoint: string | undefined): string[] {
  if (database.service !== 'aurora' || !endpoint) return [];
  const members = database.customEndpoints?.[endpoint]?.members;
  return Array.isArray(members) ? members.filter((name): name is string => typeof name === 'string') : [];
}

/** What the loss of an AZ does to the cluster volume (quorum for Aurora, copies for DocumentDB, AZs for Neptune). */
function explainVolume(evaluation: Evaluation, database: ClusterDatabase, az: string): void {
  if (database.service === 'aurora') {
    const { copies, azs } = evaluation.use(AURORA_STORAGE_COPIES);
    const { writeCopies, readCopies } = evaluation.use(AURORA_STORAGE_QUORUM);
    const perAz = copies / azs;
    const left = copies - perAz;
    const oneMore = copies - perAz - 1;
    evaluation.say(
      l10n.t`The cluster volume keeps ${copies} copies, ${perAz} in each of ${azs} AZs: losing ${az} leaves at least ${left}, and writes need ${writeCopies}, reads ${readCopies}, so both go on.` +
        ' ' +
        l10n.t`One more lost copy before Aurora repairs the volume would leave ${oneMore}: reads only.`,
    );
  } else if (database.service === 'documentdb') {
    const { copies, azs } = evaluation.use(DOCUMENTDB_STORAGE_COPIES);
    evaluation.say(l10n.t`The cluster volume keeps ${copies} copies across ${azs} AZs, so the data survives the loss of ${az}.`);
  } else {
    const azs = evaluation.use(NEPTUNE_STORAGE_AZS);
    evaluation.say(l10n.t`The cluster volume spans ${azs} AZs, so the data survives the loss of ${az}.`);
  }
}

/** The failover order the facts write in English (`lowest promotion tier`), in the language of the moment. */
function orderWords(criterion: string): string {
  if (criterion === 'lowest promotion tier') return l10n.t`lowest promotion tier`;
  if (criterion === 'largest instance class') return l10n.t`largest instance class`;
  return criterion;
}
