// dynamodb/unserved-access-pattern: an access pattern that neither the table's keys nor its indexes
// can answer with a Query: it would need a Scan, or a Query that filters away most of what it reads.
import type { DynamodbTable } from '../../model/model';
import type { RawAccessPattern } from '../../model/raw';
import { andList, closest } from '../../text';
import * as l10n from '../../l10n';
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
  const own: KeySchema = { label: l10n.t`the table`, index: undefined, partitionKey: table.partitionKey?.name, sortKey: table.sortKey?.name };
  const indexes = indexSchemas(table);
  const name =
    typeof pattern.name === 'string'
      ? l10n.t('The access pattern `{pattern}` of {table}', { pattern: pattern.name, table: table.name })
      : l10n.t`An access pattern of ${table.name}`;
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
  const known = names.length > 1 ? l10n.t`its indexes are ${andList(names)}` : names.length === 1 ? l10n.t`its only index is ${andList(names)}` : l10n.t`it has no secondary indexes`;
  const replacement = guess && servingIndexes.some((schema) => schema.index === guess) ? guess : servingIndexes.length === 1 ? servingIndexes[0].index : undefined;
  const values = { pattern: name, index: pattern.index, table: table.name, known, guess: guess ?? '' };
  report({
    pointer: `${pointer}/index`,
    part: 'value',
    message:
      (guess
        ? l10n.t('{pattern} names the index `{index}`, which {table} does not have ({known}); did you mean `{guess}`?', values)
        : l10n.t('{pattern} names the index `{index}`, which {table} does not have ({known}).', values)) +
      ' ' +
      (remedy ?? l10n.t`Nothing else serves it either.` + ' ' + scanAdvice(pattern)),
    fix: replacement ? { kind: 'replace', title: useIndex(replacement), pointer: `${pointer}/index`, value: replacement } : undefined,
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
  const fix = serving.length === 1 ? { kind: 'replace' as const, title: useIndex(serving[0].index as string), pointer: `${pointer}/index`, value: serving[0].index as string } : undefined;
  const samePartition = candidates.filter((schema) => schema.partitionKey === pattern.partitionKey);
  if (samePartition.length > 0 && pattern.sortKey !== undefined) {
    const places = samePartition.map((schema) =>
      schema.sortKey ? l10n.t('{place} (sorted by `{sortKey}`)', { place: schema.label, sortKey: schema.sortKey }) : l10n.t`${schema.label} (no sort key)`,
    );
    const where = places.length > 1 ? l10n.t`${places.slice(0, -1).join(', ')} or ${places[places.length - 1]}` : places[0];
    const keys = { pattern: name, partitionKey: pattern.partitionKey ?? '', sortKey: pattern.sortKey, where };
    const lsiPossible = pattern.partitionKey === table.partitionKey?.name && table.sortKey;
    report({
      pointer: `${pointer}/sortKey`,
      part: 'value',
      message:
        l10n.t('{pattern} selects on `{partitionKey}` and sorts or ranges on `{sortKey}`, which is not the sort key of {where}.', keys) +
        ' ' +
        l10n.t('A Query can select the `{partitionKey}` value but must then read every item under it and filter on `{sortKey}`, paying read capacity for every item read.', keys) +
        ' ' +
        (elsewhere?.remedy ??
          (lsiPossible
            ? l10n.t('Add a global secondary index with partition key `{partitionKey}` and sort key `{sortKey}` (or a local secondary index, if the table is not created yet).', keys)
            : l10n.t('Add a global secondary index with partition key `{partitionKey}` and sort key `{sortKey}`.', keys))),
      fix,
    });
    return;
  }
  const single = candidates.length === 1 ? candidates[0] : undefined;
  const why = single?.index
    ? l10n.t('the index {index} is partitioned by `{indexKey}`, not `{partitionKey}`', { index: single.index, indexKey: String(single.partitionKey), partitionKey: String(pattern.partitionKey) })
    : l10n.t('`{partitionKey}` is the partition key of neither {table} nor any of its indexes', { partitionKey: String(pattern.partitionKey), table: table.name });
  report({
    pointer: `${pointer}/partitionKey`,
    part: 'value',
    message: l10n.t`${name} cannot be served by a Query: ${why}.` + ' ' + (elsewhere?.remedy ?? scanAdvice(pattern)),
    fix,
  });
}

/** The table's indexes as key schemas (an LSI shares the table's partition key). */
function indexSchemas(table: DynamodbTable): KeySchema[] {
  return [
    ...table.globalSecondaryIndexes.map((index) => ({ label: l10n.t`the index ${index.name}`, index: index.name, partitionKey: index.partitionKey?.name, sortKey: index.sortKey?.name })),
    ...table.localSecondaryIndexes.map((index) => ({ label: l10n.t`the index ${index.name}`, index: index.name, partitionKey: table.partitionKey?.name, sortKey: index.sortKey?.name })),
  ].filter((schema) => typeof schema.index === 'string');
}

/** What serves the pattern instead of the index it names, if anything. */
function remedyFor(ownKeysServe: boolean, servingIndexes: KeySchema[]): string | undefined {
  if (servingIndexes.length === 1) return l10n.t('The index {index} serves it: name that one in `index`.', { index: String(servingIndexes[0].index) });
  if (servingIndexes.length > 1) return l10n.t('The indexes {indexes} serve it: name one of them in `index`.', { indexes: andList(servingIndexes.map((schema) => schema.index)) });
  if (ownKeysServe) return l10n.t("The table's own keys serve it: remove `index` so the pattern queries the table.");
  return undefined;
}

/** The title of the fix that names `index` in the pattern. */
function useIndex(index: string): string {
  return l10n.t('Use the index `{index}`', { index });
}

function scanAdvice(pattern: RawAccessPattern): string {
  const keys = { partitionKey: String(pattern.partitionKey), sortKey: String(pattern.sortKey) };
  return (
    l10n.t`It would need a Scan, which reads the whole table (every item costs read capacity) and slows down as the table grows.` +
    ' ' +
    (pattern.sortKey
      ? l10n.t('Add a global secondary index with partition key `{partitionKey}` and sort key `{sortKey}`.', keys)
      : l10n.t('Add a global secondary index with partition key `{partitionKey}`.', keys))
  );
}
