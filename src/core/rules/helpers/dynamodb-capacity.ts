// DynamoDB capacity arithmetic: how many read and write capacity units a declared workload needs,
// with a sentence that shows the working. Shared by the capacity rules, hover and `dbarch capacity`.
import { DYNAMODB_CAPACITY_UNITS, DYNAMODB_PARTITION_THROUGHPUT } from '../../facts';
import type { DynamodbTable } from '../../model/model';
import type { RawDynamodbItem, RawDynamodbWorkload, RawReadConsistency, RawWriteMode } from '../../model/raw';
import { formatNumber } from '../../text';

/** What one kind of request (reads or writes) needs per second, with the arithmetic spelled out. */
export interface CapacityNeed {
  unit: 'RCU' | 'WCU';
  requestsPerSecond: number;
  /** How the requests are made: `eventual`, `strong` or `transactional` reads; `standard` or `transactional` writes. */
  mode: RawReadConsistency | RawWriteMode;
  /** The declared average item size; undefined when the file does not say (counted as one size unit). */
  itemSizeKB: number | undefined;
  /** The size one request is charged for, in 4 KB (reads) or 1 KB (writes) units, rounded up. */
  sizeUnits: number;
  /** Capacity units one request consumes (size units times the consistency or transaction factor). */
  unitsPerRequest: number;
  /** Capacity units per second for the whole workload, rounded up to a whole unit. */
  capacityUnits: number;
  /** E.g. `300 RCU for 100 strongly consistent reads/s of 10 KB items`. */
  summary: string;
  /** The summary with the per-request arithmetic: `... of 10 KB items (10 KB rounds up to 3 x 4 KB = 3 RCU per read)`. */
  explanation: string;
  /** The same arithmetic one step a line: the item size in units, the units per request, the total. */
  steps: string[];
}

/** The read and write needs of a table's workload; a side is absent when the workload does not declare its rate. */
export interface CapacityNeeds {
  reads?: CapacityNeed;
  writes?: CapacityNeed;
}

/** The capacity a table's declared workload needs (the same arithmetic serves provisioned RCU/WCU and on-demand request units). */
export function dynamodbCapacityNeeds(table: { item?: RawDynamodbItem; workload?: RawDynamodbWorkload }): CapacityNeeds {
  // Several rules, the hover and the capacity report ask about the same table in one lint: work it out once.
  const known = needsOf.get(table);
  if (known) return known;
  const needs = computeNeeds(table);
  needsOf.set(table, needs);
  return needs;
}

const needsOf = new WeakMap<object, CapacityNeeds>();

function computeNeeds(table: { item?: RawDynamodbItem; workload?: RawDynamodbWorkload }): CapacityNeeds {
  const workload = table.workload;
  const size = positive(table.item?.averageSizeKB);
  const needs: CapacityNeeds = {};
  const reads = nonNegative(workload?.readsPerSecond);
  if (reads !== undefined) needs.reads = readNeed(reads, workload?.readConsistency ?? 'eventual', size);
  const writes = nonNegative(workload?.writesPerSecond);
  if (writes !== undefined) needs.writes = writeNeed(writes, workload?.writeMode ?? 'standard', size);
  return needs;
}

