// dms/unsupported-endpoint: a migration source or target that AWS DMS cannot read from or write to.
import { DMS_SOURCE_FAMILIES, DMS_SOURCE_VERSIONS, DMS_TARGETS, type DmsSourceFamily } from '../../facts';
import * as l10n from '../../l10n';
import type { Migration } from '../../model/model';
import { FAMILY_NAMES, compareVersions, migrationSource, migrationTarget, parseVersion, type EngineFamily, type MigrationEnd } from '../helpers/dms';
import { defineRule, type Report } from '../rule';

function isSource(family: EngineFamily | undefined): family is DmsSourceFamily {
  return family !== undefined && (DMS_SOURCE_FAMILIES.value as readonly string[]).includes(family);
}

/** A list in words: `a, b and c`. */
function inWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  const head = items.slice(0, -1).join(', ');
  const last = items[items.length - 1];
  return l10n.t`${head} and ${last}`;
}

/** A target's name as DMS_TARGETS lists it, with its one descriptive phrase translated. */
function targetName(name: string): string {
  return name === 'the RDS engines' ? l10n.t('the RDS engines') : name;
}

/** A supported version range as DMS_SOURCE_VERSIONS labels it (`10.2 to 19c`): its two ends. */
function rangeEnds(label: string): [string, string] {
  const [low, high = ''] = label.split(' to ');
  return [low, high];
}

/** Whether DMS writes to the target; undefined where the facts do not say (Valkey). */
function isTarget(end: MigrationEnd): boolean | undefined {
  const database = end.database;
  if (!database) return undefined;
  if (DMS_TARGETS.value.services.includes(database.service)) return true;
  if (database.service === 'elasticache') {
    if (DMS_TARGETS.value.elasticacheEngines.includes(database.engine)) return true;
    // DMS documents Redis OSS targets; Valkey is not listed either way, so dbarch does not judge it.
    return database.engine === 'valkey' ? undefined : false;
  }
  return false;
}

/** Why DMS cannot read from a migration's source, placed where the file says it; undefined when it can (or dbarch cannot tell). */
function sourceProblem(migration: Migration, source: MigrationEnd): Report | undefined {
  const family = source.family;
  if (!isSource(family)) {
    const what = source.kind === 'external' ? `\`${source.engine}\`` : source.label;
    const sources = inWords(DMS_SOURCE_FAMILIES.value.map((item) => FAMILY_NAMES[item]));
    return {
      pointer: source.pointer,
      part: 'value',
      message:
        l10n.t`${migration.name} reads from ${what}, which AWS DMS cannot use as a source.` +
        ' ' +
        l10n.t`DMS reads ${sources} (Aurora counts as MySQL or PostgreSQL).` +
        ' ' +
        (source.kind === 'external' ? l10n.t('Check the engine name, or move this data another way.') : l10n.t("Move this data another way, such as the service's own export.")),
      related: source.kind === 'database' ? [{ pointer: source.enginePointer, message: l10n.t`${source.database?.name ?? ''} is defined here`, part: 'value' }] : undefined,
    };
  }
  const range = DMS_SOURCE_VERSIONS.value[family];
  const version = parseVersion(source.version, source.engine);
  if (!range || !version) return undefined;
  const below = compareVersions(version, parseVersion(range.min, family) ?? []) < 0;
  const above = compareVersions(version, parseVersion(range.max, family) ?? []) > 0;
  if (!below && !above) return undefined;
  const name = FAMILY_NAMES[family];
  const [low, high] = rangeEnds(range.label);
  const message = below
    ? l10n.t`${migration.name} reads from ${source.label}, older than AWS DMS supports as a source (${name} ${low} to ${high}).` +
      ' ' +
      l10n.t`Upgrade the source to ${name} ${range.min} or later before migrating.`
    : l10n.t`${migration.name} reads from ${source.label}, newer than AWS DMS supports as a source (${name} ${low} to ${high}).` +
      ' ' +
      l10n.t('Migrate from a supported version, or check the DMS release notes for newer support.');
  if (source.kind === 'external') return { pointer: source.versionPointer ?? source.pointer, part: 'value', message };
  return {
    pointer: source.pointer,
    part: 'value',
    message,
    related: source.versionPointer ? [{ pointer: source.versionPointer, message: l10n.t`${source.database?.name ?? ''} runs ${source.version ?? ''}`, part: 'value' }] : undefined,
  };
}

export default defineRule({
  meta: {
    id: 'dms/unsupported-endpoint',
    description: 'A migration reads from or writes to an engine or version that AWS DMS does not support.',
    severity: 'error',
    fixable: false,
    anchors: [],
  },
  check({ model, report }) {
    for (const migration of model.migrations) {
      const source = migrationSource(migration);
      const problem = source && sourceProblem(migration, source);
      if (problem) report(problem);
      const target = migrationTarget(migration);
      if (target && isTarget(target) === false) {
        report({
          pointer: target.pointer,
          part: 'value',
          message:
            l10n.t`${migration.name} writes to ${target.label}, which AWS DMS cannot use as a target.` +
            ' ' +
            l10n.t`DMS writes to ${inWords(DMS_TARGETS.value.names.map(targetName))}.` +
            ' ' +
            l10n.t("Choose one of them, or load the data with the service's own tools."),
          related: [{ pointer: target.enginePointer, message: l10n.t`${target.database?.name ?? ''} is defined here`, part: 'value' }],
        });
      }
    }
  },
});
