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
import { azLoss, type AzLossVerdict } from '../../failure';
import type { ClusterDatabase, DynamodbTable, ElasticacheCluster, RdsDatabase } from '../../model/model';
import { plural } from '../../text';
import { defineRule, inProduction, type Report } from '../rule';

type Finding = Omit<Report, 'severity'>;

const OUTAGE = 'an outage of that AZ stops every node at once';

/** "Both instances", "All 3 instances". */
function every(count: number, noun: string): string {
  return count === 2 ? `Both ${noun}s` : `All ${count} ${noun}s`;
}

function rdsFinding(database: RdsDatabase, verdict: AzLossVerdict): Finding | undefined {
  // Without Multi-AZ it is rds/multi-az-production's finding; a Multi-AZ DB cluster always spans three AZs.
  if (!database.multiAz.enabled || database.multiAz.mode === 'cluster') return undefined;
  // Down with a Multi-AZ standby: the standby, the primary and every replica are written into one AZ.
  const az = verdict.down ? verdict.az : undefined;
  if (!az) return undefined;
  const replicas = database.allReplicas.length;
  return {
    pointer: `${database.multiAz.pointer}/standbyAz`,
    part: 'value',
    message:
      `${database.name} places its Multi-AZ standby${replicas ? ` and ${replicas === 1 ? 'its read replica' : `its ${replicas} read replicas`}` : ''} in ${az}, the AZ of its primary: ` +
      `${OUTAGE}, which is what Multi-AZ exists to survive. AWS always creates the standby in another AZ of the Region, so name one in \`standbyAz\`, or leave it out and let AWS choose.`,
    related: database.az ? [{ pointer: `${database.pointer}/az`, part: 'value', message: `The primary runs in ${az}` }] : undefined,
  };
}

function clusterFinding(database: ClusterDatabase, verdict: AzLossVerdict, writtenAzs: ReadonlySet<string>): Finding | undefined {
  const instances = database.instances;
  // One Aurora instance is aurora/no-reader-production's finding (a failover must build a new instance).
  if (instances.length === 0 || (database.service === 'aurora' && instances.length === 1)) return undefined;
  if (!verdict.down) return undefined;
  const service = database.service === 'aurora' ? 'Aurora' : database.service === 'documentdb' ? 'DocumentDB' : 'Neptune';
  const where = `Add a replica instance in another AZ of ${database.region ?? 'the Region'}: ${service} then promotes it on failover instead of building a new instance, and the cluster volume keeps the data in three AZs either way.`;
  if (instances.length === 1) {
    const [only] = instances;
    return {
      pointer: `${database.pointer}/instances`,
      part: 'key',
      message:
        `${database.name} runs a single instance (${only.name})${only.az ? ` in ${only.az}` : ''}: an outage of its AZ, or of the instance, leaves the cluster without a primary until ${service} replaces it. ${where}`,
    };
  }
  // Down with two or more instances: every one of them is written into the same AZ.
  const az = verdict.az;
  if (!az) return undefined;
  const inherited = instances.every((instance) => !writtenAzs.has(`${instance.pointer}/az`));
  return {
    pointer: inherited ? `${database.pointer}/az` : `${database.pointer}/instances`,
    part: inherited ? 'value' : 'key',
    message: `${every(instances.length, 'instance')} of ${database.name} run in ${az}: ${OUTAGE}, and ${service} has no instance left in another AZ to fail over to. Move at least one reader to another AZ of ${database.region ?? 'the Region'}.`,
    related: inherited ? undefined : instances.map((instance) => ({ pointer: `${instance.pointer}/az`, part: 'value' as const, message: `${instance.name} runs in ${az}` })),
  };
}

function cacheFinding(database: ElasticacheCluster, verdict: AzLossVerdict): Finding | undefined {
  const azs = database.azs ?? [];
  if (database.engine === 'memcached') {
    // Memcached as a session or primary store is elasticache/memcached-durability's finding.
    if (database.role === 'session-store' || database.role === 'primary-store') return undefined;
    const count = database.shards;
    // Down: a single node, or every node in one AZ (listed once in `azs`, or not listed: one AZ by default).
    if (count < 1 || !verdict.down) return undefined;
    const loss = `empties the whole cache and sends every read to ${database.cacheFor ?? 'the database behind it'}`;
    if (count === 1) {
      return {
        pointer: `${database.pointer}/shards`,
        message: `${database.name} is a single Memcached node: an outage of its AZ (or of the node) ${loss}. Run at least two nodes and list two or more AZs in \`azs\` so an outage costs only part of the cache.`,
      };
    }
    return {
      pointer: azs.length ? `${database.pointer}/azs` : database.pointer,
      part: 'key',
      message:
        (azs.length
          ? `${every(count, 'Memcached node')} of ${database.name} run in ${azs[0]}: `
          : `${database.name} lists no \`azs\`, so ElastiCache creates all ${count} Memcached nodes in one AZ (AZ mode ${MEMCACHED_DEFAULT_AZ_MODE.value} is the default): `) +
        `an outage of that AZ ${loss}. List two or more AZs in \`azs\` to spread the nodes (cross-AZ mode).`,
    };
  }
  // Without replicas it is elasticache/no-failover-production's (or multi-az-needs-replica's) finding.
  if (database.replicasPerShard === 0 || !verdict.down) return undefined;
  // Down with replicas: `azs` puts every node in one AZ, or nothing spreads them (neither `azs` nor Multi-AZ).
  const az = azs.length ? (verdict.az ?? azs[0]) : undefined;
  if (az) {
    return {
      pointer: `${database.pointer}/azs`,
      part: 'key',
      message: `${database.name} keeps ${database.shards > 1 ? 'every primary' : 'its primary'} and its ${plural(database.replicasPerShard, 'replica')} in ${az}: ${OUTAGE}, so there is no replica in another AZ to promote. List two or more AZs in \`azs\`.`,
    };
  }
  return {
    pointer: database.multiAz === undefined ? database.pointer : `${database.pointer}/multiAz`,
    part: database.multiAz === undefined ? 'key' : 'value',
    message:
      `${database.name} has ${plural(database.replicasPerShard, 'replica')} per shard but neither Multi-AZ nor \`azs\`: ElastiCache does not promise to spread the nodes, so a primary and its replicas may share one AZ. ` +
      `Set \`multiAz: true\` so ElastiCache keeps the replicas in other AZs and fails over to one automatically, or list the AZs in \`azs\`.`,
    fix: { kind: 'set', title: 'Turn on Multi-AZ (`multiAz: true`)', pointer: `${database.pointer}/multiAz`, value: true },
  };
}

function daxFinding(database: DynamodbTable, verdict: AzLossVerdict): Finding | undefined {
  const dax = database.dax;
  // Fewer than 3 nodes is dynamodb/dax-cluster-size's finding; without `azs` DAX spreads the nodes itself.
  if (!dax || dax.nodes === undefined || dax.nodes < 3 || !verdict.daxLost || !dax.azs?.length) return undefined;
  return {
    pointer: `${database.pointer}/dax/azs`,
    part: 'key',
    message: `${every(dax.nodes, 'DAX node')} of ${database.name} run in ${dax.azs[0]}: ${OUTAGE} and every read falls through to the table. List two or three AZs in \`azs\`, or leave it out so DAX spreads the nodes over AZs itself.`,
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
      if (database.service === 'redshift' || database.service === 'qldb' || database.service === 'timestream') continue;
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
