// dynamodb/global-table: global table settings DynamoDB rejects or that cannot work: an MREC table
// with its stream off (it replicates through the stream), an MRSC table that is not exactly three
// Regions of one Region set, a witness where none can be, and the legacy 2017.11.29 version.
import {
  AWS_REGIONS,
  DYNAMODB_GLOBAL_TABLE_STREAM_VIEW,
  DYNAMODB_GLOBAL_TABLE_VERSIONS,
  DYNAMODB_LEGACY_GLOBAL_TABLE_STREAM_VIEW,
  DYNAMODB_MREC_STREAM_REQUIRED,
  DYNAMODB_MRSC,
} from '../../facts';
import type { DynamodbTable } from '../../model/model';
import type { RawGlobalTable as GlobalTable } from '../../model/raw';
import { andList } from '../../text';
import * as l10n from '../../l10n';
import { defineRule, type RuleContext } from '../rule';

const knownRegions: ReadonlySet<string> = new Set(AWS_REGIONS.value);

/** A Region of the global table as written: its code and where it is written. */
interface PlacedRegion {
  region: string;
  pointer: string;
  role: 'table' | 'replica' | 'witness';
}

export default defineRule({
  meta: {
    id: 'dynamodb/global-table',
    description: 'A global table that cannot work as written: MREC without its stream, MRSC not in exactly 3 Regions of one Region set, or the legacy 2017.11.29 version.',
    severity: 'error',
    fixable: true,
    anchors: [],
  },
  check({ model, report }) {
    for (const table of model.databases) {
      if (table.service !== 'dynamodb' || !table.globalTable || !Array.isArray(table.globalTable.replicaRegions)) continue;
      const globalTable = table.globalTable;
      const pointer = `${table.pointer}/globalTable`;
      const replicas: PlacedRegion[] = [];
      globalTable.replicaRegions.forEach((entry, index) => {
        const entryPointer = `${pointer}/replicaRegions/${index}`;
        if (typeof entry === 'string') replicas.push({ region: entry, pointer: entryPointer, role: 'replica' });
        else if (entry && typeof entry.region === 'string') replicas.push({ region: entry.region, pointer: `${entryPointer}/region`, role: 'replica' });
      });
      const own: PlacedRegion | undefined = table.region ? { region: table.region, pointer: table.pointer, role: 'table' } : undefined;

      for (const replica of replicas) {
        if (replica.region !== table.region) continue;
        report({
          pointer: replica.pointer,
          part: 'value',
          message:
            l10n.t('{table} lists its own Region `{region}` as a replica Region: a global table has one replica per Region, and the table itself is the replica there.', {
              table: table.name,
              region: replica.region,
            }) +
            ' ' +
            l10n.t`List only the other Regions.`,
        });
      }
      const others = replicas.filter((replica) => replica.region !== table.region);

      if (globalTable.consistency === 'strong') checkStrong(table, globalTable, own, others, pointer, report);
      else checkEventual(table, globalTable, others, pointer, report);

      const version = DYNAMODB_GLOBAL_TABLE_VERSIONS.value;
      if (globalTable.version === version.legacy) {
        report({
          pointer: `${pointer}/version`,
          part: 'value',
          severity: 'warning',
          message:
            l10n.t`${table.name} uses global tables version ${version.legacy} (legacy): it is available in fewer Regions, uses more replicated write capacity and has its own control-plane API.` +
            ' ' +
            l10n.t`AWS recommends version ${version.current} for every global table; upgrading an existing one is a one-way operation in the console.`,
          fix: { kind: 'replace', title: l10n.t`Use global tables version ${version.current}`, pointer: `${pointer}/version`, value: version.current },
        });
      }
    }
  },
});

