// Engine-aware value suggestions from the facts module: DB instance classes for the database's
// service, engine versions the facts know something about (support dates, first versions of a
// feature), Redshift node types, Region codes and the Availability Zones of the owner's Region.
import {
  AURORA_IO_OPTIMIZED_MIN_VERSIONS,
  AURORA_SERVERLESS_CLASS,
  AWS_REGIONS,
  DB_BURSTABLE_FAMILY,
  DB_INSTANCE_CLASS_TYPES,
  RDS_CROSS_REGION_REPLICAS,
  RDS_EXTENDED_SUPPORT_YEARS,
  RDS_MULTI_AZ_CLUSTER_ENGINES,
  RDS_REPLICA_CHAINS,
  REDSHIFT_CURRENT_NODE_TYPES,
  REDSHIFT_DC2_DEPRECATION,
  STANDARD_SUPPORT_ENDS,
  SUPPORT_DATES_AS_OF,
  rdsEngineFamily,
  regionOfAz,
} from '../../core/facts';
import * as l10n from '../../core/l10n';
import { compareVersions } from '../../core/rules/helpers/versions';
import type { PathSegment } from '../../core/document/source';
import type { Analysis } from './analysis';
import { stringAt, valueAt } from './analysis';
import type { Suggestion } from './types';
import { lastKey, valueSuggestion, type ValueSite } from './value-text';

/** The fact-based completions at a value place, or none when the facts have nothing for its key. */
export function factSuggestions(site: ValueSite, analysis: Analysis): Suggestion[] {
  const path = site.place.path;
  const { key, inList } = lastKey(path);
  const database = path[0] === 'databases' && typeof path[1] === 'string' ? path[1] : undefined;
  const service = database ? stringAt(analysis.data, ['databases', database, 'service']) : undefined;
  const engine = database ? stringAt(analysis.data, ['databases', database, 'engine']) : undefined;
  switch (key) {
    case 'instanceClass':
      return service === 'rds' || service === 'aurora' ? instanceClassSuggestions(site, service, environmentOf(analysis)) : [];
    case 'engineVersion':
      return engine ? engineVersionSuggestions(site, engine) : [];
    case 'nodeType':
      return service === 'redshift' ? redshiftNodeTypeSuggestions(site) : [];
    case 'region':
    case 'witnessRegion':
      return regionSuggestions(site, analysis.data, path);
    case 'secondaryRegions':
    case 'replicaRegions':
      return inList ? regionSuggestions(site, analysis.data, path) : [];
    case 'az':
    case 'standbyAz':
      return azSuggestions(site, analysis.data, path);
    case 'azs':
      return inList ? azSuggestions(site, analysis.data, path) : [];
    default:
      return [];
  }
}

function environmentOf(analysis: Analysis): string {
  return analysis.model?.environment ?? stringAt(analysis.data, ['environment']) ?? 'production';
}

// ---------------------------------------------------------------------------
// Instance classes
// ---------------------------------------------------------------------------

/** Sizes of DB instance classes, smallest first; burstable classes also come in micro, small and medium. */
const CLASS_SIZES = ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge'];
const BURSTABLE_SIZES = ['micro', 'small', 'medium', 'large', 'xlarge', '2xlarge'];

/** What an instance class family letter stands for (`r`: memory optimized). */
function familyName(family: string): string | undefined {
  switch (family) {
    case 'm':
      return l10n.t('general purpose');
    case 'r':
    case 'x':
      return l10n.t('memory optimized');
    case 'z':
      return l10n.t('memory optimized, high frequency');
    case 'c':
      return l10n.t('compute optimized');
    case 't':
      return l10n.t('burstable');
    default:
      return undefined;
  }
}

/** What an instance class option letter stands for (`g`: Graviton). */
function optionName(option: string): string | undefined {
  switch (option) {
    case 'g':
      return 'Graviton';
    case 'i':
      return 'Intel';
    case 'd':
      return l10n.t('local NVMe SSD');
    case 'n':
      return l10n.t('network optimized');
    case 'b':
      return l10n.t('block storage optimized');
    case 'e':
      return l10n.t('extra memory');
    case 'z':
      return l10n.t('high frequency');
    default:
      return undefined;
  }
}

/**
 * Two steps, since the facts list class types, not which sizes each type comes in: first the types
 * (`db.r7g.`, and `db.serverless` on Aurora), then, once a type is written, its sizes.
 */
