// dynamodb/unserved-access-pattern: an access pattern that neither the table's keys nor its indexes
// can answer with a Query: it would need a Scan, or a Query that filters away most of what it reads.
import type { DynamodbTable } from '../../model/model';
import type { RawAccessPattern } from '../../model/raw';
import { andList, closest } from '../../text';
import { defineRule, type RuleContext } from '../rule';

/** A key schema a Query can use: the table's own, or one index's. */
interface KeySchema {
  /** `the table` or `the index by-user`, for messages. */
  label: string;
  /** The index name; undefined for the table itself. */
  index: string | undefined;
  partitionKey: string | undefined;
  sortKey: string | undefined;
}

export default defineRule({
  meta: {
    id: 'dynamodb/unserved-access-pattern',
    description: 'An access pattern matches neither the table keys nor an index: it would need a Scan, or a Query that filters.',
    severity: 'warning',
    fixable: true,
    anchors: [],
  },
  check({ model, report }) {
    for (const table of model.databases) {
      if (table.service !== 'dynamodb' || !Array.isArray(table.accessPatterns)) continue;
      table.accessPatterns.forEach((pattern: RawAccessPattern | undefined, position) => {
        if (pattern && typeof pattern.partitionKey === 'string') checkPattern(table, pattern, `${table.pointer}/accessPatterns/${position}`, report);
      });
    }
  },
});

function checkPattern(table: DynamodbTable, pattern: RawAccessPattern, pointer: string, report: RuleContext['report']): void {
  const own: KeySchema = { label: 'the table', index: undefined, partitionKey: table.partitionKey?.name, sortKey: table.sortKey?.name };
  const indexes = indexSchemas(table);
  const name = typeof pattern.name === 'string' ? `The access pattern \`${pattern.name}\` of ${table.name}` : `An access pattern of ${table.name}`;
  const serves = (schema: KeySchema): boolean => schema.partitionKey === pattern.partitionKey && (pattern.sortKey === undefined || schema.sortKey === pattern.sortKey);
  const servingIndexes = indexes.filter(serves);

  if (typeof pattern.index !== 'string') {
    if (!serves(own) && servingIndexes.length === 0) reportMismatch(table, pattern, pointer, name, [own, ...indexes], undefined, report);
    return;
  }
  const remedy = remedyFor(serves(own), servingIndexes);
  const named = indexes.find((schema) => schema.index === pattern.index);
  if (named) {
    if (!serves(named)) reportMismatch(table, pattern, pointer, name, [named], { remedy, servingIndexes }, report);
    return;
  }
  // The named index does not exist: say so, suggest the closest name, and offer the index that serves the pattern.
  const names = indexes.map((schema) => schema.index as string);
  const guess = closest(pattern.index, names);
  const known = names.length > 1 ? `its indexes are ${andList(names)}` : names.length === 1 ? `its only index is ${andList(names)}` : 'it has no secondary indexes';
  const replacement = guess && servingIndexes.some((schema) => schema.index === guess) ? guess : servingIndexes.length === 1 ? servingIndexes[0].index : undefined;
  report({
    pointer: `${pointer}/index`,
    part: 'value',
    message:
      `${name} names the index \`${pattern.index}\`, which ${table.name} does not have (${known})${guess ? `; did you mean \`${guess}\`?` : '.'} ` +
      (remedy ?? `Nothing else serves it either. ${scanAdvice(pattern)}`),
    fix: replacement ? { kind: 'replace', title: `Use the index \`${replacement}\``, pointer: `${pointer}/index`, value: replacement } : undefined,
  });
}

/** The pattern's keys match none of the candidates: say which key is wrong and what to do instead. */
function reportMismatch(
  table: DynamodbTable,
  pattern: RawAccessPattern,
  pointer: string,
  name: string,
  candidates: KeySchema[],
  elsewhere: { remedy: string | undefined; servingIndexes: KeySchema[] } | undefined,
  report: RuleContext['report'],
): void {
  const serving = elsewhere?.servingIndexes ?? [];
  const fix = serving.length === 1 ? { kind: 'replace' as const, title: `Use the index \`${serving[0].index}\``, pointer: `${pointer}/index`, value: serving[0].index as string } : undefined;
  const samePartition = candidates.filter((schema) => schema.partitionKey === pattern.partitionKey);
  if (samePartition.length > 0 && pattern.sortKey !== undefined) {
    const places = samePartition.map((schema) => `${schema.label} (${schema.sortKey ? `sorted by \`${schema.sortKey}\`` : 'no sort key'})`);
    const where = places.length > 1 ? `${places.slice(0, -1).join(', ')} or ${places[places.length - 1]}` : places[0];
    report({
      pointer: `${pointer}/sortKey`,
      part: 'value',
      message:
        `${name} selects on \`${pattern.partitionKey}\` and sorts or ranges on \`${pattern.sortKey}\`, which is not the sort key of ${where}. ` +
        `A Query can select the \`${pattern.partitionKey}\` value but must then read every item under it and filter on \`${pattern.sortKey}\`, paying read capacity for every item read. ` +
        (elsewhere?.remedy ?? `Add a global secondary index with partition key \`${pattern.partitionKey}\` and sort key \`${pattern.sortKey}\`${pattern.partitionKey === table.partitionKey?.name && table.sortKey ? ' (or a local secondary index, if the table is not created yet)' : ''}.`),
      fix,
    });
    return;
  }
  const single = candidates.length === 1 ? candidates[0] : undefined;
  const why = single?.index
    ? `the index ${single.index} is partitioned by \`${single.partitionKey}\`, not \`${pattern.partitionKey}\``
    : `\`${pattern.partitionKey}\` is the partition key of neither ${table.name} nor any of its indexes`;
  report({
    pointer: `${pointer}/partitionKey`,
    part: 'value',
    message: `${name} cannot be served by a Query: ${why}. ${elsewhere?.remedy ?? scanAdvice(pattern)}`,
    fix,
  });
}

/** The table's indexes as key schemas (an LSI shares the table's partition key). */
function indexSchemas(table: DynamodbTable): KeySchema[] {
  return [
    ...table.globalSecondaryIndexes.map((index) => ({ label: `the index ${index.name}`, index: index.name, partitionKey: index.partitionKey?.name, sortKey: index.sortKey?.name })),
    ...table.localSecondaryIndexes.map((index) => ({ label: `the index ${index.name}`, index: index.name, partitionKey: table.partitionKey?.name, sortKey: index.sortKey?.name })),
  ].filter((schema) => typeof schema.index === 'string');
}

/** What serves the pattern instead of the index it names, if anything. */
function remedyFor(ownKeysServe: boolean, servingIndexes: KeySchema[]): string | undefined {
  if (servingIndexes.length === 1) return `The index ${servingIndexes[0].index} serves it: name that one in \`index\`.`;
  if (servingIndexes.length > 1) return `The indexes ${andList(servingIndexes.map((schema) => schema.index))} serve it: name one of them in \`index\`.`;
  if (ownKeysServe) return `The table's own keys serve it: remove \`index\` so the pattern queries the table.`;
  return undefined;
}

function scanAdvice(pattern: RawAccessPattern): string {
  const keys = pattern.sortKey ? `partition key \`${pattern.partitionKey}\` and sort key \`${pattern.sortKey}\`` : `partition key \`${pattern.partitionKey}\``;
  return `It would need a Scan, which reads the whole table (every item costs read capacity) and slows down as the table grows. Add a global secondary index with ${keys}.`;
}
