// arch/single-az: every compute node of a database sits in one Availability Zone, so an outage of that
// AZ stops the database although the service could have spread it.
//
// Ownership, so that one design problem gives one finding:
// - an RDS database without Multi-AZ is rds/multi-az-production's; this rule only sees a Multi-AZ
//   RDS database whose standby (and replicas) are written into the primary's AZ;
// - an Aurora cluster with a single instance is aurora/no-reader-production's;
// - a Valkey/Redis OSS cluster without replicas is elasticache/no-failover-production's (or
//   elasticache/multi-az-needs-replica's when it claims Multi-AZ);
// - Memcached as a session or primary store is elasticache/memcached-durability's;
// - a DAX cluster of fewer than 3 nodes is dynamodb/dax-cluster-size's;
// - Redshift is redshift/multi-az's.
//
// Whether a database survives the loss of one AZ is the failure model's verdict (src/core/failure/
// az-loss.ts), the same one `dbarch simulate` reports: this rule only decides which findings are its
// own and words them.
import { MEMCACHED_DEFAULT_AZ_MODE } from '../../facts';
import { azLoss, judgedByAzLoss, type AzLossVerdict } from '../../failure';
import * as l10n from '../../l10n';
import type { ClusterDatabase, DynamodbTable, ElasticacheCluster, RdsDatabase } from '../../model/model';
import { formatNumber } from '../../text';
import { defineRule, inProduction, type Report } from '../rule';

type Finding = Omit<Report, 'severity'>;

function rdsFinding(database: RdsDatabase, verdict: AzLossVerdict): Finding | undefined {
  // Without Multi-AZ it is rds/multi-az-production's finding; a Multi-AZ DB cluster always spans three AZs.
  if (!database.multiAz.enabled || database.multiAz.mode === 'cluster') return undefined;
  // Down with a Multi-AZ standby: the standby, the primary and every replica are written into one AZ.
  const az = verdict.down ? verdict.az : undefined;
  if (!az) return undefined;
  const replicas = database.allReplicas.length;
  const name = database.name;
  const placed =
    replicas === 0
      ? l10n.t`${name} places its Multi-AZ standby in ${az}, the AZ of its primary: an outage of that AZ stops every node at once, which is what Multi-AZ exists to survive.`
      : replicas === 1
        ? l10n.t`${name} places its Multi-AZ standby and its read replica in ${az}, the AZ of its primary: an outage of that AZ stops every node at once, which is what Multi-AZ exists to survive.`
        : l10n.t`${name} places its Multi-AZ standby and its ${replicas} read replicas in ${az}, the AZ of its primary: an outage of that AZ stops every node at once, which is what Multi-AZ exists to survive.`;
  return {
    pointer: `${database.multiAz.pointer}/standbyAz`,
    part: 'value',
    message: placed + ' ' + l10n.t('AWS always creates the standby in another AZ of the Region, so name one in `standbyAz`, or leave it out and let AWS choose.'),
    related: database.az ? [{ pointer: `${database.pointer}/az`, part: 'value', message: l10n.t`The primary runs in ${az}` }] : undefined,
  };
}

