// The capacity of one DynamoDB table: what its declared workload needs in RCU and WCU (the arithmetic
// of helpers/dynamodb-capacity, which the rules use too), how its capacity mode covers that, and how
// the throughput spreads over partitions, for the table and for each global secondary index.
import { DYNAMODB_PARTITION_THROUGHPUT, DYNAMODB_TABLE_THROUGHPUT_QUOTA } from '../facts';
import type { DynamodbTable, GlobalSecondaryIndex } from '../model/model';
import type { RawDynamodbItem, RawDynamodbWorkload } from '../model/raw';
import { dynamodbCapacityNeeds, hotKeyLoads, provisionedCapacity, type CapacityNeed, type HotKeyLoad, type ProvisionedCapacity } from '../rules/helpers/dynamodb-capacity';
import * as l10n from '../l10n';
import { amount, countOf, joinAnd, note, share, warning, type Note } from './notes';

/** What a DynamoDB table's declared workload needs, how its capacity mode covers it, and its partition pressure. */
export interface DynamodbCapacity {
  /** The declared average item size; undefined when the file does not say (each request then counts as one size unit). */
  itemSizeKB: number | undefined;
  reads?: CapacityNeed;
  writes?: CapacityNeed;
  billing: BillingCapacity;
  partitions: PartitionPressure;
  indexes: IndexCapacity[];
  /** Set when the workload declares no rate: what to declare to see the arithmetic. */
  missing?: string;
}

/** The table's capacity mode against the need, direction by direction. */
export interface BillingCapacity {
  mode: 'on-demand' | 'provisioned';
  reads?: DirectionBilling;
  writes?: DirectionBilling;
  /** The mode against the other one, in a sentence or two. */
  notes: Note[];
}

/** One direction (reads or writes) of a table's capacity against its need. */
export interface DirectionBilling {
  unit: 'RCU' | 'WCU';
  needed: number;
  /** The capacity the file provisions (the fixed number, or auto scaling's maximum); provisioned tables only. */
  provisioned?: ProvisionedCapacity & { status: 'enough' | 'short'; shortBy: number; usedPercent: number };
  /** What auto scaling aims for at the file's target utilisation: need / target, rounded up. */
  atTarget?: { targetUtilizationPercent: number; units: number };
  /** The default per-table quota (on-demand request units count against the same number). */
  quota: { limit: number; usedPercent: number; over: boolean };
  notes: Note[];
}

/** How a table's (or an index's) throughput spreads over partitions, each serving at most 3,000 RCU and 1,000 WCU. */
export interface PartitionPressure {
  limits: { readCapacityUnits: number; writeCapacityUnits: number };
  /** Partitions the throughput alone needs: the larger of RCU / 3,000 and WCU / 1,000, each rounded up. Undefined without a workload. */
  minimumPartitions: number | undefined;
  /** The most requests per second one partition key value can take (all its items live on one partition). */
  perKeyCeiling: { readsPerSecond?: number; writesPerSecond?: number };
  /** The declared number of distinct partition key values. */
  cardinality: number | undefined;
  /** RCU and WCU on each key value when the workload spreads evenly over the declared values. */
  perKey?: { readCapacityUnits?: number; writeCapacityUnits?: number };
  /** The directions in which that even share is already more than one partition serves (as dynamodb/hot-partition reports). */
  hot: HotKeyLoad[];
  notes: Note[];
}

/** The write side of a global secondary index: every table write that carries the index's key writes an index entry. */
export interface IndexCapacity {
  name: string;
  pointer: string;
  projection: 'all' | 'keys-only' | 'include' | 'not declared';
  /** Index writes caused by the table's write rate: one standard write of the item's size per table write. */
  writes?: CapacityNeed;
  /** True when an entry may be smaller than the item (any projection but `all`): `writes` counts it at the item's size. */
  sizeIsUpperBound: boolean;
  provisioned?: { readCapacity?: number; writeCapacity?: number };
  partitions: PartitionPressure;
  notes: Note[];
}

/** The capacity report of one DynamoDB table. */
export function dynamodbCapacity(table: DynamodbTable): DynamodbCapacity {
  const { reads, writes } = dynamodbCapacityNeeds(table);
  const result: DynamodbCapacity = {
    itemSizeKB: typeof table.item?.averageSizeKB === 'number' && table.item.averageSizeKB > 0 ? table.item.averageSizeKB : undefined,
    reads,
    writes,
    billing: billingCapacity(table, reads, writes),
    partitions: partitionPressure(table, reads, writes, table.partitionKey?.name),
    // Without a workload there is nothing for an index to carry either.
    indexes: reads || writes ? table.globalSecondaryIndexes.map((index) => indexCapacity(table, index, writes)) : [],
  };
  if (!reads && !writes) {
    result.missing = l10n.t`Declare \`workload.readsPerSecond\` and \`workload.writesPerSecond\` (and \`item.averageSizeKB\`) to see the read and write capacity units they need.`;
  }
  return result;
}

