// security/deletion-protection: a production database that one delete call can remove.
import { DELETION_PROTECTION_DEFAULT } from '../../facts';
import type { Database } from '../../model/model';
import { engineName } from '../helpers/security';
import * as l10n from '../../l10n';
import { defineRule, inProduction } from '../rule';

/**
 * The written `deletionProtection` of a database whose service has the switch (`null` when it has none).
 * Replicas and cluster instances have no switch of their own: the database's covers them.
 */
function deletionProtection(database: Database): boolean | undefined | null {
  switch (database.service) {
    case 'rds':
    case 'aurora':
    case 'dynamodb':
    case 'documentdb':
    case 'neptune':
      return database.deletionProtection;
    default:
      return null;
  }
}

export default defineRule({
  meta: {
    id: 'security/deletion-protection',
    description: 'A database in production has no deletion protection.',
    severity: inProduction('warning'),
    fixable: true,
    anchors: ['checkov CKV_AWS_293', 'checkov CKV_AWS_139', 'Security Hub RDS.7', 'Security Hub RDS.8', 'Security Hub DynamoDB.6'],
  },
  check({ model, report }) {
    for (const database of model.databases) {
      const written = deletionProtection(database);
      if (written === null || (written ?? DELETION_PROTECTION_DEFAULT.value)) continue;
      const pointer = `${database.pointer}/deletionProtection`;
      const what =
        database.service === 'dynamodb'
          ? l10n.t('the table and all its items')
          : database.service !== 'rds'
            ? l10n.t('the cluster')
            : database.multiAz.enabled && database.multiAz.mode === 'cluster'
              ? l10n.t('the Multi-AZ DB cluster (the writer and both standbys)')
              : l10n.t('the instance');
      const stated = written === false ? '`deletionProtection: false`' : l10n.t('`deletionProtection` is not set, and AWS leaves it off unless asked');
      report({
        pointer,
        part: written === false ? 'value' : 'key',
        message:
          l10n.t(
            '{name} ({engine}) has no deletion protection ({stated}): a single delete call, whether a console click, a mistyped CLI command or an infrastructure change that replaces the resource, removes {what}.',
            { name: database.name, engine: engineName(database), stated, what },
          ) +
          ' ' +
          l10n.t('Set `deletionProtection: true`; a deliberate delete then first turns it off.'),
        fix: { kind: 'set', title: l10n.t('Turn on deletion protection (`deletionProtection: true`)'), pointer, value: true },
      });
    }
  },
});