function clusterFinding(database: ClusterDatabase, verdict: AzLossVerdict, writtenAzs: ReadonlySet<string>): Finding | undefined {
  const instances = database.instances;
  // One Aurora instance is aurora/no-reader-production's finding (a failover must build a new instance).
  if (instances.length === 0 || (database.service === 'aurora' && instances.length === 1)) return undefined;
  if (!verdict.down) return undefined;
  const service = database.service === 'aurora' ? 'Aurora' : database.service === 'documentdb' ? 'DocumentDB' : 'Neptune';
  const name = database.name;
  const region = database.region;
  if (instances.length === 1) {
    const [only] = instances;
    const single = only.az
      ? l10n.t`${name} runs a single instance (${only.name}) in ${only.az}: an outage of its AZ, or of the instance, leaves the cluster without a primary until ${service} replaces it.`
      : l10n.t`${name} runs a single instance (${only.name}): an outage of its AZ, or of the instance, leaves the cluster without a primary until ${service} replaces it.`;
    const where = region !== undefined
      ? l10n.t`Add a replica instance in another AZ of ${region}: ${service} then promotes it on failover instead of building a new instance, and the cluster volume keeps the data in three AZs either way.`
      : l10n.t`Add a replica instance in another AZ of the Region: ${service} then promotes it on failover instead of building a new instance, and the cluster volume keeps the data in three AZs either way.`;
    return {
      pointer: `${database.pointer}/instances`,
      part: 'key',
      message: single + ' ' + where,
    };
  }
  // Down with two or more instances: every one of them is written into the same AZ.
  const az = verdict.az;
  if (!az) return undefined;
  const inherited = instances.every((instance) => !writtenAzs.has(`${instance.pointer}/az`));
  const count = instances.length;
  const together =
    count === 2
      ? l10n.t`Both instances of ${name} run in ${az}: an outage of that AZ stops every node at once, and ${service} has no instance left in another AZ to fail over to.`
      : l10n.t`All ${count} instances of ${name} run in ${az}: an outage of that AZ stops every node at once, and ${service} has no instance left in another AZ to fail over to.`;
  const move = region !== undefined ? l10n.t`Move at least one reader to another AZ of ${region}.` : l10n.t`Move at least one reader to another AZ of the Region.`;
  return {
    pointer: inherited ? `${database.pointer}/az` : `${database.pointer}/instances`,
    part: inherited ? 'value' : 'key',
    message: together + ' ' + move,
    related: inherited ? undefined : instances.map((instance) => ({ pointer: `${instance.pointer}/az`, part: 'value' as const, message: l10n.t`${instance.name} runs in ${az}` })),
  };
}

function cacheFinding(database: ElasticacheCluster, verdict: AzLossVerdict): Finding | undefined {
  const azs = database.azs ?? [];
  const name = database.name;
  if (database.engine === 'memcached') {
    // Memcached as a session or primary store is elasticache/memcached-durability's finding.
    if (database.role === 'session-store' || database.role === 'primary-store') return undefined;
    const count = database.shards;
    // Down: a single node, or every node in one AZ (listed once in `azs`, or not listed: one AZ by default).
    if (count < 1 || !verdict.down) return undefined;
    const loss = database.cacheFor !== undefined
      ? l10n.t`empties the whole cache and sends every read to ${database.cacheFor}`
      : l10n.t`empties the whole cache and sends every read to the database behind it`;
    if (count === 1) {
      return {
        pointer: `${database.pointer}/shards`,
        message:
          l10n.t`${name} is a single Memcached node: an outage of its AZ (or of the node) ${loss}.` +
          ' ' +
          l10n.t('Run at least two nodes and list two or more AZs in `azs` so an outage costs only part of the cache.'),
      };
    }
    const together = azs.length
      ? count === 2
        ? l10n.t`Both Memcached nodes of ${name} run in ${azs[0]}: an outage of that AZ ${loss}.`
        : l10n.t`All ${count} Memcached nodes of ${name} run in ${azs[0]}: an outage of that AZ ${loss}.`
      : l10n.t(
          '{name} lists no `azs`, so ElastiCache creates all {count} Memcached nodes in one AZ (AZ mode {mode} is the default): an outage of that AZ {loss}.',
          { name, count, mode: MEMCACHED_DEFAULT_AZ_MODE.value, loss },
        );
    return {
      pointer: azs.length ? `${database.pointer}/azs` : database.pointer,
      part: 'key',
      message: together + ' ' + l10n.t('List two or more AZs in `azs` to spread the nodes (cross-AZ mode).'),
    };
  }
  // Without replicas it is elasticache/no-failover-production's (or multi-az-needs-replica's) finding.
  if (database.replicasPerShard === 0 || !verdict.down) return undefined;
  const replicas = database.replicasPerShard;
  const count = formatNumber(replicas);
  // Down with replicas: `azs` puts every node in one AZ, or nothing spreads them (neither `azs` nor Multi-AZ).
  const az = azs.length ? (verdict.az ?? azs[0]) : undefined;
  if (az) {
    const kept =
      database.shards > 1
        ? replicas === 1
          ? l10n.t`${name} keeps every primary and its 1 replica in ${az}: an outage of that AZ stops every node at once, so there is no replica in another AZ to promote.`
          : l10n.t`${name} keeps every primary and its ${count} replicas in ${az}: an outage of that AZ stops every node at once, so there is no replica in another AZ to promote.`
        : replicas === 1
          ? l10n.t`${name} keeps its primary and its 1 replica in ${az}: an outage of that AZ stops every node at once, so there is no replica in another AZ to promote.`
          : l10n.t`${name} keeps its primary and its ${count} replicas in ${az}: an outage of that AZ stops every node at once, so there is no replica in another AZ to promote.`;
    return {
      pointer: `${database.pointer}/azs`,
      part: 'key',
      message: kept + ' ' + l10n.t('List two or more AZs in `azs`.'),
    };
  }
  const unspread =
    replicas === 1
      ? l10n.t('{name} has 1 replica per shard but neither Multi-AZ nor `azs`: ElastiCache does not promise to spread the nodes, so a primary and its replicas may share one AZ.', { name })
      : l10n.t('{name} has {count} replicas per shard but neither Multi-AZ nor `azs`: ElastiCache does not promise to spread the nodes, so a primary and its replicas may share one AZ.', { name, count });
  return {
    pointer: database.multiAz === undefined ? database.pointer : `${database.pointer}/multiAz`,
    part: database.multiAz === undefined ? 'key' : 'value',
    message:
      unspread +
      ' ' +
      l10n.t('Set `multiAz: true` so ElastiCache keeps the replicas in other AZs and fails over to one automatically, or list the AZs in `azs`.'),
    fix: { kind: 'set', title: l10n.t('Turn on Multi-AZ (`multiAz: true`)'), pointer: `${database.pointer}/multiAz`, value: true },
  };
}

