// dynamodb/index-limits: more secondary indexes than DynamoDB allows, local secondary indexes that
// cannot exist (no sort key on the table, another partition key), or too many projected attributes.
import { DYNAMODB_INDEX_LIMITS } from '../../facts';
import * as l10n from '../../l10n';
import type { DynamodbTable } from '../../model/model';
import { defineRule, type RuleContext } from '../rule';

export default defineRule({
  meta: {
    id: 'dynamodb/index-limits',
    description: 'A table has more than 20 GSIs or 5 LSIs, an LSI it cannot have, or more than 100 projected attributes over its indexes.',
    severity: 'error',
    fixable: true,
    anchors: ['cfn-lint E3039'],
  },
  check({ model, report }) {
    const limits = DYNAMODB_INDEX_LIMITS.value;
    for (const table of model.databases) {
      if (table.service !== 'dynamodb') continue;
      const gsis = table.globalSecondaryIndexes;
      if (gsis.length > limits.globalSecondaryIndexes) {
        report({
          pointer: `${table.pointer}/globalSecondaryIndexes`,
          part: 'key',
          message:
            l10n.t`${table.name} has ${gsis.length} global secondary indexes; DynamoDB allows ${limits.globalSecondaryIndexes} per table (a default quota: more needs an approved quota increase).` +
            ' ' +
            l10n.t`Merge indexes that serve similar queries (one overloaded GSI with generic key attributes can serve several access patterns), or request the increase first.`,
          related: [{ pointer: gsis[limits.globalSecondaryIndexes].pointer, message: overLimit(limits.globalSecondaryIndexes, table.name) }],
        });
      }
      const lsis = table.localSecondaryIndexes;
      if (lsis.length > limits.localSecondaryIndexes) {
        report({
          pointer: `${table.pointer}/localSecondaryIndexes`,
          part: 'key',
          message:
            l10n.t`${table.name} has ${lsis.length} local secondary indexes; DynamoDB allows at most ${limits.localSecondaryIndexes} per table.` +
            ' ' +
            l10n.t`Turn the rest into global secondary indexes (which can be added later, unlike LSIs) or merge sort keys.`,
          related: [{ pointer: lsis[limits.localSecondaryIndexes].pointer, message: overLimit(limits.localSecondaryIndexes, table.name) }],
        });
      }
      if (lsis.length > 0 && !table.sortKey) {
        report({
          pointer: `${table.pointer}/localSecondaryIndexes`,
          part: 'key',
          message:
            l10n.t`${table.name} has local secondary indexes but no sort key: an LSI gives the table's item collections another sort order, so it exists only on a table whose primary key has a sort key.` +
            ' ' +
            l10n.t('Add a `sortKey` to the table (LSIs and the key schema can only be set when the table is created), or make these global secondary indexes.'),
        });
      }
      for (const index of lsis) checkLocalPartitionKey(table, index, report);
      checkProjectedAttributes(table, limits.projectedAttributes, report);
    }
  },
});

/** The related message on the first index over a limit (the index at position `limit`). */
function overLimit(limit: number, table: string): string {
  return l10n.t`Index ${limit + 1} of ${table}: over the limit of ${limit}`;
}

/** An LSI always shares the table's partition key; a different one written in the file cannot be created. */
function checkLocalPartitionKey(table: DynamodbTable, index: DynamodbTable['localSecondaryIndexes'][number], report: RuleContext['report']): void {
  const own = index.partitionKey;
  const tableKey = table.partitionKey;
  if (!own || !tableKey) return;
  const why = l10n.t`a local secondary index always uses its table's partition key, name and type alike (it re-sorts each item collection); for another partition key, use a global secondary index.`;
  if (typeof own.name === 'string' && typeof tableKey.name === 'string' && own.name !== tableKey.name) {
    report({
      pointer: `${index.pointer}/partitionKey/name`,
      part: 'value',
      message: l10n.t("The local secondary index {index} of {table} names the partition key `{key}`, but the table's is `{tableKey}`: {why}", {
        index: index.name,
        table: table.name,
        key: own.name,
        tableKey: tableKey.name,
        why,
      }),
      fix: { kind: 'replace', title: l10n.t("Use the table's partition key `{key}`", { key: tableKey.name }), pointer: `${index.pointer}/partitionKey/name`, value: tableKey.name },
    });
    return;
  }
  if (typeof own.type === 'string' && typeof tableKey.type === 'string' && own.type !== tableKey.type) {
    report({
      pointer: `${index.pointer}/partitionKey/type`,
      part: 'value',
      message: l10n.t("The local secondary index {index} of {table} gives the partition key `{key}` the type `{type}`, but the table's is `{tableType}`: {why}", {
        index: index.name,
        table: table.name,
        key: String(own.name),
        type: own.type,
        tableType: tableKey.type,
        why,
      }),
      fix: { kind: 'replace', title: l10n.t("Use the table's key type `{type}`", { type: tableKey.type }), pointer: `${index.pointer}/partitionKey/type`, value: tableKey.type },
    });
  }
}

/** Attributes listed in INCLUDE projections count against one limit, summed over all the table's indexes (the same attribute in two indexes counts twice). */
function checkProjectedAttributes(table: DynamodbTable, limit: number, report: RuleContext['report']): void {
  let total = 0;
  let first: { pointer: string; name: string } | undefined;
  for (const index of [...table.localSecondaryIndexes, ...table.globalSecondaryIndexes]) {
    const projection = index.projection;
    if (typeof projection !== 'object' || projection === null || !Array.isArray(projection.include)) continue;
    total += projection.include.length;
    if (total > limit && !first) first = { pointer: `${index.pointer}/projection/include`, name: index.name };
  }
  if (!first) return;
  report({
    pointer: first.pointer,
    part: 'key',
    message:
      l10n.t(
        "The indexes of {table} project {total} attributes with `include`; DynamoDB allows at most {limit}, counted over all the table's secondary indexes (an attribute in two indexes counts twice), and the index {index} goes over.",
        { table: table.name, total, limit, index: first.name },
      ) +
      ' ' +
      l10n.t('Use `projection: all` for an index that needs most attributes, or fetch rarely used attributes from the table.'),
  });
}
