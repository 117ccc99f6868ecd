// dynamodb/under-provisioned: a provisioned table whose declared workload needs more read or write
// capacity than the table can have.
import { DYNAMODB_BURST_CAPACITY_SECONDS } from '../../facts';
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
      const burst = `Requests above the provisioned capacity are throttled once the burst capacity (at most ${DYNAMODB_BURST_CAPACITY_SECONDS.value} s of unused capacity) is spent.`;
      const autoScaled = shortfalls.filter((shortfall) => shortfall.provisioned.source === 'autoScaling.max');
      if (autoScaled.length > 0) {
        // One `autoScaling.max` bounds both directions in this format: one finding, one fix for both.
        const { provisioned } = autoScaled[0];
        const needed = Math.max(...autoScaled.map((shortfall) => shortfall.need.capacityUnits));
        const unit = autoScaled.length === 1 ? autoScaled[0].need.unit : 'capacity units';
        report({
          pointer: provisioned.pointer,
          part: 'value',
          message:
            `${table.name} needs ${autoScaled.map((shortfall) => shortfall.need.explanation).join(', and ')}; auto scaling may raise the capacity to at most ` +
            `${number(provisioned.units)} ${unit} (\`autoScaling.max\`). ${burst} Raise \`autoScaling.max\` to at least ${number(needed)}, or switch the table to on-demand capacity.`,
          related: autoScaled.map(({ direction, need }) => rateOf(table.pointer, direction, need)),
          fix: { kind: 'replace', title: `Let auto scaling reach ${number(needed)} ${unit} (\`max: ${needed}\`)`, pointer: provisioned.pointer, value: needed },
        });
      }
      for (const { direction, need, provisioned } of shortfalls) {
        if (provisioned.source !== 'capacity') continue;
        const key = provisioned.key;
        report({
          pointer: provisioned.pointer,
          part: 'value',
          message:
            `${table.name} needs ${need.explanation}; ${number(provisioned.units)} ${need.unit} ${provisioned.units === 1 ? 'is' : 'are'} provisioned. ` +
            `${burst} Raise \`${key}\` to at least ${number(need.capacityUnits)}, add auto scaling with a \`max\` that high, or switch the table to on-demand capacity.`,
          related: [rateOf(table.pointer, direction, need)],
          fix: { kind: 'replace', title: `Provision ${number(need.capacityUnits)} ${need.unit} (\`${key}: ${need.capacityUnits}\`)`, pointer: provisioned.pointer, value: need.capacityUnits },
        });
      }
    }
  },
});

function rateOf(tablePointer: string, direction: 'read' | 'write', need: CapacityNeed): { pointer: string; message: string } {
  return { pointer: `${tablePointer}/workload/${direction === 'read' ? 'readsPerSecond' : 'writesPerSecond'}`, message: `The declared ${direction} rate: ${number(need.requestsPerSecond)}/s` };
}
