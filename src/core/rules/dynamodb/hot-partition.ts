// dynamodb/hot-partition: the declared workload, spread over the declared number of partition key
// values, still puts more on one key than one partition can serve.
import { hotKeyLoads, number } from '../helpers/dynamodb-capacity';
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
        report({
          pointer: `${table.pointer}/partitionKeyCardinality`,
          part: 'value',
          message:
            `${table.name} needs ${need.explanation}; spread evenly over ${number(cardinality)} partition key ${cardinality === 1 ? 'value' : 'values'}` +
            `${keyName ? ` of \`${keyName}\`` : ''} that is ${number(perKey)} ${need.unit} per key value, more than the ${number(limit)} ${need.unit} one partition serves. ` +
            `All items with the same partition key value live on one partition, so DynamoDB throttles each key above that limit, in provisioned and on-demand mode alike. ` +
            `Use a partition key with more distinct values, or spread each value over several keys with a suffix (write sharding)` +
            `${need.unit === 'RCU' ? ', or cache the hot items (DAX serves eventually consistent reads from memory)' : ''}.`,
          related: [{ pointer: `${table.pointer}/workload/${rate}`, message: `The declared ${need.unit === 'RCU' ? 'read' : 'write'} rate: ${number(need.requestsPerSecond)}/s` }],
        });
      }
    }
  },
});