// ---------------------------------------------------------------------------
// Capacity mode
// ---------------------------------------------------------------------------

function billingCapacity(table: DynamodbTable, reads: CapacityNeed | undefined, writes: CapacityNeed | undefined): BillingCapacity {
  const mode = table.billing?.mode === 'provisioned' ? 'provisioned' : 'on-demand';
  const billing: BillingCapacity = { mode, notes: [] };
  if (reads) billing.reads = directionBilling(table, 'read', reads);
  if (writes) billing.writes = directionBilling(table, 'write', writes);
  const needs = [reads, writes].filter((need): need is CapacityNeed => need !== undefined);
  if (needs.length === 0) return billing;
  const listed = joinAnd(needs.map((need) => `${amount(need.capacityUnits)} ${need.unit}`));
  if (mode === 'on-demand') {
    billing.notes.push(note(l10n.t`On-demand: the table is billed per request (the same units), with no capacity to provision.`));
    const requestUnits = joinAnd(needs.map((need) => (need.unit === 'RCU' ? l10n.t`${amount(need.capacityUnits)} read request units` : l10n.t`${amount(need.capacityUnits)} write request units`)));
    billing.notes.push(note(l10n.t`The declared workload is ${requestUnits} per second; provisioned mode would need at least ${listed}, more to leave room for peaks.`));
  } else {
    billing.notes.push(note(l10n.t`On-demand would bill the same ${listed} as request units per second, with nothing to provision.`));
  }
  const replicaRegions = table.globalTable?.replicaRegions;
  if (writes && Array.isArray(replicaRegions) && replicaRegions.length > 0) {
    const regions = replicaRegions.length + 1;
    billing.notes.push(note(l10n.t`Global table: every replica applies the writes of every Region, so each of the ${regions} Regions needs the ${amount(writes.capacityUnits)} WCU; \`writesPerSecond\` should be the writes of all Regions together.`));
  }
  return billing;
}

function directionBilling(table: DynamodbTable, direction: 'read' | 'write', need: CapacityNeed): DirectionBilling {
  const quotas = DYNAMODB_TABLE_THROUGHPUT_QUOTA.value;
  const limit = direction === 'read' ? quotas.readCapacityUnits : quotas.writeCapacityUnits;
  const result: DirectionBilling = {
    unit: need.unit,
    needed: need.capacityUnits,
    quota: { limit, usedPercent: share(need.capacityUnits, limit), over: need.capacityUnits > limit },
    notes: [],
  };
  const billing = table.billing;
  if (billing?.mode === 'provisioned') {
    const capacity = provisionedCapacity(table, direction);
    if (!capacity) {
      result.notes.push(note(l10n.t('No `{direction}Capacity` is provisioned.', { direction })));
    } else {
      const shortBy = Math.max(0, need.capacityUnits - capacity.units);
      const usedPercent = share(need.capacityUnits, capacity.units);
      result.provisioned = { ...capacity, status: shortBy > 0 ? 'short' : 'enough', shortBy, usedPercent };
      const what =
        capacity.source === 'autoScaling.max'
          ? l10n.t('auto scaling may raise it to {units} {unit} (`autoScaling.max`)', { units: amount(capacity.units), unit: need.unit })
          : l10n.t('{units} {unit} provisioned (`{key}`)', { units: amount(capacity.units), unit: need.unit, key: capacity.key });
      result.notes.push(
        shortBy > 0 ? warning(l10n.t`Provisioned: ${what}, ${amount(shortBy)} ${need.unit} short.`) : note(l10n.t`Provisioned: ${what}; the workload uses ${Math.round(usedPercent)}% of it.`),
      );
    }
    const scaling = billing.autoScaling;
    const target = scaling?.targetUtilizationPercent;
    if (typeof target === 'number' && target > 0) {
      // Target tracking keeps consumed / provisioned near the target, so it provisions need / target.
      const aim = Math.ceil(need.capacityUnits / (target / 100) - 1e-9);
      result.atTarget = { targetUtilizationPercent: target, units: aim };
      const arithmetic = l10n.t`At the ${amount(target)}% target utilisation auto scaling aims for ${amount(need.capacityUnits)} / ${amount(target / 100)} = ${amount(aim)} ${need.unit}`;
      if (scaling?.max !== undefined && aim > scaling.max) result.notes.push(warning(l10n.t('{arithmetic}, above `max` ({max}): the table runs hotter than its target.', { arithmetic, max: amount(scaling.max) })));
      else if (scaling?.min !== undefined && aim < scaling.min) result.notes.push(note(l10n.t('{arithmetic}, below `min`: it keeps {min}.', { arithmetic, min: amount(scaling.min) })));
      else result.notes.push(note(`${arithmetic}.`));
    }
  }
  if (result.quota.over) {
    result.notes.push(warning(l10n.t`${amount(need.capacityUnits)} ${need.unit} is above the default quota of ${amount(limit)} ${need.unit} per table, on-demand too: request an increase before launch.`));
  }
  return result;
}

