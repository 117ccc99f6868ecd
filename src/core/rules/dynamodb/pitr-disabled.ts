// dynamodb/pitr-disabled: a table without point-in-time recovery (continuous backups).
import { DYNAMODB_PITR } from '../../facts';
import * as l10n from '../../l10n';
import { defineRule, inProduction } from '../rule';

export default defineRule({
  meta: {
    id: 'dynamodb/pitr-disabled',
    description: 'A DynamoDB table has point-in-time recovery off.',
    severity: inProduction('warning'),
    fixable: true,
    anchors: ['checkov CKV_AWS_28', 'Security Hub DynamoDB.2', 'trivy'],
  },
  check({ model, report }) {
    const pitr = DYNAMODB_PITR.value;
    for (const table of model.databases) {
      if (table.service !== 'dynamodb' || table.pointInTimeRecovery.enabled) continue;
      const { form } = table.pointInTimeRecovery;
      const written = form !== 'absent';
      // `{ enabled: false, recoveryPeriodDays: 7 }` is fixed at its `enabled`; `false` or a missing key at
      // `pointInTimeRecovery` itself.
      const pointer = form === 'object' ? `${table.pointer}/pointInTimeRecovery/enabled` : `${table.pointer}/pointInTimeRecovery`;
      report({
        pointer: written ? pointer : table.pointer,
        part: written ? 'value' : 'key',
        message:
          l10n.t`${table.name} has point-in-time recovery off: an accidental delete, a bad deploy or a job that overwrites items can only be undone from an on-demand backup, if one exists, losing everything written since.` +
          ' ' +
          l10n.t('With `pointInTimeRecovery: true` DynamoDB can restore the table, into a new table, to any second of the last {days} days up to about {minutes} minutes ago.', {
            days: pitr.defaultDays,
            minutes: pitr.latestRestorableMinutes,
          }),
        fix: { kind: 'set', title: l10n.t`Turn on point-in-time recovery`, pointer, value: true },
      });
    }
  },
});