function instanceClassSuggestions(site: ValueSite, service: 'rds' | 'aurora', environment: string): Suggestion[] {
  const written = site.text.slice(site.place.span.start, site.place.span.end);
  const typed = /^db\.([a-z0-9]+)\./.exec(written);
  const types = DB_INSTANCE_CLASS_TYPES.value;
  if (typed && types.includes(typed[1])) {
    const type = typed[1];
    const burstable = type.startsWith(DB_BURSTABLE_FAMILY.value);
    const sizes = burstable ? BURSTABLE_SIZES : CLASS_SIZES;
    return sizes.map((size, rank) =>
      valueSuggestion(site, `db.${type}.${size}`, {
        kind: 'Constant',
        detail: describeClassType(type),
        documentation: l10n.t('Which sizes a class type comes in differs by type, engine and Region: check the RDS instance class tables before you rely on one.'),
        rank,
      }),
    );
  }
  const production = environment === 'production';
  const suggestions = types.map((type, index) => {
    const burstable = type.startsWith(DB_BURSTABLE_FAMILY.value);
    return valueSuggestion(site, `db.${type}.`, {
      kind: 'Folder',
      detail: burstable && production ? l10n.t`${describeClassType(type)} (flagged in production)` : describeClassType(type),
      documentation: burstable ? l10n.t('Burstable classes are meant for development and test: rule `rds/burstable-in-production` flags them in production.') : undefined,
      // Burstable classes last in production, where they are flagged.
      rank: 10 + index + (burstable && production ? 100 : 0),
      retrigger: true,
    });
  });
  if (service === 'aurora') {
    suggestions.unshift(valueSuggestion(site, AURORA_SERVERLESS_CLASS.value, { kind: 'Constant', detail: 'Aurora Serverless v2', documentation: l10n.t("Capacity in ACUs, set by the cluster's `serverless: { minAcu, maxAcu }`."), rank: 0 }));
  }
  return suggestions;
}

/** `r7g` -> `memory optimized, Graviton`. */
function describeClassType(type: string): string {
  const match = /^([a-z]+?)(\d+)([a-z]*)$/.exec(type);
  if (!match) return type;
  const [, family, , options] = match;
  const parts = [familyName(family) ?? family, ...[...options].map((option) => optionName(option)).filter((name): name is string => Boolean(name))];
  return parts.join(', ');
}

// ---------------------------------------------------------------------------
// Engine versions
// ---------------------------------------------------------------------------

/** A version the facts say something about. */
interface VersionNote {
  version: string;
  notes: string[];
  /** The day standard support ended, when it has. */
  ended?: string;
}

/**
 * The engine versions the facts mention for an engine: majors whose standard support has ended (as
 * of the day the dates were checked, as the rules count) and the first versions of features. The
 * facts are no release list, so newer versions the facts do not mention are not offered.
 */
export function engineVersionNotes(engine: string): VersionNote[] {
  const notes = new Map<string, VersionNote>();
  const note = (version: string, text: string, ended?: string): void => {
    const entry = notes.get(version) ?? { version, notes: [] };
    entry.notes.push(text);
    if (ended) entry.ended = ended;
    notes.set(version, entry);
  };
  for (const { value } of STANDARD_SUPPORT_ENDS) {
    if (value.engine !== engine) continue;
    const ended = value.endedOn <= SUPPORT_DATES_AS_OF;
    note(
      value.major,
      ended ? l10n.t`standard support ended ${value.endedOn}: paid RDS Extended Support for up to ${RDS_EXTENDED_SUPPORT_YEARS.value} more years` : l10n.t`standard support ends ${value.endedOn}`,
      ended ? value.endedOn : undefined,
    );
  }
  if (engine === 'aurora-mysql' || engine === 'aurora-postgresql') {
    for (const [major, first] of Object.entries(AURORA_IO_OPTIMIZED_MIN_VERSIONS.value[engine])) note(first, l10n.t`first ${major}.x version with Aurora I/O-Optimized storage`);
  }
  const family = rdsEngineFamily(engine);
  if (family) {
    const multiAzCluster = RDS_MULTI_AZ_CLUSTER_ENGINES.value[family]?.minVersion;
    if (multiAzCluster) note(multiAzCluster, l10n.t('first version with Multi-AZ DB clusters (`multiAz: { mode: cluster }`)'));
    const chain = RDS_REPLICA_CHAINS[family]?.value.minVersion;
    if (chain) note(chain, l10n.t('first version with cascading read replicas (a replica of a replica)'));
    if (family === 'db2') for (const range of RDS_CROSS_REGION_REPLICAS.value.db2Versions) note(range.from, l10n.t('first version of its line with cross-Region read replicas'));
  }
  // Supported versions first, newest first; then the versions past standard support.
  return [...notes.values()].sort((a, b) => Number(Boolean(a.ended)) - Number(Boolean(b.ended)) || (compareVersions(b.version, a.version) ?? 0));
}

function engineVersionSuggestions(site: ValueSite, engine: string): Suggestion[] {
  return engineVersionNotes(engine).map((entry, rank) =>
    valueSuggestion(site, entry.version, {
      kind: 'Constant',
      detail: entry.notes[0],
      documentation: entry.notes.map((text) => `- ${text}`).join('\n') + `\n\n(${l10n.t`Support dates as of ${SUPPORT_DATES_AS_OF}.`})`,
      deprecated: entry.ended !== undefined,
      alwaysQuote: true,
      rank,
    }),
  );
}