function readNeed(requests: number, consistency: RawReadConsistency, size: number | undefined): CapacityNeed {
  const { readUnitKB, eventuallyConsistentFactor, transactionalFactor } = DYNAMODB_CAPACITY_UNITS.value;
  const sizeUnits = unitsFor(size, readUnitKB);
  const factor = consistency === 'eventual' ? eventuallyConsistentFactor : consistency === 'transactional' ? transactionalFactor : 1;
  const unitsPerRequest = sizeUnits * factor;
  const capacityUnits = roundUp(requests * unitsPerRequest);
  const adjective = consistency === 'eventual' ? 'eventually consistent' : consistency === 'strong' ? 'strongly consistent' : 'transactional';
  const perRequest =
    consistency === 'eventual'
      ? `${number(sizeUnits)} RCU, halved for an eventually consistent read: ${number(unitsPerRequest)} RCU per read`
      : consistency === 'transactional'
        ? `${number(sizeUnits)} RCU, doubled for a transactional read: ${number(unitsPerRequest)} RCU per read`
        : `${number(unitsPerRequest)} RCU per read`;
  const summary = `${number(capacityUnits)} RCU for ${number(requests)} ${adjective} ${requests === 1 ? 'read' : 'reads'}/s${ofItems(size)}`;
  const explanation = `${summary} (${sizePhrase(size, sizeUnits, readUnitKB)} = ${perRequest})`;
  const steps = [
    `${sizePhrase(size, sizeUnits, readUnitKB)} = ${unitCount(sizeUnits, 'read')}`,
    `${adjective} read: ${number(sizeUnits)} x ${number(factor)} = ${number(unitsPerRequest)} RCU per read`,
    totalStep(requests, 'reads', unitsPerRequest, capacityUnits, 'RCU'),
  ];
  return { unit: 'RCU', requestsPerSecond: requests, mode: consistency, itemSizeKB: size, sizeUnits, unitsPerRequest, capacityUnits, summary, explanation, steps };
}

function writeNeed(requests: number, writeMode: RawWriteMode, size: number | undefined): CapacityNeed {
  const { writeUnitKB, transactionalFactor } = DYNAMODB_CAPACITY_UNITS.value;
  const sizeUnits = unitsFor(size, writeUnitKB);
  const factor = writeMode === 'transactional' ? transactionalFactor : 1;
  const unitsPerRequest = sizeUnits * factor;
  const capacityUnits = roundUp(requests * unitsPerRequest);
  const kind = `${writeMode === 'transactional' ? 'transactional ' : ''}${requests === 1 ? 'write' : 'writes'}`;
  const perRequest =
    writeMode === 'transactional'
      ? `${number(sizeUnits)} WCU, doubled for a transactional write: ${number(unitsPerRequest)} WCU per write`
      : `${number(unitsPerRequest)} WCU per write`;
  const summary = `${number(capacityUnits)} WCU for ${number(requests)} ${kind}/s${ofItems(size)}`;
  const explanation = `${summary} (${sizePhrase(size, sizeUnits, writeUnitKB)} = ${perRequest})`;
  const steps = [
    `${sizePhrase(size, sizeUnits, writeUnitKB)} = ${unitCount(sizeUnits, 'write')}`,
    `${writeMode} write: ${number(sizeUnits)} x ${number(factor)} = ${number(unitsPerRequest)} WCU per write`,
    totalStep(requests, 'writes', unitsPerRequest, capacityUnits, 'WCU'),
  ];
  return { unit: 'WCU', requestsPerSecond: requests, mode: writeMode, itemSizeKB: size, sizeUnits, unitsPerRequest, capacityUnits, summary, explanation, steps };
}

/** One direction of a table's declared workload that, spread evenly over its partition key values, is more than one partition serves. */
export interface HotKeyLoad {
  need: CapacityNeed;
  /** What one partition serves in that direction (3,000 RCU or 1,000 WCU). */
  limit: number;
  /** The need per partition key value. */
  perKey: number;
  /** The workload key of the rate: `readsPerSecond` or `writesPerSecond`. */
  rate: 'readsPerSecond' | 'writesPerSecond';
}

/**
 * The directions in which a table's declared workload, spread evenly over its declared
 * `partitionKeyCardinality`, puts more on one key value than one partition serves (the finding of
 * dynamodb/hot-partition). Empty without a cardinality or a workload.
 */
