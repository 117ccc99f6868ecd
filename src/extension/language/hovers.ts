// dbarch's own hovers: a database's summary on its name (service, engine, where its nodes run, its
// replicas or instances, its findings); on capacity keys, the capacity report of the engine
// (src/core/capacity, the same notes `dbarch capacity` prints): the RCU/WCU arithmetic of a DynamoDB
// table or index, the memory of an Aurora Serverless v2 range, replica counts against their limits.
// Markdown, from the engine's model, topology and findings.
import { amount, dynamodbCapacity, replicaCounts, serverlessCapacity, type IndexCapacity, type Note, type ReplicaCount } from '../../core/capacity';
import { AURORA_ENGINE_NAMES, RDS_FAMILY_NAMES, rdsEngineFamily } from '../../core/facts';
import { toPointer, type PathSegment } from '../../core/document/source';
import * as l10n from '../../core/l10n';
import type { Finding } from '../../core/findings';
import type { Database } from '../../core/model/model';
import type { NodeKind, Topology, TopologyNode } from '../../core/topology/topology';
import type { Analysis } from './analysis';
import { valueAt } from './analysis';
import type { Place } from './cursor';
import { pathMatches } from './value-text';

/**
 * How dbarch's hover for a place is written, or undefined when it has nothing to add to the schema's.
 * The analysis it needs (which may wait for a lint) is asked for only when the place has a hover.
 */
export function domainHover(place: Place): ((analysis: Analysis) => string | undefined) | undefined {
  const path = place.path;
  if (place.part === 'key' && pathMatches(path, ['databases', '*'])) return (analysis) => databaseSummary(String(path[1]), analysis);
  if (path[0] !== 'databases' || typeof path[1] !== 'string') return undefined;
  const name = path[1];
  const inside = path.slice(2);
  if (isCapacityPath(inside)) return (analysis) => capacityHover(name, analysis);
  const index = indexCapacityPath(inside);
  if (index !== undefined) return (analysis) => indexCapacityHover(name, index, analysis);
  if (isServerlessPath(inside)) return (analysis) => serverlessHover(name, inside, analysis);
  if (isReplicaPath(inside)) return (analysis) => replicaHover(name, analysis);
  return undefined;
}

// ---------------------------------------------------------------------------
// Database summary
// ---------------------------------------------------------------------------

const SERVICE_NAMES: Record<string, string> = {
  rds: 'Amazon RDS',
  aurora: 'Amazon Aurora',
  dynamodb: 'Amazon DynamoDB',
  elasticache: 'Amazon ElastiCache',
  redshift: 'Amazon Redshift',
  documentdb: 'Amazon DocumentDB',
  neptune: 'Amazon Neptune',
  qldb: 'Amazon QLDB',
  timestream: 'Amazon Timestream',
};

const SEVERITY_ICONS: Record<Finding['severity'], string> = { error: '$(error)', warning: '$(warning)', info: '$(info)' };

/** The summary of one database: what it is, where each of its nodes runs, and what dbarch found. */
export function databaseSummary(name: string, analysis: Analysis): string | undefined {
  const database = analysis.model?.byName.get(name);
  const lines: string[] = [];
  if (!database) {
    // Still being written (a required key is missing): say what the file has so far.
    const service = valueAt(analysis.data, ['databases', name, 'service']);
    if (typeof service !== 'string') return undefined;
    lines.push(`**${name}**: ${SERVICE_NAMES[service] ?? service}`);
  } else {
    lines.push(`**${name}**: ${headline(database)}`);
    if (database.description) lines.push('', escapeMarkdown(database.description));
    const nodes = analysis.topology ? nodeTable(database, analysis.topology) : [];
    if (nodes.length > 0) lines.push('', ...nodes);
  }
  const findings = findingsOf(name, analysis.findings);
  if (findings.length > 0) {
    const count = findings.length;
    lines.push('', `**${count === 1 ? l10n.t('{count} finding', { count }) : l10n.t('{count} findings', { count })}**`, '');
    for (const finding of findings) lines.push(`- ${SEVERITY_ICONS[finding.severity]} \`${finding.ruleId}\`: ${escapeMessage(finding.message)}`);
  }
  return lines.join('\n');
}