// ---------------------------------------------------------------------------
// Partitions
// ---------------------------------------------------------------------------

function partitionPressure(
  table: { item?: RawDynamodbItem; workload?: RawDynamodbWorkload; partitionKeyCardinality?: number },
  reads: CapacityNeed | undefined,
  writes: CapacityNeed | undefined,
  keyName: string | undefined,
): PartitionPressure {
  const limits = DYNAMODB_PARTITION_THROUGHPUT.value;
  const declared = table.partitionKeyCardinality;
  const cardinality = typeof declared === 'number' && Number.isFinite(declared) && declared >= 1 ? declared : undefined;
  const pressure: PartitionPressure = { limits, minimumPartitions: undefined, perKeyCeiling: {}, cardinality, hot: [], notes: [] };
  const sides = [
    { need: reads, limit: limits.readCapacityUnits },
    { need: writes, limit: limits.writeCapacityUnits },
  ].filter((side): side is { need: CapacityNeed; limit: number } => side.need !== undefined);
  if (sides.length === 0) return pressure;

  const counts = sides.map(({ need, limit }) => ({ need, limit, partitions: Math.max(1, Math.ceil(need.capacityUnits / limit - 1e-9)) }));
  pressure.minimumPartitions = Math.max(...counts.map((count) => count.partitions));
  const working = counts.map(({ need, limit, partitions }) => {
    const ratio = need.capacityUnits / limit;
    const exact = Math.abs(ratio - partitions) < 1e-9;
    const division = `${amount(need.capacityUnits)} ${need.unit} / ${amount(limit)} = ${amount(ratio)}`;
    return exact ? division : l10n.t`${division}, rounded up to ${amount(partitions)}`;
  });
  pressure.notes.push(note(l10n.t`Throughput alone needs at least ${countOf(pressure.minimumPartitions, 'partition')}: ${working.join('; ')}.`));

  const ceilings: string[] = [];
  for (const { need, limit } of sides) {
    if (need.unitsPerRequest <= 0) continue;
    const most = Math.floor(limit / need.unitsPerRequest + 1e-9);
    if (need.unit === 'RCU') pressure.perKeyCeiling.readsPerSecond = most;
    else pressure.perKeyCeiling.writesPerSecond = most;
    const [count, per, unit] = [amount(most), `${amount(limit)} ${need.unit} / ${amount(need.unitsPerRequest)} ${need.unit}`, need.unit];
    ceilings.push(unit === 'RCU' ? l10n.t`${count} reads/s (${per})` : l10n.t`${count} writes/s (${per})`);
  }
  const key = keyName ? l10n.t`\`${keyName}\` value` : l10n.t`partition key value`;
  if (ceilings.length > 0) pressure.notes.push(note(l10n.t`One ${key} lives on one partition, so one key takes at most ${joinAnd(ceilings)}.`));

  if (cardinality === undefined) {
    pressure.notes.push(note(l10n.t`No \`partitionKeyCardinality\` is declared: the load on each key value is unknown.`));
    return pressure;
  }
  pressure.hot = hotKeyLoads({ item: table.item, workload: table.workload, partitionKeyCardinality: cardinality });
  pressure.perKey = {};
  const shares: string[] = [];
  for (const { need } of sides) {
    const perKey = need.capacityUnits / cardinality;
    if (need.unit === 'RCU') pressure.perKey.readCapacityUnits = perKey;
    else pressure.perKey.writeCapacityUnits = perKey;
    shares.push(`${amount(need.capacityUnits)} / ${amount(cardinality)} = ${amount(perKey)} ${need.unit}`);
  }
  const values = cardinality === 1 ? l10n.t`${amount(cardinality)} value` : l10n.t`${amount(cardinality)} values`;
  if (pressure.hot.length === 0) {
    const within = joinAnd(sides.map(({ need, limit }) => `${amount(limit)} ${need.unit}`));
    pressure.notes.push(note(l10n.t`Spread evenly over ${values}: ${joinAnd(shares)} per value, within one partition's ${within}.`));
  } else {
    const over = pressure.hot.map((load) => l10n.t`${amount(load.perKey)} ${load.need.unit} per value, more than the ${amount(load.limit)} ${load.need.unit} one partition serves`).join('; ');
    pressure.notes.push(warning(l10n.t`Spread evenly over ${values}: ${over}.` + ' ' + l10n.t`DynamoDB throttles each such key: use a key with more values, or write sharding.`));
  }
  return pressure;
}