export function hotKeyLoads(table: { item?: RawDynamodbItem; workload?: RawDynamodbWorkload; partitionKeyCardinality?: number }): HotKeyLoad[] {
  const cardinality = table.partitionKeyCardinality;
  if (typeof cardinality !== 'number' || !Number.isFinite(cardinality) || cardinality < 1) return [];
  const limits = DYNAMODB_PARTITION_THROUGHPUT.value;
  const needs = dynamodbCapacityNeeds(table);
  const sides = [
    { need: needs.reads, limit: limits.readCapacityUnits, rate: 'readsPerSecond' as const },
    { need: needs.writes, limit: limits.writeCapacityUnits, rate: 'writesPerSecond' as const },
  ];
  return sides.flatMap(({ need, limit, rate }) => {
    if (!need) return [];
    const perKey = need.capacityUnits / cardinality;
    return perKey > limit ? [{ need, limit, perKey, rate }] : [];
  });
}

/** Capacity a provisioned table can serve in one direction: its fixed capacity, or auto scaling's maximum when it has one. */
export interface ProvisionedCapacity {
  units: number;
  /** `autoScaling.max` when auto scaling may raise the capacity, else the fixed `readCapacity`/`writeCapacity`. */
  source: 'capacity' | 'autoScaling.max';
  /** The pointer of the number. */
  pointer: string;
  /** The key written in the file (`readCapacity`, `writeCapacity` or `max`). */
  key: string;
}

/** The most capacity a provisioned table may have for reads or writes; undefined for on-demand tables or when nothing is set. */
export function provisionedCapacity(table: Pick<DynamodbTable, 'billing' | 'pointer'>, direction: 'read' | 'write'): ProvisionedCapacity | undefined {
  const billing = table.billing;
  if (!billing || billing.mode !== 'provisioned') return undefined;
  const max = billing.autoScaling?.max;
  if (max !== undefined) return { units: max, source: 'autoScaling.max', pointer: `${table.pointer}/billing/autoScaling/max`, key: 'max' };
  const key = direction === 'read' ? 'readCapacity' : 'writeCapacity';
  const units = billing[key];
  return units === undefined ? undefined : { units, source: 'capacity', pointer: `${table.pointer}/billing/${key}`, key };
}

/** A number for messages: thousands separated, at most two decimals (`1,500`, `1.5`, `0.33`). */
export function number(value: number): string {
  return formatNumber(value);
}

/** How many size units an item is charged for: its size divided by the unit, rounded up; at least one. */
function unitsFor(size: number | undefined, unitKB: number): number {
  if (size === undefined) return 1;
  return Math.max(1, roundUp(size / unitKB));
}

function sizePhrase(size: number | undefined, units: number, unitKB: number): string {
  if (size === undefined) return `item size not declared, counted as 1 x ${unitKB} KB`;
  const exact = Math.abs(size - units * unitKB) < 1e-9;
  return `${number(size)} KB ${exact ? 'is' : 'rounds up to'} ${number(units)} x ${unitKB} KB`;
}

function unitCount(units: number, kind: 'read' | 'write'): string {
  return `${number(units)} ${kind} ${units === 1 ? 'unit' : 'units'}`;
}

/** `300 reads/s x 2 RCU = 600 RCU`, saying so when the product rounds up to a whole unit. */
function totalStep(requests: number, kind: 'reads' | 'writes', unitsPerRequest: number, capacityUnits: number, unit: 'RCU' | 'WCU'): string {
  const product = requests * unitsPerRequest;
  const rounded = Math.abs(product - capacityUnits) > 1e-9 ? `${number(product)}, rounded up to ${number(capacityUnits)} ${unit}` : `${number(capacityUnits)} ${unit}`;
  return `${number(requests)} ${kind}/s x ${number(unitsPerRequest)} ${unit} = ${rounded}`;
}

function ofItems(size: number | undefined): string {
  return size === undefined ? '' : ` of ${number(size)} KB items`;
}

/** Rounds up, ignoring binary floating-point noise (12 / 4 is 3, not 4). */
function roundUp(value: number): number {
  const rounded = Math.ceil(value - 1e-9);
  return rounded === 0 ? 0 : rounded;
}

function positive(value: number | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

function nonNegative(value: number | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}