/** `Amazon RDS for PostgreSQL 16.4, db.m6i.large, Multi-AZ (instance)`. */
function headline(database: Database): string {
  switch (database.service) {
    case 'rds': {
      const family = rdsEngineFamily(database.engine);
      // The edition matters where a family has several (`oracle-se2`, `sqlserver-ex`).
      const edition = family && family !== database.engine ? ` (${database.engine})` : '';
      const engine = family ? `${RDS_FAMILY_NAMES[family].replace(/^RDS/, 'Amazon RDS')}${edition}` : `Amazon RDS ${database.engine}`;
      const multiAz = database.multiAz.enabled
        ? database.multiAz.mode === 'cluster'
          ? l10n.t('Multi-AZ (DB cluster, two readable standbys)')
          : l10n.t('Multi-AZ (instance, one standby)')
        : l10n.t('Single-AZ');
      return [withVersion(engine, database.engineVersion), database.instanceClass, multiAz].filter(Boolean).join(', ');
    }
    case 'aurora': {
      const engine = AURORA_ENGINE_NAMES[database.engine] ?? database.engine;
      const count = database.instances.length;
      return [withVersion(`Amazon ${engine}`, database.engineVersion), count === 1 ? l10n.t('{count} instance', { count }) : l10n.t('{count} instances', { count })].join(', ');
    }
    case 'dynamodb':
      return database.billing?.mode === 'provisioned' ? l10n.t('Amazon DynamoDB table, provisioned capacity') : l10n.t('Amazon DynamoDB table, on-demand capacity');
    case 'elasticache': {
      const { shards, replicasPerShard: replicas } = database;
      const shardText = shards === 1 ? l10n.t('{count} shard', { count: shards }) : l10n.t('{count} shards', { count: shards });
      const replicaText = replicas === 1 ? l10n.t('{count} replica', { count: replicas }) : l10n.t('{count} replicas', { count: replicas });
      return [`Amazon ElastiCache for ${database.engine}`, database.nodeType, l10n.t`${shardText} with ${replicaText} each`].filter(Boolean).join(', ');
    }
    case 'redshift': {
      const count = database.nodes ?? 1;
      return database.serverless ? 'Amazon Redshift Serverless' : [`Amazon Redshift`, database.nodeType, count === 1 ? l10n.t('{count} node', { count }) : l10n.t('{count} nodes', { count })].filter(Boolean).join(', ');
    }
    default:
      return SERVICE_NAMES[database.service] ?? database.service;
  }
}

function withVersion(engine: string, version: string | undefined): string {
  return version ? `${engine} ${version}` : engine;
}

/** A table of the database's nodes: what each is and the Region and AZ it runs in. */
function nodeTable(database: Database, topology: Topology): string[] {
  const nodes = (topology.nodesOf.get(database.name) ?? []).map((id) => topology.nodeById.get(id)).filter((node): node is TopologyNode => node !== undefined);
  if (nodes.length === 0) return [];
  const rows = nodes.map((node) => `| ${cell(node.label)} | ${cell(describeNode(node))} | ${cell(node.region ?? l10n.t('Region not set'))} | ${cell(node.az ?? (node.region ? placementOf(node) : ''))} |`);
  return [`| ${l10n.t('Node')} | ${l10n.t('Role')} | ${l10n.t('Region')} | AZ |`, '|---|---|---|---|', ...rows];
}

/** What a node is, in a word or two (its kind without the service: `primary`, `cluster volume` is `volume`). */
function kindName(kind: NodeKind): string {
  switch (kind) {
    case 'rds-primary':
    case 'cache-primary':
      return l10n.t('primary');
    case 'rds-standby':
      return l10n.t('standby');
    case 'rds-replica':
    case 'cache-replica':
      return l10n.t('replica');
    case 'cluster-writer':
      return l10n.t('writer');
    case 'cluster-reader':
      return l10n.t('reader');
    case 'cluster-volume':
      return l10n.t('volume');
    case 'global-secondary-cluster':
      return l10n.t('global secondary cluster');
    case 'dynamodb-table':
      return l10n.t('table');
    case 'dynamodb-index':
      return l10n.t('index');
    case 'dynamodb-global-replica':
      return l10n.t('global replica');
    case 'dax':
      return 'dax';
    case 'cache-node':
      return l10n.t('node');
    case 'redshift-leader':
      return l10n.t('leader');
    case 'redshift-compute':
      return l10n.t('compute');
    case 'redshift-serverless':
      return l10n.t('serverless');
    case 's3':
      return 's3';
    case 'ledger':
      return l10n.t('ledger');
    case 'timestream':
      return 'timestream';
    case 'application':
      return l10n.t('application');
    case 'external-source':
      return l10n.t('external source');
  }
}