// ---------------------------------------------------------------------------
// Global secondary indexes
// ---------------------------------------------------------------------------

function indexCapacity(table: DynamodbTable, index: GlobalSecondaryIndex, tableWrites: CapacityNeed | undefined): IndexCapacity {
  const projection: IndexCapacity['projection'] =
    index.projection === 'all' || index.projection === 'keys-only' ? index.projection : index.projection === undefined ? 'not declared' : 'include';
  // An entry holds the projected attributes: the whole item with `all`, less with the other projections.
  const sizeIsUpperBound = projection !== 'all';
  const workload: RawDynamodbWorkload = { writesPerSecond: tableWrites?.requestsPerSecond, writeMode: 'standard' };
  const writes = dynamodbCapacityNeeds({ item: table.item, workload }).writes;
  const provisioned =
    table.billing?.mode === 'provisioned' && (index.readCapacity !== undefined || index.writeCapacity !== undefined)
      ? { readCapacity: index.readCapacity, writeCapacity: index.writeCapacity }
      : undefined;
  const partitions = partitionPressure({ item: table.item, workload, partitionKeyCardinality: index.partitionKeyCardinality }, undefined, writes, index.partitionKey?.name);
  const notes: Note[] = [];
  const key = index.partitionKey?.name ? `\`${index.partitionKey.name}\`` : l10n.t`the index key`;
  if (writes) {
    const summary = writes.summary;
    const first = !sizeIsUpperBound
      ? l10n.t("Writes: {summary}: each table write that carries {key} writes an index entry, counted as one standard write of the item's size.", { summary, key })
      : projection === 'not declared'
        ? l10n.t("Writes: {summary}: each table write that carries {key} writes an index entry, counted as one standard write of the item's size (no projection is declared; smaller entries cost less).", { summary, key })
        : l10n.t("Writes: {summary}: each table write that carries {key} writes an index entry, counted as one standard write of the item's size (with projection `{projection}`, entries can be smaller).", { summary, key, projection });
    notes.push(note(first + ' ' + l10n.t`A write that changes ${key} moves the entry: a delete plus a put.`));
    const capacity = provisioned?.writeCapacity;
    if (capacity !== undefined) {
      const short = writes.capacityUnits - capacity;
      const units = amount(capacity);
      if (short <= 0) notes.push(note(l10n.t('Provisioned: {units} WCU on the index (`writeCapacity`); the writes use {percent}% of it.', { units, percent: Math.round(share(writes.capacityUnits, capacity)) })));
      else if (sizeIsUpperBound) notes.push(note(l10n.t("Provisioned: {units} WCU on the index (`writeCapacity`), {short} WCU below the count at the item's size: enough only if the entries are smaller.", { units, short: amount(short) })));
      else notes.push(warning(l10n.t('Provisioned: {units} WCU on the index (`writeCapacity`), {short} WCU short; a throttled index write throttles the table write behind it.', { units, short: amount(short) })));
    }
  } else {
    notes.push(note(l10n.t`Writes: the table declares no \`workload.writesPerSecond\`.`));
  }
  const readCapacity = provisioned?.readCapacity;
  notes.push(
    note(
      readCapacity !== undefined
        ? l10n.t`Reads: the workload does not say which reads use the index; ${amount(readCapacity)} RCU provisioned (\`readCapacity\`).`
        : l10n.t`Reads: the workload does not say which reads use the index.`,
    ),
  );
  return { name: index.name, pointer: index.pointer, projection, writes, sizeIsUpperBound, provisioned, partitions, notes };
}