/** MREC: with more than one replica the table replicates through DynamoDB Streams, so the stream must stay on. */
function checkEventual(table: DynamodbTable, globalTable: GlobalTable, others: PlacedRegion[], pointer: string, report: RuleContext['report']): void {
  if (typeof globalTable.witnessRegion === 'string') {
    report({
      pointer: `${pointer}/witnessRegion`,
      part: 'value',
      message:
        l10n.t('{table} is an MREC (eventually consistent) global table, which has no witness: a `witnessRegion` only completes the 3-Region quorum of an MRSC table (`consistency: strong`).', {
          table: table.name,
        }) +
        ' ' +
        l10n.t`Remove it, or make the table MRSC.`,
    });
  }
  if (others.length + 1 < DYNAMODB_MREC_STREAM_REQUIRED.value.fromReplicas) return;
  const streams = table.streams;
  if (streams && streams.enabled === false) {
    const consumers = (streams.consumers ?? []).filter((consumer): consumer is string => typeof consumer === 'string');
    report({
      pointer: `${table.pointer}/streams/enabled`,
      part: 'value',
      message:
        l10n.t`${table.name} is an MREC global table with replicas in ${andList(others.map((other) => other.region))}, but its stream is off: MREC replicates every change through the table's DynamoDB stream, so DynamoDB turns the stream on for it and refuses to turn it off while the table has replicas.` +
        ' ' +
        (consumers.length === 0
          ? l10n.t`Turn the stream on.`
          : consumers.length === 1
            ? l10n.t`Turn the stream on (it also feeds ${andList(consumers)}, declared as a consumer).`
            : l10n.t`Turn the stream on (it also feeds ${andList(consumers)}, declared as consumers).`),
      related: [{ pointer: `${pointer}/replicaRegions`, message: l10n.t`The replica Regions that need the stream` }],
      fix: { kind: 'replace', title: l10n.t('Turn the stream on (`enabled: true`)'), pointer: `${table.pointer}/streams/enabled`, value: true },
    });
    return;
  }
  const viewType = streams?.viewType;
  if (!streams || typeof viewType !== 'string') return;
  const legacy = globalTable.version === DYNAMODB_GLOBAL_TABLE_VERSIONS.value.legacy;
  const wanted = legacy ? DYNAMODB_LEGACY_GLOBAL_TABLE_STREAM_VIEW : DYNAMODB_GLOBAL_TABLE_STREAM_VIEW;
  if (viewType === wanted.value) return;
  report({
    pointer: `${table.pointer}/streams/viewType`,
    part: 'value',
    // AWS documents NEW_AND_OLD_IMAGES as a requirement only for the legacy version; for the current
    // version it is what DynamoDB turns on, so a different view type is a warning, not an error.
    severity: legacy && !wanted.unconfirmed ? 'error' : 'warning',
    message: legacy
      ? l10n.t('{table} is a version {version} global table with the stream view type `{viewType}`: that version replicates through the stream and needs each record to hold both the new and the old item (`{wanted}`).', {
          table: table.name,
          version: DYNAMODB_GLOBAL_TABLE_VERSIONS.value.legacy,
          viewType,
          wanted: wanted.value,
        }) +
        ' ' +
        l10n.t('Set `viewType: {wanted}`.', { wanted: wanted.value })
      : l10n.t(
          "{table} is an MREC global table with the stream view type `{viewType}`: MREC replicates through the table's stream, and DynamoDB turns it on as `{wanted}` for global tables, so the stream your consumers read may not be the one declared here.",
          { table: table.name, viewType, wanted: wanted.value },
        ) +
        ' ' +
        l10n.t('Declare `viewType: {wanted}` (it holds everything the other view types do).', { wanted: wanted.value }),
    fix: { kind: 'replace', title: l10n.t`Use the stream view type ${wanted.value}`, pointer: `${table.pointer}/streams/viewType`, value: wanted.value },
  });
}

