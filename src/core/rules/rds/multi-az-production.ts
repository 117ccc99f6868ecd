// rds/multi-az-production: a production RDS database without a standby in a second AZ. It reports only
// what the failure model (src/core/failure/az-loss.ts) confirms: the loss of one AZ stops its writes.
import { RDS_ENGINES_WITHOUT_MULTI_AZ, RDS_MULTI_AZ_INSTANCE_FAILOVER, RDS_PITR_LATEST_RESTORABLE_MINUTES } from '../../facts';
import * as l10n from '../../l10n';
import { azLoss } from '../../failure';
import { defineRule, inProduction } from '../rule';

export default defineRule({
  meta: {
    id: 'rds/multi-az-production',
    description: 'An RDS database in production runs without a Multi-AZ standby.',
    severity: inProduction('warning'),
    fixable: true,
    anchors: ['checkov CKV_AWS_157', 'Security Hub RDS.5', 'Trusted Advisor'],
  },
  check({ model, topology, report }) {
    const failover = RDS_MULTI_AZ_INSTANCE_FAILOVER.value;
    for (const database of model.databases) {
      if (database.service !== 'rds' || database.multiAz.enabled) continue;
      // SQL Server Express has no Multi-AZ deployment to turn on: advising (and quick-fixing) `multiAz: true` would break it.
      if (RDS_ENGINES_WITHOUT_MULTI_AZ.value.includes(database.engine)) continue;
      if (azLoss(model, topology, database).keepsWrites) continue;
      report({
        pointer: database.multiAz.pointer,
        part: database.multiAz.declared ? 'value' : 'key',
        message:
          l10n.t`${database.name} has no Multi-AZ standby: a host failure keeps it down while RDS recovers it, and an AZ outage or a lost volume keeps it down until the AZ is back or a backup is restored, which loses the writes after the latest restorable time (typically the last ${RDS_PITR_LATEST_RESTORABLE_MINUTES.value} minutes).` +
          ' ' +
          l10n.t('Set `multiAz: true` for a synchronous standby in another AZ (automatic failover typically {minSeconds}-{maxSeconds} s, no committed data lost).', { minSeconds: failover.minSeconds, maxSeconds: failover.maxSeconds }),
        fix: { kind: 'set', title: l10n.t('Turn on Multi-AZ (`multiAz: true`)'), pointer: `${database.pointer}/multiAz`, value: true },
      });
    }
  },
});
