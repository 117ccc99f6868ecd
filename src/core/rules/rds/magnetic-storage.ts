// rds/magnetic-storage: a DB instance on deprecated magnetic storage.
import { RDS_GP3_PERFORMANCE, RDS_MAGNETIC_STORAGE, RDS_STORAGE_SIZE_GIB, RDS_STORAGE_TYPES_UNAVAILABLE } from '../../facts';
import * as l10n from '../../l10n';
import { formatNumber, rdsInstances, storagePointer, writes } from '../helpers/rds-storage';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    id: 'rds/magnetic-storage',
    description: 'An RDS instance uses magnetic storage, which is deprecated.',
    severity: 'warning',
    fixable: true,
    anchors: [],
  },
  check({ model, report }) {
    const magnetic = RDS_MAGNETIC_STORAGE.value;
    const gp3 = RDS_GP3_PERFORMANCE.value.small;
    const gp3Min = RDS_STORAGE_SIZE_GIB.value.gp3.min;
    for (const instance of rdsInstances(model)) {
      if (instance.storage.type !== 'magnetic' || !writes(instance, 'type')) continue;
      // An engine without magnetic storage at all (Db2) is rds/storage-range's error.
      if (instance.family && RDS_STORAGE_TYPES_UNAVAILABLE.value[instance.family]?.includes('magnetic')) continue;
      const pointer = storagePointer(instance, 'type');
      const size = instance.storage.sizeGiB;
      const tooSmall = size !== undefined && size < gp3Min;
      report({
        pointer,
        part: 'value',
        message:
          l10n.t`${instance.name} uses magnetic storage: legacy, at most ${formatNumber(magnetic.maxGiB)} GiB, no storage autoscaling, and deprecated, with migration to ${magnetic.migrationTo} from ${magnetic.migrationFrom}.` +
          ' ' +
          (tooSmall
            ? l10n.t('Use `type: {type}`: at least {iops} IOPS and {throughputMiBps} MiB/s at any size; gp3 needs at least {gp3Min} GiB, so raise `sizeGiB` from {size} as well.', { type: magnetic.migrationTo, iops: formatNumber(gp3.iops), throughputMiBps: formatNumber(gp3.throughputMiBps), gp3Min: formatNumber(gp3Min), size: formatNumber(size) })
            : l10n.t('Use `type: {type}`: at least {iops} IOPS and {throughputMiBps} MiB/s at any size.', { type: magnetic.migrationTo, iops: formatNumber(gp3.iops), throughputMiBps: formatNumber(gp3.throughputMiBps) })),
        fix: tooSmall ? undefined : { kind: 'replace', title: l10n.t('Use {type} storage (`type: {type}`)', { type: magnetic.migrationTo }), pointer, value: magnetic.migrationTo },
      });
    }
  },
});
