// dynamodb/low-cardinality-partition-key: a partition key with few distinct values concentrates
// traffic on few partitions.
import { DYNAMODB_KEY_TYPES, DYNAMODB_PARTITION_THROUGHPUT } from '../../facts';
import * as l10n from '../../l10n';
import { orList } from '../../text';
import { hotKeyLoads } from '../helpers/dynamodb-capacity';
import { lowCardinalityReason } from '../helpers/dynamodb-keys';
import { defineRule, type RuleContext } from '../rule';
import { formatNumber } from '../../text';

/**
 * Below this many distinct key values a table cannot spread its traffic: every value is one
 * partition's worth of throughput at most. A heuristic, documented on the rule's page.
 */
export const TINY_CARDINALITY = 100;

export default defineRule({
  meta: {
    id: 'dynamodb/low-cardinality-partition-key',
    description: 'A table or GSI partition key has few distinct values (a status, a flag, a category, or a small declared cardinality).',
    severity: 'warning',
    fixable: false,
    anchors: [],
  },
  check({ model, report }) {
    for (const database of model.databases) {
      if (database.service !== 'dynamodb') continue;
      // When the declared workload already overloads a key of the declared cardinality, that is
      // dynamodb/hot-partition's finding on the same number, with the arithmetic: one finding.
      const overloaded = hotKeyLoads(database).length > 0;
      checkKey(database.partitionKey, `${database.pointer}/partitionKey`, database.partitionKeyCardinality, `${database.pointer}/partitionKeyCardinality`, database.name, report, overloaded);
      for (const index of database.globalSecondaryIndexes) {
        checkKey(index.partitionKey, `${index.pointer}/partitionKey`, index.partitionKeyCardinality, `${index.pointer}/partitionKeyCardinality`, l10n.t`the index ${index.name} of ${database.name}`, report);
      }
    }
  },
});

function checkKey(
  key: { name?: string; type?: string } | undefined,
  keyPointer: string,
  cardinality: number | undefined,
  cardinalityPointer: string,
  owner: string,
  report: RuleContext['report'],
  overloaded = false,
): void {
  if (!key || typeof key.name !== 'string') return;
  const { writeCapacityUnits } = DYNAMODB_PARTITION_THROUGHPUT.value;
  const advice = l10n.t`Choose a key with many distinct, evenly used values (a user, order or device id), or add a random or calculated suffix (write sharding).`;
  if (key.type === 'BOOL') {
    report({
      pointer: `${keyPointer}/type`,
      part: 'value',
      severity: 'error',
      message:
        l10n.t('The partition key of {owner} is a boolean: DynamoDB key attributes must be {types} (it rejects `BOOL`), and two values would put all traffic on two partitions.', {
          owner,
          types: orList(DYNAMODB_KEY_TYPES.value),
        }) +
        ' ' +
        advice,
    });
    return;
  }
  if (cardinality !== undefined && cardinality < TINY_CARDINALITY) {
    if (overloaded) return;
    const values = { key: key.name, owner, count: cardinality, limit: formatNumber(writeCapacityUnits), total: formatNumber(cardinality * writeCapacityUnits) };
    report({
      pointer: cardinalityPointer,
      part: 'value',
      message:
        (cardinality === 1
          ? l10n.t(
              'The partition key `{key}` of {owner} has only {count} distinct value: each value lives on one partition (at most {limit} WCU), so writes top out at {total} WCU and any skew makes a hot partition.',
              values,
            )
          : l10n.t(
              'The partition key `{key}` of {owner} has only {count} distinct values: each value lives on one partition (at most {limit} WCU), so writes top out at {total} WCU and any skew makes a hot partition.',
              values,
            )) +
        ' ' +
        advice,
    });
    return;
  }
  // A declared cardinality is the designer's knowledge and outranks a guess from the name.
  const reason = cardinality === undefined ? lowCardinalityReason(key.name) : undefined;
  if (reason) {
    report({
      pointer: `${keyPointer}/name`,
      part: 'value',
      message:
        l10n.t`${reason}: as the partition key of ${owner} it puts each value's traffic on one partition (at most ${formatNumber(writeCapacityUnits)} WCU each) and makes hot partitions.` +
        ' ' +
        advice,
    });
  }
}
