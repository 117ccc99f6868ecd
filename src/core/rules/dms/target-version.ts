// dms/target-version: a same-engine migration into an older major version than the source runs.
import { FAMILY_NAMES, compareVersions, majorVersion, migrationSource, migrationTarget, parseVersion, type EngineFamily } from '../helpers/dms';
import * as l10n from '../../l10n';
import { defineRule } from '../rule';

// DMS wants a homogeneous migration's target on the same or a higher version (facts: DMS_HOMOGENEOUS_TARGET_VERSION).
// Engines whose version numbers compare across the two ends (MySQL and MariaDB number their releases differently).
const VERSIONED: readonly EngineFamily[] = ['mysql', 'mariadb', 'postgres', 'oracle', 'sqlserver'];

export default defineRule({
  meta: {
    id: 'dms/target-version',
    description: 'A homogeneous migration writes into an older major engine version than its source runs.',
    severity: 'error',
    fixable: false,
    anchors: [],
  },
  check({ model, report }) {
    for (const migration of model.migrations) {
      const source = migrationSource(migration);
      const target = migrationTarget(migration);
      if (!source?.family || !target?.family || source.family !== target.family || !VERSIONED.includes(source.family)) continue;
      const from = parseVersion(source.version, source.engine);
      const to = parseVersion(target.version, target.engine);
      if (!from || !to) continue;
      const family = source.family;
      const sourceMajor = majorVersion(from, family);
      const targetMajor = majorVersion(to, family);
      if (compareVersions(targetMajor, sourceMajor) >= 0) continue;
      const name = FAMILY_NAMES[family];
      report({
        pointer: target.pointer,
        part: 'value',
        message:
          l10n.t`${migration.name} copies ${source.label} into ${target.label}: ${name} ${targetMajor.join('.')} is an older major version than ${sourceMajor.join('.')}.` +
          ' ' +
          l10n.t`A same-engine migration needs a target on the same or a higher version: the newer version's data types, defaults and SQL may not exist in the older one.` +
          ' ' +
          l10n.t`Raise the target's \`engineVersion\` to ${name} ${sourceMajor.join('.')} or later.`,
        related: [
          ...(target.versionPointer ? [{ pointer: target.versionPointer, message: l10n.t`The target runs ${target.version ?? ''}`, part: 'value' as const }] : []),
          ...(source.versionPointer ? [{ pointer: source.versionPointer, message: l10n.t`The source runs ${source.version ?? ''}`, part: 'value' as const }] : []),
        ],
      });
    }
  },
});
