// dynamodb/index-limits: more secondary indexes than DynamoDB allows, local secondary indexes that
// cannot exist (no sort key on the table, another partition key), or too many projected attributes.
import { DYNAMODB_INDEX_LIMITS } from '../../facts';
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
            `${table.name} has ${gsis.length} global secondary indexes; DynamoDB allows ${limits.globalSecondaryIndexes} per table (a default quota: more needs an approved quota increase). ` +
            `Merge indexes that serve similar queries (one overloaded GSI with generic key attributes can serve several access patterns), or request the increase first.`,
          related: [{ pointer: gsis[limits.globalSecondaryIndexes].pointer, message: `Index ${limits.globalSecondaryIndexes + 1} of ${table.name}: over the limit of ${limits.globalSecondaryIndexes}` }],
        });
      }
      const lsis = table.localSecondaryIndexes;
      if (lsis.length > limits.localSecondaryIndexes) {
        report({
          pointer: `${table.pointer}/localSecondaryIndexes`,
          part: 'key',
          message:
            `${table.name} has ${lsis.length} local secondary indexes; DynamoDB allows at most ${limits.localSecondaryIndexes} per table. ` +
            `Turn the rest into global secondary indexes (which can be added later, unlike LSIs) or merge sort keys.`,
          related: [{ pointer: lsis[limits.localSecondaryIndexes].pointer, message: `Index ${limits.localSecondaryIndexes + 1} of ${table.name}: over the limit of ${limits.localSecondaryIndexes}` }],
        });
      }
      if (lsis.length > 0 && !table.sortKey) {
        report({
          pointer: `${table.pointer}/localSecondaryIndexes`,
          part: 'key',
          message:
            `${table.name} has local secondary indexes but no sort key: an LSI gives the table's item collections another sort order, so it exists only on a table whose primary key has a sort key. ` +
            `Add a \`sortKey\` to the table (LSIs and the key schema can only be set when the table is created), or make these global secondary indexes.`,
        });
      }
      for (const index of lsis) checkLocalPartitionKey(table, index, report);
      checkProjectedAttributes(table, limits.projectedAttributes, report);
    }
  },
});

/** An LSI always shares the table's partition key; a different one written in the file cannot be created. */
function checkLocalPartitionKey(table: DynamodbTable, index: DynamodbTable['localSecondaryIndexes'][number], report: RuleContext['report']): void {
  const own = index.partitionKey;
  const tableKey = table.partitionKey;
  if (!own || !tableKey) return;
  const why = `a local secondary index always uses its table's partition key, name and type alike (it re-sorts each item collection); for another partition key, use a global secondary index.`;
  if (typeof own.name === 'string' && typeof tableKey.name === 'string' && own.name !== tableKey.name) {
    report({
      pointer: `${index.pointer}/partitionKey/name`,
      part: 'value',
      message: `The local secondary index ${index.name} of ${table.name} names the partition key \`${own.name}\`, but the table's is \`${tableKey.name}\`: ${why}`,
      fix: { kind: 'replace', title: `Use the table's partition key \`${tableKey.name}\``, pointer: `${index.pointer}/partitionKey/name`, value: tableKey.name },
    });
    return;
  }
  if (typeof own.type === 'string' && typeof tableKey.type === 'string' && own.type !== tableKey.type) {
    report({
      pointer: `${index.pointer}/partitionKey/type`,
      part: 'value',
      message: `The local secondary index ${index.name} of ${table.name} gives the partition key \`${own.name}\` the type \`${own.type}\`, but the table's is \`${tableKey.type}\`: ${why}`,
      fix: { kind: 'replace', title: `Use the table's key type \`${tableKey.type}\``, pointer: `${index.pointer}/partitionKey/type`, value: tableKey.type },
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
      `The indexes of ${table.name} project ${total} attributes with \`include\`; DynamoDB allows at most ${limit}, counted over all the table's secondary indexes (an attribute in two indexes counts twice), and the index ${first.name} goes over. ` +
      `Use \`projection: all\` for an index that needs most attributes, or fetch rarely used attributes from the table.`,
  });
}