function daxFinding(database: DynamodbTable, verdict: AzLossVerdict): Finding | undefined {
  const dax = database.dax;
  // Fewer than 3 nodes is dynamodb/dax-cluster-size's finding; without `azs` DAX spreads the nodes itself.
  if (!dax || dax.nodes === undefined || dax.nodes < 3 || !verdict.daxLost || !dax.azs?.length) return undefined;
  // At least 3 nodes here, so never "Both".
  return {
    pointer: `${database.pointer}/dax/azs`,
    part: 'key',
    message:
      l10n.t`All ${dax.nodes} DAX nodes of ${database.name} run in ${dax.azs[0]}: an outage of that AZ stops every node at once and every read falls through to the table.` +
      ' ' +
      l10n.t('List two or three AZs in `azs`, or leave it out so DAX spreads the nodes over AZs itself.'),
  };
}

export default defineRule({
  meta: {
    id: 'arch/single-az',
    description: 'Every compute node of an RDS, Aurora, DocumentDB, Neptune, ElastiCache or DAX database runs in one Availability Zone.',
    severity: inProduction('warning'),
    fixable: true,
    anchors: ['Trusted Advisor', 'Security Hub RDS.15', 'Security Hub Neptune.9'],
  },
  check({ model, topology, report }) {
    const writtenAzs = new Set(model.placements.map((placement) => placement.pointer));
    for (const database of model.databases) {
      if (!judgedByAzLoss(database)) continue;
      const verdict = azLoss(model, topology, database);
      let finding: Finding | undefined;
      switch (database.service) {
        case 'rds':
          finding = rdsFinding(database, verdict);
          break;
        case 'aurora':
        case 'documentdb':
        case 'neptune':
          finding = clusterFinding(database, verdict, writtenAzs);
          break;
        case 'elasticache':
          finding = cacheFinding(database, verdict);
          break;
        case 'dynamodb':
          finding = daxFinding(database, verdict);
          break;
        default:
          finding = undefined;
      }
      if (finding) report(finding);
    }
  },
});
