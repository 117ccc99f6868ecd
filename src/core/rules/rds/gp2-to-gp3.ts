// rds/gp2-to-gp3: gp2 storage where gp3 gives a steady baseline that does not depend on size.
import { RDS_GP2_PERFORMANCE, RDS_GP3_PERFORMANCE, RDS_STORAGE_TYPES_UNAVAILABLE } from '../../facts';
import * as l10n from '../../l10n';
import { formatNumber, gp3Baseline, rdsInstances, storagePointer, writes } from '../helpers/rds-storage';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'rds/gp2-to-gp3',
    description: `An RDS instance uses gp2 storage, where gp3 gives at least ${formatNumber(RDS_GP3_PERFORMANCE.value.small.iops)} IOPS at any size and IOPS you can raise without adding storage.`,
    severity: 'info',
    fixable: true,
    anchors: [],
  },
  check({ model, report }) {
    const gp2 = RDS_GP2_PERFORMANCE.value;
    for (const instance of rdsInstances(model)) {
      if (instance.storage.type !== 'gp2' || !writes(instance, 'type')) continue;
      // An engine without gp2 at all (Db2) is rds/storage-range's error.
      if (instance.family && RDS_STORAGE_TYPES_UNAVAILABLE.value[instance.family]?.includes('gp2')) continue;
      const pointer = storagePointer(instance, 'type');
      const size = instance.storage.sizeGiB;
      const gp3 = gp3Baseline(instance.family, size);
      if (size === undefined) {
        report({
          pointer,
          part: 'value',
          message:
            l10n.t`${instance.name} uses gp2 storage, whose baseline is ${gp2.iopsPerGiB} IOPS per GiB (bursting to ${formatNumber(gp2.burstIops)} while I/O credits last).` +
            ' ' +
            l10n.t`gp3 gives at least ${formatNumber(gp3.iops)} IOPS and ${formatNumber(gp3.throughputMiBps)} MiB/s at any size, and more can be bought without adding storage.` +
            ' ' +
            l10n.t('Consider `type: gp3`.'),
          fix: { kind: 'replace', title: l10n.t('Use gp3 storage (`type: gp3`)'), pointer, value: 'gp3' },
        });
        continue;
      }
      const gp2Iops = Math.min(gp2.maxIops, Math.max(gp2.minIops, gp2.iopsPerGiB * size));
      const keeps = gp3.iops >= gp2Iops;
      report({
        pointer,
        part: 'value',
        message:
          (gp2Iops < gp2.burstIops
            ? l10n.t`${instance.name} uses gp2 storage: at ${formatNumber(size)} GiB its baseline is ${formatNumber(gp2Iops)} IOPS (${gp2.iopsPerGiB} per GiB), bursting to ${formatNumber(gp2.burstIops)} while I/O credits last.`
            : l10n.t`${instance.name} uses gp2 storage: at ${formatNumber(size)} GiB its baseline is ${formatNumber(gp2Iops)} IOPS (${gp2.iopsPerGiB} per GiB).`) +
          ' ' +
          l10n.t`gp3 gives ${formatNumber(gp3.iops)} IOPS and ${formatNumber(gp3.throughputMiBps)} MiB/s at this size without credits (${gp3.note}), and more can be bought without adding storage.` +
          ' ' +
          (keeps ? l10n.t('Consider `type: gp3`.') : l10n.t('Consider `type: gp3` with `iops: {gp2Iops}` to keep today\'s baseline.', { gp2Iops })),
        fix: keeps ? { kind: 'replace', title: l10n.t('Use gp3 storage (`type: gp3`)'), pointer, value: 'gp3' } : undefined,
      });
    }
  },
});
