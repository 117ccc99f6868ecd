// DynamoDB capacity arithmetic: how many read and write capacity units a declared workload needs,
// with a sentence that shows the working. Shared by the capacity rules, hover and `dbarch capacity`.
import { DYNAMODB_CAPACITY_UNITS, DYNAMODB_PARTITION_THROUGHPUT } from '../../facts';
import type { DynamodbTable } from '../../model/model';
import type { RawDynamodbItem, RawDynamodbWorkload, RawReadConsistency, RawWriteMode } from '../../model/raw';
import * as l10n from '../../l10n';
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
  // Several rules, the hover and the capacity report ask about the same table in one lint: work it out
  // once (per language: the sentences are in the configured one).
  const locale = l10n.currentLocale();
  const known = needsOf.get(table);
  if (known && known.locale === locale) return known.needs;
  const needs = computeNeeds(table);
  needsOf.set(table, { locale, needs });
  return needs;
}

const needsOf = new WeakMap<object, { locale: string; needs: CapacityNeeds }>();

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
  const perRequest =
    consistency === 'eventual'
      ? l10n.t`${number(sizeUnits)} RCU, halved for an eventually consistent read: ${number(unitsPerRequest)} RCU per read`
      : consistency === 'transactional'
        ? l10n.t`${number(sizeUnits)} RCU, doubled for a transactional read: ${number(unitsPerRequest)} RCU per read`
        : l10n.t`${number(unitsPerRequest)} RCU per read`;
  const count = number(requests);
  const single = requests === 1;
  const rate =
    consistency === 'eventual'
      ? single
        ? l10n.t`${count} eventually consistent read/s`
        : l10n.t`${count} eventually consistent reads/s`
      : consistency === 'strong'
        ? single
          ? l10n.t`${count} strongly consistent read/s`
          : l10n.t`${count} strongly consistent reads/s`
        : single
          ? l10n.t`${count} transactional read/s`
          : l10n.t`${count} transactional reads/s`;
  const summary = summaryOf(capacityUnits, 'RCU', rate, size);
  const explanation = explain(summary, sizePhrase(size, sizeUnits, readUnitKB), perRequest);
  const arithmetic = { sizeUnits: number(sizeUnits), factor: number(factor), perRequest: number(unitsPerRequest) };
  const steps = [
    l10n.t`${sizePhrase(size, sizeUnits, readUnitKB)} = ${unitCount(sizeUnits, 'read')}`,
    consistency === 'eventual'
      ? l10n.t('eventually consistent read: {sizeUnits} x {factor} = {perRequest} RCU per read', arithmetic)
      : consistency === 'strong'
        ? l10n.t('strongly consistent read: {sizeUnits} x {factor} = {perRequest} RCU per read', arithmetic)
        : l10n.t('transactional read: {sizeUnits} x {factor} = {perRequest} RCU per read', arithmetic),
    totalStep(requests, 'reads', unitsPerRequest, capacityUnits),
  ];
  return { unit: 'RCU', requestsPerSecond: requests, mode: consistency, itemSizeKB: size, sizeUnits, unitsPerRequest, capacityUnits, summary, explanation, steps };
}

function writeNeed(requests: number, writeMode: RawWriteMode, size: number | undefined): CapacityNeed {
  const { writeUnitKB, transactionalFactor } = DYNAMODB_CAPACITY_UNITS.value;
  const sizeUnits = unitsFor(size, writeUnitKB);
  const factor = writeMode === 'transactional' ? transactionalFactor : 1;
  const unitsPerRequest = sizeUnits * factor;
  const capacityUnits = roundUp(requests * unitsPerRequest);
  const transactional = writeMode === 'transactional';
  const count = number(requests);
  const single = requests === 1;
  const rate = transactional
    ? single
      ? l10n.t`${count} transactional write/s`
      : l10n.t`${count} transactional writes/s`
    : single
      ? l10n.t`${count} write/s`
      : l10n.t`${count} writes/s`;
  const perRequest = transactional
    ? l10n.t`${number(sizeUnits)} WCU, doubled for a transactional write: ${number(unitsPerRequest)} WCU per write`
    : l10n.t`${number(unitsPerRequest)} WCU per write`;
  const summary = summaryOf(capacityUnits, 'WCU', rate, size);
  const explanation = explain(summary, sizePhrase(size, sizeUnits, writeUnitKB), perRequest);
  const arithmetic = { sizeUnits: number(sizeUnits), factor: number(factor), perRequest: number(unitsPerRequest) };
  const steps = [
    l10n.t`${sizePhrase(size, sizeUnits, writeUnitKB)} = ${unitCount(sizeUnits, 'write')}`,
    transactional
      ? l10n.t('transactional write: {sizeUnits} x {factor} = {perRequest} WCU per write', arithmetic)
      : l10n.t('standard write: {sizeUnits} x {factor} = {perRequest} WCU per write', arithmetic),
    totalStep(requests, 'writes', unitsPerRequest, capacityUnits),
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

/** `300 RCU for 100 strongly consistent reads/s of 10 KB items`; `rate` is the requests, in words (`100 strongly consistent reads/s`). */
function summaryOf(capacityUnits: number, unit: 'RCU' | 'WCU', rate: string, size: number | undefined): string {
  const values = { units: number(capacityUnits), unit, rate };
  return size === undefined ? l10n.t('{units} {unit} for {rate}', values) : l10n.t('{units} {unit} for {rate} of {size} KB items', { ...values, size: number(size) });
}

/** The summary with the per-request arithmetic. */
function explain(summary: string, size: string, perRequest: string): string {
  return l10n.t('{summary} ({size} = {perRequest})', { summary, size, perRequest });
}

function sizePhrase(size: number | undefined, units: number, unitKB: number): string {
  if (size === undefined) return l10n.t`item size not declared, counted as 1 x ${unitKB} KB`;
  const exact = Math.abs(size - units * unitKB) < 1e-9;
  return exact ? l10n.t`${number(size)} KB is ${number(units)} x ${unitKB} KB` : l10n.t`${number(size)} KB rounds up to ${number(units)} x ${unitKB} KB`;
}

function unitCount(units: number, kind: 'read' | 'write'): string {
  const count = number(units);
  if (kind === 'read') return units === 1 ? l10n.t`${count} read unit` : l10n.t`${count} read units`;
  return units === 1 ? l10n.t`${count} write unit` : l10n.t`${count} write units`;
}

/** `300 reads/s x 2 RCU = 600 RCU`, saying so when the product rounds up to a whole unit. */
function totalStep(requests: number, kind: 'reads' | 'writes', unitsPerRequest: number, capacityUnits: number): string {
  const product = requests * unitsPerRequest;
  const values = { requests: number(requests), perRequest: number(unitsPerRequest), product: number(product), total: number(capacityUnits) };
  if (Math.abs(product - capacityUnits) > 1e-9) {
    return kind === 'reads'
      ? l10n.t('{requests} reads/s x {perRequest} RCU = {product}, rounded up to {total} RCU', values)
      : l10n.t('{requests} writes/s x {perRequest} WCU = {product}, rounded up to {total} WCU', values);
  }
  return kind === 'reads' ? l10n.t('{requests} reads/s x {perRequest} RCU = {total} RCU', values) : l10n.t('{requests} writes/s x {perRequest} WCU = {total} WCU', values);
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