function describeNode(node: TopologyNode): string {
  const role = kindName(node.kind);
  const count = node.count && node.count > 1 ? ` x ${node.count}` : '';
  return node.detail ? `${role}${count}: ${node.detail}` : `${role}${count}`;
}

/** Where a node without an AZ runs: across the Region's AZs (volumes, tables) or wherever AWS places it. */
function placementOf(node: TopologyNode): string {
  return node.kind === 'cluster-volume' || node.kind === 'dynamodb-table' || node.kind === 'dynamodb-index' || node.kind === 's3' ? l10n.t('across AZs') : l10n.t('chosen by AWS');
}

/** The findings about a database: those whose pointer is the database or lies inside it. */
function findingsOf(name: string, findings: readonly Finding[]): Finding[] {
  const pointer = toPointer(['databases', name]);
  return findings.filter((finding) => finding.pointer !== undefined && (finding.pointer === pointer || finding.pointer.startsWith(pointer + '/')));
}

// ---------------------------------------------------------------------------
// DynamoDB capacity
// ---------------------------------------------------------------------------

/** The keys of a table (relative to it) whose hover shows the capacity arithmetic. */
function isCapacityPath(path: readonly PathSegment[]): boolean {
  const [section, key] = path;
  if (path.length === 1) return section === 'workload' || section === 'billing' || section === 'item' || section === 'partitionKeyCardinality';
  if (path.length !== 2) return false;
  if (section === 'workload') return true;
  if (section === 'billing') return key === 'readCapacity' || key === 'writeCapacity' || key === 'mode' || key === 'autoScaling';
  return section === 'item' && key === 'averageSizeKB';
}

/** The index whose capacity keys (`readCapacity`, `writeCapacity`, `partitionKeyCardinality`) the path is on. */
function indexCapacityPath(path: readonly PathSegment[]): number | undefined {
  const [section, index, key] = path;
  if (path.length !== 3 || section !== 'globalSecondaryIndexes' || typeof index !== 'number') return undefined;
  return key === 'readCapacity' || key === 'writeCapacity' || key === 'partitionKeyCardinality' ? index : undefined;
}

/** A table's RCU and WCU needs with the working, its capacity mode against them, partitions and indexes. */
export function capacityHover(name: string, analysis: Analysis): string | undefined {
  const table = analysis.model?.byName.get(name);
  if (table?.service !== 'dynamodb') return undefined;
  const capacity = dynamodbCapacity(table);
  const lines = [`**${l10n.t`Capacity of ${name}`}**`, ''];
  if (capacity.missing) {
    lines.push(capacity.missing);
    return lines.join('\n');
  }
  for (const [label, need, billing] of [
    [l10n.t('Reads'), capacity.reads, capacity.billing.reads],
    [l10n.t('Writes'), capacity.writes, capacity.billing.writes],
  ] as const) {
    if (!need) continue;
    lines.push(`- **${label}**: ${need.summary}.`);
    need.steps.forEach((step, index) => lines.push(`  ${index + 1}. ${step}`));
    for (const item of billing?.notes ?? []) lines.push(`  - ${markdown(item)}`);
  }
  for (const item of capacity.billing.notes) lines.push('', markdown(item));
  const { partitions } = capacity;
  if (partitions.notes.length > 0) {
    lines.push('', `**${l10n.t('Partitions')}** (${l10n.t`each serves at most ${amount(partitions.limits.readCapacityUnits)} RCU and ${amount(partitions.limits.writeCapacityUnits)} WCU`})`, '');
    for (const item of partitions.notes) lines.push(`- ${markdown(item)}`);
  }
  if (capacity.indexes.length > 0) lines.push('', `**${l10n.t('Global secondary indexes')}** (${l10n.t('one index write per table write, at the item size')})`, '');
  for (const index of capacity.indexes) {
    lines.push(`- ${escapeMarkdown(index.name)}: ${index.writes ? `${index.writes.summary}.` : l10n.t('no declared writes.')}`);
    const warnings = [...index.notes, ...index.partitions.notes].filter((item) => item.warning);
    for (const item of warnings) lines.push(`  - ${markdown(item)}`);
  }
  return lines.join('\n');
}

