// dynamodb/table-quota: more read or write throughput on one table (or one GSI) than the default
// per-table quota allows, provisioned or needed by the declared workload.
import { DYNAMODB_TABLE_THROUGHPUT_QUOTA } from '../../facts';
import { dynamodbCapacityNeeds, number } from '../helpers/dynamodb-capacity';
import * as l10n from '../../l10n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'dynamodb/table-quota',
    description: 'A table or GSI provisions, or its workload needs, more than the default quota of 40,000 RCU or WCU per table.',
    severity: 'warning',
    fixable: false,
    anchors: [],
  },
  check({ model, report }) {
    const quota = DYNAMODB_TABLE_THROUGHPUT_QUOTA.value;
    const advice = l10n.t`Request a quota increase in Service Quotas before launch (it is not instant), or spread the data over more tables.`;
    for (const table of model.databases) {
      if (table.service !== 'dynamodb') continue;
      const billing = table.billing;
      const provisioned = billing?.mode === 'provisioned';
      const max = provisioned ? billing?.autoScaling?.max : undefined;
      // One `autoScaling.max` bounds both directions in this format: it is reported once.
      if (typeof max === 'number' && (max > quota.readCapacityUnits || max > quota.writeCapacityUnits)) {
        report({
          pointer: `${table.pointer}/billing/autoScaling/max`,
          part: 'value',
          message:
            l10n.t`Auto scaling may raise ${table.name} to ${number(max)} capacity units; the default quota is ${number(quota.readCapacityUnits)} RCU and ${number(quota.writeCapacityUnits)} WCU per table, so scaling stops at the quota when the traffic needs more.` +
            ' ' +
            advice,
        });
      }
      const needs = dynamodbCapacityNeeds(table);
      for (const direction of ['read', 'write'] as const) {
        const unit = direction === 'read' ? 'RCU' : 'WCU';
        const limit = direction === 'read' ? quota.readCapacityUnits : quota.writeCapacityUnits;
        const capacityKey = direction === 'read' ? 'readCapacity' : 'writeCapacity';
        const fixed = provisioned ? billing?.[capacityKey] : undefined;
        if (typeof fixed === 'number' && fixed > limit) {
          report({
            pointer: `${table.pointer}/billing/${capacityKey}`,
            part: 'value',
            message:
              l10n.t('{table} provisions {units} {unit}; the default quota is {limit} {unit} per table, and DynamoDB rejects more without an approved increase.', {
                table: table.name,
                units: number(fixed),
                unit,
                limit: number(limit),
              }) +
              ' ' +
              advice,
          });
        }
        // The workload's need is reported only when no provisioned number already says the same.
        const provisionedOver = (typeof fixed === 'number' && fixed > limit) || (typeof max === 'number' && max > limit);
        const need = direction === 'read' ? needs.reads : needs.writes;
        if (provisionedOver || !need || need.capacityUnits <= limit) continue;
        const values = { table: table.name, need: need.explanation, limit: number(limit), unit };
        const sentence = provisioned
          ? l10n.t('{table} needs {need}; the default quota is {limit} {unit} per table, so DynamoDB throttles the traffic above it.', values)
          : direction === 'read'
            ? l10n.t(
                '{table} needs {need}; the default quota is {limit} read request units per second (the on-demand form of RCU) per table, even in on-demand mode, so DynamoDB throttles the traffic above it.',
                values,
              )
            : l10n.t(
                '{table} needs {need}; the default quota is {limit} write request units per second (the on-demand form of WCU) per table, even in on-demand mode, so DynamoDB throttles the traffic above it.',
                values,
              );
        report({
          pointer: `${table.pointer}/workload/${direction === 'read' ? 'readsPerSecond' : 'writesPerSecond'}`,
          part: 'value',
          message: sentence + ' ' + advice,
        });
      }
      if (!provisioned) continue;
      for (const index of table.globalSecondaryIndexes) {
        for (const key of ['readCapacity', 'writeCapacity'] as const) {
          const units = index[key];
          const limit = key === 'readCapacity' ? quota.readCapacityUnits : quota.writeCapacityUnits;
          if (typeof units !== 'number' || units <= limit) continue;
          const unit = key === 'readCapacity' ? 'RCU' : 'WCU';
          report({
            pointer: `${index.pointer}/${key}`,
            part: 'value',
            message:
              l10n.t('The index {index} of {table} provisions {units} {unit}; the default quota is {limit} {unit} for each table and each of its global secondary indexes.', {
                index: index.name,
                table: table.name,
                units: number(units),
                unit,
                limit: number(limit),
              }) +
              ' ' +
              advice,
          });
        }
      }
    }
  },
});
