// `dbarch capacity FILE`: the capacity report of one architecture file, as a table for people or JSON
// for tools. The arithmetic and its sentences come from the engine (src/core/capacity), as in the hover.
import { amount, capacityReport, type CapacityReport, type DatabaseCapacity, type Note, type ReplicaCount } from '../core/capacity';
import { AURORA_ENGINE_NAMES, RDS_FAMILY_NAMES, rdsEngineFamily } from '../core/facts';
import { SCHEMA_RULE_ID } from '../core/findings';
import * as l10n from '../core/l10n';
import type { Database } from '../core/model/model';
import { parseArgs, UsageError } from './args';
import { readArchitecture } from './files';
import { terminalColumns } from '../core/text';
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
  if (positionals.length !== 1) throw new UsageError(l10n.t`\`dbarch capacity\` takes exactly one file: \`dbarch capacity FILE [--format table|json]\`.`);
  const read = readArchitecture(positionals[0], io, (shown) => l10n.t`the capacity of ${shown} cannot be computed`);
  if (typeof read === 'number') return read;
  const { shown, result } = read;
  const schemaErrors = result.findings.filter((finding) => finding.ruleId === SCHEMA_RULE_ID && finding.severity === 'error').length;
  if (schemaErrors > 0) {
    const warning =
      schemaErrors === 1
        ? l10n.t('{file} has {count} schema error; the values in error are left out of the report (`dbarch lint {file}` lists them).', { file: shown, count: schemaErrors })
        : l10n.t('{file} has {count} schema errors; the values in error are left out of the report (`dbarch lint {file}` lists them).', { file: shown, count: schemaErrors });
    io.stderr(`dbarch: ${warning}\n`);
  }
  const report = capacityReport(result.model);
  if (flags.get('format') === 'json') io.stdout(JSON.stringify({ file: shown, ...report }, null, 2) + '\n');
  else io.stdout(formatCapacityTable(report, shown, result.model.byName, io.color));
  return 0;
}

/** The report as indented text: one block per database, the arithmetic step by step, warnings marked with `!`. */
export function formatCapacityTable(report: CapacityReport, file: string, databases: ReadonlyMap<string, Database>, color = false): string {
  const name = report.name ?? file;
  const out: string[] = [l10n.t`Capacity of ${name} (${file})`];
  const mark = (item: Note): string => (item.warning ? paint(`! ${item.text}`, '33', color) : item.text);
  for (const section of report.databases) {
    out.push('', paint(`${section.name}: ${serviceLine(section, databases.get(section.name))}`, '1', color));
    const dynamodb = section.dynamodb;
    if (dynamodb) {
      if (dynamodb.missing) out.push(`  ${dynamodb.missing}`);
      for (const [label, need, billing] of [
        [l10n.t`Reads`, dynamodb.reads, dynamodb.billing.reads],
        [l10n.t`Writes`, dynamodb.writes, dynamodb.billing.writes],
      ] as const) {
        if (!need) continue;
        out.push(`  ${label}: ${need.summary}`);
        need.steps.forEach((step, index) => out.push(`    ${index + 1}. ${step}`));
        for (const item of billing?.notes ?? []) out.push(`    ${mark(item)}`);
      }
      if (dynamodb.billing.notes.length > 0) {
        out.push(`  ${l10n.t`Capacity mode:`}`);
        for (const item of dynamodb.billing.notes) out.push(`    ${mark(item)}`);
      }
      if (dynamodb.partitions.notes.length > 0) {
        const [rcu, wcu] = [amount(dynamodb.partitions.limits.readCapacityUnits), amount(dynamodb.partitions.limits.writeCapacityUnits)];
        out.push(`  ${l10n.t`Partitions (each serves at most ${rcu} RCU and ${wcu} WCU):`}`);
        for (const item of dynamodb.partitions.notes) out.push(`    ${mark(item)}`);
      }
      for (const index of dynamodb.indexes) {
        const projection = index.projection === 'not declared' ? l10n.t`not declared` : index.projection;
        out.push(`  ${l10n.t`Index ${String(index.name)} (projection ${projection}):`}`);
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
      out.push(`  ${l10n.t`Replicas against limits:`}`);
      for (const row of section.replicas) out.push(`    ${replicaStatus(row, color)}  ${row.text}`);
    }
  }
  if (report.without.length > 0) {
    const names = report.without.map((database) => `${database.name} (${database.service})`).join(', ');
    out.push('', l10n.t`Nothing to compute for ${names}: no workload, Serverless range or replicas.`);
  }
  if (report.databases.length === 0 && report.without.length === 0) out.push('', l10n.t`The file has no databases.`);
  return out.join('\n') + '\n';
}

/** How a count stands against its limit, in a word or two (`quota`: over a default quota AWS can raise). */
function statusWords(): Record<ReplicaCount['status'] | 'quota', string> {
  return { within: l10n.t`ok`, 'at-limit': l10n.t`at limit`, over: l10n.t`OVER`, under: l10n.t`UNDER`, 'no-limit': l10n.t`no limit`, quota: l10n.t`QUOTA` };
}

function replicaStatus(row: ReplicaCount, color: boolean): string {
  const words = statusWords();
  const word = row.status === 'over' && row.limitKind === 'quota' ? words.quota : words[row.status];
  // Every status takes the width of the widest one (8 columns in English), so the sentences after them line up.
  const width = Math.max(8, ...Object.values(words).map(terminalColumns));
  const text = word + ' '.repeat(Math.max(0, width - terminalColumns(word)));
  return row.status === 'over' || row.status === 'under' ? paint(text, '33', color) : text;
}

/** `DynamoDB table, provisioned`, `Aurora MySQL cluster`, `RDS for PostgreSQL`. */
function serviceLine(section: DatabaseCapacity, database: Database | undefined): string {
  switch (database?.service) {
    case 'dynamodb':
      return section.dynamodb?.billing.mode === 'provisioned' ? l10n.t`DynamoDB table, provisioned` : l10n.t`DynamoDB table, on-demand`;
    case 'aurora': {
      const engine = String(AURORA_ENGINE_NAMES[database.engine] ?? database.engine);
      return l10n.t`${engine} cluster`;
    }
    case 'rds': {
      const family = rdsEngineFamily(database.engine);
      return family ? RDS_FAMILY_NAMES[family] : `RDS ${database.engine}`;
    }
    case 'elasticache':
      return `ElastiCache for ${database.engine === 'redis' ? 'Redis OSS' : database.engine === 'valkey' ? 'Valkey' : 'Memcached'}`;
    case 'documentdb':
      return l10n.t`DocumentDB cluster`;
    case 'neptune':
      return l10n.t`Neptune cluster`;
    default:
      return section.service;
  }
}

function paint(text: string, code: string, color: boolean): string {
  return color ? `\u001b[${code}m${text}\u001b[0m` : text;
}

