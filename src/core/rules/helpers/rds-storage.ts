// Shared pieces of the RDS storage, backup and window rules: every RDS DB instance of a file (the
// database's primary and each read replica) with the storage it really has, and the UTC windows
// parsed into minutes.
import { RDS_FAMILY_NAMES, RDS_GP3_PERFORMANCE, RDS_MAINTENANCE_WINDOW, rdsEngineFamily, type RdsEngineFamily } from '../../facts';
import type { Architecture, RdsDatabase, ReadReplica } from '../../model/model';
import type { RawBackup, RawRdsStorage } from '../../model/raw';
import * as l10n from '../../l10n';
import { formatNumber } from '../../text';

export { formatNumber };

/** One RDS DB instance: a database's primary or one of its read replicas (chained ones included). */
export interface RdsInstance {
  name: string;
  kind: 'database' | 'replica';
  database: RdsDatabase;
  family: RdsEngineFamily | undefined;
  /** The instance's own pointer (`/databases/orders`, `/databases/orders/readReplicas/0`). */
  pointer: string;
  /** What the file writes under this instance's `storage`. */
  ownStorage: RawRdsStorage;
  /** The storage it has: a replica's unwritten keys come from its source (schema: "defaults to the source's storage"). */
  storage: RawRdsStorage;
  backup: RawBackup | undefined;
  /** Direct read replicas of this instance. */
  readReplicas: ReadReplica[];
  /** Whether this instance is a Multi-AZ DB cluster (backups cannot be turned off there). */
  multiAzCluster: boolean;
}

/** Every RDS DB instance of the model, each database followed by its replicas depth first. */
export function rdsInstances(model: Architecture): RdsInstance[] {
  const instances: RdsInstance[] = [];
  for (const database of model.databases) {
    if (database.service !== 'rds') continue;
    const family = rdsEngineFamily(database.engine);
    const ownStorage = database.storage ?? {};
    instances.push({
      name: database.name,
      kind: 'database',
      database,
      family,
      pointer: database.pointer,
      ownStorage,
      storage: ownStorage,
      backup: database.backup,
      readReplicas: database.readReplicas,
      multiAzCluster: database.multiAz.enabled && database.multiAz.mode === 'cluster',
    });
    const visit = (replicas: ReadReplica[], sourceStorage: RawRdsStorage): void => {
      for (const replica of replicas) {
        const own = replica.storage ?? {};
        const storage = { ...sourceStorage, ...definedOnly(own) };
        instances.push({
          name: replica.name,
          kind: 'replica',
          database,
          family,
          pointer: replica.pointer,
          ownStorage: own,
          storage,
          backup: replica.backup,
          readReplicas: replica.readReplicas,
          multiAzCluster: replica.multiAz.enabled && replica.multiAz.mode === 'cluster',
        });
        visit(replica.readReplicas, storage);
      }
    };
    visit(database.readReplicas, ownStorage);
  }
  return instances;
}

function definedOnly(storage: RawRdsStorage): RawRdsStorage {
  return Object.fromEntries(Object.entries(storage).filter(([, value]) => value !== undefined)) as RawRdsStorage;
}

/** Whether the file writes this storage key for the instance itself (not inherited from a source). */
export function writes(instance: RdsInstance, key: keyof RawRdsStorage): boolean {
  return instance.ownStorage[key] !== undefined;
}

/** The pointer of one of the instance's storage keys. */
export function storagePointer(instance: RdsInstance, key: keyof RawRdsStorage): string {
  return `${instance.pointer}/storage/${key}`;
}


/** The gp3 baseline an instance gets at its size (the small one when the size is unknown). */
export function gp3Baseline(family: RdsEngineFamily | undefined, sizeGiB: number | undefined): { iops: number; throughputMiBps: number; note: string } {
  const gp3 = RDS_GP3_PERFORMANCE.value;
  const engine = family ? RDS_FAMILY_NAMES[family] : 'RDS';
  if (family && gp3.noThreshold.includes(family)) return { ...gp3.small, note: l10n.t`${engine} keeps this baseline at every size` };
  const threshold = (family && gp3.thresholdGiB[family]) || gp3.thresholdGiB.default;
  const size = formatNumber(threshold);
  if (sizeGiB === undefined) return { ...gp3.small, note: l10n.t`the baseline below ${size} GiB` };
  return sizeGiB < threshold
    ? { ...gp3.small, note: l10n.t`${engine}'s baseline below ${size} GiB` }
    : { ...gp3.large, note: l10n.t`${engine}'s baseline from ${size} GiB` };
}