// ---------------------------------------------------------------------------
// Redshift node types
// ---------------------------------------------------------------------------

function redshiftNodeTypeSuggestions(site: ValueSite): Suggestion[] {
  const dc2 = REDSHIFT_DC2_DEPRECATION.value;
  return REDSHIFT_CURRENT_NODE_TYPES.value.map((nodeType, rank) => {
    const deprecated = nodeType.startsWith('dc2.');
    return valueSuggestion(site, nodeType, {
      kind: 'Constant',
      detail: deprecated ? l10n.t`DC2: deprecation announced ${dc2.announced}` : l10n.t('RA3: managed storage'),
      documentation: deprecated ? l10n.t`AWS asks DC2 users to move to ${alternatives(dc2.migrateTo)}.` : undefined,
      deprecated,
      rank: rank + (deprecated ? 100 : 0),
    });
  });
}

/** `RA3 or Redshift Serverless`: names, as they are written (no code spans). */
function alternatives(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return l10n.t`${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

// ---------------------------------------------------------------------------
// Regions and Availability Zones
// ---------------------------------------------------------------------------

function regionSuggestions(site: ValueSite, data: unknown, path: readonly PathSegment[]): Suggestion[] {
  const excluded = new Set<string>();
  const list = regionListOf(path);
  if (list) {
    // A Global Database or global table spans other Regions than its own, each once.
    const own = regionOf(data, list.path.slice(0, -2));
    if (own) excluded.add(own);
    const items = valueAt(data, list.path);
    if (Array.isArray(items)) {
      items.forEach((item, index) => {
        const region = typeof item === 'string' ? item : stringAt(item, ['region']);
        if (region && index !== list.index) excluded.add(region);
      });
    }
  }
  const fileRegion = stringAt(data, ['region']);
  return AWS_REGIONS.value
    .filter((region) => !excluded.has(region))
    .map((region, index) => valueSuggestion(site, region, { kind: 'Constant', detail: region === fileRegion ? l10n.t("the file's Region") : undefined, rank: region === fileRegion ? 0 : index + 1 }));
}

/** The list of other Regions a path writes into (`secondaryRegions: [x]` or `- { region: x }`), with the item's index. */
function regionListOf(path: readonly PathSegment[]): { path: PathSegment[]; index: number } | undefined {
  const isRegionList = (segment: PathSegment | undefined): boolean => segment === 'secondaryRegions' || segment === 'replicaRegions';
  const last = path[path.length - 1];
  if (typeof last === 'number' && isRegionList(path[path.length - 2])) return { path: path.slice(0, -1), index: last };
  const item = path[path.length - 2];
  if (last === 'region' && typeof item === 'number' && isRegionList(path[path.length - 3])) return { path: path.slice(0, -2), index: item };
  return undefined;
}

/**
 * The Availability Zones of the owner's Region: the letters a to c, and every AZ of that Region the
 * file already uses (the facts do not list AZs, and which letters an account has varies).
 */
function azSuggestions(site: ValueSite, data: unknown, path: readonly PathSegment[]): Suggestion[] {
  const region = regionOf(data, path.slice(0, -1));
  if (!region) return [];
  const used = new Set<string>();
  collectStrings(data, (value, key) => {
    if ((key === 'az' || key === 'standbyAz' || key === 'azs') && regionOfAz(value) === region) used.add(value);
  });
  const azs = [...new Set([...['a', 'b', 'c'].map((letter) => `${region}${letter}`), ...used])].sort();
  return azs.map((az, rank) =>
    valueSuggestion(site, az, {
      kind: 'Constant',
      detail: used.has(az) ? l10n.t`used in this file (${region})` : region,
      documentation: l10n.t('AZ letters map to different physical zones in each AWS account; check the AZs of yours (`aws ec2 describe-availability-zones`).'),
      rank,
    }),
  );
}

/** The Region in force at a path: the nearest `region` on the way up, else the file's. */
function regionOf(data: unknown, path: readonly PathSegment[]): string | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const region = stringAt(data, [...path.slice(0, depth), 'region']);
    if (region) return region;
  }
  return undefined;
}

/** Calls back with every string in the data and the key it sits under (list items: the list's key). */
function collectStrings(data: unknown, visit: (value: string, key: string | undefined) => void, key?: string, depth = 0): void {
  if (depth > 20) return;
  if (typeof data === 'string') visit(data, key);
  else if (Array.isArray(data)) for (const item of data) collectStrings(item, visit, key, depth + 1);
  else if (typeof data === 'object' && data !== null) for (const [name, value] of Object.entries(data)) collectStrings(value, visit, name, depth + 1);
}
