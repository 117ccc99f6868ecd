// Shared reading of Aurora clusters for the aurora/ rules: engine versions, instance class sizes and
// which reader a failover promotes.
import { AURORA_ENGINE_NAMES, AURORA_IO_OPTIMIZED_MIN_VERSIONS } from '../../facts';
import type { AuroraCluster, ClusterInstance, Database } from '../../model/model';
import { majorVersion, parseInstanceClass } from './rds-engines';
import { compareVersions } from './versions';

/** The Aurora clusters of a model (DocumentDB and Neptune have their own rules). */
export function auroraClusters(databases: readonly Database[]): AuroraCluster[] {
  return databases.filter((database): database is AuroraCluster => database.service === 'aurora');
}

/** The name AWS uses for a cluster's engine: `Aurora MySQL` or `Aurora PostgreSQL`. */
export function engineName(cluster: AuroraCluster): string {
  return AURORA_ENGINE_NAMES[cluster.engine] ?? cluster.engine;
}

/** What a version gate says about a cluster: supported, unsupported on its whole major line, or too old within its line. */
export type IoOptimizedSupport = { supported: true } | { supported: false; line: string; minimum: string | undefined };

/**
 * Whether a cluster's engine version has I/O-Optimized storage, per major line. Undefined when the
 * version cannot be read (the rule then stays silent).
 */
export function ioOptimizedSupport(cluster: AuroraCluster): IoOptimizedSupport | undefined {
  if (!cluster.engineVersion) return undefined;
  // Aurora MySQL's long form `8.0.mysql_aurora.3.04.1` is compared as `3.04.1`; `5.7.x` is line 2.
  const line = majorVersion(cluster.engine, cluster.engineVersion);
  const version = /mysql_aurora\.(\d[\w.]*)$/.exec(cluster.engineVersion.trim())?.[1] ?? cluster.engineVersion.trim();
  const minimums = AURORA_IO_OPTIMIZED_MIN_VERSIONS.value[cluster.engine];
  if (line === undefined || !minimums) return undefined;
  const lines = Object.keys(minimums).map(Number).sort((a, b) => a - b);
  // PostgreSQL 9.6 is a major line too; its first number is enough to place it before the list.
  const major = Number(line.split('.')[0]);
  if (!Number.isFinite(major)) return undefined;
  if (major < lines[0]) return { supported: false, line, minimum: undefined };
  const minimum = minimums[line];
  // A line newer than every listed one is taken to support it; a gap inside the list would be unknown.
  if (minimum === undefined) return major > lines[lines.length - 1] ? { supported: true } : undefined;
  const order = compareVersions(version, minimum);
  if (order === undefined) return undefined;
  return order >= 0 ? { supported: true } : { supported: false, line, minimum };
}

/** A provisioned DB instance class read as type and size: `db.r7g.2xlarge` -> r7g, 2xlarge. */
export interface InstanceSize {
  /** Family, generation and options, e.g. `r7g`. */
  family: string;
  size: string;
  /** Relative capacity within a family: large = 1, xlarge = 2, 2xlarge = 4, ..., medium = 0.5. */
  units: number;
}

/** Sizes up to `large`, in units of a `large` (each step halves). */
const SMALL_SIZES: Record<string, number> = { nano: 1 / 16, micro: 1 / 8, small: 1 / 4, medium: 1 / 2, large: 1 };

/**
 * Reads a provisioned instance class for size comparisons. Undefined for `db.serverless` and for
 * shapes it cannot rank (such as `metal`), so the rules that compare sizes stay silent there. This is
 * a heuristic over the naming scheme, not an AWS list: within a family each size step doubles vCPUs
 * and memory.
 */
export function instanceSize(instanceClass: string | undefined): InstanceSize | undefined {
  const parts = instanceClass ? parseInstanceClass(instanceClass) : undefined;
  if (!parts || parts.variant) return undefined;
  const { type: family, size } = parts;
  if (size in SMALL_SIZES) return { family, size, units: SMALL_SIZES[size] };
  const multiple = /^(\d*)xlarge$/.exec(size);
  if (!multiple) return undefined;
  return { family, size, units: 2 * (multiple[1] ? Number(multiple[1]) : 1) };
}

/** The cluster's only writer, or undefined when it has none or several (aurora/single-writer reports those). */
export function soleWriter(cluster: AuroraCluster): ClusterInstance | undefined {
  const writers = cluster.instances.filter((instance) => instance.role === 'writer');
  return writers.length === 1 ? writers[0] : undefined;
}

/** The readers of a cluster. */
export function readers(cluster: AuroraCluster): ClusterInstance[] {
  return cluster.instances.filter((instance) => instance.role === 'reader');
}

/**
 * The reader a failover would promote: the lowest promotion tier, and among readers of that tier
 * the largest instance (AURORA_FAILOVER_ORDER). Undefined when there is no reader, or when
 * the tier's readers include one whose size cannot be read (db.serverless, an unknown class): then
 * the choice among them cannot be known.
 */
export function failoverTarget(cluster: AuroraCluster): { reader: ClusterInstance; size: InstanceSize; tied: number } | undefined {
  const all = readers(cluster);
  if (all.length === 0) return undefined;
  const tier = Math.min(...all.map((reader) => reader.promotionTier));
  const candidates = all.filter((reader) => reader.promotionTier === tier);
  const sized: { reader: ClusterInstance; size: InstanceSize }[] = [];
  for (const reader of candidates) {
    const size = instanceSize(reader.instanceClass);
    if (!size) return undefined;
    sized.push({ reader, size });
  }
  const best = sized.reduce((largest, candidate) => (candidate.size.units > largest.size.units ? candidate : largest));
  return { ...best, tied: candidates.length };
}
