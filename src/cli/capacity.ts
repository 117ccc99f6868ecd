// `dbarch capacity FILE`: the capacity report of one architecture file, as a table for people or JSON
// for tools. The arithmetic and its sentences come from the engine (src/core/capacity), as in the hover.
import { amount, capacityReport, type CapacityReport, type DatabaseCapacity, type Note, type ReplicaCount } from '../core/capacity';
import { AURORA_ENGINE_NAMES, RDS_FAMILY_NAMES, rdsEngineFamily } from '../core/facts';
import { SCHEMA_RULE_ID } from '../core/findings';
import type { Database } from '../core/model/model';
import { parseArgs, UsageError } from './args';
import { readArchitecture } from './files';
import type { CliIo } from './main';

/** Runs `dbarch capacity FILE [--format table|json]` and returns its exit code. */
export function runCapacity(argv: readonly string[], io: CliIo, help: string): number {
  const { positionals, flags } = parseArgs(argv, [
    { name: 'format', takesValue: true, values: ['table', 'json'] },
    { name: 'help', takesValue: false },
  ]);
  if (flags.has('help')) {
    io.stdout(help);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('`dbarch capacity` takes exactly one file: `dbarch capacity FILE [--format table|json]`.');
  const read = readArchitecture(positionals[0], io, (shown) => `the capacity of ${shown} cannot be computed`);
  if (typeof read === 'number') return read;
  const { shown, result } = read;
  const schemaErrors = result.findings.filter((finding) => finding.ruleId === SCHEMA_RULE_ID && finding.severity === 'error').length;
  if (schemaErrors > 0) {
    io.stderr(`dbarch: ${shown} has ${schemaErrors} schema ${schemaErrors === 1 ? 'error' : 'errors'}; the values in error are left out of the report (\`dbarch lint ${shown}\` lists them).\n`);
  }
  const report = capacityReport(result.model);
  if (flags.get('format') === 'json') io.stdout(JSON.stringify({ file: shown, ...report }, null, 2) + '\n');
  else io.stdout(formatCapacityTable(report, shown, result.model.byName, io.color));
  return 0;
}

/** The report as indented text: one block per database, the arithmetic step by step, warnings marked with `!`. */
export function formatCapacityTable(report: CapacityReport, file: string, databases: ReadonlyMap<string, Database>, color = false): string {
  const out: string[] = [`Capacity of ${report.name ?? file} (${file})`];
  const mark = (item: Note): string => (item.warning ? paint(`! ${item.text}`, '33', color) : item.text);
  for (const section of report.databases) {
    out.push('', paint(`${section.name}: ${serviceLine(section, databases.get(section.name))}`, '1', color));
    const dynamodb = section.dynamodb;
    if (dynamodb) {
      if (dynamodb.missing) out.push(`  ${dynamodb.missing}`);
      for (const [label, need, billing] of [
        ['Reads', dynamodb.reads, dynamodb.billing.reads],
        ['Writes', dynamodb.writes, dynamodb.billing.writes],
      ] as const) {
        if (!need) continue;
        out.push(`  ${label}: ${need.summary}`);
        need.steps.forEach((step, index) => out.push(`    ${index + 1}. ${step}`));
        for (const item of billing?.notes ?? []) out.push(`    ${mark(item)}`);
      }
      if (dynamodb.billing.notes.length > 0) {
        out.push('  Capacity mode:');
        for (const item of dynamodb.billing.notes) out.push(`    ${mark(item)}`);
      }
      if (dynamodb.partitions.notes.length > 0) {
        out.push(`  Partitions (each serves at most ${amount(dynamodb.partitions.limits.readCapacityUnits)} RCU and ${amount(dynamodb.partitions.limits.writeCapacityUnits)} WCU):`);
        for (const item of dynamodb.partitions.notes) out.push(`    ${mark(item)}`);
      }
      for (const index of dynamodb.indexes) {
        out.push(`  Index ${index.name} (projection ${index.projection}):`);
        const [writes, ...rest] = index.notes;
        out.push(`    ${mark(writes)}`);
        index.writes?.steps.forEach((step, position) => out.push(`      ${position + 1}. ${step}`));
        for (const item of [...rest, ...index.partitions.notes]) out.push(`    ${mark(item)}`);
      }
    }
    if (section.serverless) {
      out.push(`  Aurora Serverless v${section.serverless.version}:`);
      for (const item of section.serverless.notes) out.push(`    ${mark(item)}`);
    }
    if (section.replicas.length > 0) {
      out.push('  Replicas against limits:');
      for (const row of section.replicas) out.push(`    ${replicaStatus(row, color)}  ${row.text}`);
    }
  }
  if (report.without.length > 0) {
    out.push('', `Nothing to compute for ${report.without.map((database) => `${database.name} (${database.service})`).join(', ')}: no workload, Serverless range or replicas.`);
  }
  if (report.databases.length === 0 && report.without.length === 0) out.push('', 'The file has no databases.');
  return out.join('\n') + '\n';
}

const STATUS_WORDS: Record<ReplicaCount['status'], string> = { within: 'ok', 'at-limit': 'at limit', over: 'OVER', under: 'UNDER', 'no-limit': 'no limit' };

function replicaStatus(row: ReplicaCount, color: boolean): string {
  const word = row.status === 'over' && row.limitKind === 'quota' ? 'QUOTA' : STATUS_WORDS[row.status];
  const text = word.padEnd(8);
  return row.status === 'over' || row.status === 'under' ? paint(text, '33', color) : text;
}

/** `DynamoDB table, provisioned`, `Aurora MySQL cluster`, `RDS for PostgreSQL`. */
function serviceLine(section: DatabaseCapacity, database: Database | undefined): string {
  switch (database?.service) {
    case 'dynamodb':
      return `DynamoDB table, ${section.dynamodb?.billing.mode ?? 'on-demand'}`;
    case 'aurora':
      return `${AURORA_ENGINE_NAMES[database.engine] ?? database.engine} cluster`;
    case 'rds': {
      const family = rdsEngineFamily(database.engine);
      return family ? RDS_FAMILY_NAMES[family] : `RDS ${database.engine}`;
    }
    case 'elasticache':
      return `ElastiCache for ${database.engine === 'redis' ? 'Redis OSS' : database.engine === 'valkey' ? 'Valkey' : 'Memcached'}`;
    case 'documentdb':
      return 'DocumentDB cluster';
    case 'neptune':
      return 'Neptune cluster';
    default:
      return section.service;
  }
}

function paint(text: string, code: string, color: boolean): string {
  return color ? `\u001b[${code}m${text}\u001b[0m` : text;
}

