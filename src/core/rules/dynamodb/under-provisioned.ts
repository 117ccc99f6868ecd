// dynamodb/under-provisioned: a provisioned table whose declared workload needs more read or write
// capacity than the table can have.
import { DYNAMODB_BURST_CAPACITY_SECONDS } from '../../facts';
import * as l10n from '../../l10n';
import { dynamodbCapacityNeeds, number, provisionedCapacity, type CapacityNeed, type ProvisionedCapacity } from '../helpers/dynamodb-capacity';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'dynamodb/under-provisioned',
    description: 'A provisioned table has less read or write capacity than its declared workload needs.',
    severity: 'warning',
    fixable: true,
    anchors: [],
  },
  check({ model, report }) {
    for (const table of model.databases) {
      // On-demand tables scale by themselves: only provisioned capacity can be too small.
      if (table.service !== 'dynamodb' || table.billing?.mode !== 'provisioned') continue;
      const needs = dynamodbCapacityNeeds(table);
      const shortfalls: { direction: 'read' | 'write'; need: CapacityNeed; provisioned: ProvisionedCapacity }[] = [];
      for (const direction of ['read', 'write'] as const) {
        const need = direction === 'read' ? needs.reads : needs.writes;
        const provisioned = provisionedCapacity(table, direction);
        if (need && provisioned && need.capacityUnits > provisioned.units) shortfalls.push({ direction, need, provisioned });
      }
      const burst = l10n.t`Requests above the provisioned capacity are throttled once the burst capacity (at most ${DYNAMODB_BURST_CAPACITY_SECONDS.value} s of unused capacity) is spent.`;
      const autoScaled = shortfalls.filter((shortfall) => shortfall.provisioned.source === 'autoScaling.max');
      if (autoScaled.length > 0) {
        // One `autoScaling.max` bounds both directions in this format: one finding, one fix for both.
        const { provisioned } = autoScaled[0];
        const needed = Math.max(...autoScaled.map((shortfall) => shortfall.need.capacityUnits));
        const unit = autoScaled.length === 1 ? autoScaled[0].need.unit : l10n.t`capacity units`;
        const needs = autoScaled.map((shortfall) => shortfall.need.explanation).reduce((joined, explanation) => l10n.t`${joined}, and ${explanation}`);
        report({
          pointer: provisioned.pointer,
          part: 'value',
          message:
            l10n.t('{table} needs {needs}; auto scaling may raise the capacity to at most {max} {unit} (`autoScaling.max`).', {
              table: table.name,
              needs,
              max: number(provisioned.units),
              unit,
            }) +
            ' ' +
            burst +
            ' ' +
            l10n.t('Raise `autoScaling.max` to at least {needed}, or switch the table to on-demand capacity.', { needed: number(needed) }),
          related: autoScaled.map(({ direction, need }) => rateOf(table.pointer, direction, need)),
          fix: {
            kind: 'replace',
            title: l10n.t('Let auto scaling reach {needed} {unit} (`max: {value}`)', { needed: number(needed), unit, value: needed }),
            pointer: provisioned.pointer,
            value: needed,
          },
        });
      }
      for (const { direction, need, provisioned } of shortfalls) {
        if (provisioned.source !== 'capacity') continue;
        const key = provisioned.key;
        report({
          pointer: provisioned.pointer,
          part: 'value',
          message:
            (provisioned.units === 1
              ? l10n.t`${table.name} needs ${need.explanation}; ${number(provisioned.units)} ${need.unit} is provisioned.`
              : l10n.t`${table.name} needs ${need.explanation}; ${number(provisioned.units)} ${need.unit} are provisioned.`) +
            ' ' +
            burst +
            ' ' +
            l10n.t('Raise `{key}` to at least {needed}, add auto scaling with a `max` that high, or switch the table to on-demand capacity.', { key, needed: number(need.capacityUnits) }),
          related: [rateOf(table.pointer, direction, need)],
          fix: {
            kind: 'replace',
            title: l10n.t('Provision {units} {unit} (`{key}: {value}`)', { units: number(need.capacityUnits), unit: need.unit, key, value: need.capacityUnits }),
            pointer: provisioned.pointer,
            value: need.capacityUnits,
          },
        });
      }
    }
  },
});

function rateOf(tablePointer: string, direction: 'read' | 'write', need: CapacityNeed): { pointer: string; message: string } {
  const rate = number(need.requestsPerSecond);
  return {
    pointer: `${tablePointer}/workload/${direction === 'read' ? 'readsPerSecond' : 'writesPerSecond'}`,
    message: direction === 'read' ? l10n.t`The declared read rate: ${rate}/s` : l10n.t`The declared write rate: ${rate}/s`,
  };
}
