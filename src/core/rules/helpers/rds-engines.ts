// Engine versions and instance classes as the RDS and Aurora rules need them: major versions as
// support dates name them, the parts of an instance class name, and every place a file writes one.
import type { SupportedLifecycleEngine } from '../../facts';
import type { Architecture } from '../../model/model';
import * as l10n from '../../l10n';
import { versionNumbers } from './versions';

/**
 * The major version of an engine version, as support dates name it: MySQL `8.0.35` -> `8.0`;
 * PostgreSQL `16.4` -> `16` but `9.6.24` -> `9.6`; Aurora MySQL `3.08.0` -> `3`,
 * `5.7.mysql_aurora.2.11.2` -> `2`, `5.6.10a` -> `1`.
 */
export function majorVersion(engine: SupportedLifecycleEngine, version: string): string | undefined {
  if (engine === 'aurora-mysql') {
    const embedded = /mysql_aurora\.(\d+)/.exec(version);
    if (embedded) return embedded[1];
    const numbers = versionNumbers(version);
    if (!numbers) return undefined;
    // Aurora MySQL 1 and 2 were also written as their MySQL version: 5.6.x is 1, 5.7.x is 2.
    if (numbers[0] === 5) return numbers[1] === 6 ? '1' : numbers[1] === 7 ? '2' : undefined;
    return String(numbers[0]);
  }
  const numbers = versionNumbers(version);
  if (!numbers) return undefined;
  if (engine === 'mysql') return numbers.slice(0, 2).join('.');
  return numbers[0] >= 10 ? String(numbers[0]) : numbers.slice(0, 2).join('.');
}

/** The parts of a DB instance class `db.<family><generation><options>.<size>`, e.g. db.x2iedn.xlarge. */
export interface InstanceClassParts {
  /** `m`, `r`, `t`, `x`, `z`, `c`, `cr`. */
  family: string;
  generation: number;
  /** Processor and feature letters after the generation: `g` (Graviton), `i` (Intel), `d` (local NVMe), `n` (network), `b`, `e`, `z`. */
  options: string;
  /** Family, generation and options: the class type, e.g. `m6gd`. */
  type: string;
  /** `large`, `2xlarge`, `metal-24xl`, ... */
  size: string;
  /** RDS for Oracle preconfigured variants: `.tpc2.mem4x`. */
  variant?: string;
}

const INSTANCE_CLASS = /^db\.([a-z]+?)(\d+)([a-z]*)\.(micro|small|medium|large|xlarge|\d+xlarge|metal(?:-\d+xl)?)(\.tpc\d+\.mem\d+x)?$/;

/** The parts of a DB instance class, or undefined when the name does not have that shape (db.serverless has none). */
export function parseInstanceClass(instanceClass: string): InstanceClassParts | undefined {
  const match = INSTANCE_CLASS.exec(instanceClass);
  if (!match) return undefined;
  const [, family, generation, options, size, variant] = match;
  return { family, generation: Number(generation), options, type: `${family}${generation}${options}`, size, ...(variant ? { variant: variant.slice(1) } : {}) };
}

/** Where a file writes an instance class: an RDS database, one of its read replicas, or an Aurora instance. */
export interface InstanceClassSite {
  /** The database, replica or instance name. */
  owner: string;
  kind: 'database' | 'replica' | 'instance';
  service: 'rds' | 'aurora';
  /** The database the owner belongs to. */
  database: string;
  instanceClass: string;
  /** Pointer to the `instanceClass` value. */
  pointer: string;
}

/**
 * Every instance class written for an RDS database, an RDS read replica or an Aurora instance. A
 * replica without its own class uses its source's, which is reported at the source, so it is left out.
 * DocumentDB and Neptune instances have their own class lists and are not included.
 */
export function instanceClassSites(model: Architecture): InstanceClassSite[] {
  const sites: InstanceClassSite[] = [];
  for (const database of model.databases) {
    if (database.service === 'rds') {
      if (typeof database.instanceClass === 'string') {
        sites.push({ owner: database.name, kind: 'database', service: 'rds', database: database.name, instanceClass: database.instanceClass, pointer: `${database.pointer}/instanceClass` });
      }
      for (const replica of database.allReplicas) {
        if (typeof replica.instanceClass !== 'string') continue;
        sites.push({ owner: replica.name, kind: 'replica', service: 'rds', database: database.name, instanceClass: replica.instanceClass, pointer: `${replica.pointer}/instanceClass` });
      }
    } else if (database.service === 'aurora') {
      for (const instance of database.instances) {
        if (typeof instance.instanceClass !== 'string') continue;
        sites.push({ owner: instance.name, kind: 'instance', service: 'aurora', database: database.name, instanceClass: instance.instanceClass, pointer: `${instance.pointer}/instanceClass` });
      }
    }
  }
  return sites;
}

/**
 * How a message names the owner of an instance class at the start of a sentence: `orders`,
 * `The read replica orders-replica-1`, `The Aurora instance catalog-2`.
 */
export function describeSite(site: InstanceClassSite): string {
  if (site.kind === 'replica') return l10n.t`The read replica ${site.owner}`;
  if (site.kind === 'instance') return l10n.t`The Aurora instance ${site.owner}`;
  return site.owner;
}
