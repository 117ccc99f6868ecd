// dynamodb/billing-mode: capacities on an on-demand table (or its indexes), or a provisioned table
// (or index) without them. AWS rejects both.
import { andList } from '../../text';
import * as l10n from '../../l10n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'dynamodb/billing-mode',
    description: 'An on-demand table sets provisioned capacity or auto scaling, or a provisioned table or GSI lacks its read and write capacity.',
    severity: 'error',
    fixable: false,
    anchors: ['cfn-lint E3638', 'cfn-lint E3639', 'tflint'],
  },
  check({ model, report }) {
    for (const table of model.databases) {
      if (table.service !== 'dynamodb') continue;
      const billing = table.billing;
      const mode = billing?.mode ?? 'on-demand';
      if (mode === 'on-demand') {
        for (const key of ['readCapacity', 'writeCapacity', 'autoScaling'] as const) {
          if (billing?.[key] === undefined) continue;
          report({
            pointer: `${table.pointer}/billing/${key}`,
            part: 'key',
            message:
              key === 'autoScaling'
                ? l10n.t('{table} is an on-demand table, so `autoScaling` has nothing to scale: auto scaling adjusts provisioned capacity, and on-demand tables have none.', { table: table.name }) +
                  ' ' +
                  l10n.t('Remove it, or set `mode: provisioned` with `readCapacity` and `writeCapacity`.')
                : l10n.t('{table} is an on-demand table, so `{key}` cannot be set: DynamoDB rejects provisioned throughput with the on-demand (PAY_PER_REQUEST) billing mode.', { table: table.name, key }) +
                  ' ' +
                  l10n.t('Remove it, or set `mode: provisioned` if the table should have fixed capacity.'),
          });
        }
        for (const index of table.globalSecondaryIndexes) {
          for (const key of ['readCapacity', 'writeCapacity'] as const) {
            if (index[key] === undefined) continue;
            report({
              pointer: `${index.pointer}/${key}`,
              part: 'key',
              message:
                l10n.t('The index {index} of {table} sets `{key}`, but the table is on-demand: its indexes are on-demand too and DynamoDB rejects provisioned throughput for them.', { index: index.name, table: table.name, key }) +
                ' ' +
                l10n.t`Remove it.`,
            });
          }
        }
        continue;
      }
      const missing = (['readCapacity', 'writeCapacity'] as const).filter((key) => billing?.[key] === undefined);
      if (missing.length > 0) {
        report({
          pointer: `${table.pointer}/billing`,
          part: 'key',
          message:
            l10n.t`${table.name} uses provisioned capacity but does not set ${andList(missing)}: a provisioned table needs both its read capacity (RCU) and its write capacity (WCU), at least 1 each.` +
            ' ' +
            l10n.t('Set them from the expected workload, or use `mode: on-demand`.'),
        });
      }
      for (const index of table.globalSecondaryIndexes) {
        const indexMissing = (['readCapacity', 'writeCapacity'] as const).filter((key) => index[key] === undefined);
        if (indexMissing.length === 0) continue;
        report({
          pointer: `${index.pointer}/name`,
          part: 'value',
          message:
            l10n.t`The index ${index.name} of ${table.name} does not set ${andList(indexMissing)}: on a provisioned table every global secondary index has its own provisioned read and write capacity, at least 1 each.` +
            ' ' +
            l10n.t`Set them from the index's share of the reads and the table's writes that update it.`,
        });
      }
    }
  },
});