/** MRSC: exactly 3 Regions (3 replicas, or 2 replicas and a witness), all in one Region set. */
function checkStrong(
  table: DynamodbTable,
  globalTable: GlobalTable,
  own: PlacedRegion | undefined,
  others: PlacedRegion[],
  pointer: string,
  report: RuleContext['report'],
): void {
  const { regions: needed, regionSets } = DYNAMODB_MRSC.value;
  const witness: PlacedRegion | undefined = typeof globalTable.witnessRegion === 'string' ? { region: globalTable.witnessRegion, pointer: `${pointer}/witnessRegion`, role: 'witness' } : undefined;
  const setList = Object.entries(regionSets).map(([name, codes]) => `${name} (${codes.join(', ')})`).join('; ');

  if (witness && (witness.region === table.region || others.some((other) => other.region === witness.region))) {
    report({
      pointer: witness.pointer,
      part: 'value',
      message: l10n.t("{table} uses `{region}` as its witness Region, but it already holds a replica: the witness must be a third Region, different from every replica's.", {
        table: table.name,
        region: witness.region,
      }),
    });
    return;
  }
  const all = [own ?? { region: undefined, pointer: table.pointer, role: 'table' as const }, ...others, ...(witness ? [witness] : [])];
  if (all.length !== needed) {
    const replicaCount = others.length + 1;
    const shape = witness ? l10n.t`${replicaCount} replicas and a witness` : replicaCount === 1 ? l10n.t`${replicaCount} replica` : l10n.t`${replicaCount} replicas`;
    const values = { table: table.name, regions: all.length, shape, needed };
    report({
      pointer: `${pointer}/replicaRegions`,
      part: 'key',
      message:
        all.length === 1
          ? l10n.t(
              "{table} is an MRSC (strongly consistent) global table over {regions} Region ({shape}); MRSC needs exactly {needed}: the table's Region plus 2 replica Regions, or plus 1 replica Region and a `witnessRegion`.",
              values,
            )
          : l10n.t(
              "{table} is an MRSC (strongly consistent) global table over {regions} Regions ({shape}); MRSC needs exactly {needed}: the table's Region plus 2 replica Regions, or plus 1 replica Region and a `witnessRegion`.",
              values,
            ),
    });
    return;
  }
  // A Region AWS does not have (a typo) is arch/unknown-region's finding: it belongs to no Region set,
  // and saying so again would report one typo twice.
  const placed = all.filter((entry): entry is PlacedRegion => typeof entry.region === 'string' && knownRegions.has(entry.region));
  if (placed.length === 0) return;
  const setOf = (region: string): string | undefined => Object.keys(regionSets).find((name) => regionSets[name].includes(region));
  const anchor = placed.find((entry) => setOf(entry.region) !== undefined);
  const anchorSet = anchor ? setOf(anchor.region) : undefined;
  if (!anchor || !anchorSet) {
    report({
      pointer: `${pointer}/consistency`,
      part: 'value',
      message:
        l10n.t`${table.name} is an MRSC global table in ${andList(placed.map((entry) => entry.region))}, none of which is in an MRSC Region set.` +
        ' ' +
        l10n.t`MRSC is available only within one of these sets: ${setList}.`,
    });
    return;
  }
  for (const entry of placed) {
    if (setOf(entry.region) === anchorSet) continue;
    const region = { region: entry.region };
    const where =
      entry.role === 'table'
        ? l10n.t("the table's Region `{region}`", region)
        : entry.role === 'witness'
          ? l10n.t('the witness Region `{region}`', region)
          : l10n.t('the replica Region `{region}`', region);
    report({
      pointer: entry.role === 'table' ? `${pointer}/consistency` : entry.pointer,
      part: 'value',
      message:
        l10n.t('{table} is an MRSC global table, so all of its Regions must be in one Region set, but {where} is not in the {set} set of `{anchor}`.', {
          table: table.name,
          where,
          set: anchorSet,
          anchor: anchor.region,
        }) +
        ' ' +
        l10n.t`The Region sets: ${setList}.`,
    });
  }
}
