// redshift/snapshot-retention: an automated snapshot retention AWS does not accept.
import { REDSHIFT_SNAPSHOT_RETENTION_DAYS, redshiftNodeFamily } from '../../facts';
import * as l10n from '../../l10n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'redshift/snapshot-retention',
    description: 'A Redshift cluster keeps automated snapshots for more than 35 days, or for 0 days on RA3.',
    severity: 'error',
    fixable: true,
    anchors: ['checkov CKV_AWS_343', 'Security Hub Redshift.3'],
  },
  check({ model, report }) {
    const { max, ra3Min } = REDSHIFT_SNAPSHOT_RETENTION_DAYS.value;
    for (const cluster of model.databases) {
      // Serverless workgroups keep recovery points instead of a provisioned cluster's automated snapshots.
      if (cluster.service !== 'redshift' || cluster.serverless !== undefined) continue;
      const days = cluster.snapshotRetentionDays;
      if (days === undefined) continue;
      const pointer = `${cluster.pointer}/snapshotRetentionDays`;
      if (days > max) {
        report({
          pointer,
          part: 'value',
          message:
            l10n.t`${cluster.name} keeps automated snapshots for ${days} days; Redshift allows at most ${max} days.` +
            ' ' +
            l10n.t`Set ${max} or less, and keep longer-lived copies as manual snapshots (their retention is set separately).`,
          fix: { kind: 'replace', title: l10n.t`Keep automated snapshots for ${max} days`, pointer, value: max },
        });
      } else if (days === 0 && cluster.nodeType && redshiftNodeFamily(cluster.nodeType) === 'ra3') {
        report({
          pointer,
          part: 'value',
          message:
            l10n.t('{name} turns automated snapshots off (`snapshotRetentionDays: 0`), which RA3 clusters cannot do: their automated snapshots are kept for at least {days} day.', { name: cluster.name, days: ra3Min }) +
            ' ' +
            l10n.t`Set ${ra3Min} or more.`,
          fix: { kind: 'replace', title: l10n.t`Keep automated snapshots for ${ra3Min} day`, pointer, value: ra3Min },
        });
      }
    }
  },
});