/** One global secondary index: the writes the table sends it, its provisioned capacity, its partitions. */
function indexCapacityHover(name: string, position: number, analysis: Analysis): string | undefined {
  const table = analysis.model?.byName.get(name);
  if (table?.service !== 'dynamodb') return undefined;
  const pointer = `${table.pointer}/globalSecondaryIndexes/${position}`;
  const index: IndexCapacity | undefined = dynamodbCapacity(table).indexes.find((candidate) => candidate.pointer === pointer);
  if (!index) return undefined;
  const lines = [`**${l10n.t`Capacity of index ${escapeMarkdown(index.name)} of ${name}`}**`, ''];
  const [writes, ...rest] = index.notes;
  lines.push(`- ${markdown(writes)}`);
  index.writes?.steps.forEach((step, count) => lines.push(`  ${count + 1}. ${step}`));
  for (const item of rest) lines.push(`- ${markdown(item)}`);
  if (index.partitions.notes.length > 0) {
    lines.push('', `**${l10n.t('Partitions')}** (${l10n.t`each serves at most ${amount(index.partitions.limits.writeCapacityUnits)} WCU of writes`})`, '');
    for (const item of index.partitions.notes) lines.push(`- ${markdown(item)}`);
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------
// Aurora Serverless v2
// ---------------------------------------------------------------------------

/** `serverless` and its keys, and the instance class of an instance. */
function isServerlessPath(path: readonly PathSegment[]): boolean {
  if (path[0] === 'serverless') return path.length <= 2;
  return path.length === 3 && path[0] === 'instances' && path[2] === 'instanceClass';
}

/** The memory an Aurora cluster's Serverless v2 range stands for (on an instance class, only for `db.serverless`). */
function serverlessHover(name: string, path: readonly PathSegment[], analysis: Analysis): string | undefined {
  const cluster = analysis.model?.byName.get(name);
  if (cluster?.service !== 'aurora') return undefined;
  if (path[0] === 'instances' && cluster.instances.find((instance) => instance.pointer === `${cluster.pointer}/instances/${String(path[1])}`)?.instanceClass !== 'db.serverless') return undefined;
  const capacity = serverlessCapacity(cluster);
  if (!capacity) return undefined;
  return [`**${l10n.t`Aurora Serverless v${capacity.version} capacity of ${name}`}**`, '', ...capacity.notes.map((item) => `- ${markdown(item)}`)].join('\n');
}

// ---------------------------------------------------------------------------
// Replica counts
// ---------------------------------------------------------------------------

/** The keys that set how many copies a database has. */
function isReplicaPath(path: readonly PathSegment[]): boolean {
  const [section, key] = path;
  const last = path[path.length - 1];
  // RDS read replicas, at any level of a chain.
  if (last === 'readReplicas') return true;
  if (path.length === 1) return section === 'instances' || section === 'autoScaling' || section === 'replicasPerShard' || section === 'shards' || section === 'globalDatabase' || section === 'globalTable' || section === 'dax';
  if (path.length !== 2) return false;
  if (section === 'autoScaling') return key === 'maxReplicas' || key === 'minReplicas';
  if (section === 'globalDatabase') return key === 'secondaryRegions';
  if (section === 'globalTable') return key === 'replicaRegions' || key === 'consistency' || key === 'witnessRegion';
  return section === 'dax' && key === 'nodes';
}

const REPLICA_ICONS: Record<ReplicaCount['status'], string> = { within: '$(pass)', 'at-limit': '$(pass)', over: '$(warning)', under: '$(warning)', 'no-limit': '$(info)' };

/** Each count of the database's copies against its limit. */
function replicaHover(name: string, analysis: Analysis): string | undefined {
  const database = analysis.model?.byName.get(name);
  if (!database) return undefined;
  const counts = replicaCounts(database);
  if (counts.length === 0) return undefined;
  return [l10n.t("{replicas} against AWS's limits", { replicas: `**${l10n.t`Replicas of ${name}`}**` }), '', ...counts.map((count) => `- ${REPLICA_ICONS[count.status]} ${escapeMessage(count.text)}`)].join('\n');
}

/** A note of the capacity report as Markdown: its `code` spans kept, a warning marked. */
function markdown(item: Note): string {
  return `${item.warning ? '$(warning) ' : ''}${escapeMessage(item.text)}`;
}

/** Text from the file, safe in Markdown: no links, images, HTML, emphasis or theme icons of its own. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>|#$]/g, (character) => '\\' + character);
}

/** A finding's message keeps its `code` spans (rules write them on purpose) but gets no links, HTML or icons. */
function escapeMessage(text: string): string {
  return text.replace(/[\\[\]<>$]/g, (character) => '\\' + character);
}

function cell(text: string): string {
  return escapeMarkdown(text).replace(/\n/g, ' ');
}
