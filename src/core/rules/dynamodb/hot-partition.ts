// dynamodb/hot-partition: the declared workload, spread over the declared number of partition key
// values, still puts more on one key than one partition can serve.
import { hotKeyLoads, number } from '../helpers/dynamodb-capacity';
import * as l10n from '../../l10n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'dynamodb/hot-partition',
    description: 'The declared workload spread evenly over the declared partition key values puts more than one partition can serve on each key.',
    severity: 'warning',
    fixable: false,
    anchors: [],
  },
  check({ model, report }) {
    for (const table of model.databases) {
      if (table.service !== 'dynamodb') continue;
      // Without a declared cardinality the traffic per key is unknown: hotKeyLoads says nothing.
      const cardinality = table.partitionKeyCardinality;
      for (const { need, limit, perKey, rate } of hotKeyLoads(table)) {
        if (typeof cardinality !== 'number') continue;
        const keyName = table.partitionKey?.name;
        const count = { count: number(cardinality), key: keyName ?? '' };
        const values = keyName
          ? cardinality === 1
            ? l10n.t('{count} partition key value of `{key}`', count)
            : l10n.t('{count} partition key values of `{key}`', count)
          : cardinality === 1
            ? l10n.t('{count} partition key value', count)
            : l10n.t('{count} partition key values', count);
        const rateValue = number(need.requestsPerSecond);
        report({
          pointer: `${table.pointer}/partitionKeyCardinality`,
          part: 'value',
          message:
            l10n.t('{table} needs {need}; spread evenly over {values} that is {perKey} {unit} per key value, more than the {limit} {unit} one partition serves.', {
              table: table.name,
              need: need.explanation,
              values,
              perKey: number(perKey),
              unit: need.unit,
              limit: number(limit),
            }) +
            ' ' +
            l10n.t`All items with the same partition key value live on one partition, so DynamoDB throttles each key above that limit, in provisioned and on-demand mode alike.` +
            ' ' +
            (need.unit === 'RCU'
              ? l10n.t`Use a partition key with more distinct values, or spread each value over several keys with a suffix (write sharding), or cache the hot items (DAX serves eventually consistent reads from memory).`
              : l10n.t`Use a partition key with more distinct values, or spread each value over several keys with a suffix (write sharding).`),
          related: [
            { pointer: `${table.pointer}/workload/${rate}`, message: need.unit === 'RCU' ? l10n.t`The declared read rate: ${rateValue}/s` : l10n.t`The declared write rate: ${rateValue}/s` },
          ],
        });
      }
    }
  },
});
