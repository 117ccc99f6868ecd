// dbarch's own hovers: a database's summary on its name (service, engine, where its nodes run, its
// replicas or instances, its findings) and the RCU/WCU arithmetic on a DynamoDB table's capacity and
// workload keys. Markdown, from the engine's model, topology and findings.
import { AURORA_ENGINE_NAMES, RDS_FAMILY_NAMES, rdsEngineFamily } from '../../core/facts';
import { toPointer } from '../../core/document/source';
import type { Finding } from '../../core/findings';
import type { Database, DynamodbTable } from '../../core/model/model';
import type { RawDynamodbBilling, RawDynamodbItem, RawDynamodbWorkload } from '../../core/model/raw';
import { dynamodbCapacityNeeds, number, provisionedCapacity, type CapacityNeed } from '../../core/rules/helpers/dynamodb-capacity';
import type { Topology, TopologyNode } from '../../core/topology/topology';
import type { Analysis } from './analysis';
import { valueAt } from './analysis';
import type { Place } from './cursor';
import { pathMatches } from './value-text';

/**
 * dbarch's hover Markdown for a place, or undefined when it has nothing to add to the schema's.
 * The analysis is asked for only when the place has a hover (it may lint the text).
 */
export function domainHover(place: Place, analysis: () => Analysis): string | undefined {
  const path = place.path;
  if (place.part === 'key' && pathMatches(path, ['databases', '*'])) return databaseSummary(String(path[1]), analysis());
  if (path[0] === 'databases' && typeof path[1] === 'string' && isCapacityPath(path.slice(2))) return capacityHover(path[1], analysis());
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
    lines.push('', `**${findings.length === 1 ? '1 finding' : `${findings.length} findings`}**`, '');
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
      const multiAz = database.multiAz.enabled ? `Multi-AZ (${database.multiAz.mode === 'cluster' ? 'DB cluster, two readable standbys' : 'instance, one standby'})` : 'Single-AZ';
      return [withVersion(engine, database.engineVersion), database.instanceClass, multiAz].filter(Boolean).join(', ');
    }
    case 'aurora': {
      const engine = AURORA_ENGINE_NAMES[database.engine] ?? database.engine;
      return [withVersion(`Amazon ${engine}`, database.engineVersion), `${database.instances.length} ${database.instances.length === 1 ? 'instance' : 'instances'}`].join(', ');
    }
    case 'dynamodb':
      return `Amazon DynamoDB table, ${database.billing?.mode ?? 'on-demand'} capacity`;
    case 'elasticache':
      return [`Amazon ElastiCache for ${database.engine}`, database.nodeType, `${database.shards} ${database.shards === 1 ? 'shard' : 'shards'} with ${database.replicasPerShard} ${database.replicasPerShard === 1 ? 'replica' : 'replicas'} each`].filter(Boolean).join(', ');
    case 'redshift':
      return database.serverless ? 'Amazon Redshift Serverless' : [`Amazon Redshift`, database.nodeType, `${database.nodes ?? 1} ${(database.nodes ?? 1) === 1 ? 'node' : 'nodes'}`].filter(Boolean).join(', ');
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
  const rows = nodes.map((node) => `| ${cell(node.label)} | ${cell(describeNode(node))} | ${cell(node.region ?? 'Region not set')} | ${cell(node.az ?? (node.region ? placementOf(node) : ''))} |`);
  return ['| Node | Role | Region | AZ |', '|---|---|---|---|', ...rows];
}

function describeNode(node: TopologyNode): string {
  const role = node.kind.replace(/^(rds|cluster|dynamodb|cache|redshift)-/, '').replace(/-/g, ' ');
  const count = node.count && node.count > 1 ? ` x ${node.count}` : '';
  return node.detail ? `${role}${count}: ${node.detail}` : `${role}${count}`;
}

/** Where a node without an AZ runs: across the Region's AZs (volumes, tables) or wherever AWS places it. */
function placementOf(node: TopologyNode): string {
  return node.kind === 'cluster-volume' || node.kind === 'dynamodb-table' || node.kind === 'dynamodb-index' || node.kind === 's3' ? 'across AZs' : 'chosen by AWS';
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
function isCapacityPath(path: readonly (string | number)[]): boolean {
  const [section, key] = path;
  if (path.length === 1) return section === 'workload' || section === 'billing' || section === 'item';
  if (path.length !== 2) return false;
  if (section === 'workload') return true;
  if (section === 'billing') return key === 'readCapacity' || key === 'writeCapacity' || key === 'mode';
  return section === 'item' && key === 'averageSizeKB';
}

/** The RCU and WCU a table's declared workload needs, against what its billing provides. */
export function capacityHover(name: string, analysis: Analysis): string | undefined {
  const modelled = analysis.model?.byName.get(name);
  const table: { item?: RawDynamodbItem; workload?: RawDynamodbWorkload; billing?: RawDynamodbBilling } | undefined =
    modelled?.service === 'dynamodb' ? modelled : undefined;
  if (!table) return undefined;
  const needs = dynamodbCapacityNeeds(table);
  const lines = [`**Capacity of ${name}**`, ''];
  if (!needs.reads && !needs.writes) {
    lines.push('Declare `workload.readsPerSecond` and `workload.writesPerSecond` (and `item.averageSizeKB`) to see the read and write capacity units they need.');
    return lines.join('\n');
  }
  const provisioned = table.billing?.mode === 'provisioned';
  for (const [direction, need] of [['read', needs.reads], ['write', needs.writes]] as const) {
    if (!need) continue;
    lines.push(`- ${capitalised(need.explanation)}.`);
    if (provisioned) lines.push(`  ${provisionedLine(modelled as DynamodbTable, direction, need)}`);
  }
  if (!provisioned) lines.push('', 'On-demand: the table is billed per request (the same units), with no capacity to provision.');
  return lines.join('\n');
}

function provisionedLine(table: DynamodbTable, direction: 'read' | 'write', need: CapacityNeed): string {
  const capacity = provisionedCapacity(table, direction);
  if (!capacity) return `No \`${direction}Capacity\` is provisioned.`;
  const what = capacity.source === 'autoScaling.max' ? `auto scaling may raise it to ${number(capacity.units)} ${need.unit} (\`autoScaling.max\`)` : `${number(capacity.units)} ${need.unit} provisioned (\`${capacity.key}\`)`;
  if (need.capacityUnits > capacity.units) return `$(warning) Provisioned: ${what}, ${number(need.capacityUnits - capacity.units)} ${need.unit} short.`;
  const headroom = capacity.units > 0 ? Math.round((need.capacityUnits / capacity.units) * 100) : 0;
  return `Provisioned: ${what}; the workload uses ${headroom}% of it.`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Text from the file, safe in Markdown: no links, HTML, emphasis or theme icons of its own. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>|#$]/g, (character) => '\\' + character);
}

/** A finding's message keeps its `code` spans (rules write them on purpose) but gets no links, HTML or icons. */
function escapeMessage(text: string): string {
  return text.replace(/[\\[\]<>$]/g, (character) => '\\' + character);
}

function cell(text: string): string {
  return escapeMarkdown(text).replace(/\n/g, ' ');
}