// --- Windows ---------------------------------------------------------------------------------

const MINUTES_PER_DAY = 24 * 60;
const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

/** A time range on a cycle (a day or a week), in minutes from the cycle's start; it may wrap past the end. */
export interface CyclicWindow {
  start: number;
  /** Length in minutes (0 when start and end are the same moment). */
  minutes: number;
}

/** The daily backup window `hh24:mi-hh24:mi`, or undefined if malformed. A window may wrap past midnight (`23:45-00:15`). */
export function parseBackupWindow(text: string): CyclicWindow | undefined {
  const match = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(text);
  if (!match) return undefined;
  const start = timeOfDay(match[1], match[2]);
  const end = timeOfDay(match[3], match[4]);
  if (start === undefined || end === undefined) return undefined;
  return { start, minutes: mod(end - start, MINUTES_PER_DAY) };
}

/** The weekly maintenance window `ddd:hh24:mi-ddd:hh24:mi` (minutes from Monday 00:00), or undefined if malformed. It may wrap from Sunday to Monday. */
export function parseMaintenanceWindow(text: string): CyclicWindow | undefined {
  const match = /^([a-z]{3}):(\d{2}):(\d{2})-([a-z]{3}):(\d{2}):(\d{2})$/i.exec(text);
  if (!match) return undefined;
  const start = timeOfWeek(match[1], match[2], match[3]);
  const end = timeOfWeek(match[4], match[5], match[6]);
  if (start === undefined || end === undefined) return undefined;
  return { start, minutes: mod(end - start, MINUTES_PER_WEEK) };
}

function timeOfDay(hours: string, minutes: string): number | undefined {
  const h = Number(hours);
  const m = Number(minutes);
  return h <= 23 && m <= 59 ? h * 60 + m : undefined;
}

function timeOfWeek(day: string, hours: string, minutes: string): number | undefined {
  const index = (RDS_MAINTENANCE_WINDOW.value.days as readonly string[]).indexOf(day.toLowerCase());
  const time = timeOfDay(hours, minutes);
  return index < 0 || time === undefined ? undefined : index * MINUTES_PER_DAY + time;
}

function mod(value: number, cycle: number): number {
  return ((value % cycle) + cycle) % cycle;
}

/**
 * Where a daily backup window and a weekly maintenance window first overlap in the week (minutes
 * from Monday 00:00, and for how long), or undefined if they never do. Both are half-open ranges,
 * so a window that ends when the other starts does not overlap it.
 */
export function windowOverlap(backup: CyclicWindow, maintenance: CyclicWindow): CyclicWindow | undefined {
  for (let day = 0; day < 7; day++) {
    const daily = { start: day * MINUTES_PER_DAY + backup.start, minutes: backup.minutes };
    const overlap = intersect(daily, maintenance, MINUTES_PER_WEEK);
    if (overlap) return overlap;
  }
  return undefined;
}

function intersect(a: CyclicWindow, b: CyclicWindow, cycle: number): CyclicWindow | undefined {
  if (a.minutes === 0 || b.minutes === 0) return undefined;
  const bFromA = mod(b.start - a.start, cycle);
  if (bFromA < a.minutes) return { start: mod(b.start, cycle), minutes: Math.min(b.minutes, a.minutes - bFromA) };
  const aFromB = mod(a.start - b.start, cycle);
  if (aFromB < b.minutes) return { start: mod(a.start, cycle), minutes: Math.min(a.minutes, b.minutes - aFromB) };
  return undefined;
}

/** `Tuesday 18:15` for a minute of the week (Monday is day 0). */
export function describeTimeOfWeek(minuteOfWeek: number): string {
  const minute = mod(minuteOfWeek, MINUTES_PER_WEEK);
  const time = clock(minute % MINUTES_PER_DAY);
  switch (Math.floor(minute / MINUTES_PER_DAY)) {
    case 0:
      return l10n.t`Monday ${time}`;
    case 1:
      return l10n.t`Tuesday ${time}`;
    case 2:
      return l10n.t`Wednesday ${time}`;
    case 3:
      return l10n.t`Thursday ${time}`;
    case 4:
      return l10n.t`Friday ${time}`;
    case 5:
      return l10n.t`Saturday ${time}`;
    default:
      return l10n.t`Sunday ${time}`;
  }
}

/** `18:15` for a minute of the day. */
export function clock(minuteOfDay: number): string {
  const minute = mod(minuteOfDay, MINUTES_PER_DAY);
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}
