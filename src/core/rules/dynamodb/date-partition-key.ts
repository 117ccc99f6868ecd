// dynamodb/date-partition-key: a date or timestamp partition key sends all of today's traffic to one partition.
import { DYNAMODB_PARTITION_THROUGHPUT } from '../../facts';
import * as l10n from '../../l10n';
import { isDateName } from '../helpers/dynamodb-keys';
import { defineRule } from '../rule';
import { formatNumber } from '../../text';

export default defineRule({
  meta: {
    id: 'dynamodb/date-partition-key',
    description: 'A table or GSI partition key is a date or time: all current traffic lands on one partition.',
    severity: 'warning',
    fixable: false,
    anchors: [],
  },
  check({ model, report }) {
    const { readCapacityUnits, writeCapacityUnits } = DYNAMODB_PARTITION_THROUGHPUT.value;
    for (const database of model.databases) {
      if (database.service !== 'dynamodb') continue;
      const keys = [
        { key: database.partitionKey, pointer: `${database.pointer}/partitionKey/name`, owner: database.name },
        ...database.globalSecondaryIndexes.map((index) => ({ key: index.partitionKey, pointer: `${index.pointer}/partitionKey/name`, owner: l10n.t`the index ${index.name} of ${database.name}` })),
      ];
      for (const { key, pointer, owner } of keys) {
        if (!key || typeof key.name !== 'string' || !isDateName(key.name)) continue;
        report({
          pointer,
          part: 'value',
          message:
            l10n.t("`{key}` is a date or time: as the partition key of {owner} it sends all of the current period's reads and writes to one partition (at most {reads} RCU and {writes} WCU).", {
              key: key.name,
              owner,
              reads: formatNumber(readCapacityUnits),
              writes: formatNumber(writeCapacityUnits),
            }) +
            ' ' +
            l10n.t('Partition by an entity id and make the date the sort key, or add a shard suffix to the date (`2026-11-27#7`).'),
        });
      }
    }
  },
});
